import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Paperwork across levels (issue 12).
 * - One person, one identity: birth date and CCCD (CCCD stays local, never travels) for matching, and
 *   `person_merges` (local): a merged id stays as an alias of its survivor, so records naming either id,
 *   including those that arrive later in packages, read as one person.
 * - Legal bases (căn cứ) are dated data, like coefficients and lương cơ sở; the catalogue package carries them.
 * - The union's own award forms (sources in DESIGN.md, "Paperwork across levels"; money seeded from the
 *   state table at the same level until 999/QĐ-TLĐ is read, so flagged "cần kiểm tra").
 * - Locks that guard this office's own register and decisions no longer block undoing an import of
 *   another office's decision (its copy here is removed whole, register entry included).
 */

const SEED_TIME = '2026-01-01T00:00:00.000Z';
const UNION_NOTE = 'Hình thức của tổ chức Công đoàn (Quy chế khen thưởng 999/QĐ-TLĐ chưa đối chiếu) — cần kiểm tra';

/** Fixed ids, the same in every installation (as the forms of migration 0005). */
export const UNION_FORMS = [
  { id: '00000000-0000-4000-8000-000000000615', kind: 'form', name: 'Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh', targets: 'both', level: 'Liên đoàn Lao động tỉnh, thành phố', coef: [1500, 3000] },
  { id: '00000000-0000-4000-8000-000000000616', kind: 'form', name: 'Giấy khen của Ban Chấp hành Liên đoàn Lao động tỉnh', targets: 'both', level: 'Liên đoàn Lao động tỉnh, thành phố', coef: [300, 600] },
  { id: '00000000-0000-4000-8000-000000000617', kind: 'form', name: 'Giấy khen của Ban Chấp hành công đoàn ngành', targets: 'both', level: 'Công đoàn ngành', coef: [300, 600] },
  { id: '00000000-0000-4000-8000-000000000618', kind: 'form', name: 'Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở', targets: 'both', level: 'Công đoàn cấp trên trực tiếp cơ sở', coef: [300, 600] },
  { id: '00000000-0000-4000-8000-000000000619', kind: 'form', name: 'Giấy khen của Ban Chấp hành công đoàn cơ sở', targets: 'both', level: 'Công đoàn cơ sở', coef: [300, 600] },
] as const;

/** Căn cứ lines as dated data (domain-rules.md §4.1, §3.3); wording not read from the official text is flagged. */
export const SEEDED_LEGAL_BASES = [
  { id: '00000000-0000-4000-8000-000000000a01', text: 'Căn cứ Điều lệ Công đoàn Việt Nam', appliesTo: 'both', validFrom: '1900-01-01', source: 'Mẫu quyết định khen thưởng của tổ chức Công đoàn', check: 0 },
  { id: '00000000-0000-4000-8000-000000000a02', text: 'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022', appliesTo: 'both', validFrom: '2024-01-01', source: 'Luật 06/2022/QH15, hiệu lực 01/01/2024', check: 0 },
  { id: '00000000-0000-4000-8000-000000000a03', text: 'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng', appliesTo: 'both', validFrom: '2025-07-01', source: 'NĐ 152/2025/NĐ-CP, hiệu lực 01/7/2025 — trích yếu cần kiểm tra', check: 1 },
  { id: '00000000-0000-4000-8000-000000000a04', text: 'Căn cứ Quy chế Khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 999/QĐ-TLĐ ngày 29/5/2024 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam', appliesTo: 'both', validFrom: '2024-05-29', source: '999/QĐ-TLĐ (29/5/2024) — nội dung chưa đối chiếu, cần kiểm tra', check: 1 },
] as const;

