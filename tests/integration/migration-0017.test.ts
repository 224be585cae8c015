import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { tempDir } from '../helpers/core';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const plan = (db: Database.Database, q: string, ...p: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...p) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0017 (person merges travel)', () => {
  it('turns the merges made before into records of the office, keeping the alias map as it was', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v-prev.sqlite'));
    migrate(db, migrations.filter((m) => m.version < 17));
    const now = '2026-05-01T08:00:00.000Z';
    db.prepare(`INSERT INTO organizations (id, code, parent_id, level, sort_order, created_at, updated_at) VALUES ('o1', 'DV1', NULL, 'province', 0, ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO office (id, organization_id, signer_authority, signer_title, signer_name, created_at, updated_at) VALUES (1, 'o1', 'TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Vi Văn Nghĩa', ?, ?)`).run(now, now);
    const person = db.prepare(`INSERT INTO people (id, organization_id, full_name, birth_year, gender, position, search_key, sort_key, revision, created_at, updated_at) VALUES (?, 'o1', 'Đặng Thị An', ?, '', '', 'dang thi an', 'k', 1, ?, ?)`);
    for (const [id, year] of [['p1', 1985], ['p2', null], ['p3', null]] as const) person.run(id, year, now, now);
    // p3 was merged into p2, then p2 into p1: the alias map says both are p1.
    const merge = db.prepare('INSERT INTO person_merges (merged_id, survivor_id, merged_at) VALUES (?, ?, ?)');
    merge.run('p3', 'p1', '2026-05-02T00:00:00.000Z');
    merge.run('p2', 'p1', '2026-05-03T00:00:00.000Z');
    expect(migrate(db, migrations.filter((m) => m.version <= 17))).toEqual([17]);
    const records = db.prepare('SELECT id, merged_id, survivor_id, owner_id, revision, deleted_at, created_at FROM person_merge_records ORDER BY created_at').all() as Record<string, unknown>[];
    expect(records.map(({ id: _id, ...r }) => r)).toEqual([
      { merged_id: 'p3', survivor_id: 'p1', owner_id: 'o1', revision: 1, deleted_at: null, created_at: '2026-05-02T00:00:00.000Z' },
      { merged_id: 'p2', survivor_id: 'p1', owner_id: 'o1', revision: 1, deleted_at: null, created_at: '2026-05-03T00:00:00.000Z' },
    ]);
    for (const r of records) expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(db.prepare('SELECT merged_id, survivor_id FROM person_merges ORDER BY merged_id').all()).toEqual([
      { merged_id: 'p2', survivor_id: 'p1' },
      { merged_id: 'p3', survivor_id: 'p1' },
    ]);
    // Undoing a package that brought a person asks whether a merge names them: through the new indexes.
    expect(plan(db, 'SELECT 1 FROM person_merge_records WHERE merged_id = ? LIMIT 1', 'p2')).toMatch(/USING (COVERING )?INDEX person_merge_records_merged/);
    expect(plan(db, 'SELECT 1 FROM person_merge_records WHERE survivor_id = ? LIMIT 1', 'p1')).toMatch(/USING (COVERING )?INDEX person_merge_records_survivor/);
    expect(() => db.prepare(`INSERT INTO person_merge_records (id, merged_id, survivor_id, created_at, updated_at) VALUES ('x', 'p1', 'p1', ?, ?)`).run(now, now)).toThrow(/CHECK/);
    db.close();
  });
});
