/** The catalogue of titles and forms and the dated tables behind the money, all editable rows (tombstoned, never deleted). */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type {
  AwardFormView,
  CatalogueView,
  LegalBasisView,
  deleteDatedInput,
  saveBaseSalaryInput,
  saveCoefficientInput,
  saveExclusionInput,
  saveFormInput,
  saveRoundingInput,
} from '../../../../shared/schemas/commendations';
import type { retireLegalBasisInput, saveLegalBasisInput } from '../../../../shared/schemas/catalogue';
import { fold } from '../../../../shared/vi-text';
import type { DB } from '../../db/schema';
import type { AwardFormsTable } from '../../db/schema-commendations';
import { newId, nowIso } from '../../util/time';
import { formatDmy } from '../../../../shared/vi-text/dates';

export function toFormView(f: AwardFormsTable): AwardFormView {
  return { id: f.id, kind: f.kind, name: f.name, targets: f.targets, issuingLevel: f.issuing_level, requiredSharePct: f.required_share_pct, note: f.note };
}

export async function getForm(q: Kysely<DB>, id: string): Promise<AwardFormsTable> {
  const f = await q.selectFrom('award_forms').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!f) throw new AppError('NOT_FOUND', 'Không tìm thấy danh hiệu, hình thức khen thưởng (có thể đã bị xóa).');
  return f;
}

/** Owner id → name for rows this office did not make (received in a catalogue package from above). */
async function foreignOwners(q: Kysely<DB>): Promise<(ownerId: string | null) => string | null> {
  const office = await q.selectFrom('office').select('organization_id').executeTakeFirst();
  const names = new Map((await q.selectFrom('organization_names').select(['organization_id', 'name']).orderBy('valid_from').execute()).map((n) => [n.organization_id, n.name]));
  return (ownerId) => (ownerId && ownerId !== office?.organization_id ? (names.get(ownerId) ?? 'cấp trên') : null);
}

export async function catalogue(q: Kysely<DB>): Promise<CatalogueView> {
  const receivedFrom = await foreignOwners(q);
  const forms = await q.selectFrom('award_forms').selectAll().where('deleted_at', 'is', null).orderBy('sort_order').orderBy('name').execute();
  const formName = new Map(forms.map((f) => [f.id, f.name]));
  const coefficients = await q.selectFrom('award_coefficients').selectAll().where('deleted_at', 'is', null).orderBy('valid_from', 'desc').execute();
  const salaries = await q.selectFrom('base_salaries').selectAll().where('deleted_at', 'is', null).orderBy('valid_from', 'desc').execute();
  const roundings = await q.selectFrom('rounding_rules').selectAll().where('deleted_at', 'is', null).orderBy('valid_from', 'desc').execute();
  const exclusions = await q
    .selectFrom('commendation_exclusions as e')
    .leftJoin('people as p', 'p.id', 'e.person_id')
    .selectAll('e')
    .select('p.full_name')
    .where('e.deleted_at', 'is', null)
    .orderBy('e.valid_from', 'desc')
    .execute();
  const orgNames = new Map(
    (await q.selectFrom('organization_names').select(['organization_id', 'name', 'valid_from']).orderBy('valid_from').execute()).map((n) => [n.organization_id, n.name]),
  );
  const order = new Map(forms.map((f, i) => [f.id, i]));
  return {
    forms: forms.map((f) => ({ ...toFormView(f), receivedFrom: receivedFrom(f.owner_id) })),
    legalBases: (await listLegalBases(q)).map((b) => ({ ...b, receivedFrom: receivedFrom(b.ownerId) })),
    coefficients: coefficients
      .sort((a, b) => (order.get(a.form_id) ?? 0) - (order.get(b.form_id) ?? 0) || a.target.localeCompare(b.target) || b.valid_from.localeCompare(a.valid_from))
      .map((c) => ({
        id: c.id,
        formId: c.form_id,
        formName: formName.get(c.form_id) ?? '',
        target: c.target,
        coefficient: c.coefficient_milli / 1000,
        validFrom: c.valid_from,
        source: c.source,
        needsCheck: !!c.needs_check,
        receivedFrom: receivedFrom(c.owner_id),
      })),
    baseSalaries: salaries.map((s) => ({ id: s.id, amount: s.amount, validFrom: s.valid_from, source: s.source, needsCheck: !!s.needs_check, receivedFrom: receivedFrom(s.owner_id) })),
    roundings: roundings.map((r) => ({ id: r.id, validFrom: r.valid_from, mode: r.mode, step: r.step, source: r.source, receivedFrom: receivedFrom(r.owner_id) })),
    exclusions: exclusions.map((e) => ({
      id: e.id,
      personId: e.person_id,
      organizationId: e.organization_id,
      subjectName: e.person_id ? (e.full_name ?? '') : (orgNames.get(e.organization_id ?? '') ?? ''),
      formId: e.form_id,
      formName: e.form_id ? (formName.get(e.form_id) ?? null) : null,
      reason: e.reason,
      validFrom: e.valid_from,
      validTo: e.valid_to,
    })),
  };
}

