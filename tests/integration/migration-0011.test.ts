import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { personRow } from '../../src/main/core/services/people';
import { tempDir } from '../helpers/core';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const plan = (db: Database.Database, query: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0011 (search indexes)', () => {
  it('upgrades a version-7 database with people: live people only in the prefix-indexed FTS, kept in step by the triggers', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v7.sqlite'));
    migrate(db, migrations.filter((m) => m.version < 11));
    const insert = db.prepare(
      'INSERT INTO people (id, organization_id, full_name, birth_year, gender, position, search_key, sort_key, owner_id, revision, deleted_at, created_at, updated_at) VALUES (@id, @organization_id, @full_name, @birth_year, @gender, @position, @search_key, @sort_key, @owner_id, @revision, @deleted_at, @created_at, @updated_at)',
    );
    const names = ['Nguyễn Văn An', 'Đặng Thị Hà', 'Nông Văn Dền', 'Ngô Thị Thu', 'Hoàng Đức Nam'];
    names.forEach((fullName, i) => insert.run({ ...personRow({ fullName, organizationId: null, birthYear: 1980, gender: '', position: '' }), deleted_at: i === 4 ? '2026-01-01' : null }));
    expect(migrate(db, migrations.filter((m) => m.version <= 11))).toEqual([11]);

    const match = (q: string) => db.prepare('SELECT count(*) FROM people_fts WHERE people_fts MATCH ?').pluck().get(q);
    expect(match('"n"*')).toBe(3); // Nguyễn, Nông, Ngô; the tombstoned Nam is not indexed
    expect(match('"da"*')).toBe(1);
    // Tombstoning and reviving a person, renaming one: the index follows.
    db.prepare("UPDATE people SET deleted_at = '2026-02-01' WHERE full_name = 'Ngô Thị Thu'").run();
    expect(match('"n"*')).toBe(2);
    db.prepare('UPDATE people SET deleted_at = NULL WHERE full_name = ?').run('Hoàng Đức Nam');
    expect(match('"nam"*')).toBe(1);
    db.prepare("UPDATE people SET full_name = 'Nông Văn Sáng', search_key = 'nong van sang' WHERE full_name = 'Nông Văn Dền'").run();
    expect(match('"den"*')).toBe(0);
    expect(match('"sang"*')).toBe(1);
    db.prepare("DELETE FROM people WHERE full_name = 'Ngô Thị Thu'").run(); // a tombstone never indexed: no FTS delete
    db.prepare("DELETE FROM people WHERE full_name = 'Đặng Thị Hà'").run();
    expect(match('"da"*')).toBe(0);
    expect(match('"d"*')).toBe(1); // Đức of the revived Hoàng Đức Nam
    expect(db.prepare("INSERT INTO people_fts(people_fts, rank) VALUES ('integrity-check', 1)").run().changes).toBeGreaterThanOrEqual(0);

    // The list pages read the live sort index; lists of a phase use the scope index.
    expect(plan(db, 'SELECT p.rowid FROM people p WHERE p.deleted_at IS NULL ORDER BY p.sort_key LIMIT 50 OFFSET 100')).toMatch(/people_live_sort/);
    expect(plan(db, 'SELECT p.rowid FROM people p WHERE p.deleted_at IS NULL AND p.organization_id = ? ORDER BY p.sort_key LIMIT 50', 'x')).toMatch(/people_live_org_sort/);
    expect(plan(db, 'SELECT * FROM registrations WHERE movement_id = ? AND phase_id = ? AND deleted_at IS NULL', 'm', 'p')).toMatch(/registrations_scope/);
    db.close();
  });
});
