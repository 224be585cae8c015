/**
 * One person, one identity across levels. A person keeps the id minted where they were first recorded;
 * when two ids turn out to be one person (typed here without a birth year, received in a package with
 * 1985), the clerk merges them: `person_merges` keeps the merged id as an alias of the survivor. Nothing
 * is rewritten (issued decisions are locked, records of other offices are theirs), so every read that
 * asks "this person?" asks for the whole identity (`identityIds`), and a package that later names the
 * merged id still lands on the survivor.
 */
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { DuplicateGroup, MergeResult, PersonCandidate } from '../../../shared/schemas/person-identity';
import { fold } from '../../../shared/vi-text';
import type { DB, PeopleTable } from '../db/schema';
import { newId, nowIso } from '../util/time';
import { rebuildAliases } from './person-aliases';
import { listTree } from './organizations';

export interface IdentityKey {
  fullName: string;
  organizationId: string | null;
  birthYear: number | null;
  birthDate: string | null;
  idNumber: string | null;
}

/** The person an id reads as: itself, or the survivor it was merged into. */
export async function survivorOf(q: Kysely<DB>, personId: string): Promise<string> {
  const m = await q.selectFrom('person_merges').select('survivor_id').where('merged_id', '=', personId).executeTakeFirst();
  return m?.survivor_id ?? personId;
}

/** Every id of the person an id names (survivor first): the set history and rule checks look for. */
export async function identityIds(q: Kysely<DB>, personId: string): Promise<string[]> {
  const survivor = await survivorOf(q, personId);
  const merged = await q.selectFrom('person_merges').select('merged_id').where('survivor_id', '=', survivor).orderBy('merged_id').execute();
  return [survivor, ...merged.map((m) => m.merged_id)];
}

/**
 * `identityIds` for many ids in one query: for each asked id, every id of its identity (survivor first).
 * The bulk readers (rule checks over 2,000 nominations, a unit's members) use it instead of one call per person.
 */
export async function identitySets(q: Kysely<DB>, personIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!personIds.length) return out;
  const rows = await sql<{ asked: string; id: string; survivor: number }>`
    WITH s(asked, survivor) AS (
      SELECT a.value, COALESCE(m.survivor_id, a.value) FROM json_each(${JSON.stringify([...new Set(personIds)])}) a
      LEFT JOIN person_merges m ON m.merged_id = a.value
    )
    SELECT asked, survivor AS id, 1 AS survivor FROM s
    UNION ALL
    SELECT s.asked, m.merged_id, 0 FROM s JOIN person_merges m ON m.survivor_id = s.survivor
    ORDER BY 1, 3 DESC, 2`.execute(q);
  for (const r of rows.rows) {
    const list = out.get(r.asked);
    if (list) list.push(r.id);
    else out.set(r.asked, [r.id]);
  }
  return out;
}

const yearOf = (p: { birth_year: number | null; birth_date?: string | null }) => p.birth_year ?? (p.birth_date ? Number(p.birth_date.slice(0, 4)) : null);

/**
 * Could these two rows be one person? Same folded name (checked by the caller's query), then: a CCCD on
 * both sides decides alone; otherwise birth date, else birth year, must agree where both are known, and so
 * must the unit. What is missing on one side does not contradict: the clerk decides.
 */
export function compatible(a: PeopleTable, b: PeopleTable): boolean {
  if (a.id_number && b.id_number) return a.id_number === b.id_number;
  if (a.birth_date && b.birth_date && a.birth_date !== b.birth_date) return false;
  const ya = yearOf(a);
  const yb = yearOf(b);
  if (ya !== null && yb !== null && ya !== yb) return false;
  return !(a.organization_id && b.organization_id && a.organization_id !== b.organization_id);
}

