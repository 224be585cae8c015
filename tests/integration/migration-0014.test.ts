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

describe('migration 0014 (general documents, council meetings, achievement reports)', () => {
  it('upgrades a database with data, keeps it, locks issued general documents, and uses the intended indexes', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v-prev.sqlite'));
    migrate(db, migrations.filter((m) => m.version < 14));
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO organizations (id, code, parent_id, level, sort_order, created_at, updated_at) VALUES ('o1', 'DV1', NULL, 'grassroots', 0, ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO register_entries (id, issuer_id, year, number, kind_abbr, symbol, doc_date, subject, created_at) VALUES ('r1', 'o1', 2026, 4, 'HD', 'HD-CĐ', '2026-03-12', 'Hướng dẫn', ?)`).run(now);
    expect(migrate(db, migrations.filter((m) => m.version <= 14))).toEqual([14]);
    expect(db.prepare('SELECT number, symbol FROM register_entries').all()).toEqual([{ number: 4, symbol: 'HD-CĐ' }]);

    const insert = db.prepare(
      `INSERT INTO general_documents (id, owner_id, issuer_id, kind, subject, body, status, register_entry_id, issued_number, issued_date, created_at, updated_at) VALUES (?, 'o1', 'o1', ?, 'Bình xét', '{}', ?, ?, ?, ?, ?, ?)`,
    );
    insert.run('g1', 'HD', 'issued', 'r1', 4, '2026-03-12', now, now);
    insert.run('g2', 'CV', 'draft', null, null, null, now, now);
    expect(() => insert.run('g3', 'QĐ', 'draft', null, null, null, now, now)).toThrow(/CHECK/);
    // Issued means numbered, both ways.
    expect(() => insert.run('g4', 'TB', 'issued', null, null, null, now, now)).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE general_documents SET subject = 'Khác' WHERE id = 'g1'`).run()).toThrow(/đã ban hành/);
    db.prepare(`UPDATE general_documents SET subject = 'Công văn' WHERE id = 'g2'`).run();

    db.prepare(`INSERT INTO council_meetings (id, owner_id, meeting_date, body, created_at, updated_at) VALUES ('m1', 'o1', '2026-06-10', '{}', ?, ?)`).run(now, now);
    expect(plan(db, `SELECT id FROM general_documents WHERE issuer_id = ? AND status = ?`, 'o1', 'issued')).toMatch(/USING (COVERING )?INDEX general_documents_issuer/);
    expect(plan(db, `SELECT meeting_id FROM council_meeting_nominations WHERE nomination_id = ?`, 'n1')).toMatch(/USING (COVERING )?INDEX council_meeting_nominations_nomination/);
    expect(plan(db, `SELECT nomination_id FROM council_meeting_nominations WHERE meeting_id = ? ORDER BY position`, 'm1')).toMatch(/PRIMARY KEY|sqlite_autoindex/);
    expect(plan(db, `SELECT body FROM achievement_reports WHERE nomination_id = ? AND deleted_at IS NULL`, 'n1')).toMatch(/USING INDEX achievement_reports_(live|nomination)/);
    db.close();
  });
});
