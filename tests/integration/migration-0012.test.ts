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

describe('migration 0012 (document options, issued letters)', () => {
  it('upgrades a database with data, keeps it, and locks issued letters', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v-prev.sqlite'));
    migrate(db, migrations.filter((m) => m.version < 12));
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO organizations (id, code, parent_id, level, sort_order, created_at, updated_at) VALUES ('o1', 'DV1', NULL, 'province', 0, ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO register_entries (id, issuer_id, year, number, kind_abbr, symbol, doc_date, subject, created_at) VALUES ('r1', 'o1', 2026, 7, 'KH', 'KH-LĐLĐ', '2026-03-05', 'Kế hoạch', ?)`).run(now);
    expect(migrate(db, migrations.filter((m) => m.version <= 12))).toEqual([12]);
    expect(db.prepare('SELECT number, symbol FROM register_entries').all()).toEqual([{ number: 7, symbol: 'KH-LĐLĐ' }]);

    db.prepare(`INSERT INTO document_options (kind, record_id, addressees, recipients, deadline, updated_at) VALUES ('decision', 'd1', NULL, ?, NULL, ?)`).run(JSON.stringify({ items: ['Tổng LĐLĐ Việt Nam (b/c)'], archive: 'VT, Ban TC-KT' }), now);
    expect(() => db.prepare(`INSERT INTO document_options (kind, record_id, deadline, updated_at) VALUES ('registration-reminder', 'p1', '15/3/2026', ?)`).run(now)).toThrow(/CHECK/);
    db.prepare(`INSERT INTO register_entries (id, issuer_id, year, number, kind_abbr, symbol, doc_date, subject, created_at) VALUES ('r2', 'o1', 2026, 8, 'CV', 'LĐLĐ-VP', '2026-03-06', 'V/v đôn đốc', ?)`).run(now);
    db.prepare(`INSERT INTO issued_letters (id, kind, scope_id, register_entry_id, snapshot, created_at) VALUES ('l1', 'registration-reminder', 'p1', 'r2', '{}', ?)`).run(now);
    expect(() => db.prepare(`UPDATE issued_letters SET snapshot = '{"x":1}' WHERE id = 'l1'`).run()).toThrow(/không thể sửa/);
    expect(() => db.prepare(`DELETE FROM issued_letters WHERE id = 'l1'`).run()).toThrow(/không thể xóa/);

    // The lookups the app makes use their index.
    expect(plan(db, 'SELECT * FROM document_options WHERE kind = ? AND record_id = ?', 'decision', 'd1')).toMatch(/USING PRIMARY KEY/);
    expect(plan(db, 'SELECT * FROM issued_letters WHERE kind = ? AND scope_id = ?', 'registration-reminder', 'p1')).toMatch(/USING INDEX issued_letters_scope/);
    expect(plan(db, 'SELECT id FROM issued_letters WHERE register_entry_id = ?', 'r2')).toMatch(/USING (COVERING )?INDEX issued_letters_register_entry/);
    db.close();
  });
});
