/**
 * Works for plaques (công trình, sản phẩm gắn biển) across registrations, and the upper level's review:
 * registered → approved → plaque attached → reported done (or refused). The review is the reviewing
 * office's own record (work_reviews), never an edit of the unit's work.
 */
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import { WORK_STATUS_LABELS, type WorkAction, type WorkPage, type WorkStatus, type WorkView } from '../../../shared/schemas/registrations';
import { fold } from '../../../shared/vi-text';
import type { DB } from '../db/schema';
import { nameKeys } from '../util/name-keys';
import { newId, nowIso } from '../util/time';
import { compareBinary } from '../util/binary-order';
import { mergeWritten } from '../util/merge-written';
import { rowidList, untilNextWrite } from '../util/until-next-write';
import { unitLabels } from './organizations';
import { formatDmy } from '../../../shared/vi-text/dates';


export interface WorksFilter {
  workId?: string;
  registrationId?: string;
  movementId?: string;
  /** undefined: any phase; null: whole-movement registrations. */
  phaseId?: string | null;
  status?: WorkStatus;
  organizationId?: string;
  occasionId?: string;
  query?: string;
}

/**
 * The works matching the filter (not the query), joined with their registration and this office's review;
 * with `rowids`, only those works, looked up one by one (CROSS JOIN fixes SQLite's join order: otherwise
 * it walks the whole phase's registrations by their index and tests each work against the list).
 */
function worksQuery(q: Kysely<DB>, f: WorksFilter, reviewerId: string | null, rowids?: readonly number[]) {
  const all = q.selectFrom('works as w');
  const from = rowids
    ? (q
        .selectFrom(sql<{ value: number }>`json_each(${JSON.stringify(rowids)})`.as('j'))
        .crossJoin('works as w')
        .where(sql`w.rowid`, '=', sql.ref('j.value')) as unknown as typeof all)
    : all;
  let sel = from
    .innerJoin('registrations as r', 'r.id', 'w.registration_id')
    .leftJoin('work_reviews as v', (j) => j.onRef('v.work_id', '=', 'w.id').on('v.owner_id', '=', reviewerId ?? '').on('v.deleted_at', 'is', null))
    .where('w.deleted_at', 'is', null)
    .where('r.deleted_at', 'is', null);
  if (f.workId) sel = sel.where('w.id', '=', f.workId);
  if (f.registrationId) sel = sel.where('w.registration_id', '=', f.registrationId);
  if (f.movementId) sel = sel.where('r.movement_id', '=', f.movementId);
  if (f.phaseId !== undefined) sel = f.phaseId ? sel.where('r.phase_id', '=', f.phaseId) : sel.where('r.phase_id', 'is', null);
  if (f.organizationId) sel = sel.where('r.organization_id', '=', f.organizationId);
  if (f.occasionId) sel = sel.where('w.occasion_id', '=', f.occasionId);
  if (f.status) sel = sel.where(sql<WorkStatus>`coalesce(v.status, 'registered')`, '=', f.status);
  return sel;
}

interface WorkKey {
  id: string;
  search_key: string;
  implementer: string;
  organization_id: string;
  sort_order: number;
  created_at: string;
  /** the rowids of the work and of its registration, to find the rows a write touched */
  work_rowid: number;
  registration_rowid: number;
}

/** The list order: sort_order, created_at, id (unique), as ORDER BY gives it. */
const listOrder = (a: WorkKey, b: WorkKey): number => a.sort_order - b.sort_order || compareBinary(a.created_at, b.created_at) || compareBinary(a.id, b.id);

/**
 * The works matching the filter in list order (ids and keys only), kept and patched on each write: the works
 * written and the works of the registrations written are read again and put in at their places. A review
 * written changes nothing here unless the filter is by status (the review joined is this office's one per
 * work: UNIQUE (work_id, owner_id)); then the list is read again whole.
 */
