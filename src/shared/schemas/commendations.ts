/** Commendations: catalogue and dated money tables, nominations, reviews, tờ trình, decisions, certificates, history. */
import { z } from 'zod';
import { id, isoDate, optionalText, safeString, text } from './common';
import type { OwnershipView } from './exchange';
import { year } from './movements';

export const TARGETS = ['individual', 'collective'] as const;
export type Target = (typeof TARGETS)[number];
export const TARGET_LABELS: Record<Target, string> = { individual: 'Cá nhân', collective: 'Tập thể' };

export const FORM_KINDS = ['title', 'form'] as const;
export const FORM_KIND_LABELS: Record<(typeof FORM_KINDS)[number], string> = { title: 'Danh hiệu thi đua', form: 'Hình thức khen thưởng' };

export const ROUNDING_MODES = ['ceil', 'nearest', 'floor', 'none'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];
export const ROUNDING_MODE_LABELS: Record<RoundingMode, string> = {
  ceil: 'Làm tròn lên',
  nearest: 'Làm tròn gần nhất',
  floor: 'Làm tròn xuống',
  none: 'Không làm tròn',
};

export const NOMINATION_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
export const NOMINATION_STATUS_LABELS: Record<NominationStatus | 'decided', string> = {
  proposed: 'Chờ bình xét',
  approved: 'Đã thông qua',
  rejected: 'Không thông qua',
  decided: 'Đã có quyết định',
};

const target = z.enum(TARGETS, { error: 'Đối tượng: chọn tập thể hoặc cá nhân' });
const optionalId = (label: string) => id(label).nullable().optional().default(null);
const optionalDate = (label: string) => isoDate(label).nullable().optional().default(null);
const lines = (label: string, max = 30) => z.array(text(label, 1000), { error: `${label}: danh sách không hợp lệ` }).max(max, `${label}: tối đa ${max} dòng`);

/** Coefficient as typed ("0,3" or 0.3) → thousandths; at most 3 decimals so money stays exact. */
export const coefficient = z
  .union([z.number(), safeString('Hệ số').transform((s) => Number(s.trim().replace(',', '.')))], { error: 'Hệ số: phải là số' })
  .pipe(
    z
      .number({ error: 'Hệ số: phải là số' })
      .min(0, 'Hệ số: không được âm')
      .max(100, 'Hệ số: quá lớn (tối đa 100)')
      .refine((v) => Math.abs(Math.round(v * 1000) - v * 1000) < 1e-6, 'Hệ số: tối đa 3 chữ số thập phân'),
  );

// ---- catalogue and dated tables ----

export const saveFormInput = z.object({
  id: id('Hình thức').optional(),
  kind: z.enum(FORM_KINDS, { error: 'Loại: chọn danh hiệu hoặc hình thức' }),
  name: text('Tên danh hiệu, hình thức', 300),
  targets: z.enum(['individual', 'collective', 'both'], { error: 'Áp dụng cho: không hợp lệ' }),
  issuingLevel: optionalText('Cấp khen', 300),
  requiredSharePct: z.number({ error: 'Tỷ lệ phiếu: phải là số' }).int('Tỷ lệ phiếu: số nguyên').min(1, 'Tỷ lệ phiếu: từ 1%').max(100, 'Tỷ lệ phiếu: tối đa 100%'),
  note: optionalText('Ghi chú', 500),
});

export const saveCoefficientInput = z.object({
  id: id('Hệ số').optional(),
  formId: id('Hình thức'),
  target,
  coefficient,
  validFrom: isoDate('Áp dụng từ'),
  source: optionalText('Căn cứ', 500),
  needsCheck: z.boolean().optional().default(false),
});

export const saveBaseSalaryInput = z.object({
  id: id('Mức lương cơ sở').optional(),
  amount: z.number({ error: 'Mức lương cơ sở: phải là số' }).int('Mức lương cơ sở: số nguyên đồng').min(1, 'Mức lương cơ sở: phải lớn hơn 0').max(1_000_000_000, 'Mức lương cơ sở: quá lớn'),
  validFrom: isoDate('Áp dụng từ'),
  source: optionalText('Căn cứ', 500),
  needsCheck: z.boolean().optional().default(false),
});