/**
 * Values received from the upper level's catalogue are theirs (DESIGN principle 6): changed only by their
 * next package. This office adds its own dated rows if it must.
 */
async function refuseReceived(q: Kysely<DB>, table: CatalogueTable, id: string, officeId: string): Promise<void> {
  const row = await q.selectFrom(table as 'base_salaries').select('owner_id').where('id', '=', id).executeTakeFirst();
  if (row?.owner_id && row.owner_id !== officeId) {
    const owner = (await foreignOwners(q))(row.owner_id);
    throw new AppError('CONFLICT', `Dòng này do ${owner ?? 'cấp trên'} ban hành và gửi xuống trong gói danh mục; máy này không sửa hay xóa được. Nếu cần, hãy thêm một dòng mới của đơn vị mình.`);
  }
}

type CatalogueTable = 'award_forms' | 'award_coefficients' | 'base_salaries' | 'rounding_rules' | 'legal_bases' | 'commendation_exclusions' | 'award_conditions' | 'initiatives';

export type LegalBasisRow = Omit<LegalBasisView, 'receivedFrom'> & { ownerId: string | null };

/** Every live căn cứ line, in its order; `at` keeps those in force on that date. */
export async function listLegalBases(q: Kysely<DB>, at?: string, appliesTo?: 'decision' | 'proposal'): Promise<LegalBasisRow[]> {
  let s = q.selectFrom('legal_bases').selectAll().where('deleted_at', 'is', null);
  if (at) s = s.where('valid_from', '<=', at).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', at)]));
  if (appliesTo) s = s.where('applies_to', 'in', [appliesTo, 'both']);
  const rows = await s.orderBy('sort_order').orderBy('valid_from').execute();
  return rows.map((b) => ({ id: b.id, text: b.text, appliesTo: b.applies_to, validFrom: b.valid_from, validTo: b.valid_to, source: b.source, needsCheck: !!b.needs_check, ownerId: b.owner_id }));
}

/** Every căn cứ line (retired ones too) with who set it, for the screen that edits them. */
export async function legalBasesView(q: Kysely<DB>): Promise<LegalBasisView[]> {
  const receivedFrom = await foreignOwners(q);
  return (await listLegalBases(q)).map(({ ownerId, ...b }) => ({ ...b, receivedFrom: receivedFrom(ownerId) }));
}

/**
 * Adds or edits a căn cứ line of this office (a line the upper level sent stays theirs). The same text in force
 * on overlapping dates twice would be cited twice: refused.
 */
export async function saveLegalBasis(q: Kysely<DB>, ownerId: string, input: z.output<typeof saveLegalBasisInput>): Promise<void> {
  const others = (await listLegalBases(q)).filter((b) => b.id !== input.id && fold(b.text) === fold(input.text));
  const overlap = others.find((b) => b.validFrom <= (input.validTo ?? '9999-12-31') && input.validFrom <= (b.validTo ?? '9999-12-31'));
  if (overlap) throw new AppError('CONFLICT', `Căn cứ này đã có (áp dụng từ ${formatDmy(overlap.validFrom)}${overlap.validTo ? ` đến ${formatDmy(overlap.validTo)}` : ''}); hãy sửa dòng đó hoặc cho dòng đó hết hiệu lực trước.`);
  const values: Record<string, unknown> = { text: input.text, applies_to: input.appliesTo, valid_from: input.validFrom, valid_to: input.validTo, source: input.source, needs_check: input.needsCheck ? 1 : 0 };
  if (!input.id) {
    const max = await q.selectFrom('legal_bases').select((eb) => eb.fn.max('sort_order').as('m')).executeTakeFirst();
    values.sort_order = (max?.m ?? 0) + 1;
  }
  await upsert(q, 'legal_bases', input.id, ownerId, values);
}

