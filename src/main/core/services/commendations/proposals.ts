/** Tờ trình đề nghị khen thưởng to the level above, with its list of (approved) nominations. */
import type { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { ProposalView, saveProposalInput } from '../../../../shared/schemas/commendations';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { CommendationProposalsTable } from '../../db/schema-commendations';
import { newId, nowIso } from '../../util/time';
import { issueAndLock } from '../issue-and-lock';
import { getForm } from './catalogue';
import { entryNumbers } from './lookups';
import { nominationViews } from './nominations';
import { OWN_RECORD, assertOwnRecord, ownershipOf } from '../ownership';

export async function getProposalRow(q: Kysely<DB>, id: string): Promise<CommendationProposalsTable> {
  const p = await q.selectFrom('commendation_proposals').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', 'Không tìm thấy tờ trình (có thể đã bị xóa).');
  return p;
}

export async function getProposal(q: Kysely<DB>, id: string, officeId: string): Promise<ProposalView> {
  const p = await getProposalRow(q, id);
  const items = await q
    .selectFrom('commendation_proposal_items as i')
    .innerJoin('nominations as n', 'n.id', 'i.nomination_id')
    .selectAll('n')
    .where('i.proposal_id', '=', id)
    .orderBy('i.sort_order')
    .execute();
  const numbers = await entryNumbers(q, [p.register_entry_id]);
  return {
    id: p.id,
    formId: p.form_id,
    formName: (await getForm(q, p.form_id)).name,
    addressee: p.addressee,
    superior: p.superior,
    achievement: p.achievement,
    bases: JSON.parse(p.bases) as string[],
    plannedDate: p.planned_date,
    status: p.status,
    numberText: p.register_entry_id ? (numbers.get(p.register_entry_id) ?? null) : null,
    issuedDate: p.issued_date,
    items: await nominationViews(q, items, officeId),
    ownership: (await ownershipOf(q, 'commendation_proposals', id)) ?? OWN_RECORD,
  };
}

export async function listProposals(q: Kysely<DB>, officeId: string): Promise<ProposalView[]> {
  const rows = await q.selectFrom('commendation_proposals').select('id').where('deleted_at', 'is', null).orderBy('created_at', 'desc').execute();
  const out: ProposalView[] = [];
  for (const r of rows) out.push(await getProposal(q, r.id, officeId));
  return out;
}

export async function saveProposal(q: Kysely<DB>, officeId: string, input: z.output<typeof saveProposalInput>): Promise<string> {
  if (input.id) await assertOwnRecord(q, 'commendation_proposals', input.id);
  await getForm(q, input.formId);
  const existing = input.id ? await getProposalRow(q, input.id) : null;
  if (existing?.status === 'issued') throw new AppError('CONFLICT', 'Tờ trình đã ban hành nên không sửa được.');
  const noms = await nominationViews(q, await q.selectFrom('nominations').selectAll().where('id', 'in', input.nominationIds).where('deleted_at', 'is', null).execute(), officeId);
  if (noms.length !== new Set(input.nominationIds).size) throw new AppError('NOT_FOUND', 'Danh sách: có đề nghị không còn tồn tại.');
  const notApproved = noms.filter((n) => n.status !== 'approved');
  if (notApproved.length) {
    throw new AppError('VALIDATION', `Danh sách: chỉ trình các đề nghị đã được hội đồng thông qua (${notApproved.map((n) => n.displayName).join(', ')} chưa được thông qua).`);
  }
  const now = nowIso();
  const id = existing?.id ?? newId();
  const values = { form_id: input.formId, addressee: input.addressee, superior: input.superior, achievement: input.achievement, bases: JSON.stringify(input.bases), planned_date: input.plannedDate, updated_at: now };
  if (existing) {
    await q.updateTable('commendation_proposals').set({ ...values, revision: (eb) => eb('revision', '+', 1) }).where('id', '=', id).execute();
    await q.deleteFrom('commendation_proposal_items').where('proposal_id', '=', id).execute();
  } else {
    await q
      .insertInto('commendation_proposals')
      .values({ id, issuer_id: officeId, owner_id: officeId, revision: 1, deleted_at: null, created_at: now, status: 'draft', register_entry_id: null, issued_number: null, issued_date: null, ...values })
      .execute();
  }
  for (const [i, nid] of [...new Set(input.nominationIds)].entries()) {
    await q.insertInto('commendation_proposal_items').values({ proposal_id: id, nomination_id: nid, sort_order: i }).execute();
  }
  return id;
}

export async function issueProposal(q: Kysely<DB>, officeId: string, input: { id: string; date: string; number: number | null }): Promise<void> {
  await assertOwnRecord(q, 'commendation_proposals', input.id);
  const p = await getProposalRow(q, input.id);
  if (p.status === 'issued') throw new AppError('CONFLICT', 'Tờ trình đã được ban hành.');
  const form = await getForm(q, p.form_id);
  await issueAndLock(q, { table: 'commendation_proposals', id: p.id, issuerId: officeId, kindAbbr: 'TTr', date: input.date, subject: `Về việc đề nghị tặng ${form.name}`, number: input.number });
}
