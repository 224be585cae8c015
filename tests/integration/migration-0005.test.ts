import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { SEEDED_BASE_SALARIES, SEEDED_FORMS } from '../../src/main/core/db/migrations/0005-commendations';
import { tempDir } from '../helpers/core';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0005 (commendations)', () => {
  it('upgrades a version-4 database and seeds the catalogue and the dated tables from docs/rules.md §4', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v4.sqlite'));
    migrate(db, migrations.filter((m) => m.version <= 4));
    expect(migrate(db, migrations.filter((m) => m.version <= 5))).toEqual([5]);
    const forms = db.prepare('SELECT id, name FROM award_forms ORDER BY sort_order').all() as { id: string; name: string }[];
    expect(forms).toHaveLength(SEEDED_FORMS.length);
    for (const f of forms) expect(f.name).toBe(f.name.normalize('NFC'));
    const coef = (name: string, target: string, at: string) =>
      (db.prepare(
        `SELECT c.coefficient_milli AS c FROM award_coefficients c JOIN award_forms f ON f.id = c.form_id
         WHERE f.name = ? AND c.target = ? AND c.valid_from <= ? ORDER BY c.valid_from DESC LIMIT 1`,
      ).get(name, target, at) as { c: number } | undefined)?.c;
    // Acceptance rule 19 (NĐ 152/2025).
    expect(coef('Giấy khen', 'individual', '2025-08-01')).toBe(300);
    expect(coef('Giấy khen', 'collective', '2025-08-01')).toBe(600);
    expect(coef('Bằng khen của Tổng Liên đoàn Lao động Việt Nam', 'individual', '2025-08-01')).toBe(1500);
    expect(coef('Bằng khen của Thủ tướng Chính phủ', 'collective', '2025-08-01')).toBe(7000);
    expect(coef('Chiến sĩ thi đua cơ sở', 'individual', '2025-08-01')).toBe(1000);
    expect(coef('Tập thể lao động tiên tiến', 'collective', '2025-08-01')).toBe(800);
    const salaries = db.prepare('SELECT amount, valid_from, needs_check FROM base_salaries ORDER BY valid_from').all() as { amount: number; valid_from: string; needs_check: number }[];
    expect(salaries.map((s) => [s.valid_from, s.amount])).toEqual(SEEDED_BASE_SALARIES.map((s) => [s.validFrom, s.amount]));
    expect(salaries.find((s) => s.valid_from === '2026-07-01')?.needs_check).toBe(1);
    expect(db.prepare('SELECT mode, step FROM rounding_rules').all()).toEqual([{ mode: 'ceil', step: 10000 }]);
    db.close();
  });

  it('locks issued decisions in the database itself', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'lock.sqlite'));
    migrate(db, migrations);
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO organizations (id, code, parent_id, level, sort_order, created_at, updated_at) VALUES ('o1', 'DV1', NULL, 'province', 0, ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO register_entries (id, issuer_id, year, number, kind_abbr, symbol, doc_date, subject, created_at) VALUES ('r1', 'o1', 2026, 1, 'QĐ', 'QĐ-LĐLĐ', '2026-06-15', 'x', ?)`).run(now);
    db.prepare(`INSERT INTO decisions (id, issuer_id, period_year, decision_date, status, register_entry_id, issued_number, created_at, updated_at) VALUES ('d1', 'o1', 2026, '2026-06-15', 'issued', 'r1', 1, ?, ?)`).run(now, now);
    expect(() => db.prepare(`UPDATE decisions SET subject = 'y' WHERE id = 'd1'`).run()).toThrow(/không thể sửa/);
    expect(() => db.prepare(`DELETE FROM decisions WHERE id = 'd1'`).run()).toThrow(/không thể xóa/);
    expect(() =>
      db.prepare(`INSERT INTO decision_awardees (id, decision_id, target, organization_id, name, search_key, form_id, created_at, updated_at) VALUES ('a1', 'd1', 'collective', 'o1', 'X', 'x', '00000000-0000-4000-8000-000000000601', ?, ?)`).run(now, now),
    ).toThrow(/không thể sửa danh sách/);
    db.close();
  });
});