export const saveRoundingInput = z.object({
  id: id('Quy tắc làm tròn').optional(),
  validFrom: isoDate('Áp dụng từ'),
  mode: z.enum(ROUNDING_MODES, { error: 'Cách làm tròn: không hợp lệ' }),
  step: z.number({ error: 'Bước làm tròn: phải là số' }).int('Bước làm tròn: số nguyên').min(1, 'Bước làm tròn: từ 1 đồng').max(10_000_000, 'Bước làm tròn: quá lớn'),
  source: optionalText('Căn cứ', 500),
});

export const saveExclusionInput = z
  .object({
    id: id('Trường hợp loại trừ').optional(),
    personId: optionalId('Cá nhân'),
    organizationId: optionalId('Đơn vị'),
    formId: optionalId('Hình thức'),
    reason: text('Lý do', 500),
    validFrom: isoDate('Từ ngày'),
    validTo: optionalDate('Đến ngày'),
  })
  .refine((v) => (v.personId === null) !== (v.organizationId === null), { message: 'Đối tượng: chọn một cá nhân hoặc một đơn vị', path: ['personId'] })
  .refine((v) => !v.validTo || v.validFrom <= v.validTo, { message: 'Đến ngày: phải sau Từ ngày', path: ['validTo'] });

export const DATED_TABLES = ['coefficient', 'baseSalary', 'rounding', 'exclusion'] as const;
export const deleteDatedInput = z.object({ table: z.enum(DATED_TABLES, { error: 'Bảng: không hợp lệ' }), id: id('Dòng') });

export const moneyPreviewInput = z.object({ formId: id('Hình thức'), target, date: isoDate('Ngày quyết định') });

/** Every (form, target) pair of a list at once: a 2,000-row decision has a handful of pairs and needs one call. */
export const previewMoneyInput = z.object({
  date: isoDate('Ngày quyết định'),
  pairs: z
    .array(z.object({ formId: id('Hình thức'), target }), { error: 'Danh sách hình thức: không hợp lệ' })
    .min(1, 'Danh sách hình thức: chưa có hình thức nào')
    .max(500, 'Danh sách hình thức: nhiều quá 500 cặp hình thức, đối tượng'),
});

export interface AwardFormView {
  id: string;
  kind: 'title' | 'form';
  name: string;
  targets: 'individual' | 'collective' | 'both';
  issuingLevel: string;
  requiredSharePct: number;
  note: string;
  /** the upper level whose catalogue package brought this row: read-only here; null = this office's (or seeded) */
  receivedFrom?: string | null;
}
export interface CoefficientView {
  id: string;
  formId: string;
  formName: string;
  target: Target;
  coefficient: number;
  validFrom: string;
  source: string;
  needsCheck: boolean;
  /** the upper level whose catalogue package brought this row: read-only here; null = this office's (or seeded) */
  receivedFrom?: string | null;
}
export interface BaseSalaryView {
  id: string;
  amount: number;
  validFrom: string;
  source: string;
  needsCheck: boolean;
  /** the upper level whose catalogue package brought this row: read-only here; null = this office's (or seeded) */
  receivedFrom?: string | null;
}
export interface RoundingView {
  id: string;
  validFrom: string;
  mode: RoundingMode;
  step: number;
  source: string;
  /** the upper level whose catalogue package brought this row: read-only here; null = this office's (or seeded) */
  receivedFrom?: string | null;
}
export interface ExclusionView {
  id: string;
  personId: string | null;
  organizationId: string | null;
  subjectName: string;
  formId: string | null;
  formName: string | null;
  reason: string;
  validFrom: string;
  validTo: string | null;
}
/** A dated căn cứ line (migration 0009): the decision editor and the tờ trình start from those in force. */
export interface LegalBasisView {
  id: string;
  text: string;
  appliesTo: 'decision' | 'proposal' | 'both';
  validFrom: string;
  validTo: string | null;
  source: string;
  needsCheck: boolean;
  receivedFrom?: string | null;
}

export const legalBasesInput = z.object({ date: isoDate('Ngày văn bản'), appliesTo: z.enum(['decision', 'proposal']) });

export interface CatalogueView {
  legalBases?: LegalBasisView[];
  forms: AwardFormView[];
  coefficients: CoefficientView[];
  baseSalaries: BaseSalaryView[];
  roundings: RoundingView[];
  exclusions: ExclusionView[];
}

