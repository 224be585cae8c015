import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { PeoplePage, PersonView } from '../../../shared/schemas/people';
import { fold, personSortKey } from '../../../shared/vi-text';
import type { DB, PeopleTable } from '../db/schema';
import { newId, nowIso } from '../util/time';
import { compareBinary } from '../util/binary-order';
import { mergeWritten } from '../util/merge-written';
import { rowidList, untilNextWrite } from '../util/until-next-write';
import { getOrgRow, unitNames } from './organizations';

export interface NewPerson {
  fullName: string;
  organizationId: string | null;
  birthYear: number | null;
  gender: PersonView['gender'];
  position: string;
  birthDate?: string | null;
  idNumber?: string | null;
}

export function personRow(p: NewPerson, id = newId(), now = nowIso()): PeopleTable {
  return {
    id,
    organization_id: p.organizationId,
    full_name: p.fullName,
    birth_year: p.birthYear ?? (p.birthDate ? Number(p.birthDate.slice(0, 4)) : null),
    birth_date: p.birthDate ?? null,
    id_number: p.idNumber ?? null,
    gender: p.gender,
    position: p.position,
    search_key: fold(p.fullName),
    sort_key: personSortKey(p.fullName),
    owner_id: null,
    revision: 1,
    deleted_at: null,
    created_at: now,
    updated_at: now,
  };
}

export async function createPerson(db: Kysely<DB>, p: NewPerson): Promise<PersonView> {
  if (p.organizationId) await getOrgRow(db, p.organizationId);
  const row = personRow(p);
  await db.insertInto('people').values(row).execute();
  return (await searchPeopleByIds(db, [row.id]))[0];
}

