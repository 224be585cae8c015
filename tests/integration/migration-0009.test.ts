import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { SEEDED_LEGAL_BASES, UNION_FORMS } from '../../src/main/core/db/migrations/0009-paperwork-across-levels';
import { tempDir } from '../helpers/core';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const now = '2026-06-01T00:00:00.000Z';

describe('migration 0009 (paperwork across levels)', () => {
  it('upgrades a database with people and decisions: keeps them, seeds union forms and căn cứ, indexes matching and merges', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v6.sqlite'));
    migrate(db, migrations.filter((m) => m.version <= 6));
    const ins = (sql: string, ...p: unknown[]) => db.prepare(sql).run(...p);
    ins(`INSERT INTO organizations (id, code, level, created_at, updated_at) VALUES ('own', 'DV1', 'upper', ?, ?), ('up', 'DV0', 'province', ?, ?)`, now, now, now, now);
    ins(`INSERT INTO office (id, organization_id, signer_authority, signer_title, signer_name, created_at, updated_at) VALUES (1, 'own', 'TM.', 'CHỦ TỊCH', 'A', ?, ?)`, now, now);
    ins(`INSERT INTO people (id, organization_id, full_name, birth_year, search_key, sort_key, created_at, updated_at) VALUES ('p1', 'own', 'Đặng Thị An', 1985, 'dang thi an', 'k', ?, ?)`, now, now);
    for (const [id, issuer, n] of [['d-own', 'own', 1], ['d-up', 'up', 7]] as const) {
      ins(`INSERT INTO register_entries (id, issuer_id, year, number, kind_abbr, symbol, doc_date, subject, created_at) VALUES (?, ?, 2026, ?, 'QĐ', 'QĐ-LĐLĐ', '2026-06-15', 'x', ?)`, `r-${id}`, issuer, n, now);
      ins(`INSERT INTO decisions (id, issuer_id, period_year, decision_date, status, register_entry_id, issued_number, owner_id, created_at, updated_at) VALUES (?, ?, 2026, '2026-06-15', 'issued', ?, ?, ?, ?, ?)`, id, issuer, `r-${id}`, n, issuer, now, now);
    }
    expect(migrate(db, migrations)).toEqual(migrations.filter((m) => m.version > 6).map((m) => m.version));

    expect(db.prepare('SELECT full_name, birth_year, birth_date, id_number FROM people').all()).toEqual([{ full_name: 'Đặng Thị An', birth_year: 1985, birth_date: null, id_number: null }]);
    const forms = db.prepare(`SELECT id, name FROM award_forms WHERE id IN (${UNION_FORMS.map(() => '?').join(',')}) ORDER BY id`).all(...UNION_FORMS.map((f) => f.id)) as { name: string }[];
    expect(forms.map((f) => f.name)).toEqual(UNION_FORMS.map((f) => f.name.normalize('NFC')));
    const coefs = db.prepare(`SELECT coefficient_milli AS c, needs_check AS n FROM award_coefficients WHERE form_id = ? ORDER BY target`);
    for (const f of UNION_FORMS) expect(coefs.all(f.id)).toEqual([{ c: f.coef[1], n: 1 }, { c: f.coef[0], n: 1 }]);
    expect(db.prepare('SELECT text FROM legal_bases ORDER BY sort_order').pluck().all()).toEqual(SEEDED_LEGAL_BASES.map((b) => b.text.normalize('NFC')));

    // The office's own issued decision and register entry stay undeletable; another office's copy may go (undo of its import).
    expect(() => ins("DELETE FROM decisions WHERE id = 'd-own'")).toThrow(/không thể xóa/);
    expect(() => ins("DELETE FROM register_entries WHERE id = 'r-d-own'")).toThrow(/không thể xóa/);
    ins("DELETE FROM decisions WHERE id = 'd-up'");
    ins("DELETE FROM register_entries WHERE id = 'r-d-up'");
    expect(() => ins("UPDATE decisions SET subject = 'y' WHERE id = 'd-own'")).toThrow(/không thể sửa/);

    // Candidate lookups and merge reads use their indexes.
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT * FROM people WHERE search_key = 'dang thi an' AND organization_id = 'own'")).toMatch(/USING INDEX people_match/);
    expect(plan("SELECT merged_id FROM person_merges WHERE survivor_id = 'p1'")).toMatch(/USING (COVERING )?INDEX person_merges_survivor/);
    expect(plan("SELECT * FROM legal_bases WHERE valid_from <= '2026-06-15'")).toMatch(/USING INDEX legal_bases_valid/);
    db.close();
  });
});
