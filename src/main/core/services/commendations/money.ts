/**
 * Tiền thưởng = hệ số × lương cơ sở in force on the decision date, rounded as configured on that date
 * (NĐ 152/2025 Điều 49: up to the next 10,000 đồng by default). Every input is a dated, editable row;
 * coefficients are thousandths so the product is exact integer arithmetic (0.3 × 2,340,000 = 702,000).
 */
import { AppError } from '../../../../shared/errors';
import type { MoneyComputation, PairMoney, RoundingMode, Target } from '../../../../shared/schemas/commendations';
import { moneyToWords } from '../../../../shared/vi-text/money';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { formatDmy } from '../../../../shared/vi-text/dates';

export interface Rounding {
  mode: RoundingMode;
  step: number;
}

/** Rounds numerator / denominator (both integers) to a multiple of step. */
export function roundRatio(numerator: number, denominator: number, r: Rounding): number {
  // Whole đồng at least: money is never printed with decimals.
  if (r.mode === 'none') return Math.round(numerator / denominator);
  const unit = denominator * r.step;
  const q = Math.floor(numerator / unit);
  const rem = numerator - q * unit;
  if (rem === 0) return q * r.step;
  if (r.mode === 'ceil') return (q + 1) * r.step;
  if (r.mode === 'floor') return q * r.step;
  return (rem * 2 >= unit ? q + 1 : q) * r.step;
}

/** Amount in đồng for a coefficient in thousandths. */
export function computeAmount(coefficientMilli: number, baseSalary: number, r: Rounding): number {
  return roundRatio(coefficientMilli * baseSalary, 1000, r);
}

export async function baseSalaryAt(q: Kysely<DB>, date: string) {
  return q.selectFrom('base_salaries').selectAll().where('valid_from', '<=', date).where('deleted_at', 'is', null).orderBy('valid_from', 'desc').limit(1).executeTakeFirst();
}

export async function roundingAt(q: Kysely<DB>, date: string): Promise<Rounding> {
  const r = await q.selectFrom('rounding_rules').selectAll().where('valid_from', '<=', date).where('deleted_at', 'is', null).orderBy('valid_from', 'desc').limit(1).executeTakeFirst();
  // No row at all: the rule of NĐ 152 Điều 49, so money is never silently unrounded.
  return r ? { mode: r.mode, step: r.step } : { mode: 'ceil', step: 10_000 };
}

export async function coefficientAt(q: Kysely<DB>, formId: string, target: Target, date: string) {
  return q
    .selectFrom('award_coefficients')
    .selectAll()
    .where('form_id', '=', formId)
    .where('target', '=', target)
    .where('valid_from', '<=', date)
    .where('deleted_at', 'is', null)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Everything the money of one awardee depends on, at one date, with the reason when it cannot be computed. */
export async function moneyAt(q: Kysely<DB>, formId: string, target: Target, date: string): Promise<MoneyComputation> {
  const form = await q.selectFrom('award_forms').select(['name']).where('id', '=', formId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!form) throw new AppError('NOT_FOUND', 'Không tìm thấy danh hiệu, hình thức khen thưởng (có thể đã bị xóa).');
  const [coef, salary, rounding] = await Promise.all([coefficientAt(q, formId, target, date), baseSalaryAt(q, date), roundingAt(q, date)]);
  const who = target === 'individual' ? 'cá nhân' : 'tập thể';
  let missing: string | null = null;
  if (!coef) missing = `"${form.name}" (${who}) chưa có hệ số tiền thưởng áp dụng vào ngày ${formatDmy(date)}: tiền thưởng tính bằng 0. Bổ sung trong Cài đặt → Khen thưởng.`;
  else if (!salary) missing = `Chưa có mức lương cơ sở áp dụng vào ngày ${formatDmy(date)}. Bổ sung trong Cài đặt → Khen thưởng.`;
  const amount = coef && salary ? computeAmount(coef.coefficient_milli, salary.amount, rounding) : 0;
  return {
    formId,
    target,
    date,
    coefficient: coef ? coef.coefficient_milli / 1000 : null,
    baseSalary: salary?.amount ?? null,
    baseSalaryFrom: salary?.valid_from ?? null,
    baseSalaryNeedsCheck: !!salary?.needs_check,
    rounding,
    raw: coef && salary ? (coef.coefficient_milli * salary.amount) / 1000 : 0,
    amount,
    words: moneyToWords(amount),
    missing,
  };
}

/** moneyAt for each pair on one date; a pair the catalogue refuses (a deleted form) carries its message, the rest are computed. */
export async function moneyOfPairs(q: Kysely<DB>, pairs: { formId: string; target: Target }[], date: string): Promise<PairMoney[]> {
  const out: PairMoney[] = [];
  for (const { formId, target } of pairs) {
    try {
      out.push({ formId, target, money: await moneyAt(q, formId, target, date), error: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.push({ formId, target, money: null, error: e.message });
    }
  }
  return out;
}