function keptWorks(q: Kysely<DB>, filter: Omit<WorksFilter, 'query'>, reviewerId: string | null): Promise<WorkKey[]> {
  const read = (rowids?: readonly number[]) =>
    worksQuery(q, filter, reviewerId, rowids)
      .select(['w.id', 'w.search_key', 'w.implementer', 'r.organization_id', 'w.sort_order', 'w.created_at', sql<number>`w.rowid`.as('work_rowid'), sql<number>`r.rowid`.as('registration_rowid')])
      .orderBy('w.sort_order')
      .orderBy('w.created_at')
      .orderBy('w.id')
      .execute() as Promise<WorkKey[]>;
  return untilNextWrite(q, `works ${reviewerId} ${JSON.stringify(filter)}`, ['works', 'registrations', 'work_reviews'], () => read(), async (kept, written) => {
    if (filter.status && written.get('work_reviews')!.size) return undefined;
    const works = written.get('works')!;
    const registrations = written.get('registrations')!;
    if (!works.size && !registrations.size) return kept;
    // The works written and the works of the registrations written (as they are now).
    const ofRegistrations = registrations.size
      ? (await sql<{ rowid: number }>`SELECT w.rowid FROM registrations r CROSS JOIN works w ON w.registration_id = r.id WHERE r.rowid IN ${rowidList(registrations)}`.execute(q)).rows.map((r) => r.rowid)
      : [];
    const fresh = await read([...new Set([...works, ...ofRegistrations])]);
    return mergeWritten(kept, (w) => works.has(w.work_rowid) || registrations.has(w.registration_rowid), fresh, listOrder);
  });
}

/**
 * The ids of the works matching the filter and the folded query, in list order. The query matches the
 * work's name (stored folded), its implementer or its unit's name in force. The filtered list (ids and
 * keys only) is kept across writes (`keptWorks`), so paging and typing a query only filter and cut it.
 */
async function matchingWorkIds(q: Kysely<DB>, f: WorksFilter, reviewerId: string | null): Promise<string[]> {
  const { query, ...filter } = f;
  const rows = await keptWorks(q, filter, reviewerId);
  const key = fold(query ?? '');
  if (!key) return rows.map((r) => r.id);
  const labels = await unitLabels(q);
  // Units and implementers repeat across the rows: each distinct one is tested once per query.
  const unitHits = new Map<string, boolean>();
  const implementerHits = new Map<string, boolean>();
  const hit = <K>(memo: Map<K, boolean>, k: K, test: (k: K) => boolean): boolean => {
    let h = memo.get(k);
    if (h === undefined) memo.set(k, (h = test(k)));
    return h;
  };
  const ids: string[] = [];
  for (const r of rows) {
    if (
      r.search_key.includes(key) ||
      hit(implementerHits, r.implementer, (i) => nameKeys(i).folded.includes(key)) ||
      hit(unitHits, r.organization_id, (o) => labels.get(o)?.folded.includes(key) ?? false)
    )
      ids.push(r.id);
  }
  return ids;
}

