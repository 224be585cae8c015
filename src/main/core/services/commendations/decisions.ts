/**
 * Quyết định khen thưởng: a draft holds its căn cứ, forms and awardees; issuing takes the number from the
 * register, computes each amount at the decision date (coefficient × lương cơ sở, configured rounding),
 * freezes it with the lương cơ sở and rounding used, and gives every awardee a số sổ vàng — all in one
 * transaction. Issued decisions are locked (also by triggers); a correction is a new decision that
 * references the old one.
 */
import type { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { OwnershipView } from '../../../../shared/schemas/exchange';
import type { AwardeeView, DecisionSummary, DecisionView, MoneyComputation, RoundingMode, saveDecisionInput } from '../../../../shared/schemas/commendations';
import { comparePersonNames } from '../../../../shared/vi-text/collate';
import { moneyToWords } from '../../../../shared/vi-text/money';
import { identityOfNumberText } from '../../../../shared/vi-text/doc-number';
import { fold } from '../../../../shared/vi-text/normalize';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { DecisionAwardeesTable, DecisionsTable } from '../../db/schema-commendations';
import { newId, nowIso } from '../../util/time';
import { matchOrCreatePerson } from '../person-matching';
import { issueAndLock } from '../issue-and-lock';
import { getForm } from './catalogue';
import { entryNumbers } from './lookups';
import { moneyAt } from './money';
import { getNomination } from './nominations';
import { formatDmy } from '../../../../shared/vi-text/dates';
import { OWN_RECORD, assertOwnRecord, ownershipOf } from '../ownership';

export async function getDecisionRow(q: Kysely<DB>, id: string): Promise<DecisionsTable> {
  const d = await q.selectFrom('decisions').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!d) throw new AppError('NOT_FOUND', 'Không tìm thấy quyết định khen thưởng (có thể đã bị xóa).');
  return d;
}

/** Collectives in the clerk's order, then individuals by tên → họ đệm (the annex and the certificate batch agree). */
export function orderRows<T extends Pick<DecisionAwardeesTable, 'target' | 'name' | 'sort_order'>>(rows: T[]): T[] {
  const collectives = rows.filter((r) => r.target === 'collective').sort((a, b) => a.sort_order - b.sort_order);
  const individuals = rows.filter((r) => r.target === 'individual').sort((a, b) => comparePersonNames(a.name, b.name) || a.sort_order - b.sort_order);
  return [...collectives, ...individuals];
}

async function awardeeRows(q: Kysely<DB>, decisionId: string): Promise<DecisionAwardeesTable[]> {
  return orderRows(await q.selectFrom('decision_awardees').selectAll().where('decision_id', '=', decisionId).where('deleted_at', 'is', null).execute());
}

/** Draft: money as it would be on the decision date now. Issued: the frozen amounts. */
async function moneyFor(q: Kysely<DB>, d: DecisionsTable, rows: DecisionAwardeesTable[]): Promise<Map<string, MoneyComputation | null>> {
  const out = new Map<string, MoneyComputation | null>();
  const cache = new Map<string, MoneyComputation>();
  for (const r of rows) {
    if (d.status === 'issued') {
      out.set(r.id, null);
      continue;
    }
    const key = `${r.form_id}|${r.target}`;
    if (!cache.has(key)) cache.set(key, await moneyAt(q, r.form_id, r.target, d.decision_date));
    out.set(r.id, cache.get(key)!);
  }
  return out;
}

function summaryOf(d: DecisionsTable, numberText: string | null, counts: { c: number; i: number; total: number }, correctedById: string | null, ownership: OwnershipView): DecisionSummary {
  return {
    id: d.id,
    status: d.status,
    numberText,
    decisionDate: d.decision_date,
    periodYear: d.period_year,
    subject: d.subject,
    collectives: counts.c,
    individuals: counts.i,
    totalAmount: counts.total,
    correctsDecisionId: d.corrects_decision_id,
    correctedById,
    ownership,
  };
}

async function correctedBy(q: Kysely<DB>, id: string): Promise<string | null> {
  const c = await q.selectFrom('decisions').select('id').where('corrects_decision_id', '=', id).where('status', '=', 'issued').where('deleted_at', 'is', null).executeTakeFirst();
  return c?.id ?? null;
}