function reasonOf(a: PeopleTable, b: PeopleTable, units: Map<string, string>): string {
  const parts = ['cùng họ tên'];
  if (a.id_number && a.id_number === b.id_number) parts.push('cùng số CCCD');
  if (a.organization_id && a.organization_id === b.organization_id) parts.push(`cùng đơn vị ${units.get(a.organization_id) ?? ''}`.trim());
  const ya = yearOf(a);
  const yb = yearOf(b);
  if (ya !== null && ya === yb) parts.push(`năm sinh ${ya}`);
  else if (ya === null || yb === null) parts.push('một bên chưa có năm sinh');
  return parts.join(', ');
}

/** Live people not merged into someone else (a merge makes the survivor the only candidate). */
export function liveRoots(q: Kysely<DB>) {
  return q
    .selectFrom('people as p')
    .selectAll('p')
    .where('p.deleted_at', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('person_merges as m').select('m.merged_id').whereRef('m.merged_id', '=', 'p.id'))));
}

async function describe(q: Kysely<DB>, rows: PeopleTable[], against: PeopleTable | null): Promise<PersonCandidate[]> {
  if (!rows.length) return [];
  const units = new Map((await listTree(q)).map((n) => [n.id, n.name]));
  const ids = rows.map((r) => r.id);
  // Counts read through merges: an identity's awards include those under its aliases.
  const awards = await sql<{ id: string; n: number }>`
    SELECT COALESCE(m.survivor_id, a.person_id) AS id, count(*) AS n FROM decision_awardees a
    JOIN decisions d ON d.id = a.decision_id AND d.status = 'issued'
    LEFT JOIN person_merges m ON m.merged_id = a.person_id
    WHERE a.deleted_at IS NULL AND COALESCE(m.survivor_id, a.person_id) IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
    GROUP BY 1`.execute(q);
  const regs = await sql<{ id: string; n: number }>`
    SELECT COALESCE(m.survivor_id, i.person_id) AS id, count(*) AS n FROM registration_individuals i
    LEFT JOIN person_merges m ON m.merged_id = i.person_id
    WHERE i.deleted_at IS NULL AND COALESCE(m.survivor_id, i.person_id) IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
    GROUP BY 1`.execute(q);
  const awardsBy = new Map(awards.rows.map((r) => [r.id, Number(r.n)]));
  const regsBy = new Map(regs.rows.map((r) => [r.id, Number(r.n)]));
  const office = await q.selectFrom('office').select('organization_id').executeTakeFirst();
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    organizationId: r.organization_id,
    organizationName: r.organization_id ? (units.get(r.organization_id) ?? null) : null,
    birthYear: yearOf(r),
    birthDate: r.birth_date ?? null,
    idNumberTail: r.id_number ? r.id_number.slice(-4) : null,
    ownerName: r.owner_id && r.owner_id !== office?.organization_id ? (units.get(r.owner_id) ?? 'đơn vị khác') : null,
    reason: against ? reasonOf(against, r, units) : '',
    awards: awardsBy.get(r.id) ?? 0,
    registrations: regsBy.get(r.id) ?? 0,
  }));
}

/** People already here who may be the person being entered (hand entry, before saving). */
export async function findCandidates(q: Kysely<DB>, key: IdentityKey, excludeId?: string): Promise<PersonCandidate[]> {
  const probe: PeopleTable = {
    id: excludeId ?? '',
    organization_id: key.organizationId,
    full_name: key.fullName,
    birth_year: key.birthYear ?? (key.birthDate ? Number(key.birthDate.slice(0, 4)) : null),
    birth_date: key.birthDate,
    id_number: key.idNumber,
    gender: '',
    position: '',
    search_key: fold(key.fullName),
    sort_key: '',
    owner_id: null,
    revision: 1,
    deleted_at: null,
    created_at: '',
    updated_at: '',
  };
  let rows = await liveRoots(q).where('p.search_key', '=', probe.search_key).orderBy('p.created_at').execute();
  // A CCCD names one person whatever the spelling of the name.
  if (key.idNumber) {
    const byId = await liveRoots(q).where('p.id_number', '=', key.idNumber).execute();
    rows = [...rows, ...byId.filter((b) => !rows.some((r) => r.id === b.id))];
  }
  const matched = rows.filter((r) => r.id !== excludeId && (r.id_number === key.idNumber && key.idNumber !== null ? true : compatible(probe, r)));
  return describe(q, matched, probe);
}