export interface MoneyComputation {
  formId: string;
  target: Target;
  date: string;
  /** null when no coefficient is in force on the date: the money is then 0 and `missing` says why. */
  coefficient: number | null;
  baseSalary: number | null;
  baseSalaryFrom: string | null;
  baseSalaryNeedsCheck: boolean;
  rounding: { mode: RoundingMode; step: number };
  /** Before rounding (may have decimals). */
  raw: number;
  amount: number;
  words: string;
  missing: string | null;
}

/** The money of one pair, or why it could not be computed (the other pairs still are). */
export interface PairMoney {
  formId: string;
  target: Target;
  money: MoneyComputation | null;
  error: string | null;
}

// ---- nominations and reviews ----

export const listNominationsInput = z.object({
  periodYear: year('Năm').optional(),
  movementId: id('Phong trào').optional(),
  status: z.enum([...NOMINATION_STATUSES, 'decided']).optional(),
  sourceOrgId: id('Đơn vị đề nghị').optional(),
  query: optionalText('Tìm kiếm', 200),
});

export const saveNominationInput = z
  .object({
    id: id('Đề nghị').optional(),
    movementId: optionalId('Phong trào'),
    phaseId: optionalId('Đợt thi đua'),
    periodYear: year('Năm xét khen'),
    /** Default: this office (its own list). */
    sourceOrgId: optionalId('Đơn vị đề nghị'),
    target,
    personId: optionalId('Cá nhân'),
    /** A new person typed by the clerk (created in organizationId) when personId is not given. */
    fullName: optionalText('Họ và tên', 200),
    organizationId: optionalId('Đơn vị'),
    collectiveName: optionalText('Tên tập thể', 300),
    positionUnit: optionalText('Chức vụ, đơn vị', 500),
    achievement: optionalText('Tóm tắt thành tích', 4000),
    proposedFormId: id('Hình thức đề nghị'),
  })
  .refine((v) => v.target === 'collective' || v.personId !== null || v.fullName !== '', { message: 'Họ và tên: chọn hoặc nhập cá nhân được đề nghị', path: ['fullName'] })
  .refine((v) => v.target === 'individual' || v.organizationId !== null, { message: 'Đơn vị: chọn tập thể được đề nghị', path: ['organizationId'] })
  .refine((v) => v.phaseId === null || v.movementId !== null, { message: 'Đợt thi đua: chọn phong trào trước', path: ['phaseId'] });

export const reviewInput = z
  .object({
    nominationId: id('Đề nghị'),
    reviewedOn: isoDate('Ngày họp bình xét'),
    councilSize: z.number({ error: 'Số thành viên hội đồng: phải là số' }).int('Số thành viên hội đồng: số nguyên').min(1, 'Số thành viên hội đồng: ít nhất 1').max(500, 'Số thành viên hội đồng: quá lớn'),
    votesFor: z.number({ error: 'Số phiếu đồng ý: phải là số' }).int('Số phiếu đồng ý: số nguyên').min(0, 'Số phiếu đồng ý: không được âm'),
    result: z.enum(['approved', 'rejected'], { error: 'Kết quả: chọn thông qua hoặc không thông qua' }),
    reason: optionalText('Lý do', 2000),
    /** Approving despite unmet conditions: the council's reason (printed in the tờ trình and biên bản). */
    overrideReason: optionalText('Lý do thông qua khi chưa đạt điều kiện', 2000),
  })
  .refine((v) => v.votesFor <= v.councilSize, { message: 'Số phiếu đồng ý: không được lớn hơn số thành viên hội đồng', path: ['votesFor'] })
  .refine((v) => v.result === 'approved' || v.reason !== '', { message: 'Lý do: hãy ghi lý do không thông qua', path: ['reason'] });

export interface RuleCheck {
  code: 'registration' | 'duplicate' | 'exclusion' | 'votes' | 'condition';
  ok: boolean;
  /** 'skipped' checks could not run (no movement, no registrations table…) and never block. */
  skipped?: boolean;
  message: string;
  /** A form's own condition (code 'condition'): which row, its wording and legal source. */
  condition?: { id: string; label: string; source: string; needsCheck: boolean };
  /** An unmet condition the council approved anyway, with the reason recorded on the review. */
  overridden?: boolean;
}

