import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { tempDir } from '../helpers/core';
import { dumpSchema, queryPlan, unindexedForeignKeys } from '../helpers/schema-dump';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const upTo = (v: number) => migrations.filter((m) => m.version <= v);

describe('migration 0007 (foreign-key indexes)', () => {
  it('upgrades a version-6 database with data, keeps it, and leaves no foreign key without an index', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v6.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(6));
    expect(unindexedForeignKeys(dumpSchema(db))).toContain('organizations(successor_id) → organizations');
    const now = '2025-07-01T00:00:00.000Z';
    const org = db.prepare("INSERT INTO organizations (id, code, level, parent_id, ended_on, successor_id, created_at, updated_at) VALUES (?, ?, 'upper', NULL, ?, ?, ?, ?)");
    org.run('into', 'DV1', null, null, now, now);
    org.run('a', 'DV2', '2025-07-01', 'into', now, now);
    org.run('b', 'DV3', '2025-07-01', 'into', now, now);
    db.prepare("INSERT INTO movements (id, year, organization_id, name, created_at, updated_at) VALUES ('m1', 2025, 'into', 'Phong trào', ?, ?)").run(now, now);

    expect(migrate(db, upTo(7))).toEqual([7]);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare("SELECT id FROM organizations WHERE successor_id = 'into' ORDER BY id").pluck().all()).toEqual(['a', 'b']);
    expect(db.prepare('SELECT name FROM movements').pluck().all()).toEqual(['Phong trào']);
    expect(unindexedForeignKeys(dumpSchema(db))).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // The lookup SQLite makes for the foreign key (units merged into one) now searches the index.
    expect(queryPlan(db, 'SELECT 1 FROM organizations WHERE successor_id = ?', 'into')).toMatch(/USING COVERING INDEX organizations_successor/);
    expect(queryPlan(db, 'SELECT 1 FROM registrations WHERE movement_id = ?', 'm1')).toMatch(/USING (COVERING )?INDEX registrations_movement/);
    expect(queryPlan(db, 'SELECT 1 FROM decision_awardees WHERE form_id = ?', 'f')).toMatch(/USING COVERING INDEX decision_awardees_form/);
    db.close();
  });
});
