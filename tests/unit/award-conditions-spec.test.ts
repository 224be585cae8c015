/** The award_conditions table spec (ready for the catalogue package) carries exactly the migrated columns and accepts the seeded rows. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { awardConditionsSpec } from '../../src/main/core/exchange/tables-award-conditions';
import { TABLE_SPECS } from '../../src/main/core/exchange/tables';

describe('award_conditions on the wire', () => {
  it('names every column of the table, validates the seeded rows once owned, and refuses a bad shape', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const columns = (db.prepare('PRAGMA table_info(award_conditions)').all() as { name: string }[]).map((c) => c.name);
    expect([...awardConditionsSpec.columns].sort()).toEqual(columns.sort());
    expect(TABLE_SPECS.award_conditions).toBe(awardConditionsSpec);
    const rows = db.prepare('SELECT * FROM award_conditions').all() as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    const owner = '00000000-0000-4000-8000-0000000000a1';
    for (const r of rows) expect(awardConditionsSpec.schema.safeParse({ ...r, owner_id: owner }).success).toBe(true);
    expect(awardConditionsSpec.schema.safeParse({ ...rows[0], owner_id: owner, shape: 'anything' }).success).toBe(false);
    expect(awardConditionsSpec.schema.safeParse({ ...rows[0], owner_id: owner, subject_form_ids: '["x"]' }).success).toBe(false);
    expect(awardConditionsSpec.schema.safeParse({ ...rows[0], owner_id: owner, valid_to: '2000-01-01' }).success).toBe(false);
    db.close();
  });
});