export interface ReviewView {
  id: string;
  reviewedOn: string;
  councilSize: number;
  votesFor: number;
  requiredSharePct: number;
  result: 'approved' | 'rejected';
  reason: string;
  checks: RuleCheck[];
  /** '' unless the council approved despite unmet conditions. */
  overrideReason: string;
  /** The office whose council reviewed (this office, an upper level, or the lower level that sent the nomination up). */
  ownerId: string | null;
  /** The office whose council voted, when not this one (a review relayed with a lower unit's list); null: this office. */
  ownerName: string | null;
}

export interface NominationView {
  id: string;
  movementId: string | null;
  movementName: string | null;
  phaseId: string | null;
  phaseName: string | null;
  periodYear: number;
  sourceOrgId: string;
  sourceOrgName: string;
  /** This office's own list. */
  own: boolean;
  target: Target;
  personId: string | null;
  organizationId: string | null;
  displayName: string;
  positionUnit: string;
  achievement: string;
  proposedFormId: string;
  proposedFormName: string;
  requiredSharePct: number;
  status: NominationStatus | 'decided';
  /** The latest review of this office's council or of a level above it: what decides here. */
  review: ReviewView | null;
  /** The latest review of a lower level's council, received with the nomination sent up (its override reason included). */
  lowerReview: ReviewView | null;
  /** The decision that awarded it (its date too: lists show "02/QĐ-LĐLĐ ngày 30/11/2026"). */
  decision: { id: string; numberText: string; decisionDate: string } | null;
  /** Who manages the row: another office's (received by package) is read-only here, review aside. */
  ownership: OwnershipView;
}

// ---- tờ trình ----

export const saveProposalInput = z.object({
  id: id('Tờ trình').optional(),
  formId: id('Hình thức đề nghị'),
  addressee: text('Kính gửi', 500),
  superior: text('Cấp quyết định', 500),
  achievement: optionalText('Thành tích', 1000),
  bases: lines('Căn cứ'),
  plannedDate: optionalDate('Ngày dự kiến'),
  nominationIds: z.array(id('Đề nghị')).min(1, 'Danh sách: chọn ít nhất một đề nghị').max(2000),
});

export const issueInput = z.object({
  id: id('Văn bản'),
  date: isoDate('Ngày ban hành'),
  number: z.number({ error: 'Số văn bản phải là số' }).int().min(1, 'Số văn bản phải từ 1 trở lên').max(99999).nullable().optional().default(null),
});

export interface ProposalView {
  id: string;
  formId: string;
  formName: string;
  addressee: string;
  superior: string;
  achievement: string;
  bases: string[];
  plannedDate: string | null;
  status: 'draft' | 'issued';
  numberText: string | null;
  issuedDate: string | null;
  items: NominationView[];
  /** A lower unit's tờ trình received by package is read-only here. */
  ownership: OwnershipView;
}

// ---- decisions ----

export const awardeeInput = z
  .object({
    nominationId: optionalId('Đề nghị'),
    target,
    personId: optionalId('Cá nhân'),
    organizationId: optionalId('Đơn vị'),
    name: text('Tên tập thể / Họ và tên', 300),
    positionUnit: optionalText('Chức vụ, đơn vị', 500),
    formId: id('Hình thức'),
    note: optionalText('Ghi chú', 300),
  })
  .refine((v) => v.target === 'individual' || v.organizationId !== null, { message: 'Đơn vị: tập thể được khen phải là một đơn vị trong danh mục', path: ['organizationId'] });

export const saveDecisionInput = z.object({
  id: id('Quyết định').optional(),
  movementId: optionalId('Phong trào'),
  phaseId: optionalId('Đợt thi đua'),
  periodYear: year('Năm xét khen'),
  decisionDate: isoDate('Ngày quyết định'),
  subject: optionalText('Trích yếu', 1000),
  achievement: text('Thành tích', 1000),
  bases: lines('Căn cứ'),
  proposalLine: text('Dòng "Xét đề nghị của…"', 500),
  executors: text('Điều 3 (tổ chức thực hiện)', 1000),
  fundingSource: optionalText('Nguồn kinh phí', 500),
  awardees: z.array(awardeeInput).min(1, 'Danh sách: chưa có tập thể, cá nhân nào').max(2000, 'Danh sách: tối đa 2000 dòng'),
});

