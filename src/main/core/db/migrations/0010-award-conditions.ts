import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Award conditions and history (issue 18): the conditions of each title/form as dated, editable rows built
 * from a few rule shapes; commendation history brought in from Excel (marked as imported); recognised
 * sáng kiến / đề tài; the council's override of unmet conditions on a review.
 *
 * The project's reference (domain-rules.md) cites no article for these conditions, so every seeded row
 * is flagged "cần kiểm tra" (needs_check = 1) with the article as we understand it, to be checked by the
 * office against Luật TĐKT 06/2022/QH15, NĐ 152/2025/NĐ-CP and Quy chế 999/QĐ-TLĐ. See docs/award-conditions.md.
 */

const SEED_TIME = '2026-01-01T00:00:00.000Z';
const F = {
  ldtt: '00000000-0000-4000-8000-000000000605',
  cstdCoSo: '00000000-0000-4000-8000-000000000606',
  cstdTinh: '00000000-0000-4000-8000-000000000607',
  cstdToanQuoc: '00000000-0000-4000-8000-000000000608',
  ttldtt: '00000000-0000-4000-8000-000000000609',
  ttldxs: '00000000-0000-4000-8000-000000000610',
  bangKhenTld: '00000000-0000-4000-8000-000000000602',
  bangKhenTinh: '00000000-0000-4000-8000-000000000603',
  bangKhenTtg: '00000000-0000-4000-8000-000000000604',
} as const;

export interface SeededCondition {
  id: string;
  formId: string;
  target: 'individual' | 'collective';
  shape: string;
  subjects: string[];
  years: number;
  minCount: number;
  sharePct: number;
  endOffset: number;
  noDiscipline: number;
  label: string;
  source: string;
}

