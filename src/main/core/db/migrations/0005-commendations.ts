import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Commendations (issue 6): the catalogue of titles and award forms, the dated tables that make the
 * money (coefficients, lương cơ sở, rounding), exclusions, nominations from units, reviews (bình xét),
 * tờ trình to the level above, decisions with their awardees (money frozen at issue), the số sổ vàng
 * and certificate print jobs.
 *
 * Regulated values are seeded here from docs/rules.md §4.2–4.4 (with the source and a
 * "cần kiểm tra" flag where the value was reported, not read) and stay editable rows, never constants.
 * Coefficients are stored in thousandths (0.3 → 300) so money is integer arithmetic.
 */

const SEED_TIME = '2026-01-01T00:00:00.000Z';

/** Fixed ids: every installation has the same catalogue rows, so exchanged nominations can refer to them. */
export const SEEDED_FORMS = [
  // kind, name, targets, issuing level, required share (%), coefficients [individual, collective] in thousandths
  { id: '00000000-0000-4000-8000-000000000601', kind: 'form', name: 'Giấy khen', targets: 'both', level: 'Công đoàn cấp trên trực tiếp cơ sở, LĐLĐ tỉnh, công đoàn cơ sở', share: 50, coef: [300, 600] },
  { id: '00000000-0000-4000-8000-000000000602', kind: 'form', name: 'Bằng khen của Tổng Liên đoàn Lao động Việt Nam', targets: 'both', level: 'Tổng Liên đoàn (cấp bộ, ban, ngành)', share: 50, coef: [1500, 3000] },
  { id: '00000000-0000-4000-8000-000000000603', kind: 'form', name: 'Bằng khen của bộ, ban, ngành, tỉnh', targets: 'both', level: 'Bộ, ban, ngành, tỉnh', share: 50, coef: [1500, 3000] },
  { id: '00000000-0000-4000-8000-000000000604', kind: 'form', name: 'Bằng khen của Thủ tướng Chính phủ', targets: 'both', level: 'Thủ tướng Chính phủ', share: 90, coef: [3500, 7000] },
  { id: '00000000-0000-4000-8000-000000000605', kind: 'title', name: 'Lao động tiên tiến', targets: 'individual', level: 'Cơ sở', share: 50, coef: [300, null] },
  { id: '00000000-0000-4000-8000-000000000606', kind: 'title', name: 'Chiến sĩ thi đua cơ sở', targets: 'individual', level: 'Cơ sở', share: 80, coef: [1000, null] },
  { id: '00000000-0000-4000-8000-000000000607', kind: 'title', name: 'Chiến sĩ thi đua bộ, ban, ngành, tỉnh', targets: 'individual', level: 'Bộ, ban, ngành, tỉnh', share: 90, coef: [3000, null] },
  { id: '00000000-0000-4000-8000-000000000608', kind: 'title', name: 'Chiến sĩ thi đua toàn quốc', targets: 'individual', level: 'Nhà nước', share: 90, coef: [4500, null] },
  { id: '00000000-0000-4000-8000-000000000609', kind: 'title', name: 'Tập thể lao động tiên tiến', targets: 'collective', level: 'Cơ sở', share: 50, coef: [null, 800] },
  { id: '00000000-0000-4000-8000-000000000610', kind: 'title', name: 'Tập thể lao động xuất sắc', targets: 'collective', level: 'Bộ, ban, ngành, tỉnh', share: 50, coef: [null, 1500] },
  { id: '00000000-0000-4000-8000-000000000611', kind: 'title', name: 'Cờ thi đua của Tổng Liên đoàn Lao động Việt Nam', targets: 'collective', level: 'Tổng Liên đoàn (cấp bộ, ban, ngành)', share: 80, coef: [null, 8000] },
  { id: '00000000-0000-4000-8000-000000000612', kind: 'title', name: 'Cờ thi đua của Chính phủ', targets: 'collective', level: 'Chính phủ', share: 80, coef: [null, 12000] },
  // Union titles without a confirmed money table (999/QĐ-TLĐ not read): no coefficient until the office enters one.
  { id: '00000000-0000-4000-8000-000000000613', kind: 'title', name: 'Đoàn viên công đoàn xuất sắc', targets: 'individual', level: 'Công đoàn các cấp', share: 50, coef: [null, null] },
  { id: '00000000-0000-4000-8000-000000000614', kind: 'title', name: 'Công đoàn cơ sở vững mạnh', targets: 'collective', level: 'Công đoàn các cấp', share: 50, coef: [null, null] },
] as const;

