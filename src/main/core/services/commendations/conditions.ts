/**
 * The conditions of each title/form as dated rows (award_conditions, migration 0010): listed, edited and
 * tombstoned in Cài đặt; the rows in force on a date are what the review checks. Rows received with the
 * upper level's catalogue keep its ownership and are read-only here (DESIGN principle 6).
 */
import type { z } from 'zod';
import type { ConditionView, saveConditionInput } from '../../../../shared/schemas/award-conditions';
import { AppError } from '../../../../shared/errors';
import type { AwardConditionsTable } from '../../db/schema-award-conditions';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nowIso } from '../../util/time';
import { getForm, upsert } from './catalogue';

export function toConditionView(c: AwardConditionsTable, names: Map<string, string>): ConditionView {
  const subjects = JSON.parse(c.subject_form_ids) as string[];
  return {
    id: c.id,
    formId: c.form_id,
    formName: names.get(c.form_id) ?? '',
    target: c.target,
    shape: c.shape,
    subjectFormIds: subjects,
    subjectNames: subjects.map((s) => names.get(s) ?? ''),
    years: c.years,
    minCount: c.min_count,
    sharePct: c.share_pct,
    endOffset: c.end_offset === 1 ? 1 : 0,
    noDiscipline: c.no_discipline === 1,
    label: c.label,
    validFrom: c.valid_from,
    validTo: c.valid_to,
    source: c.source,
    needsCheck: c.needs_check === 1,
    ownerId: c.owner_id,
  };
}

async function formNames(q: Kysely<DB>): Promise<Map<string, string>> {
  return new Map((await q.selectFrom('award_forms').select(['id', 'name']).execute()).map((f) => [f.id, f.name]));
}

export async function listConditions(q: Kysely<DB>): Promise<ConditionView[]> {
  const rows = await q.selectFrom('award_conditions as c').innerJoin('award_forms as f', 'f.id', 'c.form_id').selectAll('c').where('c.deleted_at', 'is', null).orderBy('f.sort_order').orderBy('c.sort_order').orderBy('c.valid_from', 'desc').execute();
  const names = await formNames(q);
  return rows.map((r) => toConditionView(r, names));
}

/** The rows in force on `date` for each (form, target), keyed "formId|target". */
export async function conditionsInForce(q: Kysely<DB>, date: string, formIds?: string[]): Promise<Map<string, AwardConditionsTable[]>> {
  let s = q
    .selectFrom('award_conditions')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]));
  if (formIds) s = s.where('form_id', 'in', formIds.length ? formIds : ['']);
  const out = new Map<string, AwardConditionsTable[]>();
  for (const r of await s.orderBy('sort_order').execute()) {
    const key = `${r.form_id}|${r.target}`;
    out.set(key, [...(out.get(key) ?? []), r]);
  }
  return out;
}

async function editable(q: Kysely<DB>, id: string, officeId: string): Promise<void> {
  const row = await q.selectFrom('award_conditions').select(['owner_id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy điều kiện (có thể đã bị xóa).');
  if (row.owner_id && row.owner_id !== officeId) throw new AppError('CONFLICT', 'Điều kiện này do cấp trên ban hành (nhận qua gói danh mục): không sửa, xóa ở cấp này.');
}

export async function saveCondition(q: Kysely<DB>, officeId: string, input: z.output<typeof saveConditionInput>): Promise<ConditionView> {
  const form = await getForm(q, input.formId);
  if (form.targets !== 'both' && form.targets !== input.target) throw new AppError('VALIDATION', `"${form.name}" chỉ dành cho ${form.targets === 'individual' ? 'cá nhân' : 'tập thể'}.`);
  for (const s of input.subjectFormIds) await getForm(q, s);
  if (input.id) await editable(q, input.id, officeId);
  const max = await q.selectFrom('award_conditions').select((eb) => eb.fn.max('sort_order').as('m')).executeTakeFirst();
  const values: Record<string, unknown> = {
    form_id: input.formId,
    target: input.target,
    shape: input.shape,
    subject_form_ids: JSON.stringify(input.shape === 'initiative' ? [] : [...new Set(input.subjectFormIds)]),
    years: input.years,
    min_count: input.minCount,
    share_pct: input.sharePct,
    end_offset: input.endOffset,
    no_discipline: input.noDiscipline ? 1 : 0,
    label: input.label,
    valid_from: input.validFrom,
    valid_to: input.validTo,
    source: input.source,
    needs_check: input.needsCheck ? 1 : 0,
  };
  if (!input.id) values.sort_order = (max?.m ?? 0) + 1;
  const id = await upsert(q, 'award_conditions', input.id, officeId, values);
  const row = await q.selectFrom('award_conditions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toConditionView(row, await formNames(q));
}

export async function deleteCondition(q: Kysely<DB>, officeId: string, id: string): Promise<void> {
  await editable(q, id, officeId);
  const now = nowIso();
  await q.updateTable('award_conditions').set((eb) => ({ deleted_at: now, updated_at: now, revision: eb('revision', '+', 1) })).where('id', '=', id).execute();
}
