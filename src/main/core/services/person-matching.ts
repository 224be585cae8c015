/**
 * Finds the person a registration or a sheet row means instead of creating a duplicate:
 * the same folded name (so "Thuỷ" = "Thủy", "Dang" ≠ nothing) in the same unit, and the same birth year.
 */
import { sql, type Kysely } from 'kysely';
import { fold } from '../../../shared/vi-text';
import type { DB, PeopleTable } from '../db/schema';
import { nowIso } from '../util/time';
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

/**
 * candidatesFor for many keys in one query (a sheet of thousands of rows): the live people of the units
 * named, grouped by unit and folded name; look a key up with `candidateKey`.
 */
export async function candidatesForMany(q: Kysely<DB>, keys: PersonKey[]): Promise<Map<string, PeopleTable[]>> {
  const orgs = [...new Set(keys.map((k) => k.organizationId).filter((x): x is string => !!x))];
  const rows = await q
    .selectFrom('people')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('organization_id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(orgs)}))`), eb('organization_id', 'is', null)]))
    .orderBy('created_at')
    .execute();
  const out = new Map<string, PeopleTable[]>();
  for (const r of rows) {
    const k = candidateKey({ fullName: r.full_name, organizationId: r.organization_id, birthYear: null }, r.search_key);
    const list = out.get(k) ?? [];
    list.push(r);
    out.set(k, list);
  }
  return out;
}

export function candidateKey(p: PersonKey, folded = fold(p.fullName)): string {
  return `${p.organizationId ?? ''}|${folded}`;
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
