/**
 * Meetings of the Hội đồng Thi đua – Khen thưởng: who sat, the nominations considered, how it voted. Votes per
 * candidate are read from the review (nomination_reviews: the bình xét is the vote), so the minutes can never
 * disagree with the result the clerk recorded.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import { councilMeetingBody, type MeetingCandidate, type MeetingSummary, type MeetingView, type saveMeetingInput } from '../../../../shared/schemas/dossier';
import type { DB } from '../../db/schema';
import { newId, nowIso } from '../../util/time';
import { orgNames } from './lookups';

/** The nominations of a meeting, in its order, with the latest review of each by the meeting's own office. */
export async function meetingCandidates(q: Kysely<DB>, meetingId: string): Promise<MeetingCandidate[]> {
  const rows = await q
    .selectFrom('council_meeting_nominations as m')
    .innerJoin('nominations as n', 'n.id', 'm.nomination_id')
    .innerJoin('award_forms as f', 'f.id', 'n.proposed_form_id')
    .select(['n.id', 'n.display_name', 'n.position_unit', 'n.organization_id', 'n.source_org_id', 'f.name as form_name'])
    .where('m.meeting_id', '=', meetingId)
    .orderBy('m.position')
    .execute();
  const ids = rows.map((r) => r.id);
  const reviews = ids.length
    ? await q
        .selectFrom('nomination_reviews')
        .select(['nomination_id', 'votes_for', 'council_size', 'result', 'reviewed_on', 'created_at'])
        .where('nomination_id', 'in', ids)
        .where('deleted_at', 'is', null)
        // This council's own votes only: a bình xét received from another office's council is not this meeting's.
        .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', 'in', eb.selectFrom('council_meetings').select('owner_id').where('id', '=', meetingId))]))
        .orderBy('reviewed_on')
        .orderBy('created_at')
        .execute()
    : [];
  // The latest review of each nomination wins (ordered ascending, later rows overwrite).
  const latest = new Map(reviews.map((r) => [r.nomination_id, r]));
  const names = await orgNames(q, rows.flatMap((r) => [r.organization_id, r.source_org_id]));
  return rows.map((r) => {
    const review = latest.get(r.id);
    return {
      nominationId: r.id,
      name: r.display_name,
      unit: r.position_unit || names.get(r.organization_id ?? r.source_org_id) || '',
      formName: r.form_name,
      votesFor: review?.votes_for ?? null,
      councilSize: review?.council_size ?? null,
      result: review?.result ?? null,
    };
  });
}

export async function getMeeting(q: Kysely<DB>, id: string): Promise<MeetingView> {
  const m = await q.selectFrom('council_meetings').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!m) throw new AppError('NOT_FOUND', 'Không tìm thấy cuộc họp Hội đồng (có thể đã bị xóa).');
  const movement = m.movement_id ? await q.selectFrom('movements').select('name').where('id', '=', m.movement_id).executeTakeFirst() : undefined;
  return {
    id: m.id,
    movementId: m.movement_id,
    movementName: movement?.name ?? null,
    meetingDate: m.meeting_date,
    body: councilMeetingBody.parse(JSON.parse(m.body)),
    candidates: await meetingCandidates(q, m.id),
  };
}

export async function listMeetings(q: Kysely<DB>): Promise<MeetingSummary[]> {
  const rows = await q
    .selectFrom('council_meetings as c')
    .leftJoin('movements as mv', 'mv.id', 'c.movement_id')
    .select((eb) => [
      'c.id',
      'c.meeting_date',
      'c.body',
      'mv.name as movement_name',
      eb.selectFrom('council_meeting_nominations as n').select((e) => e.fn.countAll<number>().as('n')).whereRef('n.meeting_id', '=', 'c.id').as('candidates'),
    ])
    .where('c.deleted_at', 'is', null)
    .orderBy('c.meeting_date', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    meetingDate: r.meeting_date,
    movementName: r.movement_name,
    candidates: Number(r.candidates ?? 0),
    ballot: Boolean((JSON.parse(r.body) as { ballot?: boolean }).ballot),
  }));
}

/** The meeting whose minutes carry a nomination (the latest one, when it was considered twice). */
export async function meetingOf(q: Kysely<DB>, nominationId: string): Promise<string | null> {
  const r = await q
    .selectFrom('council_meeting_nominations as n')
    .innerJoin('council_meetings as c', 'c.id', 'n.meeting_id')
    .select('c.id')
    .where('n.nomination_id', '=', nominationId)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.meeting_date', 'desc')
    .executeTakeFirst();
  return r?.id ?? null;
}

export async function saveMeeting(q: Kysely<DB>, officeId: string, input: z.output<typeof saveMeetingInput>): Promise<string> {
  const unique = [...new Set(input.nominationIds)];
  const found = await q.selectFrom('nominations').select('id').where('id', 'in', unique).where('deleted_at', 'is', null).execute();
  if (found.length !== unique.length) throw new AppError('VALIDATION', 'Có đề nghị khen thưởng không còn tồn tại trong danh sách xét; hãy tải lại danh sách.');
  const now = nowIso();
  const id = input.id ?? newId();
  if (input.id) {
    const res = await q
      .updateTable('council_meetings')
      .set((eb) => ({ movement_id: input.movementId, meeting_date: input.meetingDate, body: JSON.stringify(input.body), revision: eb('revision', '+', 1), updated_at: now }))
      .where('id', '=', input.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'Không tìm thấy cuộc họp Hội đồng (có thể đã bị xóa).');
    await q.deleteFrom('council_meeting_nominations').where('meeting_id', '=', id).execute();
  } else {
    await q
      .insertInto('council_meetings')
      .values({ id, owner_id: officeId, revision: 1, deleted_at: null, movement_id: input.movementId, meeting_date: input.meetingDate, body: JSON.stringify(input.body), created_at: now, updated_at: now })
      .execute();
  }
  await q
    .insertInto('council_meeting_nominations')
    .values(unique.map((nominationId, position) => ({ meeting_id: id, nomination_id: nominationId, position })))
    .execute();
  return id;
}

export async function deleteMeeting(q: Kysely<DB>, id: string): Promise<void> {
  const res = await q.updateTable('council_meetings').set({ deleted_at: nowIso(), updated_at: nowIso() }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'Không tìm thấy cuộc họp Hội đồng (có thể đã bị xóa).');
}
