import { sql, type Kysely } from 'kysely';
import { tablesStamp } from '../db/table-writes';

interface Kept {
  stamp: string;
  value: unknown;
}

// Keyed by the handle: each store (and each transaction object) has its own; a reopened store starts empty.
const memos = new WeakMap<object, Map<string, Kept>>();

/** Distinct lists kept per connection (queries typed one after another each keep theirs); the oldest goes first. */
const MAX_KEPT = 200;

/**
 * A value derived from many rows (every unit's name and keys, the distinct implementers), kept until a row
 * of one of the `tables` it reads changes. The store's connection counts the rows written per table
 * (db/table-writes.ts: TEMP triggers, so every path counts, cascades included) and another connection's
 * commit moves data_version; a write to another table keeps the value, so saving a registration does not
 * cost the next people search. `tables` must name every table the value reads (a virtual table by the table
 * that feeds it). Where no count is kept (a transaction object, an unwatched table) any write on the
 * connection drops the value (SQLite total_changes()).
 */
export async function untilNextWrite<S, T>(db: Kysely<S>, name: string, tables: readonly string[], compute: () => Promise<T>): Promise<T> {
  const stamp = tablesStamp(db, tables) ?? `all ${Number((await sql<{ n: number }>`SELECT total_changes() AS n`.execute(db)).rows[0].n)}`;
  let kept = memos.get(db);
  if (!kept) memos.set(db, (kept = new Map()));
  const hit = kept.get(name);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = await compute();
  // Stored under the stamp read before computing: a write that committed meanwhile (reads run beside the
  // call queue) makes it old at once, and it is never served.
  kept.delete(name);
  kept.set(name, { stamp, value });
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  return value;
}
