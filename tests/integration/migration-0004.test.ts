import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { tempDir } from '../helpers/core';
import { queryPlan } from '../helpers/schema-dump';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const upTo = (v: number) => migrations.filter((m) => m.version <= v);

describe('migration 0004 (exchange)', () => {
  it('upgrades a version-3 database with data, keeps it, and applies a package id once until it is undone', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v3.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(3));
    const now = '2024-05-01T00:00:00.000Z';
    db.prepare("INSERT INTO organizations (id, code, level, created_at, updated_at) VALUES ('o1', 'DV1', 'province', ?, ?)").run(now, now);
    db.prepare("INSERT INTO organization_names (organization_id, valid_from, name, short_name, abbreviation, place_name, parent_line, search_key) VALUES ('o1', '0001-01-01', 'Liên đoàn Lao động tỉnh Bắc Kạn', 'LĐLĐ tỉnh Bắc Kạn', 'LĐLĐ', 'Bắc Kạn', '', 'lien doan')").run();
    db.prepare("INSERT INTO movements (id, year, organization_id, name, created_at, updated_at) VALUES ('m1', 2024, 'o1', 'Phong trào', ?, ?)").run(now, now);
    db.prepare("INSERT INTO registrations (id, owner_id, movement_id, phase_id, organization_id, created_at, updated_at) VALUES ('r1', 'o1', 'm1', NULL, 'o1', ?, ?)").run(now, now);

    expect(migrate(db, upTo(4))).toEqual([4]);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT name FROM organization_names').pluck().all()).toEqual(['Liên đoàn Lao động tỉnh Bắc Kạn']);
    expect(db.prepare('SELECT id, movement_id FROM registrations').all()).toEqual([{ id: 'r1', movement_id: 'm1' }]);

    const imported = db.prepare(
      "INSERT INTO exchange_imports (package_id, kind, sender_id, sender_name, sequence, created, imported_at, counts, backup_file, undone_at) VALUES ('p1', 'plans', 'o2', 'Tỉnh', 1, ?, ?, '{}', 'b.sqlite', ?)",
    );
    const first = Number(imported.run(now, now, null).lastInsertRowid);
    expect(() => imported.run(now, now, null)).toThrow(/UNIQUE/);
    db.prepare('UPDATE exchange_imports SET undone_at = ? WHERE id = ?').run(now, first);
    imported.run(now, now, null); // again only after an undo
    db.prepare("INSERT INTO exchange_journal (import_id, ord, table_name, record_id, before, after_digest) VALUES (?, 0, 'plans', 'x', NULL, 'd')").run(first);
    expect(() => db.prepare("INSERT INTO exchange_journal (import_id, ord, table_name, record_id, before, after_digest) VALUES (999, 0, 'plans', 'x', NULL, 'd')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO exchange_identity (id, office_id, public_key, private_key, fingerprint, created_at) VALUES (2, 'o1', 'k', 'k', 'f', ?)").run(now)).toThrow(/CHECK/);

    // The replay check of an import reads the live row through the partial unique index.
    expect(queryPlan(db, 'SELECT 1 FROM exchange_imports WHERE package_id = ? AND undone_at IS NULL', 'p1')).toMatch(/USING (COVERING )?INDEX exchange_imports_live/);
    db.close();
  });
});
