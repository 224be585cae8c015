import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { PeoplePage, PersonView } from '../../../shared/schemas/people';
import { fold, personSortKey } from '../../../shared/vi-text';
import type { DB, PeopleTable } from '../db/schema';
import { newId, nowIso } from '../util/time';
import { getOrgRow, listTree } from './organizations';

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

/** FTS5 query: every folded word must start a word of the name ("dang" finds "Đặng Văn A"). */
export function ftsQuery(query: string): string | null {
  const words = fold(query)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.length ? words.map((w) => `"${w}"*`).join(' AND ') : null;
}

async function orgNames(db: Kysely<DB>): Promise<Map<string, string>> {
  return new Map((await listTree(db)).map((n) => [n.id, n.name]));
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
  const names = await orgNames(db);
  return rows.map((r) => toView(r, names));
}

export interface PeopleQuery {
  query: string;
  organizationId?: string;
  limit: number;
  offset: number;
}

/** Matching people in list order (tên, họ đệm) with the total count for paging. */
export async function searchPeople(db: Kysely<DB>, q: PeopleQuery, withOrgNames = true): Promise<PeoplePage> {
  const match = ftsQuery(q.query);
  // The FTS index drives the query; only its matches are joined and sorted.
  const from = match ? sql`people_fts f JOIN people p ON p.rowid = f.rowid` : sql`people p`;
  const conditions = [sql`p.deleted_at IS NULL`];
  if (match) conditions.push(sql`people_fts MATCH ${match}`);
  if (q.organizationId) conditions.push(sql`p.organization_id = ${q.organizationId}`);
  const where = sql.join(conditions, sql` AND `);
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM ${from} WHERE ${where}`.execute(db);
  const rows = await sql<PeopleTable>`SELECT p.* FROM ${from} WHERE ${where} ORDER BY p.sort_key LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db);
  const names = withOrgNames ? await orgNames(db) : new Map<string, string>();
  return { total: Number(count.rows[0].n), items: rows.rows.map((r) => toView(r, names)) };
}
