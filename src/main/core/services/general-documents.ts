/**
 * General documents (văn bản chung: Hướng dẫn, Thông báo, Công văn, Giấy mời, Tờ trình, Báo cáo): drafts saved
 * whole (outline body checked by `generalBody`), issued once with a number from the register and locked then
 * (service check + trigger), like plans. A công văn's ký hiệu is `{issuer}-{drafting unit}`.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import {
  GENERAL_KINDS, generalBody, type GeneralBody, type GeneralKind, type GeneralSummary, type GeneralView,
} from '../../../shared/schemas/general-documents';
import type { OfficeView } from '../../../shared/schemas/office';
import { formatDocIdentity } from '../../../shared/vi-text/doc-number';
import type { DB, GeneralDocumentsTable } from '../db/schema';
import { newId, nowIso } from '../util/time';
import { issueAndLock } from './issue-and-lock';
import { formatDmy } from '../../../shared/vi-text/dates';


/** A new draft: the kind's usual skeleton, today's signer of the office. */
export function defaultGeneralBody(kind: GeneralKind, office: OfficeView): GeneralBody {
  const blocks =
    kind === 'HD'
      ? [
          { level: 'section' as const, title: 'MỤC ĐÍCH, YÊU CẦU' },
          { level: 'clause' as const, text: '' },
          { level: 'section' as const, title: 'NỘI DUNG' },
          { level: 'clause' as const, text: '' },
          { level: 'section' as const, title: 'TỔ CHỨC THỰC HIỆN' },
          { level: 'paragraph' as const, text: '' },
        ]
      : [{ level: 'paragraph' as const, text: '' }];
  return generalBody.parse({
    blocks,
    recipients: { groups: [{ label: '', items: GENERAL_KINDS[kind].addressees ? [{ name: 'Như trên', purpose: '' }] : [] }], archive: 'VT' },
    signer: { authority: office.signerAuthority, title: office.signerTitle, name: office.signerName },
  });
}

async function row(q: Kysely<DB>, id: string): Promise<GeneralDocumentsTable> {
  const r = await q.selectFrom('general_documents').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản (có thể đã bị xóa).');
  return r;
}

async function identityOf(q: Kysely<DB>, r: GeneralDocumentsTable): Promise<string> {
  if (!r.register_entry_id || !r.issued_date) return `Dự thảo ${GENERAL_KINDS[r.kind].label.toLocaleLowerCase('vi')}`;
  const e = await q.selectFrom('register_entries').select(['number', 'symbol']).where('id', '=', r.register_entry_id).executeTakeFirstOrThrow();
  return formatDocIdentity(e.number, e.symbol, r.issued_date);
}

function summaryOf(r: GeneralDocumentsTable, identity: string): GeneralSummary {
  return {
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    status: r.status,
    plannedDate: r.planned_date,
    issuedNumber: r.issued_number,
    issuedDate: r.issued_date,
    identity,
    updatedAt: r.updated_at,
  };
}

export async function getGeneral(q: Kysely<DB>, id: string): Promise<GeneralView> {
  const r = await row(q, id);
  return {
    ...summaryOf(r, await identityOf(q, r)),
    issuerId: r.issuer_id,
    unitAbbr: r.unit_abbr,
    body: generalBody.parse(JSON.parse(r.body)),
    revision: r.revision,
  };
}

/** Newest first; a year filters by the issue date (or the planned date / last edit of a draft). */
export async function listGeneral(q: Kysely<DB>, issuerId: string, year?: number): Promise<GeneralSummary[]> {
  const rows = await q
    .selectFrom('general_documents')
    .selectAll()
    .where('issuer_id', '=', issuerId)
    .where('deleted_at', 'is', null)
    .orderBy('updated_at', 'desc')
    .execute();
  const yearOf = (r: GeneralDocumentsTable) => Number((r.issued_date ?? r.planned_date ?? r.updated_at).slice(0, 4));
  const kept = year === undefined ? rows : rows.filter((r) => yearOf(r) === year);
  return Promise.all(kept.map(async (r) => summaryOf(r, await identityOf(q, r))));
}