const CHECK = ' — cần kiểm tra (chưa đối chiếu văn bản gốc)';
/** Fixed ids: the same rows in every installation, so a catalogue package can refer to them. */
export const SEEDED_CONDITIONS: SeededCondition[] = [
  { id: '00000000-0000-4000-8000-000000010001', formId: F.cstdCoSo, target: 'individual', shape: 'title_each_year', subjects: [F.ldtt], years: 1, minCount: 0, sharePct: 0, endOffset: 0, noDiscipline: 0, label: 'Đạt danh hiệu "Lao động tiên tiến" năm đề nghị', source: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 23' + CHECK },
  { id: '00000000-0000-4000-8000-000000010002', formId: F.cstdCoSo, target: 'individual', shape: 'initiative', subjects: [], years: 1, minCount: 1, sharePct: 0, endOffset: 0, noDiscipline: 0, label: 'Có sáng kiến / đề tài được công nhận trong năm đề nghị', source: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 23' + CHECK },
  { id: '00000000-0000-4000-8000-000000010003', formId: F.cstdTinh, target: 'individual', shape: 'title_each_year', subjects: [F.cstdCoSo], years: 3, minCount: 0, sharePct: 0, endOffset: 0, noDiscipline: 0, label: '03 lần liên tục đạt "Chiến sĩ thi đua cơ sở"', source: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 22' + CHECK },
  { id: '00000000-0000-4000-8000-000000010004', formId: F.cstdTinh, target: 'individual', shape: 'initiative', subjects: [], years: 3, minCount: 1, sharePct: 0, endOffset: 0, noDiscipline: 0, label: 'Có sáng kiến / đề tài được công nhận trong thời gian xét', source: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 22' + CHECK },
  { id: '00000000-0000-4000-8000-000000010005', formId: F.cstdToanQuoc, target: 'individual', shape: 'title_k_of_n', subjects: [F.cstdTinh], years: 6, minCount: 2, sharePct: 0, endOffset: 0, noDiscipline: 0, label: '02 lần liên tục đạt "Chiến sĩ thi đua bộ, ban, ngành, tỉnh"', source: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 21' + CHECK },
  { id: '00000000-0000-4000-8000-000000010006', formId: F.ttldtt, target: 'collective', shape: 'collective_share', subjects: [F.ldtt, F.cstdCoSo], years: 1, minCount: 0, sharePct: 50, endOffset: 0, noDiscipline: 1, label: 'Ít nhất 50% cá nhân đạt "Lao động tiên tiến", không có cá nhân bị kỷ luật', source: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 28' + CHECK },
  { id: '00000000-0000-4000-8000-000000010007', formId: F.ttldxs, target: 'collective', shape: 'collective_share', subjects: [F.ldtt, F.cstdCoSo], years: 1, minCount: 0, sharePct: 70, endOffset: 0, noDiscipline: 1, label: 'Ít nhất 70% cá nhân đạt "Lao động tiên tiến", không có cá nhân bị kỷ luật', source: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 27' + CHECK },
  { id: '00000000-0000-4000-8000-000000010008', formId: F.bangKhenTtg, target: 'individual', shape: 'ladder_gap', subjects: [F.bangKhenTinh, F.bangKhenTld], years: 5, minCount: 0, sharePct: 0, endOffset: 0, noDiscipline: 0, label: 'Đã được tặng Bằng khen cấp bộ, ban, ngành, tỉnh (hoặc Tổng Liên đoàn) từ 05 năm trở lên', source: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 71' + CHECK },
  { id: '00000000-0000-4000-8000-000000010009', formId: F.bangKhenTld, target: 'individual', shape: 'form_not_within', subjects: [F.bangKhenTld], years: 2, minCount: 0, sharePct: 0, endOffset: 0, noDiscipline: 0, label: 'Chưa được tặng Bằng khen của Tổng Liên đoàn trong 02 năm gần nhất', source: 'Quy chế khen thưởng 999/QĐ-TLĐ' + CHECK },
];

function seed(db: Database.Database): void {
  const ins = db.prepare(
    `INSERT INTO award_conditions (id, form_id, target, shape, subject_form_ids, years, min_count, share_pct, end_offset, no_discipline,
       label, valid_from, valid_to, source, needs_check, sort_order, owner_id, revision, deleted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-01-01', NULL, ?, 1, ?, NULL, 1, NULL, ?, ?)`,
  );
  SEEDED_CONDITIONS.forEach((c, i) =>
    ins.run(c.id, c.formId, c.target, c.shape, JSON.stringify(c.subjects), c.years, c.minCount, c.sharePct, c.endOffset, c.noDiscipline, c.label.normalize('NFC'), c.source.normalize('NFC'), i + 1, SEED_TIME, SEED_TIME),
  );
}

const TRAVEL = `owner_id TEXT, revision INTEGER NOT NULL DEFAULT 1, deleted_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL`;

export const m0010: Migration = {
  version: 10,
  name: 'award-conditions',
  up(db) {
    db.exec(`
      -- The conditions of a title/form, one row per condition, in force from valid_from (to valid_to).
      CREATE TABLE award_conditions (
        id TEXT PRIMARY KEY,
        form_id TEXT NOT NULL REFERENCES award_forms(id),
        target TEXT NOT NULL CHECK (target IN ('individual', 'collective')),
        shape TEXT NOT NULL CHECK (shape IN ('title_each_year', 'title_k_of_n', 'form_not_within', 'initiative', 'collective_share', 'ladder_gap')),
        -- JSON string[]: the titles/forms the condition looks for (any of them counts).
        subject_form_ids TEXT NOT NULL DEFAULT '[]',
        years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 30),
        min_count INTEGER NOT NULL DEFAULT 0 CHECK (min_count >= 0),
        share_pct INTEGER NOT NULL DEFAULT 0 CHECK (share_pct BETWEEN 0 AND 100),
        -- 0: the window ends with the nomination year; 1: it ends the year before.
        end_offset INTEGER NOT NULL DEFAULT 0 CHECK (end_offset IN (0, 1)),
        no_discipline INTEGER NOT NULL DEFAULT 0 CHECK (no_discipline IN (0, 1)),
        label TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        valid_to TEXT,
        source TEXT NOT NULL DEFAULT '',
        needs_check INTEGER NOT NULL DEFAULT 0,
        sort_order INTEGER NOT NULL DEFAULT 0,
        ${TRAVEL},
        CHECK (valid_to IS NULL OR valid_from <= valid_to)
      ) STRICT;
      CREATE INDEX award_conditions_form ON award_conditions(form_id, target);

      -- Past awards brought in from Excel (old decisions and their lists). Local records of this office.
      CREATE TABLE award_history (
        id TEXT PRIMARY KEY,
        target TEXT NOT NULL CHECK (target IN ('individual', 'collective')),
        person_id TEXT REFERENCES people(id),
        organization_id TEXT REFERENCES organizations(id),
        name TEXT NOT NULL,
        -- fold(name): the history screen searches it like the awardees of decisions.
        search_key TEXT NOT NULL DEFAULT '',
        form_id TEXT NOT NULL REFERENCES award_forms(id),
        year INTEGER NOT NULL,
        decision_number TEXT NOT NULL,
        decision_date TEXT,
        issuer TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT 'imported' CHECK (origin IN ('imported')),
        file_name TEXT NOT NULL DEFAULT '',
        -- Folded number|year|form|subject: the same line imported twice is one row.
        import_key TEXT NOT NULL UNIQUE,
        ${TRAVEL},
        CHECK ((target = 'individual') = (person_id IS NOT NULL)),
        CHECK (target = 'individual' OR organization_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX award_history_person ON award_history(person_id, year);
      CREATE INDEX award_history_org ON award_history(organization_id, year);
      CREATE INDEX award_history_form ON award_history(form_id);

      -- Sáng kiến / đề tài recognised for a person (or a unit), with the recognising decision.
      CREATE TABLE initiatives (
        id TEXT PRIMARY KEY,
        person_id TEXT REFERENCES people(id),
        organization_id TEXT REFERENCES organizations(id),
        year INTEGER NOT NULL,
        name TEXT NOT NULL,
        recognised_by TEXT NOT NULL DEFAULT '',
        ${TRAVEL},
        CHECK ((person_id IS NULL) <> (organization_id IS NULL))
      ) STRICT;
      CREATE INDEX initiatives_person ON initiatives(person_id, year);
      CREATE INDEX initiatives_org ON initiatives(organization_id, year);

      -- The council approved despite unmet conditions: its reason, printed in the tờ trình and biên bản.
      ALTER TABLE nomination_reviews ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
    `);
    seed(db);
  },
};