/** A line stops being cited after `validTo` (documents dated later leave it out); earlier documents keep it. */
export async function retireLegalBasis(q: Kysely<DB>, ownerId: string, input: z.output<typeof retireLegalBasisInput>): Promise<void> {
  const b = (await listLegalBases(q)).find((x) => x.id === input.id);
  if (!b) throw new AppError('NOT_FOUND', 'Không tìm thấy căn cứ (có thể đã bị xóa).');
  if (input.validTo < b.validFrom) throw new AppError('VALIDATION', `Ngày cuối cùng áp dụng (${formatDmy(input.validTo)}) không được trước ngày căn cứ bắt đầu áp dụng (${formatDmy(b.validFrom)}).`);
  await upsert(q, 'legal_bases', input.id, ownerId, { valid_to: input.validTo });
}

/** Removes a line typed by mistake (tombstoned: the catalogue package then removes it below too). */
export async function deleteLegalBasis(q: Kysely<DB>, ownerId: string, id: string): Promise<void> {
  await refuseReceived(q, 'legal_bases', id, ownerId);
  const now = nowIso();
  const res = await q.updateTable('legal_bases').set((eb) => ({ deleted_at: now, updated_at: now, revision: eb('revision', '+', 1) })).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!res.numUpdatedRows) throw new AppError('NOT_FOUND', 'Không tìm thấy căn cứ (có thể đã bị xóa).');
}

/** The căn cứ lines a new decision or tờ trình starts with: those in force on its date, each ending ";", the last "." is the editor's. */
export async function basesInForce(q: Kysely<DB>, date: string, appliesTo: 'decision' | 'proposal'): Promise<string[]> {
  return (await listLegalBases(q, date, appliesTo)).map((b) => `${b.text.replace(/[;.]\s*$/, '')};`);
}

const dup = (what: string, date: string) => new AppError('CONFLICT', `Đã có ${what} áp dụng từ ngày ${formatDmy(date)}; hãy sửa dòng đó thay vì thêm dòng mới.`);

/** Insert a new row or bump the revision of an existing one. */
export async function upsert<T extends 'award_forms' | 'award_coefficients' | 'base_salaries' | 'rounding_rules' | 'commendation_exclusions' | 'award_conditions' | 'initiatives' | 'legal_bases'>(
  q: Kysely<DB>,
  table: T,
  id: string | undefined,
  ownerId: string,
  values: Record<string, unknown>,
): Promise<string> {
  const now = nowIso();
  if (id) {
    await refuseReceived(q, table, id, ownerId);
    const res = await q
      .updateTable(table as 'award_forms')
      .set({ ...values, updated_at: now, revision: sql`revision + 1` } as never)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!res.numUpdatedRows) throw new AppError('NOT_FOUND', 'Không tìm thấy dòng cần sửa (có thể đã bị xóa).');
    return id;
  }
  const newRow = { id: newId(), owner_id: ownerId, revision: 1, deleted_at: null, created_at: now, updated_at: now, ...values };
  await q.insertInto(table as 'award_forms').values(newRow as never).execute();
  return newRow.id;
}

async function clash(q: Kysely<DB>, table: 'award_coefficients' | 'base_salaries' | 'rounding_rules', id: string | undefined, where: Record<string, string>): Promise<boolean> {
  let s = q.selectFrom(table as 'base_salaries').select('id').where('deleted_at', 'is', null);
  for (const [k, v] of Object.entries(where)) s = s.where(k as 'id', '=', v);
  const rows = await s.execute();
  return rows.some((r) => r.id !== id);
}