export const SEEDED_BASE_SALARIES = [
  { amount: 1_490_000, validFrom: '2019-07-01', source: 'NĐ 38/2019/NĐ-CP', check: 0 },
  { amount: 1_800_000, validFrom: '2023-07-01', source: 'NĐ 24/2023/NĐ-CP', check: 0 },
  { amount: 2_340_000, validFrom: '2024-07-01', source: 'NĐ 73/2024/NĐ-CP, khoản 2 Điều 3', check: 0 },
  { amount: 2_530_000, validFrom: '2026-07-01', source: 'NĐ 161/2026/NĐ-CP (15/5/2026) — theo nguồn thứ cấp, cần kiểm tra', check: 1 },
] as const;

function seed(db: Database.Database): void {
  const insForm = db.prepare(
    `INSERT INTO award_forms (id, kind, name, targets, issuing_level, required_share_pct, sort_order, note, owner_id, revision, deleted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, NULL, ?, ?)`,
  );
  const insCoef = db.prepare(
    `INSERT INTO award_coefficients (id, form_id, target, coefficient_milli, valid_from, source, needs_check, owner_id, revision, deleted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 1, NULL, ?, ?)`,
  );
  let n = 0;
  SEEDED_FORMS.forEach((f, i) => {
    const union = f.name.includes('Tổng Liên đoàn');
    insForm.run(f.id, f.kind, f.name.normalize('NFC'), f.targets, f.level.normalize('NFC'), f.share, i + 1, union ? 'Hệ số lấy theo mức bộ, ban, ngành (Quy chế 999/QĐ-TLĐ chưa đối chiếu) — cần kiểm tra' : '', SEED_TIME, SEED_TIME);
    (['individual', 'collective'] as const).forEach((target, t) => {
      const coef = f.coef[t];
      if (coef === null) return;
      // NĐ 98/2023 (from 01/01/2024) and NĐ 152/2025 (from 01/7/2025) carry the same table as far as checked.
      const id = () => `00000000-0000-4000-8000-000000007${String(++n).padStart(3, '0')}`;
      insCoef.run(id(), f.id, target, coef, '2024-01-01', 'NĐ 98/2023/NĐ-CP Điều 54 — cần kiểm tra', 1, SEED_TIME, SEED_TIME);
      insCoef.run(id(), f.id, target, coef, '2025-07-01', `NĐ 152/2025/NĐ-CP ${f.kind === 'title' ? 'Điều 50' : 'Điều 54'}${union ? ' (mức bộ, ban, ngành) — cần kiểm tra' : ''}`, union ? 1 : 0, SEED_TIME, SEED_TIME);
    });
  });
  const insSalary = db.prepare(
    `INSERT INTO base_salaries (id, amount, valid_from, source, needs_check, owner_id, revision, deleted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, NULL, 1, NULL, ?, ?)`,
  );
  SEEDED_BASE_SALARIES.forEach((s, i) =>
    insSalary.run(`00000000-0000-4000-8000-0000000008${String(i + 1).padStart(2, '0')}`, s.amount, s.validFrom, s.source.normalize('NFC'), s.check, SEED_TIME, SEED_TIME),
  );
  db.prepare(
    `INSERT INTO rounding_rules (id, valid_from, mode, step, source, owner_id, revision, deleted_at, created_at, updated_at)
     VALUES (?, '1900-01-01', 'ceil', 10000, ?, NULL, 1, NULL, ?, ?)`,
  ).run('00000000-0000-4000-8000-000000000901', 'NĐ 152/2025/NĐ-CP Điều 49: làm tròn số lên hàng chục nghìn đồng'.normalize('NFC'), SEED_TIME, SEED_TIME);
}

// Columns every travelling record carries (DESIGN principle 6).
const TRAVEL = `owner_id TEXT, revision INTEGER NOT NULL DEFAULT 1, deleted_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL`;