/**
 * Groups of people here who may be one person (after a package or a sheet brought some in): same folded
 * name, compatible birth, unit and CCCD. Pairs the clerk has merged are gone; the list is what is left.
 */
export async function findDuplicates(q: Kysely<DB>, limit: number): Promise<DuplicateGroup[]> {
  // Only names held by two or more live people are read (index people_match).
  const rows = await liveRoots(q)
    .where('p.search_key', 'in', (eb) =>
      eb.selectFrom('people as x').select('x.search_key').where('x.deleted_at', 'is', null).groupBy('x.search_key').having(sql`count(*)`, '>', 1),
    )
    .orderBy('p.search_key')
    .orderBy('p.created_at')
    .execute();
  const groups: DuplicateGroup[] = [];
  for (let i = 0; i < rows.length && groups.length < limit; ) {
    let j = i;
    while (j < rows.length && rows[j].search_key === rows[i].search_key) j++;
    const same = rows.slice(i, j);
    i = j;
    // Within one name: each person with the ones compatible with them (a chain of "unknown year" links counts).
    const taken = new Set<string>();
    for (const a of same) {
      if (taken.has(a.id)) continue;
      const group = [a, ...same.filter((b) => b.id !== a.id && !taken.has(b.id) && compatible(a, b))];
      if (group.length < 2) continue;
      for (const g of group) taken.add(g.id);
      const [first, ...rest] = await describe(q, group, a);
      groups.push({ key: `${a.search_key}|${a.id}`, people: [{ ...first, reason: 'được ghi đầu tiên' }, ...rest] });
    }
  }
  return groups;
}

/**
 * Merges `mergedId` into `survivorId`: the merged id (and any alias it already had) now reads as the
 * survivor. Refused when they cannot be one person (different CCCD, birth year or unit).
 */
export async function mergePeople(q: Kysely<DB>, survivorId: string, mergedId: string): Promise<MergeResult> {
  const survivor = await survivorOf(q, survivorId);
  const merged = await survivorOf(q, mergedId);
  if (survivor === merged) throw new AppError('CONFLICT', 'Hai cá nhân này đã được hợp nhất từ trước.');
  const [s, m] = await Promise.all([survivor, merged].map((id) => q.selectFrom('people').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()));
  if (!s || !m) throw new AppError('NOT_FOUND', 'Không tìm thấy cá nhân cần hợp nhất (có thể đã bị xóa).');
  if (fold(s.full_name) !== fold(m.full_name) && !(s.id_number && s.id_number === m.id_number)) {
    throw new AppError('VALIDATION', `Không hợp nhất: "${s.full_name}" và "${m.full_name}" khác họ tên (và không cùng số CCCD).`);
  }
  if (!compatible(s, m)) {
    throw new AppError('VALIDATION', `Không hợp nhất: "${s.full_name}" ở hai bản ghi khác nhau về số CCCD, ngày/năm sinh hoặc đơn vị, nên không thể là một người.`);
  }
  // The merge is this office's record (it travels); the alias map every read uses is rebuilt from all of them.
  const now = nowIso();
  const office = await q.selectFrom('office').select('organization_id').executeTakeFirst();
  await q
    .insertInto('person_merge_records')
    .values({ id: newId(), merged_id: merged, survivor_id: survivor, owner_id: office?.organization_id ?? null, revision: 1, deleted_at: null, created_at: now, updated_at: now })
    .execute();
  await rebuildAliases(q);
  const ids = await identityIds(q, survivor);
  return { survivorId: ids[0], mergedIds: ids.slice(1) };
}
