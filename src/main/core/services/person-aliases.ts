/**
 * The alias map (`person_merges`: each merged id → its final survivor) is derived from the merge records
 * of every office (`person_merge_records`), in one order everywhere: oldest first (then by id). A record
 * joining two ids that are one person already (the same merge made at two levels, or the opposite one) changes
 * nothing, so the offices that hold the same records read the same identities whatever order they came in.
 */
import type { Kysely } from 'kysely';
import type { DB, PersonMergesTable } from '../db/schema';

export interface MergeRecord {
  id: string;
  merged_id: string;
  survivor_id: string;
  created_at: string;
}

export function resolveAliases(records: MergeRecord[]): PersonMergesTable[] {
  const parent = new Map<string, string>();
  const at = new Map<string, string>();
  const root = (id: string) => {
    let x = id;
    while (parent.has(x)) x = parent.get(x)!;
    return x;
  };
  for (const r of records) {
    const m = root(r.merged_id);
    const s = root(r.survivor_id);
    if (m === s) continue;
    parent.set(m, s);
    at.set(m, r.created_at);
  }
  return [...parent.keys()].map((id) => ({ merged_id: id, survivor_id: root(id), merged_at: at.get(id)! }));
}

/** After a merge here (inside the caller's transaction). */
export async function rebuildAliases(q: Kysely<DB>): Promise<void> {
  const records = await q.selectFrom('person_merge_records').select(['id', 'merged_id', 'survivor_id', 'created_at']).where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
  const rows = resolveAliases(records);
  await q.deleteFrom('person_merges').execute();
  for (let i = 0; i < rows.length; i += 500) await q.insertInto('person_merges').values(rows.slice(i, i + 500)).execute();
}
