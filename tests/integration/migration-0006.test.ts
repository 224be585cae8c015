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

describe('migration 0006 (reports)', () => {
  it('upgrades a version-5 database with data, keeps it, and locks an issued report', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v5.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(5));
    const now = '2025-03-01T00:00:00.000Z';
    db.prepare("INSERT INTO organizations (id, code, level, created_at, updated_at) VALUES ('o1', 'DV1', 'province', ?, ?)").run(now, now);
    db.prepare("INSERT INTO movements (id, year, organization_id, name, created_at, updated_at) VALUES ('m1', 2025, 'o1', 'Phong trào', ?, ?)").run(now, now);
    db.prepare("INSERT INTO register_entries (id, issuer_id, year, number, kind_abbr, symbol, doc_date, subject, created_at) VALUES ('e1', 'o1', 2025, 7, 'BC', 'BC-LĐLĐ', '2025-03-01', 'Báo cáo', ?)").run(now);
    const formsBefore = db.prepare('SELECT count(*) FROM award_forms').pluck().get();

    expect(migrate(db, upTo(6))).toEqual([6]);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT number, subject FROM register_entries').all()).toEqual([{ number: 7, subject: 'Báo cáo' }]);
    expect(db.prepare('SELECT count(*) FROM award_forms').pluck().get()).toBe(formsBefore);

    const report = db.prepare("INSERT INTO phase_reports (id, owner_id, movement_id, phase_id, organization_id, body, status, register_entry_id, created_at, updated_at) VALUES (?, 'o1', 'm1', NULL, 'o1', '{}', ?, ?, ?, ?)");
    report.run('d1', 'draft', null, now, now);
    expect(db.prepare("SELECT figures, revision FROM phase_reports WHERE id = 'd1'").get()).toEqual({ figures: '{}', revision: 1 });
    expect(() => report.run('d2', 'issued', null, now, now)).toThrow(/CHECK/); // issued needs its register entry
    report.run('i1', 'issued', 'e1', now, now);
    expect(() => db.prepare("UPDATE phase_reports SET subject = 'sửa' WHERE id = 'i1'").run()).toThrow(/đã ban hành/);
    db.prepare("INSERT INTO exported_files (path, created_at) VALUES ('/tmp/a.docx', ?)").run(now);

    // A unit's report for a đợt is found through the scope index (reports.compose looks for an existing one).
    expect(queryPlan(db, 'SELECT id FROM phase_reports WHERE movement_id = ? AND phase_id IS ? AND organization_id = ?', 'm1', null, 'o1')).toMatch(/USING INDEX phase_reports_scope/);
    db.close();
  });
});
