/** Award conditions (điều kiện, tiêu chuẩn của danh hiệu / hình thức), commendation history import and the ladder. */
import { z } from 'zod';
import type { RuleCheck, Target } from './commendations';
import { id, isoDate, optionalText, safeString, text, uploadedFile } from './common';
import { year } from './movements';
import { columnMapping, personChoices, type ImportPersonCandidate } from './registrations';

export const CONDITION_SHAPES = ['title_each_year', 'title_k_of_n', 'form_not_within', 'initiative', 'collective_share', 'ladder_gap'] as const;
export type ConditionShape = (typeof CONDITION_SHAPES)[number];
/** How each rule shape reads in Cài đặt; N, K, P are the row's numbers. */
export const CONDITION_SHAPE_LABELS: Record<ConditionShape, string> = {
  title_each_year: 'Đạt danh hiệu/hình thức T trong mỗi năm của N năm',
  title_k_of_n: 'Đạt T ít nhất K lần trong N năm',
  form_not_within: 'Chưa được tặng F trong N năm',
  initiative: 'Có sáng kiến / đề tài được công nhận trong N năm',
  collective_share: 'Tập thể: ít nhất P% cá nhân đạt T (và không ai bị kỷ luật)',
  ladder_gap: 'Đã được tặng hình thức trước F từ N năm trở lên',
};

const count = (label: string, min: number, max: number) =>
  z.number({ error: `${label}: phải là số` }).int(`${label}: số nguyên`).min(min, `${label}: ít nhất ${min}`).max(max, `${label}: tối đa ${max}`);

export const saveConditionInput = z
  .object({
    id: id('Điều kiện').optional(),
    formId: id('Danh hiệu / hình thức'),
    target: z.enum(['individual', 'collective'], { error: 'Đối tượng: chọn tập thể hoặc cá nhân' }),
    shape: z.enum(CONDITION_SHAPES, { error: 'Dạng điều kiện không hợp lệ' }),
    subjectFormIds: z.array(id('Danh hiệu / hình thức được tính'), { error: 'Danh hiệu được tính: danh sách không hợp lệ' }).max(20, 'Danh hiệu được tính: tối đa 20'),
    years: count('Số năm (N)', 1, 30),
    minCount: count('Số lần (K)', 0, 30).default(0),
    sharePct: count('Tỷ lệ (P %)', 0, 100).default(0),
    /** 0: the window ends with the nomination year; 1: with the year before. */
    endOffset: z.union([z.literal(0), z.literal(1)], { error: 'Khoảng năm: chọn gồm năm đề nghị hoặc kết thúc năm trước' }).default(0),
    noDiscipline: z.boolean().default(false),
    label: text('Nội dung điều kiện', 500),
    validFrom: isoDate('Áp dụng từ ngày'),
    validTo: isoDate('Áp dụng đến ngày').nullable().optional().default(null),
    source: text('Căn cứ (văn bản, điều, khoản)', 500),
    needsCheck: z.boolean().default(false),
  })
  .refine((v) => v.shape === 'initiative' || v.subjectFormIds.length > 0, { message: 'Danh hiệu được tính: chọn ít nhất một danh hiệu / hình thức', path: ['subjectFormIds'] })
  .refine((v) => v.shape !== 'title_k_of_n' || (v.minCount >= 1 && v.minCount <= v.years), { message: 'Số lần (K): từ 1 đến N', path: ['minCount'] })
  .refine((v) => v.shape !== 'collective_share' || v.target === 'collective', { message: 'Tỷ lệ cá nhân chỉ áp dụng cho tập thể', path: ['shape'] })
  .refine((v) => v.shape !== 'collective_share' || v.sharePct >= 1, { message: 'Tỷ lệ (P %): từ 1 đến 100', path: ['sharePct'] })
  .refine((v) => !v.validTo || v.validFrom <= v.validTo, { message: 'Áp dụng đến ngày: phải sau ngày bắt đầu', path: ['validTo'] });

export interface ConditionView {
  id: string;
  formId: string;
  formName: string;
  target: Target;
  shape: ConditionShape;
  subjectFormIds: string[];
  subjectNames: string[];
  years: number;
  minCount: number;
  sharePct: number;
  endOffset: 0 | 1;
  noDiscipline: boolean;
  label: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  needsCheck: boolean;
  /** Received with the upper level's catalogue (owned by it): shown, not edited here. */
  ownerId: string | null;
}

export const checkConditionsInput = z.object({
  nominationIds: z.array(id('Đề nghị')).min(1, 'Chọn ít nhất một đề nghị').max(10_000, 'Tối đa 10.000 đề nghị một lần'),
  /** Conditions in force on this date (default today). */
  date: isoDate('Ngày xét').optional(),
});
export interface NominationConditions {
  nominationId: string;
  checks: RuleCheck[];
}

export const ladderInput = z
  .object({ personId: id('Cá nhân').optional(), organizationId: id('Đơn vị').optional(), year: year('Năm xét').optional() })
  .refine((v) => !!v.personId !== !!v.organizationId, { message: 'Chọn một cá nhân hoặc một đơn vị' });

export interface LadderEntry {
  year: number;
  formId: string;
  formName: string;
  kind: 'title' | 'form';
  /** "QĐ 12/QĐ-LĐLĐ ngày 20/12/2024" */
  evidence: string;
  origin: 'issued' | 'imported' | 'manual';
}
export interface LadderNext {
  formId: string;
  formName: string;
  met: boolean;
  checks: RuleCheck[];
}
export interface LadderView {
  subjectName: string;
  target: Target;
  year: number;
  entries: LadderEntry[];
  initiatives: { year: number; name: string; recognisedBy: string }[];
  /** Forms with conditions for this target, in catalogue order: what each still lacks for `year`. */
  next: LadderNext[];
}

export const saveInitiativeInput = z
  .object({
    personId: id('Cá nhân').optional(),
    organizationId: id('Đơn vị').optional(),
    year: year('Năm công nhận'),
    name: text('Tên sáng kiến / đề tài', 500),
    recognisedBy: optionalText('Quyết định công nhận', 300),
  })
  .refine((v) => !!v.personId !== !!v.organizationId, { message: 'Chọn một cá nhân hoặc một đơn vị' });

export const historyImportInput = z.object({
  file: uploadedFile,
  sheet: safeString('Trang tính').pipe(z.string().max(100, 'Tên trang tính quá dài')).optional(),
  headerRow: z.number().int().min(1).max(50).optional(),
  mapping: columnMapping.optional(),
  saveMapping: z.boolean().default(true),
  personChoices,
});

export interface HistoryImportRow {
  row: number;
  values: Record<string, string>;
  errors: string[];
  action: 'new' | 'unchanged' | 'error';
  matchedPerson: string | null;
  /** People already here an individual's row may be (as in the registration import). */
  candidates?: ImportPersonCandidate[];
  /** The candidate the row goes to unless the clerk chooses otherwise; null = a new person. */
  suggestedPersonId?: string | null;
}
export interface HistoryImportPreview {
  sheetNames: string[];
  sheet: string;
  headerRow: number;
  headers: string[];
  fields: { key: string; label: string; required: boolean }[];
  mapping: Record<string, string>;
  mappingSource: 'given' | 'saved' | 'suggested';
  legacyEncoding: 'tcvn3' | 'vni' | null;
  convertedCells: number;
  rows: HistoryImportRow[];
  errors: string[];
  counts: { new: number; unchanged: number; error: number };
}
export interface HistoryImportResult {
  created: number;
  unchanged: number;
  peopleCreated: number;
  peopleMatched: number;
}
