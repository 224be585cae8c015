/**
 * Nominations (đề nghị khen thưởng) from lower units and this office's own list, and the council's
 * review (bình xét). A nomination belongs to the unit that proposes it; the review is this office's own
 * record about it (DESIGN principle 6), so the nomination's status is read from its latest review and
 * from the issued decisions that name it, never written over the unit's row.
 */
import type { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { listNominationsInput, NominationView, reviewInput, ReviewView, RuleCheck, saveNominationInput } from '../../../../shared/schemas/commendations';
import { identityOfNumberText } from '../../../../shared/vi-text/doc-number';
import { fold } from '../../../../shared/vi-text/normalize';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { NominationReviewsTable, NominationsTable } from '../../db/schema-commendations';
import { newId, nowIso, todayIso } from '../../util/time';
import { matchOrCreatePerson } from '../person-matching';
import { getForm } from './catalogue';
import { containsFolded, entryNumbers, orgNames } from './lookups';
import { runChecks, votesCheck } from './rule-checks';
import { OWN_RECORD, assertOwnRecord, officeAndAbove, ownershipsOf } from '../ownership';

export async function getNominationRow(q: Kysely<DB>, id: string): Promise<NominationsTable> {
  const n = await q.selectFrom('nominations').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!n) throw new AppError('NOT_FOUND', 'Không tìm thấy đề nghị khen thưởng (có thể đã bị xóa).');
  return n;
}

/** Rows → views, with names, latest review and the issued decision (if any) in a few queries. */
export async function nominationViews(q: Kysely<DB>, rows: NominationsTable[], officeId: string): Promise<NominationView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const names = await orgNames(q, rows.map((r) => r.source_org_id));
  const forms = new Map((await q.selectFrom('award_forms').select(['id', 'name', 'required_share_pct']).execute()).map((f) => [f.id, f]));
  const movements = new Map((await q.selectFrom('movements').select(['id', 'name']).execute()).map((m) => [m.id, m.name]));
  const phases = new Map((await q.selectFrom('movement_phases').select(['id', 'name']).execute()).map((p) => [p.id, p.name]));
  const reviews = await q.selectFrom('nomination_reviews').selectAll().where('nomination_id', 'in', ids).where('deleted_at', 'is', null).orderBy('created_at').execute();
  // This office's council or one above decides here; a lower council's review came up with the nomination (read, not decisive).
  const deciding = await officeAndAbove(q, officeId);
  const latest = new Map<string, NominationReviewsTable>();
  const latestLower = new Map<string, NominationReviewsTable>();
  for (const r of reviews) (r.owner_id === null || deciding.has(r.owner_id) ? latest : latestLower).set(r.nomination_id, r);
  const councils = await orgNames(q, reviews.map((r) => r.owner_id));
  const reviewView = (r: NominationReviewsTable | undefined): ReviewView | null =>
    r
      ? {
          id: r.id,
          reviewedOn: r.reviewed_on,
          councilSize: r.council_size,
          votesFor: r.votes_for,
          requiredSharePct: r.required_share_pct,
          result: r.result,
          reason: r.reason,
          checks: JSON.parse(r.checks) as RuleCheck[],
          overrideReason: r.override_reason,
          ownerId: r.owner_id,
          ownerName: r.owner_id === null || r.owner_id === officeId ? null : (councils.get(r.owner_id) ?? 'đơn vị khác'),
        }
      : null;
  const decided = await q
    .selectFrom('decision_awardees as a')
    .innerJoin('decisions as d', 'd.id', 'a.decision_id')
    .select(['a.nomination_id', 'd.id', 'd.register_entry_id', 'd.decision_date'])
    .where('a.nomination_id', 'in', ids)
    .where('d.status', '=', 'issued')
    .where('a.deleted_at', 'is', null)
    .execute();
  const numbers = await entryNumbers(q, decided.map((d) => d.register_entry_id));
  const ownership = await ownershipsOf(q, 'nominations', ids);
  const decisionOf = new Map(decided.map((d) => [d.nomination_id!, { id: d.id, numberText: numbers.get(d.register_entry_id!) ?? '', decisionDate: d.decision_date }]));
  return rows.map((n) => {
    const r = latest.get(n.id);
    const decision = decisionOf.get(n.id) ?? null;
    const form = forms.get(n.proposed_form_id);
    return {
      id: n.id,
      movementId: n.movement_id,
      movementName: n.movement_id ? (movements.get(n.movement_id) ?? null) : null,
      phaseId: n.phase_id,
      phaseName: n.phase_id ? (phases.get(n.phase_id) ?? null) : null,
      periodYear: n.period_year,
      sourceOrgId: n.source_org_id,
      sourceOrgName: names.get(n.source_org_id) ?? '',
      own: n.source_org_id === officeId,
      target: n.target,
      personId: n.person_id,
      organizationId: n.organization_id,
      displayName: n.display_name,
      positionUnit: n.position_unit,
      achievement: n.achievement,
      proposedFormId: n.proposed_form_id,
      proposedFormName: form?.name ?? '',
      requiredSharePct: form?.required_share_pct ?? 50,
      status: decision ? 'decided' : (r?.result ?? 'proposed'),
      review: reviewView(r),
      lowerReview: reviewView(latestLower.get(n.id)),
      decision,
      ownership: ownership.get(n.id) ?? OWN_RECORD,
    };
  });
}