export interface AwardeeView {
  id: string;
  /** 1-based row over the whole list (collectives first, then individuals by name); the Giấy khen batch numbers the rows of its form's section. */
  row: number;
  nominationId: string | null;
  target: Target;
  personId: string | null;
  organizationId: string | null;
  name: string;
  positionUnit: string;
  formId: string;
  formName: string;
  /** 'form' (hình thức: a Giấy khen / Bằng khen is printed) or 'title' (danh hiệu: none). */
  formKind: 'title' | 'form';
  coefficient: number | null;
  amount: number;
  goldBookNumber: string | null;
  note: string;
}

export interface DecisionSummary {
  id: string;
  status: 'draft' | 'issued';
  numberText: string | null;
  decisionDate: string;
  periodYear: number;
  subject: string;
  collectives: number;
  individuals: number;
  totalAmount: number;
  correctsDecisionId: string | null;
  correctedById: string | null;
  /** An upper level's decision received by package is read-only here (no edit, delete or correction). */
  ownership: OwnershipView;
}

export interface DecisionView extends DecisionSummary {
  movementId: string | null;
  phaseId: string | null;
  achievement: string;
  bases: string[];
  proposalLine: string;
  executors: string;
  fundingSource: string;
  baseSalary: number | null;
  rounding: { mode: RoundingMode; step: number } | null;
  totalWords: string;
  correctsNumberText: string | null;
  awardees: AwardeeView[];
  /** Warnings for the clerk (a form without coefficient on the date, lương cơ sở "cần kiểm tra"). */
  warnings: string[];
}

export const listDecisionsInput = z.object({ periodYear: year('Năm').optional() });

export const printCertificatesInput = z
  .object({
    decisionId: id('Quyết định'),
    /** 1-based; after a paper jam, the row the printer stopped at. */
    fromRow: z.number({ error: 'In từ dòng: phải là số' }).int().min(1, 'In từ dòng: từ 1').optional().default(1),
    toRow: z.number({ error: 'Đến dòng: phải là số' }).int().min(1).nullable().optional().default(null),
    offsetX: z.number({ error: 'Độ lệch ngang: phải là số' }).min(-30, 'Độ lệch ngang: trong khoảng ±30 mm').max(30, 'Độ lệch ngang: trong khoảng ±30 mm').optional().default(0),
    /** The hình thức whose section is printed; needed only when the decision has several with a certificate. */
    formId: id('Hình thức khen thưởng').nullable().optional().default(null),
    offsetY: z.number({ error: 'Độ lệch dọc: phải là số' }).min(-30, 'Độ lệch dọc: trong khoảng ±30 mm').max(30, 'Độ lệch dọc: trong khoảng ±30 mm').optional().default(0),
  })
  .refine((v) => v.toRow === null || v.toRow >= v.fromRow, { message: 'Đến dòng: phải từ dòng bắt đầu trở đi', path: ['toRow'] });

export interface PrintJobView {
  id: string;
  fromRow: number;
  toRow: number;
  offsetX: number;
  offsetY: number;
  filePath: string | null;
  createdAt: string;
}

export interface PrintResult {
  path: string | null;
  pages: number;
  job: PrintJobView;
}

// ---- history and statistics ----

export const historyInput = z.object({
  query: optionalText('Tìm kiếm', 200),
  personId: id('Cá nhân').optional(),
  organizationId: id('Đơn vị').optional(),
  limit: z.number().int().min(1).max(5000).optional().default(500),
});

export interface HistoryRow {
  awardeeId: string;
  decisionId: string;
  numberText: string;
  decisionDate: string;
  periodYear: number;
  target: Target;
  personId: string | null;
  organizationId: string | null;
  name: string;
  positionUnit: string;
  unitName: string | null;
  formName: string;
  amount: number;
  goldBookNumber: string | null;
  /** Replaced by a later correction (đính chính): kept for the record, left out of statistics. */
  correctedBy: string | null;
  /** A past decision's line imported from Excel (award_history): no decision record, no money. */
  imported?: boolean;
}

export const statisticsInput = z.object({ periodYear: year('Năm').optional(), movementId: id('Phong trào').optional() });

export interface StatisticsLine {
  key: string;
  label: string;
  collectives: number;
  individuals: number;
  amount: number;
}

export interface StatisticsView {
  byForm: StatisticsLine[];
  byUnit: StatisticsLine[];
  byPhase: StatisticsLine[];
  total: StatisticsLine;
}