export async function getDecision(q: Kysely<DB>, id: string): Promise<DecisionView> {
  const d = await getDecisionRow(q, id);
  const rows = await awardeeRows(q, id);
  const forms = new Map((await q.selectFrom('award_forms').select(['id', 'name', 'kind']).execute()).map((f) => [f.id, f]));
  const money = await moneyFor(q, d, rows);
  const warnings = new Set<string>();
  const awardees: AwardeeView[] = rows.map((r, i) => {
    const m = money.get(r.id);
    if (m?.missing) warnings.add(m.missing);
    if (m?.baseSalaryNeedsCheck) warnings.add(`Mức lương cơ sở ${m.baseSalary?.toLocaleString('vi-VN')} đồng (từ ${formatDmy(m.baseSalaryFrom!)}) đang đánh dấu "cần kiểm tra" trong Cài đặt.`);
    return {
      id: r.id,
      row: i + 1,
      nominationId: r.nomination_id,
      target: r.target,
      personId: r.person_id,
      organizationId: r.organization_id,
      name: r.name,
      positionUnit: r.position_unit,
      formId: r.form_id,
      formName: forms.get(r.form_id)?.name ?? '',
      formKind: forms.get(r.form_id)?.kind ?? 'form',
      coefficient: m ? m.coefficient : r.coefficient_milli === null ? null : r.coefficient_milli / 1000,
      amount: m ? m.amount : (r.amount ?? 0),
      goldBookNumber: r.gold_book_number,
      note: r.note,
    };
  });
  const total = awardees.reduce((s, a) => s + a.amount, 0);
  const numbers = await entryNumbers(q, [d.register_entry_id]);
  const old = d.corrects_decision_id ? await getDecisionRow(q, d.corrects_decision_id) : null;
  const oldNumber = old ? ((await entryNumbers(q, [old.register_entry_id])).get(old.register_entry_id!) ?? null) : null;
  const firstMoney = [...money.values()].find((m) => m);
  const rounding = d.status === 'issued' ? { mode: d.rounding_mode as RoundingMode, step: d.rounding_step! } : (firstMoney?.rounding ?? null);
  return {
    ...summaryOf(
      d,
      d.register_entry_id ? (numbers.get(d.register_entry_id) ?? null) : null,
      { c: awardees.filter((a) => a.target === 'collective').length, i: awardees.filter((a) => a.target === 'individual').length, total },
      await correctedBy(q, d.id),
      (await ownershipOf(q, 'decisions', d.id)) ?? OWN_RECORD,
    ),
    movementId: d.movement_id,
    phaseId: d.phase_id,
    achievement: d.achievement,
    bases: JSON.parse(d.bases) as string[],
    proposalLine: d.proposal_line,
    executors: d.executors,
    fundingSource: d.funding_source,
    baseSalary: d.status === 'issued' ? d.base_salary : (firstMoney?.baseSalary ?? null),
    rounding,
    totalWords: moneyToWords(total),
    correctsNumberText: oldNumber,
    awardees,
    warnings: [...warnings],
  };
}

export async function listDecisions(q: Kysely<DB>, periodYear?: number): Promise<DecisionSummary[]> {
  let s = q.selectFrom('decisions').selectAll().where('deleted_at', 'is', null);
  if (periodYear) s = s.where('period_year', '=', periodYear);
  const rows = await s.orderBy('decision_date', 'desc').orderBy('created_at', 'desc').execute();
  const out: DecisionSummary[] = [];
  for (const d of rows) {
    const v = await getDecision(q, d.id);
    out.push(summaryOf(d, v.numberText, { c: v.collectives, i: v.individuals, total: v.totalAmount }, v.correctedById, v.ownership));
  }
  return out;
}