export const m0005: Migration = {
  version: 5,
  name: 'commendations',
  up(db) {
    db.exec(`
      -- Danh hiệu thi đua (kind 'title') and hình thức khen thưởng (kind 'form').
      CREATE TABLE award_forms (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('title', 'form')),
        name TEXT NOT NULL,
        targets TEXT NOT NULL CHECK (targets IN ('individual', 'collective', 'both')),
        issuing_level TEXT NOT NULL DEFAULT '',
        -- Bình xét: share of the whole council that must vote for, in percent.
        required_share_pct INTEGER NOT NULL DEFAULT 50 CHECK (required_share_pct BETWEEN 1 AND 100),
        sort_order INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        ${TRAVEL}
      ) STRICT;

      CREATE TABLE award_coefficients (
        id TEXT PRIMARY KEY,
        form_id TEXT NOT NULL REFERENCES award_forms(id),
        target TEXT NOT NULL CHECK (target IN ('individual', 'collective')),
        -- × lương cơ sở, in thousandths (0.3 → 300).
        coefficient_milli INTEGER NOT NULL CHECK (coefficient_milli >= 0),
        valid_from TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        needs_check INTEGER NOT NULL DEFAULT 0,
        ${TRAVEL}
      ) STRICT;
      CREATE UNIQUE INDEX award_coefficients_dated ON award_coefficients(form_id, target, valid_from) WHERE deleted_at IS NULL;

      CREATE TABLE base_salaries (
        id TEXT PRIMARY KEY,
        amount INTEGER NOT NULL CHECK (amount > 0),
        valid_from TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        needs_check INTEGER NOT NULL DEFAULT 0,
        ${TRAVEL}
      ) STRICT;
      CREATE UNIQUE INDEX base_salaries_dated ON base_salaries(valid_from) WHERE deleted_at IS NULL;

      CREATE TABLE rounding_rules (
        id TEXT PRIMARY KEY,
        valid_from TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('ceil', 'nearest', 'floor', 'none')),
        step INTEGER NOT NULL CHECK (step >= 1),
        source TEXT NOT NULL DEFAULT '',
        ${TRAVEL}
      ) STRICT;
      CREATE UNIQUE INDEX rounding_rules_dated ON rounding_rules(valid_from) WHERE deleted_at IS NULL;

      -- Set in Cài đặt: this person / unit is not proposed (for one form or any) in a date range, with the reason.
      CREATE TABLE commendation_exclusions (
        id TEXT PRIMARY KEY,
        person_id TEXT REFERENCES people(id),
        organization_id TEXT REFERENCES organizations(id),
        form_id TEXT REFERENCES award_forms(id),
        reason TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        valid_to TEXT,
        ${TRAVEL},
        CHECK ((person_id IS NULL) <> (organization_id IS NULL)),
        CHECK (valid_to IS NULL OR valid_from <= valid_to)
      ) STRICT;

      -- Đề nghị khen thưởng: owned by the proposing unit (source_org_id); this office's own list has source = office.
      CREATE TABLE nominations (
        id TEXT PRIMARY KEY,
        movement_id TEXT REFERENCES movements(id),
        phase_id TEXT REFERENCES movement_phases(id),
        period_year INTEGER NOT NULL,
        source_org_id TEXT NOT NULL REFERENCES organizations(id),
        target TEXT NOT NULL CHECK (target IN ('individual', 'collective')),
        person_id TEXT REFERENCES people(id),
        -- The collective itself, or the individual's unit.
        organization_id TEXT REFERENCES organizations(id),
        display_name TEXT NOT NULL,
        search_key TEXT NOT NULL,
        position_unit TEXT NOT NULL DEFAULT '',
        achievement TEXT NOT NULL DEFAULT '',
        proposed_form_id TEXT NOT NULL REFERENCES award_forms(id),
        status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected')),
        ${TRAVEL},
        CHECK ((target = 'individual') = (person_id IS NOT NULL)),
        CHECK (target = 'individual' OR organization_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX nominations_scope ON nominations(period_year, movement_id);

      -- Bình xét by the office's council: its own record about a nomination.
      CREATE TABLE nomination_reviews (
        id TEXT PRIMARY KEY,
        nomination_id TEXT NOT NULL REFERENCES nominations(id),
        reviewed_on TEXT NOT NULL,
        council_size INTEGER NOT NULL CHECK (council_size >= 1),
        votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
        required_share_pct INTEGER NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('approved', 'rejected')),
        reason TEXT NOT NULL DEFAULT '',
        -- JSON RuleCheck[]: what the clerk saw when deciding.
        checks TEXT NOT NULL DEFAULT '[]',
        ${TRAVEL},
        CHECK (votes_for <= council_size)
      ) STRICT;
      CREATE INDEX nomination_reviews_nomination ON nomination_reviews(nomination_id);

      -- Tờ trình to the level above, with its list.
      CREATE TABLE commendation_proposals (
        id TEXT PRIMARY KEY,
        issuer_id TEXT NOT NULL REFERENCES organizations(id),
        form_id TEXT NOT NULL REFERENCES award_forms(id),
        addressee TEXT NOT NULL,
        superior TEXT NOT NULL,
        achievement TEXT NOT NULL DEFAULT '',
        -- JSON string[]
        bases TEXT NOT NULL DEFAULT '[]',
        planned_date TEXT,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
        register_entry_id TEXT REFERENCES register_entries(id),
        issued_number INTEGER,
        issued_date TEXT,
        ${TRAVEL},
        CHECK ((status = 'issued') = (register_entry_id IS NOT NULL))
      ) STRICT;
      CREATE TABLE commendation_proposal_items (
        proposal_id TEXT NOT NULL REFERENCES commendation_proposals(id) ON DELETE CASCADE,
        nomination_id TEXT NOT NULL REFERENCES nominations(id),
        sort_order INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (proposal_id, nomination_id)
      ) STRICT;

      CREATE TABLE decisions (
        id TEXT PRIMARY KEY,
        issuer_id TEXT NOT NULL REFERENCES organizations(id),
        movement_id TEXT REFERENCES movements(id),
        phase_id TEXT REFERENCES movement_phases(id),
        period_year INTEGER NOT NULL,
        decision_date TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        achievement TEXT NOT NULL DEFAULT '',
        -- JSON string[]: căn cứ lines as data.
        bases TEXT NOT NULL DEFAULT '[]',
        proposal_line TEXT NOT NULL DEFAULT '',
        executors TEXT NOT NULL DEFAULT '',
        funding_source TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
        register_entry_id TEXT REFERENCES register_entries(id),
        issued_number INTEGER,
        -- Frozen at issue: the lương cơ sở and rounding in force on the decision date.
        base_salary INTEGER,
        rounding_mode TEXT,
        rounding_step INTEGER,
        total_amount INTEGER,
        corrects_decision_id TEXT REFERENCES decisions(id),
        ${TRAVEL},
        CHECK ((status = 'issued') = (register_entry_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX decisions_corrects ON decisions(corrects_decision_id);

      CREATE TABLE decision_awardees (
        id TEXT PRIMARY KEY,
        decision_id TEXT NOT NULL REFERENCES decisions(id),
        nomination_id TEXT REFERENCES nominations(id),
        target TEXT NOT NULL CHECK (target IN ('individual', 'collective')),
        person_id TEXT REFERENCES people(id),
        organization_id TEXT REFERENCES organizations(id),
        name TEXT NOT NULL,
        search_key TEXT NOT NULL,
        position_unit TEXT NOT NULL DEFAULT '',
        form_id TEXT NOT NULL REFERENCES award_forms(id),
        coefficient_milli INTEGER,
        amount INTEGER,
        gold_book_number TEXT,
        note TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL DEFAULT 0,
        ${TRAVEL},
        CHECK ((target = 'individual') = (person_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX decision_awardees_decision ON decision_awardees(decision_id, sort_order);
      CREATE INDEX decision_awardees_person ON decision_awardees(person_id);
      CREATE INDEX decision_awardees_org ON decision_awardees(organization_id);

      -- An issued decision is locked, even against bugs: corrections are new decisions.
      CREATE TRIGGER decisions_locked BEFORE UPDATE ON decisions WHEN OLD.status = 'issued' BEGIN
        SELECT RAISE(ABORT, 'Quyết định đã ban hành không thể sửa; hãy lập quyết định đính chính');
      END;
      CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions WHEN OLD.status = 'issued' BEGIN
        SELECT RAISE(ABORT, 'Quyết định đã ban hành không thể xóa');
      END;
      CREATE TRIGGER decision_awardees_locked_update BEFORE UPDATE ON decision_awardees
        WHEN (SELECT status FROM decisions WHERE id = OLD.decision_id) = 'issued' BEGIN
        SELECT RAISE(ABORT, 'Quyết định đã ban hành không thể sửa danh sách');
      END;
      CREATE TRIGGER decision_awardees_locked_insert BEFORE INSERT ON decision_awardees
        WHEN (SELECT status FROM decisions WHERE id = NEW.decision_id) = 'issued' BEGIN
        SELECT RAISE(ABORT, 'Quyết định đã ban hành không thể sửa danh sách');
      END;
      CREATE TRIGGER decision_awardees_locked_delete BEFORE DELETE ON decision_awardees
        WHEN (SELECT status FROM decisions WHERE id = OLD.decision_id) = 'issued' BEGIN
        SELECT RAISE(ABORT, 'Quyết định đã ban hành không thể sửa danh sách');
      END;

      -- Sổ vàng: certificate register numbers per issuer per year, never reused.
      CREATE TABLE gold_book_entries (
        id TEXT PRIMARY KEY,
        issuer_id TEXT NOT NULL REFERENCES organizations(id),
        year INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        awardee_id TEXT NOT NULL UNIQUE REFERENCES decision_awardees(id),
        created_at TEXT NOT NULL,
        UNIQUE (issuer_id, year, number)
      ) STRICT;

      -- Local only: each batch of Giấy khen sent to the printer, so a jam resumes from a row.
      CREATE TABLE certificate_print_jobs (
        id TEXT PRIMARY KEY,
        decision_id TEXT NOT NULL REFERENCES decisions(id),
        from_row INTEGER NOT NULL CHECK (from_row >= 1),
        to_row INTEGER NOT NULL,
        offset_x REAL NOT NULL DEFAULT 0,
        offset_y REAL NOT NULL DEFAULT 0,
        file_path TEXT,
        created_at TEXT NOT NULL,
        CHECK (to_row >= from_row)
      ) STRICT;
    `);
    seed(db);
  },
};