/** The views of just these works, in the given order. */
async function workViews(q: Kysely<DB>, ids: string[], reviewerId: string | null): Promise<WorkView[]> {
  if (!ids.length) return [];
  const rows = await worksQuery(q, {}, reviewerId)
    .leftJoin('occasions as o', 'o.id', 'w.occasion_id')
    .select([
      'w.id', 'w.registration_id', 'w.name', 'w.implementer', 'w.value_dong', 'w.start_date', 'w.finish_date', 'w.occasion_id', 'w.description',
      'r.organization_id', 'r.movement_id', 'r.phase_id',
      'o.name as occasion_name',
      sql<WorkStatus>`coalesce(v.status, 'registered')`.as('status'),
      'v.approved_on', 'v.plaque_on', 'v.done_on', 'v.note as review_note',
    ])
    .where('w.id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const labels = await unitLabels(q);
  return ids.map((id) => {
    const r = byId.get(id)!;
    return {
      id: r.id,
      registrationId: r.registration_id,
      organizationId: r.organization_id,
      organizationName: labels.get(r.organization_id)?.name ?? '',
      movementId: r.movement_id,
      phaseId: r.phase_id,
      name: r.name,
      implementer: r.implementer,
      valueDong: r.value_dong,
      startDate: r.start_date,
      finishDate: r.finish_date,
      occasionId: r.occasion_id,
      occasionName: r.occasion_name,
      description: r.description,
      status: r.status,
      approvedOn: r.approved_on ?? null,
      plaqueOn: r.plaque_on ?? null,
      doneOn: r.done_on ?? null,
      reviewNote: r.review_note ?? '',
    };
  });
}

/** Every matching work (a registration's works, documents, exports). */
export async function listWorks(q: Kysely<DB>, f: WorksFilter, reviewerId: string | null): Promise<WorkView[]> {
  return workViews(q, await matchingWorkIds(q, f, reviewerId), reviewerId);
}

/** One page of the matching works and their total. */
export async function pageWorks(q: Kysely<DB>, f: WorksFilter & { limit: number; offset: number }, reviewerId: string | null): Promise<WorkPage> {
  const { limit, offset, ...filter } = f;
  const ids = await matchingWorkIds(q, filter, reviewerId);
  return { total: ids.length, items: await workViews(q, ids.slice(offset, offset + limit), reviewerId) };
}

/** Which statuses each action may start from, and where it leads. */
const FLOW: Record<WorkAction, { from: WorkStatus[]; to: WorkStatus }> = {
  approve: { from: ['registered', 'refused'], to: 'approved' },
  attach: { from: ['approved'], to: 'plaque_attached' },
  done: { from: ['plaque_attached'], to: 'done' },
  refuse: { from: ['registered', 'approved'], to: 'refused' },
  reset: { from: ['approved', 'plaque_attached', 'done', 'refused'], to: 'registered' },
};
const ACTION_LABELS: Record<WorkAction, string> = {
  approve: 'duyệt gắn biển',
  attach: 'ghi nhận đã gắn biển',
  done: 'ghi nhận đã hoàn thành',
  refuse: 'không duyệt',
  reset: 'đưa về trạng thái đã đăng ký',
};

export async function reviewWork(q: Kysely<DB>, reviewerId: string, input: { workId: string; action: WorkAction; date: string; note: string }): Promise<void> {
  const [work] = await listWorks(q, { workId: input.workId }, reviewerId);
  if (!work) throw new AppError('NOT_FOUND', 'Không tìm thấy công trình, sản phẩm (có thể đã bị xóa).');
  const step = FLOW[input.action];
  if (!step.from.includes(work.status)) {
    throw new AppError('CONFLICT', `Công trình "${work.name}" đang ở trạng thái "${WORK_STATUS_LABELS[work.status]}"; không thể ${ACTION_LABELS[input.action]}.`);
  }
  const previous = input.action === 'attach' ? work.approvedOn : input.action === 'done' ? work.plaqueOn : null;
  if (previous && input.date < previous) {
    throw new AppError('VALIDATION', `Ngày: không được trước ngày của bước trước (${formatDmy(previous)}).`);
  }
  const dates =
    input.action === 'reset'
      ? { approved_on: null, plaque_on: null, done_on: null }
      : input.action === 'approve'
        ? { approved_on: input.date }
        : input.action === 'attach'
          ? { plaque_on: input.date }
          : input.action === 'done'
            ? { done_on: input.date }
            : {};
  const now = nowIso();
  const existing = await q.selectFrom('work_reviews').select(['id', 'note']).where('work_id', '=', work.id).where('owner_id', '=', reviewerId).executeTakeFirst();
  const note = input.note || (existing?.note ?? '');
  if (existing) {
    await q
      .updateTable('work_reviews')
      .set((eb) => ({ status: step.to, ...dates, note, deleted_at: null, revision: eb('revision', '+', 1), updated_at: now }))
      .where('id', '=', existing.id)
      .execute();
  } else {
    await q
      .insertInto('work_reviews')
      .values({ id: newId(), owner_id: reviewerId, revision: 1, deleted_at: null, work_id: work.id, status: step.to, approved_on: null, plaque_on: null, done_on: null, ...dates, note, created_at: now, updated_at: now })
      .execute();
  }
}
