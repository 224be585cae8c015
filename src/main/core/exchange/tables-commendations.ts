import { z } from 'zod';
import { formatShortDate } from '../../../shared/vi-text';
import { cols, date, int, jsonText, money, owned, str, times, uuid, year } from './columns';
import { addTableSpec, documentIdentity, lockedOnceIssued, type TableSpec } from './tables';

/**
 * Commendations (migration 0005) on the wire. Nominations (with the tờ trình that lists them) travel up,
 * owned by the proposing unit; issued decisions with their awardees, and the upper level's own reviews
 * (bình xét of a nomination, duyệt of a work), travel down. An issued decision is locked by triggers, so
 * its awardees are applied before it (own table, listed first) and an issued one is never changed.
 */
const target = z.enum(['individual', 'collective']);

const nominationShape = {
  ...owned,
  movement_id: uuid.nullable(),
  phase_id: uuid.nullable(),
  period_year: year,
  source_org_id: uuid,
  target,
  person_id: uuid.nullable(),
  organization_id: uuid.nullable(),
  display_name: str(500).min(1),
  search_key: str(500),
  position_unit: str(1000),
  achievement: str(20_000),
  proposed_form_id: uuid,
  status: z.enum(['proposed', 'approved', 'rejected']),
  ...times,
};
export const nominationsSpec: TableSpec = addTableSpec({
  table: 'nominations',
  label: 'Đề nghị khen thưởng',
  columns: cols(nominationShape),
  // Owned by whoever recorded it: the proposing unit, or the upper level that typed the unit's paper tờ trình.
  schema: z
    .strictObject(nominationShape)
    .refine((r) => (r.target === 'individual') === (r.person_id !== null), 'đề nghị cá nhân phải có cá nhân')
    .refine((r) => r.target === 'individual' || r.organization_id !== null, 'đề nghị tập thể phải có đơn vị'),
  children: [],
  refs: [
    { column: 'movement_id', table: 'movements', label: 'phong trào' },
    { column: 'phase_id', table: 'movement_phases', label: 'đợt thi đua' },
    { column: 'source_org_id', table: 'organizations', label: 'đơn vị đề nghị' },
    { column: 'person_id', table: 'people', label: 'cá nhân' },
    { column: 'organization_id', table: 'organizations', label: 'đơn vị' },
    { column: 'proposed_form_id', table: 'award_forms', label: 'hình thức khen thưởng' },
  ],
  describe: (row) => String(row.display_name),
});

const proposalShape = {
  ...owned,
  issuer_id: uuid,
  form_id: uuid,
  addressee: str(1000),
  superior: str(1000),
  achievement: str(20_000),
  bases: jsonText(20_000),
  planned_date: date.nullable(),
  status: z.enum(['draft', 'issued']),
  register_entry_id: uuid.nullable(),
  issued_number: z.number().int().min(1).nullable(),
  issued_date: date.nullable(),
  ...times,
};
const proposalItemShape = { proposal_id: uuid, nomination_id: uuid, sort_order: int };
export const proposalsSpec: TableSpec = addTableSpec({
  table: 'commendation_proposals',
  label: 'Tờ trình đề nghị khen thưởng',
  columns: cols(proposalShape),
  schema: z
    .strictObject(proposalShape)
    .refine((r) => (r.status === 'issued') === (r.register_entry_id !== null), 'tờ trình đã ban hành phải có số văn bản')
    .refine((r) => r.owner_id === r.issuer_id, 'tờ trình phải do chính đơn vị trình quản lý'),
  children: [
    {
      table: 'commendation_proposal_items',
      parentKey: 'proposal_id',
      columns: cols(proposalItemShape),
      schema: z.strictObject(proposalItemShape),
      refs: [{ column: 'nomination_id', table: 'nominations', label: 'đề nghị khen thưởng' }],
    },
  ],
  refs: [
    { column: 'issuer_id', table: 'organizations', label: 'đơn vị trình' },
    { column: 'form_id', table: 'award_forms', label: 'hình thức khen thưởng' },
    { column: 'register_entry_id', table: 'register_entries', label: 'số văn bản' },
  ],
  // An issued tờ trình is final at every office that holds it (triggers at the issuer, this check at receivers).
  locked: lockedOnceIssued('commendation_proposals', 'Tờ trình đã ban hành ở máy này không thể thay đổi hay xóa; đơn vị trình phải lập tờ trình mới.'),
  describe: (row, _c, find) => documentIdentity('Tờ trình', row, 'issued_number', 'issued_date', find),
});

