/** The editable catalogue of occasions (ngày lễ, kỷ niệm) and the round anniversaries of a year. */
import type { Kysely } from 'kysely';
import { roundAnniversaries, type Anniversary } from '../../../shared/plans/anniversaries';
import type { OccasionKind, OccasionView } from '../../../shared/schemas/movements';
import { AppError } from '../../../shared/errors';
import type { DB, OccasionsTable } from '../db/schema';
import { newId, nowIso } from '../util/time';
import { assertOwnRecord } from './ownership';


function toView(r: OccasionsTable): OccasionView {
  return { id: r.id, name: r.name, originDate: r.origin_date, kind: r.kind as OccasionKind, builtin: r.builtin === 1 };
}

/** In calendar order (month and day), as a year unfolds. */
export async function listOccasions(q: Kysely<DB>): Promise<OccasionView[]> {
  const rows = await q.selectFrom('occasions').selectAll().where('deleted_at', 'is', null).execute();
  return rows
    .map(toView)
    .sort((a, b) => a.originDate.slice(5).localeCompare(b.originDate.slice(5)) || a.name.localeCompare(b.name, 'vi'));
}

export interface SaveOccasion {
  id?: string;
  name: string;
  originDate: string;
  kind: OccasionKind;
}

export async function saveOccasion(q: Kysely<DB>, input: SaveOccasion, ownerId: string | null): Promise<OccasionView> {
  if (input.id) await assertOwnRecord(q, 'occasions', input.id);
  const now = nowIso();
  if (input.id) {
    const row = await q.selectFrom('occasions').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy ngày kỷ niệm (có thể đã bị xóa).');
    await q
      .updateTable('occasions')
      .set((eb) => ({ name: input.name, origin_date: input.originDate, kind: input.kind, revision: eb('revision', '+', 1), updated_at: now }))
      .where('id', '=', input.id)
      .execute();
    return toView((await q.selectFrom('occasions').selectAll().where('id', '=', input.id).executeTakeFirstOrThrow()));
  }
  const id = newId();
  await q
    .insertInto('occasions')
    .values({ id, name: input.name, origin_date: input.originDate, kind: input.kind, builtin: 0, owner_id: ownerId, revision: 1, deleted_at: null, created_at: now, updated_at: now })
    .execute();
  return toView(await q.selectFrom('occasions').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

/** A tombstone: movements that chose it keep the link, the catalogue stops proposing it. */
export async function deleteOccasion(q: Kysely<DB>, id: string): Promise<void> {
  await assertOwnRecord(q, 'occasions', id);
  const res = await q
    .updateTable('occasions')
    .set((eb) => ({ deleted_at: nowIso(), revision: eb('revision', '+', 1), updated_at: nowIso() }))
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'Không tìm thấy ngày kỷ niệm (có thể đã bị xóa).');
}

export async function anniversariesOf(q: Kysely<DB>, year: number, step: number): Promise<Anniversary[]> {
  return roundAnniversaries(await listOccasions(q), year, step);
}
