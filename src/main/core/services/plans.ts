/**
 * Plans (kế hoạch): drafts autosaved as a whole (sections as JSON checked by the planBody schema),
 * issued once with a number from the register and locked from then on; templates reused next year.
 */
import type { Kysely } from 'kysely';
import { itemWhere, sectionWhere } from '../../../shared/plans/where';
import { AppError } from '../../../shared/errors';
import { phasesContent as phasesBlocks } from '../../../shared/plans/phases';
import type { MovementView } from '../../../shared/schemas/movements';
import type { OfficeView } from '../../../shared/schemas/office';
import { planBody, type ContentBlock, type PlanBody, type PlanSummary, type PlanTemplateView, type PlanView } from '../../../shared/schemas/plans';
import { DRAFT_NUMBER_BLANK, formatDocSerial } from '../../../shared/vi-text/doc-number';
import type { DB, PlansTable } from '../db/schema';
import { newId, nowIso, todayIso } from '../util/time';
import { getMovement } from './movements';
import { getNode } from './organizations';
import { issueAndLock } from './issue-and-lock';
import { formatDmy } from '../../../shared/vi-text/dates';
import { assertOwnRecord } from './ownership';


/** Type abbreviation of a Kế hoạch (Nghị định 30/2020, Phụ lục III). */
export const PLAN_KIND_ABBR = 'KH';

export function phasesContent(movement: Pick<MovementView, 'phases'>): ContentBlock[] {
  return phasesBlocks(movement.phases);
}

/** Puts the movement's đợt into every item marked as the phases item. */
export function refillPhases(body: PlanBody, movement: Pick<MovementView, 'phases'>): PlanBody {
  return {
    ...body,
    sections: body.sections.map((s) => ({
      ...s,
      items: s.items.map((it) => (it.role === 'phases' ? { ...it, content: phasesContent(movement) } : it)),
    })),
  };
}

/** "Phong trào thi đua …" → "Phát động phong trào thi đua …". */
export function subjectFor(movementName: string): string {
  const m = /^phong trào\s+/iu.exec(movementName);
  return m ? `Phát động phong trào ${movementName.slice(m[0].length)}` : '';
}

/** The usual skeleton of a Kế hoạch phát động thi đua; every heading and item stays editable. */
export function defaultBody(office: OfficeView, movement: MovementView | null): PlanBody {
  const empty = () => ({ title: '', text: '', content: [] as ContentBlock[], role: '' as const });
  return planBody.parse({
    intro: [''],
    sections: [
      { title: 'MỤC ĐÍCH, YÊU CẦU', items: [empty()] },
      {
        title: 'NỘI DUNG THI ĐUA',
        items: [
          { title: 'Nội dung', content: [{ marker: '-', text: '' }] },
          { title: 'Các đợt thi đua', role: 'phases', content: movement ? phasesContent(movement) : [] },
        ],
      },
      {
        title: 'TỔ CHỨC THỰC HIỆN',
        items: [
          { title: office.name, content: [{ marker: '-', text: '' }] },
          { title: 'Các công đoàn cấp dưới', content: [{ marker: '-', text: '' }] },
        ],
      },
    ],
    closing: [''],
    recipients: { groups: [{ label: '', items: [] }], archive: 'VT' },
    signer: { authority: office.signerAuthority, title: office.signerTitle, name: office.signerName },
  });
}

async function planRow(q: Kysely<DB>, id: string): Promise<PlansTable> {
  const row = await q.selectFrom('plans').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch (có thể đã bị xóa).');
  return row;
}

async function numberText(q: Kysely<DB>, row: PlansTable): Promise<string> {
  if (row.register_entry_id) {
    const e = await q.selectFrom('register_entries').select(['number', 'symbol']).where('id', '=', row.register_entry_id).executeTakeFirstOrThrow();
    return `${formatDocSerial(e.number)}/${e.symbol}`;
  }
  const org = await getNode(q, row.issuer_id, row.planned_date ?? todayIso());
  return `${DRAFT_NUMBER_BLANK}/${PLAN_KIND_ABBR}${org.abbreviation ? `-${org.abbreviation}` : ''}`;
}