export async function getNomination(q: Kysely<DB>, id: string, officeId: string): Promise<NominationView> {
  return (await nominationViews(q, [await getNominationRow(q, id)], officeId))[0];
}

export async function listNominations(q: Kysely<DB>, officeId: string, input: z.output<typeof listNominationsInput>): Promise<NominationView[]> {
  let s = q.selectFrom('nominations').selectAll().where('deleted_at', 'is', null);
  if (input.periodYear) s = s.where('period_year', '=', input.periodYear);
  if (input.movementId) s = s.where('movement_id', '=', input.movementId);
  if (input.sourceOrgId) s = s.where('source_org_id', '=', input.sourceOrgId);
  if (input.query) s = s.where(containsFolded('search_key', fold(input.query)));
  const rows = await s.orderBy('period_year', 'desc').orderBy('target').orderBy('created_at').execute();
  const views = await nominationViews(q, rows, officeId);
  return input.status ? views.filter((v) => v.status === input.status) : views;
}

export async function saveNomination(q: Kysely<DB>, officeId: string, input: z.output<typeof saveNominationInput>): Promise<string> {
  if (input.id) await assertOwnRecord(q, 'nominations', input.id);
  const form = await getForm(q, input.proposedFormId);
  if (form.targets !== 'both' && form.targets !== input.target) {
    throw new AppError('VALIDATION', `Hình thức đề nghị: "${form.name}" chỉ dành cho ${form.targets === 'individual' ? 'cá nhân' : 'tập thể'}.`);
  }
  const sourceOrgId = input.sourceOrgId ?? officeId;
  const names = await orgNames(q, [sourceOrgId, input.organizationId]);
  if (!names.has(sourceOrgId)) throw new AppError('NOT_FOUND', 'Đơn vị đề nghị: không có trong danh mục đơn vị.');
  if (input.organizationId && !names.has(input.organizationId)) throw new AppError('NOT_FOUND', 'Đơn vị: không có trong danh mục đơn vị.');
  if (input.phaseId) {
    const ph = await q.selectFrom('movement_phases').select('movement_id').where('id', '=', input.phaseId).executeTakeFirst();
    if (!ph || ph.movement_id !== input.movementId) throw new AppError('VALIDATION', 'Đợt thi đua: không thuộc phong trào đã chọn.');
  }
  let personId = input.personId;
  let displayName: string;
  if (input.target === 'individual') {
    if (!personId) {
      // A typed name finds the directory's person (same folded name in the same unit) or becomes one, so checks and history follow them.
      personId = (await matchOrCreatePerson(q, { fullName: input.fullName, organizationId: input.organizationId, birthYear: null, position: '' })).id;
    }
    const p = await q.selectFrom('people').select(['full_name', 'deleted_at']).where('id', '=', personId).executeTakeFirst();
    if (!p || p.deleted_at) throw new AppError('NOT_FOUND', 'Cá nhân: không tìm thấy (có thể đã bị xóa).');
    displayName = p.full_name;
  } else {
    personId = null;
    displayName = input.collectiveName || names.get(input.organizationId!)!;
  }
  const now = nowIso();
  const values = {
    movement_id: input.movementId,
    phase_id: input.phaseId,
    period_year: input.periodYear,
    source_org_id: sourceOrgId,
    target: input.target,
    person_id: personId,
    organization_id: input.organizationId,
    display_name: displayName,
    search_key: fold(displayName),
    position_unit: input.positionUnit,
    achievement: input.achievement,
    proposed_form_id: input.proposedFormId,
    updated_at: now,
  };
  if (input.id) {
    const old = await getNomination(q, input.id, officeId);
    if (old.status === 'decided') throw new AppError('CONFLICT', `Đề nghị đã được khen thưởng theo Quyết định số ${identityOfNumberText(old.decision?.numberText, old.decision?.decisionDate)}: không sửa được.`);
    await q.updateTable('nominations').set({ ...values, revision: (eb) => eb('revision', '+', 1) }).where('id', '=', input.id).execute();
    return input.id;
  }
  const id = newId();
  // The office that records a nomination owns it; typed from a lower unit's paper tờ trình, it is this office's record
  // (source = that unit) and travels down with the decision made from it.
  await q.insertInto('nominations').values({ id, owner_id: officeId, revision: 1, deleted_at: null, created_at: now, status: 'proposed', ...values }).execute();
  return id;
}