const reviewShape = {
  ...owned,
  nomination_id: uuid,
  reviewed_on: date,
  council_size: z.number().int().min(1).max(100_000),
  votes_for: z.number().int().min(0).max(100_000),
  required_share_pct: z.number().int().min(1).max(100),
  result: z.enum(['approved', 'rejected']),
  reason: str(5000),
  checks: jsonText(200_000),
  // The council's reason for approving over an unmet condition travels with its review (packages before it: none).
  override_reason: str(2000).default(''),
  ...times,
};
/**
 * A council's bình xét of a nomination, owned by that council's office: the upper level's review goes down to the
 * unit with the decision, a lower level's review goes up with the nominations it sent (what the upper council reads).
 */
export const nominationReviewsSpec: TableSpec = addTableSpec({
  table: 'nomination_reviews',
  label: 'Kết quả bình xét',
  columns: cols(reviewShape),
  schema: z.strictObject(reviewShape).refine((r) => r.votes_for <= r.council_size, 'số phiếu lớn hơn số thành viên hội đồng'),
  children: [],
  refs: [{ column: 'nomination_id', table: 'nominations', label: 'đề nghị khen thưởng' }],
  describe: (row) => `Bình xét ngày ${formatShortDate(String(row.reviewed_on))}: ${row.result === 'approved' ? 'thông qua' : 'không thông qua'}`,
});

const decisionShape = {
  ...owned,
  issuer_id: uuid,
  movement_id: uuid.nullable(),
  phase_id: uuid.nullable(),
  period_year: year,
  decision_date: date,
  subject: str(2000),
  achievement: str(20_000),
  bases: jsonText(20_000),
  proposal_line: str(5000),
  executors: str(5000),
  funding_source: str(2000),
  status: z.literal('issued'),
  register_entry_id: uuid,
  issued_number: z.number().int().min(1).nullable(),
  base_salary: money.nullable(),
  rounding_mode: z.enum(['ceil', 'nearest', 'floor', 'none']).nullable(),
  rounding_step: z.number().int().min(1).nullable(),
  total_amount: money.nullable(),
  corrects_decision_id: uuid.nullable(),
  ...times,
};
const LOCKED = 'Quyết định đã ban hành ở máy này không thể thay đổi hay xóa; chỉ có thể lập quyết định đính chính.';
/** Only issued decisions travel (a draft is not a decision yet). */
export const decisionsSpec: TableSpec = addTableSpec({
  table: 'decisions',
  label: 'Quyết định khen thưởng',
  columns: cols(decisionShape),
  schema: z.strictObject(decisionShape).refine((r) => r.owner_id === r.issuer_id, 'quyết định phải do chính đơn vị ban hành quản lý'),
  children: [],
  refs: [
    { column: 'issuer_id', table: 'organizations', label: 'đơn vị ban hành' },
    { column: 'movement_id', table: 'movements', label: 'phong trào' },
    { column: 'phase_id', table: 'movement_phases', label: 'đợt thi đua' },
    { column: 'register_entry_id', table: 'register_entries', label: 'số văn bản' },
    { column: 'corrects_decision_id', table: 'decisions', label: 'quyết định được đính chính' },
  ],
  // Its list cannot be added to once it is written (trigger), so a decision with a refused awardee waits whole.
  wholeWith: [{ table: 'decision_awardees', column: 'decision_id', label: 'tập thể, cá nhân được khen' }],
  locked: lockedOnceIssued('decisions', LOCKED),
  describe: (row, _c, find) => `${documentIdentity('Quyết định', row, 'issued_number', 'decision_date', find)}${row.subject ? `: ${String(row.subject)}` : ''}`,
});

const awardeeShape = {
  ...owned,
  decision_id: uuid,
  nomination_id: uuid.nullable(),
  target,
  person_id: uuid.nullable(),
  organization_id: uuid.nullable(),
  name: str(500).min(1),
  search_key: str(500),
  position_unit: str(1000),
  form_id: uuid,
  coefficient_milli: z.number().int().min(0).max(1_000_000).nullable(),
  amount: money.nullable(),
  gold_book_number: str(40).nullable(),
  note: str(5000),
  sort_order: int,
  ...times,
};
export const awardeesSpec: TableSpec = addTableSpec({
  table: 'decision_awardees',
  label: 'Tập thể, cá nhân được khen',
  columns: cols(awardeeShape),
  schema: z.strictObject(awardeeShape).refine((r) => (r.target === 'individual') === (r.person_id !== null), 'khen cá nhân phải có cá nhân'),
  children: [],
  refs: [
    { column: 'decision_id', table: 'decisions', label: 'quyết định khen thưởng' },
    { column: 'nomination_id', table: 'nominations', label: 'đề nghị khen thưởng' },
    { column: 'person_id', table: 'people', label: 'cá nhân' },
    { column: 'organization_id', table: 'organizations', label: 'đơn vị' },
    { column: 'form_id', table: 'award_forms', label: 'hình thức khen thưởng' },
  ],
  // The list of an issued decision is locked as the decision is.
  locked: (sqlite, row) => lockedOnceIssued('decisions', LOCKED)(sqlite, { id: row.decision_id }),
  describe: (row) => String(row.name),
});