async function toSummary(q: Kysely<DB>, row: PlansTable): Promise<PlanSummary> {
  const movement = row.movement_id ? await q.selectFrom('movements').select('name').where('id', '=', row.movement_id).executeTakeFirst() : undefined;
  return {
    id: row.id,
    subject: row.subject,
    status: row.status,
    movementId: row.movement_id,
    movementName: movement?.name ?? null,
    plannedDate: row.planned_date,
    issuedNumber: row.issued_number,
    issuedDate: row.issued_date,
    numberText: await numberText(q, row),
    updatedAt: row.updated_at,
  };
}

export function parseBody(json: string): PlanBody {
  return planBody.parse(JSON.parse(json));
}

export async function getPlan(q: Kysely<DB>, id: string): Promise<PlanView> {
  const row = await planRow(q, id);
  return { ...(await toSummary(q, row)), issuerId: row.issuer_id, body: parseBody(row.body), revision: row.revision };
}

export async function listPlans(q: Kysely<DB>, movementId?: string): Promise<PlanSummary[]> {
  let query = q.selectFrom('plans').selectAll().where('deleted_at', 'is', null);
  if (movementId) query = query.where('movement_id', '=', movementId);
  const rows = await query.orderBy('updated_at', 'desc').execute();
  const out: PlanSummary[] = [];
  for (const r of rows) out.push(await toSummary(q, r));
  return out;
}