function seed(db: Database.Database): void {
  const order = (db.prepare('SELECT COALESCE(MAX(sort_order), 0) FROM award_forms').pluck().get() as number) + 1;
  const insForm = db.prepare(
    `INSERT OR IGNORE INTO award_forms (id, kind, name, targets, issuing_level, required_share_pct, sort_order, note, owner_id, revision, deleted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 50, ?, ?, NULL, 1, NULL, ?, ?)`,
  );
  const insCoef = db.prepare(
    `INSERT OR IGNORE INTO award_coefficients (id, form_id, target, coefficient_milli, valid_from, source, needs_check, owner_id, revision, deleted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, '2025-07-01', ?, 1, NULL, 1, NULL, ?, ?)`,
  );
  let n = 0;
  UNION_FORMS.forEach((f, i) => {
    insForm.run(f.id, f.kind, f.name.normalize('NFC'), f.targets, f.level.normalize('NFC'), order + i, UNION_NOTE.normalize('NFC'), SEED_TIME, SEED_TIME);
    (['individual', 'collective'] as const).forEach((target, t) => {
      const source = `NĐ 152/2025/NĐ-CP Điều 54, ${f.coef[t] === 300 || f.coef[t] === 600 ? 'mức Giấy khen' : 'mức bộ, ban, ngành, tỉnh'} — cần kiểm tra`;
      insCoef.run(`00000000-0000-4000-8000-000000007${String(900 + ++n)}`, f.id, target, f.coef[t], source.normalize('NFC'), SEED_TIME, SEED_TIME);
    });
  });
  const insBasis = db.prepare(
    `INSERT INTO legal_bases (id, text, applies_to, valid_from, valid_to, sort_order, source, needs_check, owner_id, revision, deleted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL, 1, NULL, ?, ?)`,
  );
  SEEDED_LEGAL_BASES.forEach((b, i) => insBasis.run(b.id, b.text.normalize('NFC'), b.appliesTo, b.validFrom, i + 1, b.source.normalize('NFC'), b.check, SEED_TIME, SEED_TIME));
}

/** The office's own rows stay locked; a copy of another office's row may go with the undo of its import. */
const NOT_FOREIGN = (issuer: string) => `NOT EXISTS (SELECT 1 FROM office WHERE organization_id <> ${issuer})`;

export const m0009: Migration = {
  version: 9,
  name: 'paperwork-across-levels',
  up(db) {
    db.exec(`
      ALTER TABLE people ADD COLUMN birth_date TEXT;
      -- Căn cước công dân: local only, used to tell two people of the same name apart.
      ALTER TABLE people ADD COLUMN id_number TEXT;
      CREATE INDEX people_match ON people(search_key, organization_id);

      CREATE TABLE person_merges (
        merged_id TEXT PRIMARY KEY REFERENCES people(id),
        survivor_id TEXT NOT NULL REFERENCES people(id),
        merged_at TEXT NOT NULL,
        CHECK (merged_id <> survivor_id)
      ) STRICT;
      CREATE INDEX person_merges_survivor ON person_merges(survivor_id);

      CREATE TABLE legal_bases (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        applies_to TEXT NOT NULL DEFAULT 'both' CHECK (applies_to IN ('decision', 'proposal', 'both')),
        valid_from TEXT NOT NULL,
        valid_to TEXT,
        sort_order INTEGER NOT NULL DEFAULT 0,
        source TEXT NOT NULL DEFAULT '',
        needs_check INTEGER NOT NULL DEFAULT 0,
        owner_id TEXT, revision INTEGER NOT NULL DEFAULT 1, deleted_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        CHECK (valid_to IS NULL OR valid_from <= valid_to)
      ) STRICT;
      CREATE INDEX legal_bases_valid ON legal_bases(valid_from);

      DROP TRIGGER register_entries_no_delete;
      CREATE TRIGGER register_entries_no_delete BEFORE DELETE ON register_entries WHEN ${NOT_FOREIGN('OLD.issuer_id')} BEGIN
        SELECT RAISE(ABORT, 'Số đã cấp trong sổ văn bản không thể xóa');
      END;
      DROP TRIGGER decisions_no_delete;
      CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions WHEN OLD.status = 'issued' AND ${NOT_FOREIGN('OLD.issuer_id')} BEGIN
        SELECT RAISE(ABORT, 'Quyết định đã ban hành không thể xóa');
      END;
      DROP TRIGGER decision_awardees_locked_delete;
      CREATE TRIGGER decision_awardees_locked_delete BEFORE DELETE ON decision_awardees
        WHEN (SELECT status FROM decisions WHERE id = OLD.decision_id) = 'issued'
         AND ${NOT_FOREIGN('(SELECT issuer_id FROM decisions WHERE id = OLD.decision_id)')} BEGIN
        SELECT RAISE(ABORT, 'Quyết định đã ban hành không thể sửa danh sách');
      END;
    `);
    seed(db);
  },
};