export async function saveForm(q: Kysely<DB>, ownerId: string, input: z.output<typeof saveFormInput>): Promise<AwardFormView> {
  const max = await q.selectFrom('award_forms').select((eb) => eb.fn.max('sort_order').as('m')).executeTakeFirst();
  const values: Record<string, unknown> = { kind: input.kind, name: input.name, targets: input.targets, issuing_level: input.issuingLevel, required_share_pct: input.requiredSharePct, note: input.note };
  if (!input.id) values.sort_order = (max?.m ?? 0) + 1;
  const id = await upsert(q, 'award_forms', input.id, ownerId, values);
  return toFormView(await getForm(q, id));
}

export async function saveCoefficient(q: Kysely<DB>, ownerId: string, input: z.output<typeof saveCoefficientInput>): Promise<void> {
  const form = await getForm(q, input.formId);
  if (form.targets !== 'both' && form.targets !== input.target) {
    throw new AppError('VALIDATION', `"${form.name}" chỉ dành cho ${form.targets === 'individual' ? 'cá nhân' : 'tập thể'}.`);
  }
  if (await clash(q, 'award_coefficients', input.id, { form_id: input.formId, target: input.target, valid_from: input.validFrom })) throw dup('hệ số cho hình thức này', input.validFrom);
  await upsert(q, 'award_coefficients', input.id, ownerId, {
    form_id: input.formId,
    target: input.target,
    coefficient_milli: Math.round(input.coefficient * 1000),
    valid_from: input.validFrom,
    source: input.source,
    needs_check: input.needsCheck ? 1 : 0,
  });
}

export async function saveBaseSalary(q: Kysely<DB>, ownerId: string, input: z.output<typeof saveBaseSalaryInput>): Promise<void> {
  if (await clash(q, 'base_salaries', input.id, { valid_from: input.validFrom })) throw dup('mức lương cơ sở', input.validFrom);
  await upsert(q, 'base_salaries', input.id, ownerId, { amount: input.amount, valid_from: input.validFrom, source: input.source, needs_check: input.needsCheck ? 1 : 0 });
}

export async function saveRounding(q: Kysely<DB>, ownerId: string, input: z.output<typeof saveRoundingInput>): Promise<void> {
  if (await clash(q, 'rounding_rules', input.id, { valid_from: input.validFrom })) throw dup('quy tắc làm tròn', input.validFrom);
  await upsert(q, 'rounding_rules', input.id, ownerId, { valid_from: input.validFrom, mode: input.mode, step: input.step, source: input.source });
}

export async function saveExclusion(q: Kysely<DB>, ownerId: string, input: z.output<typeof saveExclusionInput>): Promise<void> {
  if (input.personId && !(await q.selectFrom('people').select('id').where('id', '=', input.personId).executeTakeFirst())) throw new AppError('NOT_FOUND', 'Không tìm thấy cá nhân.');
  if (input.organizationId && !(await q.selectFrom('organizations').select('id').where('id', '=', input.organizationId).executeTakeFirst())) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  if (input.formId) await getForm(q, input.formId);
  await upsert(q, 'commendation_exclusions', input.id, ownerId, {
    person_id: input.personId,
    organization_id: input.organizationId,
    form_id: input.formId,
    reason: input.reason,
    valid_from: input.validFrom,
    valid_to: input.validTo,
  });
}

const DATED_TABLE_NAMES = { coefficient: 'award_coefficients', baseSalary: 'base_salaries', rounding: 'rounding_rules', exclusion: 'commendation_exclusions' } as const;

export async function deleteDated(q: Kysely<DB>, input: z.output<typeof deleteDatedInput>, officeId?: string): Promise<void> {
  if (officeId) await refuseReceived(q, DATED_TABLE_NAMES[input.table], input.id, officeId);
  const now = nowIso();
  const res = await q
    .updateTable(DATED_TABLE_NAMES[input.table] as 'base_salaries')
    .set({ deleted_at: now, updated_at: now, revision: (eb) => eb('revision', '+', 1) })
    .where('id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!res.numUpdatedRows) throw new AppError('NOT_FOUND', 'Không tìm thấy dòng cần xóa (có thể đã bị xóa).');
}