/** Saves a draft (new or existing): fields and the whole awardee list. */
export async function saveDecision(q: Kysely<DB>, officeId: string, input: z.output<typeof saveDecisionInput> & { correctsDecisionId?: string | null }): Promise<string> {
  if (input.id) await assertOwnRecord(q, 'decisions', input.id);
  const existing = input.id ? await getDecisionRow(q, input.id) : null;
  if (existing?.status === 'issued') throw new AppError('CONFLICT', 'Quyết định đã ban hành nên không sửa được. Nếu có sai sót, hãy lập quyết định đính chính.');
  const correctsId = existing ? existing.corrects_decision_id : (input.correctsDecisionId ?? null);
  if (input.phaseId) {
    const ph = await q.selectFrom('movement_phases').select('movement_id').where('id', '=', input.phaseId).executeTakeFirst();
    if (!ph || ph.movement_id !== input.movementId) throw new AppError('VALIDATION', 'Đợt thi đua: không thuộc phong trào đã chọn.');
  }
  const now = nowIso();
  const id = existing?.id ?? newId();
  const values = {
    movement_id: input.movementId,
    phase_id: input.phaseId,
    period_year: input.periodYear,
    decision_date: input.decisionDate,
    subject: input.subject,
    achievement: input.achievement,
    bases: JSON.stringify(input.bases),
    proposal_line: input.proposalLine,
    executors: input.executors,
    funding_source: input.fundingSource,
    updated_at: now,
  };
  if (existing) {
    await q.updateTable('decisions').set({ ...values, revision: (eb) => eb('revision', '+', 1) }).where('id', '=', id).execute();
    // A draft's list is replaced whole; drafts never travel, so no tombstones are needed for its rows.
    await q.deleteFrom('decision_awardees').where('decision_id', '=', id).execute();
  } else {
    await q
      .insertInto('decisions')
      .values({ id, issuer_id: officeId, owner_id: officeId, revision: 1, deleted_at: null, created_at: now, status: 'draft', register_entry_id: null, issued_number: null, base_salary: null, rounding_mode: null, rounding_step: null, total_amount: null, corrects_decision_id: correctsId, ...values })
      .execute();
  }
  const seen = new Set<string>();
  for (const [i, a] of input.awardees.entries()) {
    const form = await getForm(q, a.formId);
    const where = `Dòng ${i + 1} (${a.name})`;
    if (form.targets !== 'both' && form.targets !== a.target) throw new AppError('VALIDATION', `${where}: "${form.name}" chỉ dành cho ${form.targets === 'individual' ? 'cá nhân' : 'tập thể'}.`);
    if (a.nominationId) {
      const n = await getNomination(q, a.nominationId, officeId);
      if (n.status === 'decided' && n.decision?.id !== correctsId) throw new AppError('CONFLICT', `${where}: đề nghị này đã có Quyết định số ${identityOfNumberText(n.decision?.numberText, n.decision?.decisionDate)}.`);
      if (n.status !== 'approved' && n.status !== 'decided') throw new AppError('VALIDATION', `${where}: đề nghị chưa được hội đồng thông qua (bình xét).`);
      if (seen.has(a.nominationId)) throw new AppError('VALIDATION', `${where}: đề nghị đã có ở dòng khác.`);
      seen.add(a.nominationId);
    }
    let personId = a.personId;
    if (a.target === 'individual' && !personId) {
      personId = (await matchOrCreatePerson(q, { fullName: a.name, organizationId: a.organizationId, birthYear: null, position: '' })).id;
    }
    await q
      .insertInto('decision_awardees')
      .values({
        id: newId(),
        decision_id: id,
        nomination_id: a.nominationId,
        target: a.target,
        person_id: a.target === 'individual' ? personId : null,
        organization_id: a.organizationId,
        name: a.name,
        search_key: fold(a.name),
        position_unit: a.positionUnit,
        form_id: a.formId,
        coefficient_milli: null,
        amount: null,
        gold_book_number: null,
        note: a.note,
        sort_order: i,
        owner_id: officeId,
        revision: 1,
        deleted_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  return id;
}

export async function deleteDecision(q: Kysely<DB>, id: string): Promise<void> {
  await assertOwnRecord(q, 'decisions', id);
  const d = await getDecisionRow(q, id);
  if (d.status === 'issued') throw new AppError('CONFLICT', 'Quyết định đã ban hành không thể xóa. Nếu có sai sót, hãy lập quyết định đính chính.');
  await q.deleteFrom('decision_awardees').where('decision_id', '=', id).execute();
  await q.deleteFrom('decisions').where('id', '=', id).execute();
}

const subjectOf = (d: DecisionsTable) => d.subject || `Về việc khen thưởng ${d.achievement}`.trim();

/** Cấp số và ban hành: money frozen at `date`, number from the register, số sổ vàng per awardee. */
export async function issueDecision(q: Kysely<DB>, officeId: string, input: { id: string; date: string; number: number | null }): Promise<void> {
  await assertOwnRecord(q, 'decisions', input.id);
  const d = await getDecisionRow(q, input.id);
  if (d.status === 'issued') throw new AppError('CONFLICT', 'Quyết định đã được ban hành.');
  if (d.corrects_decision_id && (await correctedBy(q, d.corrects_decision_id))) throw new AppError('CONFLICT', 'Quyết định gốc đã có một quyết định đính chính được ban hành.');
  const rows = await awardeeRows(q, d.id);
  if (!rows.length) throw new AppError('VALIDATION', 'Quyết định chưa có tập thể, cá nhân nào.');
  await issueAndLock(q, {
    table: 'decisions',
    id: d.id,
    issuerId: officeId,
    kindAbbr: 'QĐ',
    date: input.date,
    subject: subjectOf(d),
    number: input.number,
    // Money, gold-book numbers and titles are written on the list before the decision (and so its list) is locked.
    freeze: async (entry) => {
      const year = Number(input.date.slice(0, 4));
      const last = await q.selectFrom('gold_book_entries').select((eb) => eb.fn.max('number').as('m')).where('issuer_id', '=', officeId).where('year', '=', year).executeTakeFirst();
      let gold = last?.m ?? 0;
      const cache = new Map<string, MoneyComputation>();
      let total = 0;
      let baseSalary: number | null = null;
      let rounding: MoneyComputation['rounding'] | null = null;
      const now = nowIso();
      for (const r of rows) {
        const key = `${r.form_id}|${r.target}`;
        if (!cache.has(key)) cache.set(key, await moneyAt(q, r.form_id, r.target, input.date));
        const m = cache.get(key)!;
        baseSalary ??= m.baseSalary;
        rounding ??= m.rounding;
        total += m.amount;
        gold += 1;
        await q.insertInto('gold_book_entries').values({ id: newId(), issuer_id: officeId, year, number: gold, awardee_id: r.id, created_at: now }).execute();
        await q
          .updateTable('decision_awardees')
          .set({ coefficient_milli: m.coefficient === null ? null : Math.round(m.coefficient * 1000), amount: m.amount, gold_book_number: `${gold}/${year}`, updated_at: now })
          .where('id', '=', r.id)
          .execute();
      }
      await recordTitles(q, officeId, d, rows, `Quyết định số ${entry.numberText} ngày ${formatDmy(input.date)}`);
      return { base_salary: baseSalary, rounding_mode: rounding?.mode ?? null, rounding_step: rounding?.step ?? null, total_amount: total };
    },
  });
}

/**
 * Danh hiệu (kind 'title') given to individuals join the person's titles (person_titles, shown in their
 * history by the registrations area). A correction first retires the titles the old decision wrote.
 */
async function recordTitles(q: Kysely<DB>, officeId: string, d: DecisionsTable, rows: DecisionAwardeesTable[], reference: string): Promise<void> {
  const now = nowIso();
  if (d.corrects_decision_id) {
    const old = await getDecisionRow(q, d.corrects_decision_id);
    const oldNumber = (await entryNumbers(q, [old.register_entry_id])).get(old.register_entry_id!);
    await q
      .updateTable('person_titles')
      .set((eb) => ({ deleted_at: now, updated_at: now, revision: eb('revision', '+', 1) }))
      .where('reference', '=', `Quyết định số ${oldNumber} ngày ${formatDmy(old.decision_date)}`)
      .where('deleted_at', 'is', null)
      .execute();
  }
  const titles = new Map((await q.selectFrom('award_forms').select(['id', 'name']).where('kind', '=', 'title').execute()).map((f) => [f.id, f.name]));
  for (const r of rows) {
    const title = titles.get(r.form_id);
    if (r.target !== 'individual' || !r.person_id || !title) continue;
    await q
      .insertInto('person_titles')
      .values({ id: newId(), owner_id: officeId, revision: 1, deleted_at: null, person_id: r.person_id, year: d.period_year, title, reference, created_at: now, updated_at: now })
      .execute();
  }
}

/** Opens (or reopens) the draft that corrects an issued decision, starting from its list and căn cứ. */
export async function correctDecision(q: Kysely<DB>, officeId: string, id: string): Promise<string> {
  // Only the issuer corrects its decision (a correction is a decision of the same issuer).
  await assertOwnRecord(q, 'decisions', id);
  const d = await getDecisionRow(q, id);
  if (d.status !== 'issued') throw new AppError('VALIDATION', 'Chỉ lập quyết định đính chính cho quyết định đã ban hành; bản dự thảo thì sửa trực tiếp.');
  const done = await correctedBy(q, id);
  if (done) throw new AppError('CONFLICT', 'Quyết định này đã có quyết định đính chính được ban hành; hãy đính chính quyết định mới nhất.');
  const draft = await q.selectFrom('decisions').select('id').where('corrects_decision_id', '=', id).where('status', '=', 'draft').where('deleted_at', 'is', null).executeTakeFirst();
  if (draft) return draft.id;
  const view = await getDecision(q, id);
  const bases = JSON.parse(d.bases) as string[];
  return saveDecision(q, officeId, {
    movementId: d.movement_id,
    phaseId: d.phase_id,
    periodYear: d.period_year,
    decisionDate: d.decision_date,
    subject: `Về việc đính chính Quyết định số ${view.numberText} ngày ${formatDmy(d.decision_date)}`,
    achievement: d.achievement,
    bases: [...bases, `Căn cứ Quyết định số ${view.numberText} ngày ${formatDmy(d.decision_date)} về việc ${subjectOf(d).replace(/^Về việc\s+/i, '')}`],
    proposalLine: d.proposal_line,
    executors: d.executors,
    fundingSource: d.funding_source,
    correctsDecisionId: id,
    awardees: view.awardees.map((a) => ({
      nominationId: a.nominationId,
      target: a.target,
      personId: a.personId,
      organizationId: a.organizationId,
      name: a.name,
      positionUnit: a.positionUnit,
      formId: a.formId,
      note: a.note,
    })),
  });
}
