import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { SEEDED_CONDITIONS } from '../../src/main/core/db/migrations/0010-award-conditions';
import { tempDir } from '../helpers/core';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0010 (award conditions, history, sáng kiến, override)', () => {
  it('upgrades a database with reviews in it, seeds the conditions flagged "cần kiểm tra", and reads history through its indexes', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v6.sqlite'));
    migrate(db, migrations.filter((m) => m.version < 10));
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO organizations (id, code, parent_id, level, sort_order, created_at, updated_at) VALUES ('00000000-0000-4000-8000-0000000000a1', 'DV1', NULL, 'province', 0, ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO people (id, organization_id, full_name, birth_year, gender, position, search_key, sort_key, revision, created_at, updated_at) VALUES ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000a1', 'Đặng Thị An', 1985, '', '', 'dang thi an', 'x', 1, ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO nominations (id, period_year, source_org_id, target, person_id, organization_id, display_name, search_key, proposed_form_id, created_at, updated_at) VALUES ('n1', 2025, '00000000-0000-4000-8000-0000000000a1', 'individual', '00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000a1', 'Đặng Thị An', 'dang thi an', '00000000-0000-4000-8000-000000000605', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO nomination_reviews (id, nomination_id, reviewed_on, council_size, votes_for, required_share_pct, result, reason, checks, created_at, updated_at) VALUES ('r1', 'n1', '2025-12-01', 5, 5, 50, 'approved', '', '[]', ?, ?)`).run(now, now);
    expect(migrate(db, migrations)).toContain(10);
    expect(db.prepare('SELECT id, override_reason FROM nomination_reviews').all()).toEqual([{ id: 'r1', override_reason: '' }]);
    const seeded = db.prepare('SELECT id, label, source, needs_check, valid_from FROM award_conditions ORDER BY sort_order').all() as { id: string; label: string; source: string; needs_check: number; valid_from: string }[];
    expect(seeded.map((c) => c.id)).toEqual(SEEDED_CONDITIONS.map((c) => c.id));
    for (const c of seeded) {
      expect(c.needs_check).toBe(1);
      expect(c.source).toMatch(/cần kiểm tra/);
      expect(c.label).toBe(c.label.normalize('NFC'));
    }
    // Every subject form of a seeded condition is a seeded catalogue row.
    const forms = new Set((db.prepare('SELECT id FROM award_forms').all() as { id: string }[]).map((f) => f.id));
    for (const c of SEEDED_CONDITIONS) for (const s of [c.formId, ...c.subjects]) expect(forms.has(s)).toBe(true);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(`SELECT * FROM award_history WHERE person_id IN (SELECT value FROM json_each('["x"]')) AND year BETWEEN 2020 AND 2026`)).toMatch(/USING INDEX award_history_person/);
    expect(plan(`SELECT * FROM award_history WHERE organization_id = 'x' AND year = 2026`)).toMatch(/USING INDEX award_history_org/);
    expect(plan(`SELECT * FROM initiatives WHERE person_id = 'x' AND year BETWEEN 2020 AND 2026`)).toMatch(/USING INDEX initiatives_person/);
    expect(plan(`SELECT * FROM award_conditions WHERE form_id = 'x' AND target = 'individual'`)).toMatch(/USING INDEX award_conditions_form/);
    // Imported history is marked as such and unique per line.
    const ins = db.prepare(`INSERT INTO award_history (id, target, person_id, organization_id, name, form_id, year, decision_number, import_key, created_at, updated_at) VALUES (?, 'individual', '00000000-0000-4000-8000-0000000000b1', NULL, 'Đặng Thị An', '00000000-0000-4000-8000-000000000605', 2024, '12/QĐ-LĐLĐ', 'k1', ?, ?)`);
    ins.run('h1', now, now);
    expect(db.prepare('SELECT origin FROM award_history').get()).toEqual({ origin: 'imported' });
    expect(() => ins.run('h2', now, now)).toThrow(/UNIQUE/);
    db.close();
  });
});
