import { sql, type Kysely } from 'kysely';

interface Memo {
  changes: number;
  values: Map<string, unknown>;
}

// Keyed by the handle: each store (and each transaction object) has its own; a reopened store starts empty.
const memos = new WeakMap<object, Memo>();

/**
 * A value derived from many rows (every unit's name and keys, the distinct implementers), kept until this
 * connection next changes any row. SQLite's total_changes() counts every row inserted, updated or deleted
 * on the connection (triggers included), so any write, by any path, drops the memo; a paged list then
 * filters and sorts thousands of rows without reading them again on each page.
 */
export async function untilNextWrite<S, T>(db: Kysely<S>, name: string, compute: () => Promise<T>): Promise<T> {
  const changes = Number((await sql<{ n: number }>`SELECT total_changes() AS n`.execute(db)).rows[0].n);
  let memo = memos.get(db);
  if (!memo || memo.changes !== changes) {
    memo = { changes, values: new Map() };
    memos.set(db, memo);
  }
  if (memo.values.has(name)) return memo.values.get(name) as T;
  const value = await compute();
  // A write that committed meanwhile (reads run beside the call queue) moved total_changes on: the value
  // is then stored under the old count and never served.
  memo.values.set(name, value);
  return value;
}