export async function createPlan(q: Kysely<DB>, office: OfficeView, input: { movementId: string | null; templateId: string | null }): Promise<string> {
  const movement = input.movementId ? await getMovement(q, input.movementId) : null;
  let subject = movement ? subjectFor(movement.name) : '';
  let body = defaultBody(office, movement);
  if (input.templateId) {
    const t = await q.selectFrom('plan_templates').selectAll().where('id', '=', input.templateId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!t) throw new AppError('NOT_FOUND', 'Không tìm thấy mẫu kế hoạch (có thể đã bị xóa).');
    // The template's text, this year's phases and today's signer.
    body = parseBody(t.body);
    if (movement) body = refillPhases(body, movement);
    body = { ...body, signer: { authority: office.signerAuthority, title: office.signerTitle, name: office.signerName } };
    subject = t.subject || subject;
  }
  const id = newId();
  const now = nowIso();
  await q
    .insertInto('plans')
    .values({
      id,
      owner_id: office.organizationId,
      revision: 1,
      deleted_at: null,
      movement_id: movement?.id ?? null,
      issuer_id: office.organizationId,
      subject,
      planned_date: null,
      body: JSON.stringify(body),
      status: 'draft',
      register_entry_id: null,
      issued_number: null,
      issued_date: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

function lockedError(number: string, date: string | null): AppError {
  return new AppError(
    'CONFLICT',
    `Kế hoạch số ${number} đã ban hành${date ? ` ngày ${formatDmy(date)}` : ''} nên không thể sửa hay xóa. Muốn điều chỉnh, hãy sao chép thành bản nháp mới và ban hành văn bản mới.`,
  );
}

async function assertDraft(q: Kysely<DB>, row: PlansTable): Promise<void> {
  if (row.status === 'issued') throw lockedError(await numberText(q, row), row.issued_date);
}

export interface SavePlan {
  id: string;
  movementId: string | null;
  subject: string;
  plannedDate: string | null;
  body: PlanBody;
}

export async function savePlan(q: Kysely<DB>, input: SavePlan): Promise<void> {
  await assertOwnRecord(q, 'plans', input.id);
  const row = await planRow(q, input.id);
  await assertDraft(q, row);
  if (input.movementId) await getMovement(q, input.movementId);
  await q
    .updateTable('plans')
    .set((eb) => ({
      movement_id: input.movementId,
      subject: input.subject,
      planned_date: input.plannedDate,
      body: JSON.stringify(input.body),
      revision: eb('revision', '+', 1),
      updated_at: nowIso(),
    }))
    .where('id', '=', input.id)
    .execute();
}

export async function deletePlan(q: Kysely<DB>, id: string): Promise<void> {
  await assertOwnRecord(q, 'plans', id);
  const row = await planRow(q, id);
  await assertDraft(q, row);
  await q
    .updateTable('plans')
    .set((eb) => ({ deleted_at: nowIso(), revision: eb('revision', '+', 1), updated_at: nowIso() }))
    .where('id', '=', id)
    .execute();
}

/** A new draft with the same content (the way to change an issued plan). */
export async function duplicatePlan(q: Kysely<DB>, id: string, office: OfficeView): Promise<string> {
  const row = await planRow(q, id);
  const newPlanId = newId();
  const now = nowIso();
  await q
    .insertInto('plans')
    .values({
      ...row,
      id: newPlanId,
      owner_id: office.organizationId,
      issuer_id: office.organizationId,
      revision: 1,
      status: 'draft',
      register_entry_id: null,
      issued_number: null,
      issued_date: null,
      planned_date: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return newPlanId;
}

/** What must be there before a number is taken; every problem is listed. */
export function issueProblems(subject: string, body: PlanBody): string[] {
  const problems: string[] = [];
  if (!subject) problems.push('Trích yếu: không được để trống');
  if (!body.sections.length) problems.push('Kế hoạch chưa có phần nào (I., II., …)');
  const hasText = (blocks: { text: string }[]) => blocks.some((b) => b.text.trim());
  body.sections.forEach((s, si) => {
    if (!s.title) problems.push(`${sectionWhere(si)}: chưa có tiêu đề`);
    // A heading with nothing under it ("II. NỘI DUNG" and no line) must not go out with a number.
    if (!hasText(s.content) && !s.items.some((it) => it.text.trim() || hasText(it.content))) problems.push(`${sectionWhere(si)}${s.title ? ` (${s.title})` : ''}: chưa có nội dung`);
    s.items.forEach((it, ii) => {
      if (!it.title && !it.text) problems.push(`${itemWhere(si, ii)}: chưa có tiêu đề hoặc nội dung`);
      else if (it.title && !hasText(it.content)) problems.push(`${itemWhere(si, ii)} (${it.title}): chưa có nội dung`);
    });
  });
  // ND30 ô 9b: a plan goes to someone; "Lưu: VT." alone is only the archive copy.
  if (!body.recipients.groups.some((g) => g.items.some((i) => i.name.trim()))) problems.push('Nơi nhận: chưa có nơi nhận nào ngoài "Lưu: VT"');
  if (!body.signer.title) problems.push('Chức vụ người ký: không được để trống');
  if (!body.signer.name) problems.push('Họ tên người ký: không được để trống');
  return problems;
}

/** Takes the next (or a chosen free) number of the issuer's register and locks the plan. */
export async function issuePlan(q: Kysely<DB>, input: { id: string; date: string; number: number | null }): Promise<void> {
  await assertOwnRecord(q, 'plans', input.id);
  const row = await planRow(q, input.id);
  await assertDraft(q, row);
  const problems = issueProblems(row.subject, parseBody(row.body));
  if (problems.length) throw new AppError('VALIDATION', `Kế hoạch chưa đủ nội dung để ban hành: ${problems[0]}`, problems);
  await issueAndLock(q, {
    table: 'plans',
    id: row.id,
    issuerId: row.issuer_id,
    kindAbbr: PLAN_KIND_ABBR,
    date: input.date,
    subject: row.subject,
    number: input.number,
    freeze: async () => ({ planned_date: input.date }),
  });
}

// ---- Templates ----

export async function saveTemplate(q: Kysely<DB>, planId: string, name: string, ownerId: string): Promise<PlanTemplateView> {
  const row = await planRow(q, planId);
  const now = nowIso();
  const existing = await q.selectFrom('plan_templates').select('id').where('name', '=', name).where('deleted_at', 'is', null).executeTakeFirst();
  const id = existing?.id ?? newId();
  if (existing) {
    // Saving under an existing name replaces that template: clerks keep "Kế hoạch thi đua năm" up to date.
    await q.updateTable('plan_templates').set({ subject: row.subject, body: row.body, updated_at: now }).where('id', '=', id).execute();
  } else {
    await q.insertInto('plan_templates').values({ id, owner_id: ownerId, name, subject: row.subject, body: row.body, deleted_at: null, created_at: now, updated_at: now }).execute();
  }
  return { id, name, subject: row.subject, updatedAt: now };
}

export async function listTemplates(q: Kysely<DB>): Promise<PlanTemplateView[]> {
  const rows = await q.selectFrom('plan_templates').selectAll().where('deleted_at', 'is', null).orderBy('updated_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, subject: r.subject, updatedAt: r.updated_at }));
}

export async function deleteTemplate(q: Kysely<DB>, id: string): Promise<void> {
  const res = await q.updateTable('plan_templates').set({ deleted_at: nowIso() }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'Không tìm thấy mẫu kế hoạch (có thể đã bị xóa).');
}