export async function createGeneral(q: Kysely<DB>, office: OfficeView, kind: GeneralKind): Promise<string> {
  const id = newId();
  const now = nowIso();
  await q
    .insertInto('general_documents')
    .values({
      id,
      owner_id: office.organizationId,
      revision: 1,
      deleted_at: null,
      issuer_id: office.organizationId,
      kind,
      subject: '',
      unit_abbr: '',
      planned_date: null,
      body: JSON.stringify(defaultGeneralBody(kind, office)),
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

function assertDraft(r: GeneralDocumentsTable): void {
  if (r.status === 'issued') {
    throw new AppError(
      'CONFLICT',
      `Văn bản ${GENERAL_KINDS[r.kind].label.toLocaleLowerCase('vi')} số ${r.issued_number} ngày ${formatDmy(r.issued_date!)} đã ban hành, không sửa hoặc xóa được. Muốn thay đổi, hãy sao chép thành bản nháp mới.`,
    );
  }
}

export async function saveGeneral(
  q: Kysely<DB>,
  input: { id: string; subject: string; plannedDate: string | null; unitAbbr: string; body: GeneralBody },
): Promise<void> {
  const r = await row(q, input.id);
  assertDraft(r);
  await q
    .updateTable('general_documents')
    .set((eb) => ({
      subject: input.subject,
      planned_date: input.plannedDate,
      unit_abbr: input.unitAbbr,
      body: JSON.stringify(input.body),
      revision: eb('revision', '+', 1),
      updated_at: nowIso(),
    }))
    .where('id', '=', input.id)
    .execute();
}

export async function deleteGeneral(q: Kysely<DB>, id: string): Promise<void> {
  const r = await row(q, id);
  assertDraft(r);
  await q.updateTable('general_documents').set({ deleted_at: nowIso(), updated_at: nowIso() }).where('id', '=', id).execute();
}

/** A copy as a new draft (an issued document is changed by issuing a new one). */
export async function duplicateGeneral(q: Kysely<DB>, id: string): Promise<string> {
  const r = await row(q, id);
  const copy = newId();
  const now = nowIso();
  await q
    .insertInto('general_documents')
    .values({ ...r, id: copy, revision: 1, status: 'draft', register_entry_id: null, issued_number: null, issued_date: null, planned_date: null, created_at: now, updated_at: now })
    .execute();
  return copy;
}

/** What must be there before a number is taken; each sentence names the place to fix. */
export function generalIssueProblems(kind: GeneralKind, subject: string, body: GeneralBody): string[] {
  const problems: string[] = [];
  if (!subject.trim()) problems.push(kind === 'CV' ? 'Chưa có trích yếu “V/v …” của công văn' : 'Chưa có trích yếu');
  if (!body.blocks.some((b) => b.text.trim() || b.title.trim())) problems.push('Chưa có nội dung');
  if (GENERAL_KINDS[kind].addressees && !body.addressees.some((a) => a.trim())) problems.push('Chưa có “Kính gửi”');
  if (!body.signer.name.trim()) problems.push('Chưa có họ tên người ký');
  return problems;
}

export async function issueGeneral(q: Kysely<DB>, input: { id: string; date: string; number: number | null }, letterUnit: string): Promise<void> {
  const r = await row(q, input.id);
  assertDraft(r);
  const body = generalBody.parse(JSON.parse(r.body));
  const problems = generalIssueProblems(r.kind, r.subject, body);
  if (problems.length) throw new AppError('VALIDATION', `Văn bản chưa đủ để ban hành: ${problems[0]}`, problems);
  await issueAndLock(q, {
    table: 'general_documents',
    id: r.id,
    issuerId: r.issuer_id,
    kindAbbr: r.kind,
    letterUnit: r.kind === 'CV' ? r.unit_abbr || letterUnit : undefined,
    date: input.date,
    subject: r.subject,
    number: input.number,
    freeze: async () => ({ planned_date: input.date }),
  });
}