/** A nomination received from the unit that recorded it is read-only here (DESIGN principle 6). */
export async function deleteNomination(q: Kysely<DB>, id: string, officeId: string): Promise<void> {
  await assertOwnRecord(q, 'nominations', id);
  const n = await getNomination(q, id, officeId);
  if (n.status === 'decided') throw new AppError('CONFLICT', `Đề nghị đã được khen thưởng theo Quyết định số ${identityOfNumberText(n.decision?.numberText, n.decision?.decisionDate)}: không xóa được.`);
  const now = nowIso();
  await q.updateTable('nominations').set({ deleted_at: now, updated_at: now, revision: (eb) => eb('revision', '+', 1) }).where('id', '=', id).execute();
}

export async function checkNomination(q: Kysely<DB>, id: string, date = todayIso()): Promise<RuleCheck[]> {
  const n = await getNominationRow(q, id);
  const form = await getForm(q, n.proposed_form_id);
  return runChecks(q, n, form.name, date);
}

/**
 * Records the council's vote. Approval needs the form's share of the whole council and every rule
 * check passed; the refusal lists each reason. Rejection always records (with its reason).
 */
export async function reviewNomination(q: Kysely<DB>, officeId: string, input: z.output<typeof reviewInput>): Promise<void> {
  const n = await getNominationRow(q, input.nominationId);
  const view = await getNomination(q, n.id, officeId);
  if (view.status === 'decided') throw new AppError('CONFLICT', `Đề nghị đã được khen thưởng theo Quyết định số ${identityOfNumberText(view.decision?.numberText, view.decision?.decisionDate)}: không bình xét lại.`);
  const form = await getForm(q, n.proposed_form_id);
  const checks = [votesCheck(input.councilSize, input.votesFor, form.required_share_pct), ...(await runChecks(q, n, form.name, input.reviewedOn))];
  let overrideReason = '';
  if (input.result === 'approved') {
    // The form's own conditions may be overridden by the council with a reason; the other checks may not.
    const failed = checks.filter((c) => !c.ok && !c.skipped && (c.code !== 'condition' || !input.overrideReason));
    if (failed.length) {
      const hint = failed.every((c) => c.code === 'condition') ? ' (nếu hội đồng vẫn thông qua, hãy ghi lý do vượt điều kiện)' : '';
      const what = (c: (typeof failed)[number]) => (c.condition ? `${c.condition.label}: ${c.message}` : c.message);
      throw new AppError('VALIDATION', `Không thể thông qua đề nghị cho ${n.display_name}: ${what(failed[0])}${hint}`, failed.map(what));
    }
    const overridden = checks.filter((c) => c.code === 'condition' && !c.ok);
    for (const c of overridden) c.overridden = true;
    if (overridden.length) overrideReason = input.overrideReason;
  }
  const now = nowIso();
  await q
    .insertInto('nomination_reviews')
    .values({
      id: newId(),
      owner_id: officeId,
      revision: 1,
      deleted_at: null,
      created_at: now,
      updated_at: now,
      nomination_id: n.id,
      reviewed_on: input.reviewedOn,
      council_size: input.councilSize,
      votes_for: input.votesFor,
      required_share_pct: form.required_share_pct,
      result: input.result,
      reason: input.reason,
      checks: JSON.stringify(checks),
      override_reason: overrideReason,
    })
    .execute();
}
