import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { tempDir } from '../helpers/core';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const OWN = 'own-office';
const UPPER = 'upper-office';
const plan = (db: Database.Database, q: string, ...p: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...p) as { detail: string }[]).map((r) => r.detail).join(' | ');

/** Rows as 0018 left them: this office's issued and draft plan and tờ trình, and an issued plan of the level above. */
function before21(file: string): Database.Database {
  const db = new Database(file);
  migrate(db, migrations.filter((m) => m.version < 21));
  db.pragma('foreign_keys = OFF'); // rows only: the units, forms and register entries they name are not the point
  const now = '2026-06-01T00:00:00.000Z';
  db.prepare("INSERT INTO office (id, organization_id, signer_authority, signer_title, signer_name, created_at, updated_at) VALUES (1, ?, 'TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Hà Văn Thành', ?, ?)").run(OWN, now, now);
  const insPlan = db.prepare("INSERT INTO plans (id, owner_id, issuer_id, subject, body, status, register_entry_id, issued_number, issued_date, created_at, updated_at) VALUES (?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?)");
  insPlan.run('plan-issued', OWN, OWN, 'Phát động thi đua năm 2026', 'issued', 'reg-1', 12, '2026-05-02', now, now);
  insPlan.run('plan-draft', OWN, OWN, 'Dự thảo', 'draft', null, null, null, now, now);
  insPlan.run('plan-upper', UPPER, UPPER, 'Kế hoạch của cấp trên', 'issued', 'reg-2', 31, '2026-04-01', now, now);
  const insProposal = db.prepare("INSERT INTO commendation_proposals (id, issuer_id, form_id, addressee, superior, status, register_entry_id, issued_number, issued_date, owner_id, revision, created_at, updated_at) VALUES (?, ?, 'form', 'Ban Thường vụ LĐLĐ tỉnh', 'Ban Thường vụ LĐLĐ tỉnh', ?, ?, ?, ?, ?, 1, ?, ?)");
  insProposal.run('ttr-issued', OWN, 'issued', 'reg-3', 5, '2026-06-10', OWN, now, now);
  insProposal.run('ttr-draft', OWN, 'draft', null, null, null, OWN, now, now);
  insProposal.run('ttr-lower', 'lower-office', 'issued', 'reg-4', 7, '2026-06-11', 'lower-office', now, now);
  const insItem = db.prepare('INSERT INTO commendation_proposal_items (proposal_id, nomination_id, sort_order) VALUES (?, ?, ?)');
  insItem.run('ttr-issued', 'n1', 0);
  insItem.run('ttr-draft', 'n2', 0);
  insItem.run('ttr-lower', 'n3', 0);
  return db;
}

describe('migration 0021 (issued plans and tờ trình locked in the database)', () => {
  it('upgrades with data and then refuses any change to this office’s issued plan or tờ trình', () => {
    dir = tempDir();
    const db = before21(join(dir, 'tdkt.sqlite'));
    expect(migrate(db, migrations)).toContain(21);
    // Rows untouched by the upgrade.
    expect(db.prepare('SELECT id, status, issued_number FROM plans ORDER BY id').all()).toEqual([
      { id: 'plan-draft', status: 'draft', issued_number: null },
      { id: 'plan-issued', status: 'issued', issued_number: 12 },
      { id: 'plan-upper', status: 'issued', issued_number: 31 },
    ]);
    expect(db.prepare('SELECT COUNT(*) FROM commendation_proposal_items').pluck().get()).toBe(3);

    // Issued: no edit, no delete, no change to the list, by any path.
    expect(() => db.prepare("UPDATE plans SET subject = 'Sửa sau khi ban hành' WHERE id = 'plan-issued'").run()).toThrow('Kế hoạch đã ban hành không thể sửa');
    expect(() => db.prepare("UPDATE plans SET deleted_at = '2026-07-01' WHERE id = 'plan-issued'").run()).toThrow('Kế hoạch đã ban hành không thể sửa');
    expect(() => db.prepare("DELETE FROM plans WHERE id = 'plan-issued'").run()).toThrow('Kế hoạch đã ban hành không thể xóa');
    expect(() => db.prepare("UPDATE commendation_proposals SET achievement = 'khác' WHERE id = 'ttr-issued'").run()).toThrow('Tờ trình đã ban hành không thể sửa');
    expect(() => db.prepare("DELETE FROM commendation_proposals WHERE id = 'ttr-issued'").run()).toThrow('Tờ trình đã ban hành không thể xóa');
    expect(() => db.prepare("INSERT INTO commendation_proposal_items (proposal_id, nomination_id, sort_order) VALUES ('ttr-issued', 'n9', 1)").run()).toThrow('Tờ trình đã ban hành không thể sửa danh sách');
    expect(() => db.prepare("UPDATE commendation_proposal_items SET sort_order = 3 WHERE proposal_id = 'ttr-issued'").run()).toThrow('Tờ trình đã ban hành không thể sửa danh sách');
    expect(() => db.prepare("DELETE FROM commendation_proposal_items WHERE proposal_id = 'ttr-issued'").run()).toThrow('Tờ trình đã ban hành không thể sửa danh sách');
    // A received (foreign) issued document is not editable either, but undoing its import may remove it whole.
    expect(() => db.prepare("UPDATE plans SET subject = 'x' WHERE id = 'plan-upper'").run()).toThrow('Kế hoạch đã ban hành không thể sửa');
    db.prepare("INSERT INTO commendation_proposal_items (proposal_id, nomination_id, sort_order) VALUES ('ttr-lower', 'n4', 1)").run();
    db.prepare("DELETE FROM commendation_proposal_items WHERE proposal_id = 'ttr-lower'").run();
    db.prepare("DELETE FROM commendation_proposals WHERE id = 'ttr-lower'").run();
    db.prepare("DELETE FROM plans WHERE id = 'plan-upper'").run();
    // Drafts stay free, and issuing one is the last change it takes.
    db.prepare("UPDATE plans SET subject = 'Dự thảo sửa' WHERE id = 'plan-draft'").run();
    db.prepare("INSERT INTO commendation_proposal_items (proposal_id, nomination_id, sort_order) VALUES ('ttr-draft', 'n5', 1)").run();
    db.prepare("UPDATE commendation_proposals SET status = 'issued', register_entry_id = 'reg-5', issued_number = 6, issued_date = '2026-06-20' WHERE id = 'ttr-draft'").run();
    expect(() => db.prepare("UPDATE commendation_proposals SET achievement = 'khác' WHERE id = 'ttr-draft'").run()).toThrow('Tờ trình đã ban hành không thể sửa');
    // The list triggers find their tờ trình by its primary key.
    expect(plan(db, "SELECT status FROM commendation_proposals WHERE id = 'ttr-issued'")).toMatch(/USING INDEX sqlite_autoindex_commendation_proposals_1/);
    db.close();
  });
});
