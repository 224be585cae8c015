/**
 * Finds the person a registration or a sheet row means instead of creating a duplicate:
 * the same folded name (so "Thuỷ" = "Thủy", "Dang" ≠ nothing) in the same unit, and the same birth year.
 */
import { sql, type Kysely } from 'kysely';
import { fold } from '../../../shared/vi-text';
import type { DB, PeopleTable } from '../db/schema';
import { nowIso } from '../util/time';
import { compatible, liveRoots } from './person-identity';
import { personRow } from './people';


export interface PersonKey {
  fullName: string;
  birthYear: number | null;
  organizationId: string | null;
}

export async function candidatesFor(q: Kysely<DB>, p: PersonKey): Promise<PeopleTable[]> {
  // A merged-away id is an alias of its survivor: only the survivor is a candidate (else a merge would make the name ambiguous).
  let query = q
    .selectFrom('people')
    .selectAll()
    .where('search_key', '=', fold(p.fullName))
    .where('deleted_at', 'is', null)
    .where(({ not, exists, selectFrom, ref }) => not(exists(selectFrom('person_merges as m').select('m.merged_id').where('m.merged_id', '=', ref('people.id')))));
  query = p.organizationId ? query.where('organization_id', '=', p.organizationId) : query.where('organization_id', 'is', null);
  return query.orderBy('created_at').execute();
}

/** A person row of a sheet: what it says about who it is. */
export interface SheetPersonKey extends PersonKey {
  birthDate: string | null;
  idNumber: string | null;
}

/**
 * The people already here each sheet row may be, read in two queries for a whole sheet (thousands of
 * rows): a CCCD names one person whatever the spelling of the name, so a row whose CCCD is known here
 * has those people only; otherwise the same folded name in the same unit (or with no unit), with birth
 * date, year and CCCD that do not contradict (`compatible`). Look a row up with the returned function.
 */
export async function sheetCandidates(q: Kysely<DB>, keys: SheetPersonKey[]): Promise<(k: SheetPersonKey) => PeopleTable[]> {
  const orgs = [...new Set(keys.map((k) => k.organizationId).filter((x): x is string => !!x))];
  const ids = [...new Set(keys.map((k) => k.idNumber).filter((x): x is string => !!x))];
  const byName = new Map<string, PeopleTable[]>();
  const rows = await liveRoots(q)
    .where((eb) => eb.or([eb('p.organization_id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(orgs)}))`), eb('p.organization_id', 'is', null)]))
    .orderBy('p.created_at')
    .orderBy(sql`p.rowid`) // entered in the same millisecond: still the order they were entered
    .execute();
  for (const r of rows) {
    const k = candidateKey({ fullName: r.full_name, organizationId: r.organization_id, birthYear: null }, r.search_key);
    byName.set(k, [...(byName.get(k) ?? []), r]);
  }
  const byIdNumber = new Map<string, PeopleTable[]>();
  if (ids.length) {
    const withId = await liveRoots(q).where('p.id_number', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`).orderBy('p.created_at').execute();
    for (const r of withId) byIdNumber.set(r.id_number!, [...(byIdNumber.get(r.id_number!) ?? []), r]);
  }
  return (k) => {
    const sameId = k.idNumber ? byIdNumber.get(k.idNumber) : undefined;
    if (sameId?.length) return sameId;
    const folded = fold(k.fullName);
    const probe = probeRow(k);
    const named = [...(k.organizationId ? (byName.get(candidateKey(k, folded)) ?? []) : []), ...(byName.get(candidateKey({ ...k, organizationId: null }, folded)) ?? [])];
    return named.filter((r) => compatible(probe, r));
  };
}

export function candidateKey(p: PersonKey, folded = fold(p.fullName)): string {
  return `${p.organizationId ?? ''}|${folded}`;
}

/** The row a sheet key would be, for `compatible`. */
function probeRow(k: SheetPersonKey): PeopleTable {
  return { ...personRow({ fullName: k.fullName, organizationId: k.organizationId, birthYear: k.birthYear, birthDate: k.birthDate, idNumber: k.idNumber, gender: '', position: '' }), id: '' };
}

/**
 * The candidate a sheet row goes to unless the clerk says otherwise, or null (a new person): the one
 * with the same CCCD; else the one with the same birth date or year; else, when the row or the people
 * lack a year, the only candidate. Two equally good candidates stay for the clerk to choose.
 */
export function suggestCandidate(candidates: PeopleTable[], k: SheetPersonKey): PeopleTable | null {
  if (k.idNumber) {
    const same = candidates.filter((c) => c.id_number === k.idNumber);
    if (same.length) return same.length === 1 ? same[0] : null;
  }
  const year = k.birthYear ?? (k.birthDate ? Number(k.birthDate.slice(0, 4)) : null);
  if (year !== null) {
    const same = candidates.filter((c) => (c.birth_year ?? (c.birth_date ? Number(c.birth_date.slice(0, 4)) : null)) === year);
    if (same.length) return same.length === 1 ? same[0] : null;
  }
  return candidates.length === 1 ? candidates[0] : null;
}

/**
 * The one existing person this key names, or null. A missing birth year on either side matches only
 * when it leaves exactly one candidate (two "Nguyễn Văn An" without years stay ambiguous → a new person).
 */
export function pickMatch(candidates: PeopleTable[], birthYear: number | null): PeopleTable | null {
  if (birthYear !== null) {
    const same = candidates.filter((c) => c.birth_year === birthYear);
    if (same.length >= 1) return same[0];
    const unknown = candidates.filter((c) => c.birth_year === null);
    return unknown.length === 1 ? unknown[0] : null;
  }
  return candidates.length === 1 ? candidates[0] : null;
}

export async function matchOrCreatePerson(q: Kysely<DB>, p: PersonKey & { position: string }): Promise<{ id: string; created: boolean }> {
  const found = pickMatch(await candidatesFor(q, p), p.birthYear);
  if (found) {
    // A birth year learnt from a registration completes the record (the register stays the one source).
    if (found.birth_year === null && p.birthYear !== null) {
      await q.updateTable('people').set((eb) => ({ birth_year: p.birthYear, revision: eb('revision', '+', 1), updated_at: nowIso() })).where('id', '=', found.id).execute();
    }
    return { id: found.id, created: false };
  }
  const row = personRow({ fullName: p.fullName, organizationId: p.organizationId, birthYear: p.birthYear, gender: '', position: p.position });
  await q.insertInto('people').values(row).execute();
  return { id: row.id, created: true };
}