/** The folded words of a query, as the FTS tokenizer splits them. */
function ftsWords(query: string): string[] {
  return fold(query)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** FTS5 query: every folded word must start a word of the name ("dang" finds "Đặng Văn A"). */
export function ftsQuery(query: string): string | null {
  const words = ftsWords(query);
  return words.length ? words.map((w) => `"${w}"*`).join(' AND ') : null;
}

function toView(r: PeopleTable, names: Map<string, string>): PersonView {
  return {
    id: r.id,
    fullName: r.full_name,
    organizationId: r.organization_id,
    organizationName: r.organization_id ? (names.get(r.organization_id) ?? null) : null,
    birthYear: r.birth_year,
    gender: r.gender as PersonView['gender'],
    position: r.position,
  };
}

async function searchPeopleByIds(db: Kysely<DB>, ids: string[]): Promise<PersonView[]> {
  const rows = await db.selectFrom('people').selectAll().where('id', 'in', ids).execute();
  const names = await unitNames(db, rows.map((r) => r.organization_id));
  return rows.map((r) => toView(r, names));
}

export interface PeopleQuery {
  query: string;
  organizationId?: string;
  limit: number;
  offset: number;
}

/** A page ending past this many rows is cut from the kept list order (`liveOrder`). */
const DEEP_PAGE_FROM = 1000;

/** A live person's place in list order: tên, họ đệm (sort_key), ties by rowid as in people_live_sort. */
interface Placed {
  rowid: number;
  sort_key: string;
}

const listOrder = (a: Placed, b: Placed): number => compareBinary(a.sort_key, b.sort_key) || a.rowid - b.rowid;

/** Every live person in list order, and each one's sort key by rowid (to find a written row's old place). */
interface PeopleOrder {
  rows: Placed[];
  keyOf: Map<number, string>;
}

/** Every live person in list order, kept and patched on each write to people (the people written re-read). */
export async function liveOrder(db: Kysely<DB>): Promise<Placed[]> {
  const all = sql<Placed>`SELECT rowid, sort_key FROM people INDEXED BY people_live_sort WHERE deleted_at IS NULL ORDER BY sort_key, rowid`;
  const order = await untilNextWrite<DB, PeopleOrder>(
    db,
    'people order',
    ['people'],
    async () => {
      const rows = (await all.execute(db)).rows;
      return { rows, keyOf: new Map(rows.map((p) => [p.rowid, p.sort_key])) };
    },
    async (kept, written) => {
      const rowids = written.get('people')!;
      const fresh = (await sql<Placed>`SELECT rowid, sort_key FROM people WHERE deleted_at IS NULL AND rowid IN ${rowidList(rowids)}`.execute(db)).rows;
      const before = [...rowids].flatMap((rowid) => (kept.keyOf.has(rowid) ? [{ rowid, sort_key: kept.keyOf.get(rowid)! }] : []));
      const rows = mergeWritten(kept.rows, (p) => rowids.has(p.rowid), fresh, listOrder, before);
      for (const rowid of rowids) kept.keyOf.delete(rowid);
      for (const p of fresh) kept.keyOf.set(p.rowid, p.sort_key);
      return { rows, keyOf: kept.keyOf };
    },
  );
  return order.rows;
}

/** The rowids matching an FTS query (live people only), kept and patched on each write to people. */
export function ftsMatches(db: Kysely<DB>, match: string): Promise<Set<number>> {
  const matching = async (among?: ReadonlySet<number>) =>
    (await sql<{ rowid: number }>`SELECT rowid FROM people_fts WHERE people_fts MATCH ${match} ${among ? sql`AND rowid IN ${rowidList(among)}` : sql``}`.execute(db)).rows.map((r) => r.rowid);
  return untilNextWrite(
    db,
    `people fts ${match}`,
    ['people'],
    async () => new Set(await matching()),
    async (kept, written) => {
      const rows = written.get('people')!;
      const now = await matching(rows);
      for (const rowid of rows) kept.delete(rowid);
      for (const rowid of now) kept.add(rowid);
      return kept;
    },
  );
}

/** Above this many matches a page is read in list order from people_live_sort instead of sorting every match. */
const SORT_MATCHES_UP_TO = 2000;

/**
 * Matching people in list order (tên, họ đệm) with the total count for paging. Never sorts or offsets
 * over every person: the whole list and common prefixes walk the live sort index (rowids only), a
 * selective query sorts its few matches, and the total is an index or FTS count (migration 0011).
 */
export async function searchPeople(db: Kysely<DB>, q: PeopleQuery, withOrgNames = true): Promise<PeoplePage> {
  const match = ftsQuery(q.query);
  const live = q.organizationId ? sql`p.deleted_at IS NULL AND p.organization_id = ${q.organizationId}` : sql`p.deleted_at IS NULL`;
  const page = sql`ORDER BY p.sort_key LIMIT ${q.limit} OFFSET ${q.offset}`;
  const matches = sql`p.rowid IN (SELECT rowid FROM people_fts WHERE people_fts MATCH ${match})`;
  let total: number;
  let ids: { rowid: number }[];
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(db)).rows[0].n);
  if (!match && !q.organizationId && q.offset + q.limit > DEEP_PAGE_FROM) {
    // Deep in the whole list: a cut of the kept order, where the index walk would step over every row before the page.
    const order = await liveOrder(db);
    total = order.length;
    ids = order.slice(q.offset, q.offset + q.limit);
  } else if (!match) {
    total = await count(sql<{ n: number }>`SELECT count(*) AS n FROM people p WHERE ${live}`);
    ids = (await sql<{ rowid: number }>`SELECT p.rowid FROM people p WHERE ${live} ${page}`.execute(db)).rows;
  } else if (q.organizationId) {
    // One unit's people, in list order from people_live_org_sort, filtered here by word prefix: bounded by
    // the unit's size, where joining with the FTS matches would first collect every match in the register.
    const words = ftsWords(q.query);
    const unit = (await sql<{ rowid: number; search_key: string }>`SELECT p.rowid, p.search_key FROM people p WHERE ${live} ORDER BY p.sort_key`.execute(db)).rows;
    const hits = unit.filter((r) => {
      const tokens = r.search_key.split(/[^a-z0-9]+/);
      return words.every((w) => tokens.some((t) => t.startsWith(w)));
    });
    total = hits.length;
    ids = hits.slice(q.offset, q.offset + q.limit);
  } else if (q.offset + q.limit > DEEP_PAGE_FROM) {
    // Deep in the list of a query: walk the kept list order and keep the kept matches (both dropped by the
    // next write), instead of an index walk that tests every row before the page against the FTS matches.
    const [order, hits] = await Promise.all([liveOrder(db), ftsMatches(db, match)]);
    total = hits.size;
    ids = [];
    let seen = 0;
    for (const { rowid } of order) {
      if (!hits.has(rowid) || seen++ < q.offset) continue;
      ids.push({ rowid });
      if (ids.length === q.limit) break;
    }
  } else {
    // people_fts holds live people only, so its count is the total.
    total = await count(sql<{ n: number }>`SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH ${match}`);
    ids =
      total <= SORT_MATCHES_UP_TO
        ? (await sql<{ rowid: number }>`SELECT p.rowid FROM people_fts f JOIN people p ON p.rowid = f.rowid WHERE people_fts MATCH ${match} AND ${live} ${page}`.execute(db)).rows
        : (await sql<{ rowid: number }>`SELECT p.rowid FROM people p INDEXED BY people_live_sort WHERE ${live} AND ${matches} ${page}`.execute(db)).rows;
  }
  if (!ids.length) return { total, items: [] };
  const order = ids.map((r) => r.rowid);
  const rows = (await sql<PeopleTable & { rowid: number }>`SELECT rowid, * FROM people WHERE rowid IN ${rowidList(order)}`.execute(db)).rows;
  const byRowid = new Map(rows.map((r) => [r.rowid, r]));
  const names = withOrgNames ? await unitNames(db, rows.map((r) => r.organization_id)) : new Map<string, string>();
  return { total, items: order.map((id) => toView(byRowid.get(id)!, names)) };
}
