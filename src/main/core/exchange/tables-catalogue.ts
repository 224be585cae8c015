import { z } from 'zod';
import { formatMoney, formatShortDate } from '../../../shared/vi-text';
import { bool01, cols, date, int, owned, str, times, uuid } from './columns';
import { addTableSpec, type TableSpec } from './tables';
import { awardConditionsSpec } from './tables-award-conditions';

/**
 * The catalogue package (kind "catalogue", down): award forms and titles and the dated values behind money
 * and căn cứ — coefficients, lương cơ sở, rounding, legal bases — as the level above keeps them. Received
 * rows are owned by that level and read-only here; seeded rows (same ids everywhere) are revised by it.
 * Another dated table (award conditions…) joins by one spec here and one line in CATALOGUE_SPECS.
 */
const target = z.enum(['individual', 'collective']);
/** Seeded catalogue rows carry fixed ids (migrations 0005, 0009). */
const seeded = (row: Record<string, unknown>) => String(row.id).startsWith('00000000-0000-4000-8000-');
const from = (row: Record<string, unknown>) => `áp dụng từ ${formatShortDate(String(row.valid_from))}`;
const gone = (row: Record<string, unknown>) => (row.deleted_at ? ' — bãi bỏ' : '');

const formShape = {
  ...owned,
  kind: z.enum(['title', 'form']),
  name: str(500).min(1),
  targets: z.enum(['individual', 'collective', 'both']),
  issuing_level: str(500),
  required_share_pct: z.number().int().min(1).max(100),
  sort_order: int,
  note: str(5000),
  ...times,
};
export const awardFormsSpec: TableSpec = addTableSpec({
  table: 'award_forms',
  label: 'Danh hiệu, hình thức khen thưởng',
  columns: cols(formShape),
  schema: z.strictObject(formShape),
  children: [],
  refs: [],
  seeded,
  describe: (row) => `${String(row.name)}${gone(row)}`,
});

const coefficientShape = {
  ...owned,
  form_id: uuid,
  target,
  coefficient_milli: z.number().int().min(0).max(1_000_000),
  valid_from: date,
  source: str(2000),
  needs_check: bool01,
  ...times,
};
export const awardCoefficientsSpec: TableSpec = addTableSpec({
  table: 'award_coefficients',
  label: 'Hệ số tiền thưởng',
  columns: cols(coefficientShape),
  schema: z.strictObject(coefficientShape),
  children: [],
  refs: [{ column: 'form_id', table: 'award_forms', label: 'hình thức khen thưởng' }],
  uniqueLive: [{ columns: ['form_id', 'target', 'valid_from'], label: 'Đã có hệ số khác cho hình thức, đối tượng và ngày áp dụng này' }],
  seeded,
  describe: (row) =>
    `Hệ số ${String(Number(row.coefficient_milli) / 1000).replace('.', ',')} × lương cơ sở (${row.target === 'individual' ? 'cá nhân' : 'tập thể'}), ${from(row)}${gone(row)}`,
});

const salaryShape = { ...owned, amount: z.number().int().min(1).max(1_000_000_000), valid_from: date, source: str(2000), needs_check: bool01, ...times };
export const baseSalariesSpec: TableSpec = addTableSpec({
  table: 'base_salaries',
  label: 'Lương cơ sở',
  columns: cols(salaryShape),
  schema: z.strictObject(salaryShape),
  children: [],
  refs: [],
  uniqueLive: [{ columns: ['valid_from'], label: 'Đã có mức lương cơ sở khác áp dụng từ ngày này' }],
  seeded,
  describe: (row) => `Lương cơ sở ${formatMoney(Number(row.amount))}, ${from(row)}${gone(row)}`,
});

const roundingShape = { ...owned, valid_from: date, mode: z.enum(['ceil', 'nearest', 'floor', 'none']), step: z.number().int().min(1).max(1_000_000_000), source: str(2000), ...times };
const ROUNDING = { ceil: 'làm tròn lên', nearest: 'làm tròn', floor: 'làm tròn xuống', none: 'không làm tròn' } as const;
export const roundingRulesSpec: TableSpec = addTableSpec({
  table: 'rounding_rules',
  label: 'Quy tắc làm tròn tiền thưởng',
  columns: cols(roundingShape),
  schema: z.strictObject(roundingShape),
  children: [],
  refs: [],
  uniqueLive: [{ columns: ['valid_from'], label: 'Đã có quy tắc làm tròn khác áp dụng từ ngày này' }],
  seeded,
  describe: (row) => `${ROUNDING[row.mode as keyof typeof ROUNDING]} đến ${formatMoney(Number(row.step))}, ${from(row)}${gone(row)}`,
});

const basisShape = {
  ...owned,
  text: str(2000).min(1),
  applies_to: z.enum(['decision', 'proposal', 'both']),
  valid_from: date,
  valid_to: date.nullable(),
  sort_order: int,
  source: str(2000),
  needs_check: bool01,
  ...times,
};
export const legalBasesSpec: TableSpec = addTableSpec({
  table: 'legal_bases',
  label: 'Căn cứ pháp lý',
  columns: cols(basisShape),
  schema: z.strictObject(basisShape).refine((r) => r.valid_to === null || r.valid_from <= r.valid_to, 'ngày hết hiệu lực trước ngày áp dụng'),
  children: [],
  refs: [],
  seeded,
  describe: (row) => `${String(row.text)}, ${from(row)}${row.valid_to ? ` đến ${formatShortDate(String(row.valid_to))}` : ''}${gone(row)}`,
});

/** In apply order (forms before the coefficients that name them). */
// Award conditions after the forms they refer to (issue 18, tables-award-conditions.ts).
export const CATALOGUE_SPECS: TableSpec[] = [awardFormsSpec, awardConditionsSpec, awardCoefficientsSpec, baseSalariesSpec, roundingRulesSpec, legalBasesSpec];
