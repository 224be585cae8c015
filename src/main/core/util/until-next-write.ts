import { sql, type Kysely } from 'kysely';
import { inOpenTransaction, rowsWrittenBetween, writeMark, type WriteMark } from '../db/table-writes';

interface Kept {
  /** a patch under way: the next caller waits for it (patches change the kept value itself) */
  patching?: Promise<unknown>;
  stamp: string;
  /** null where no per-table log is kept (a transaction object, an unwatched table): never patched */
  mark: WriteMark | null;
  value: unknown;
}

// Keyed by the handle: each store (and each transaction object) has its own; a reopened store starts empty.
const memos = new WeakMap<object, Map<string, Kept>>();

/** Distinct lists kept per connection (queries typed one after another each keep theirs); the oldest goes first. */
const MAX_KEPT = 200;

/** How often a kept value was brought up to date by its patch (tests check the patches are taken). */
export const keptStats = { patched: 0 };

/** Past this many rows written since a list was kept, it is read again whole instead of patched. */
const MAX_PATCHED_ROWS = 2000;

/** The rowids written to each table a kept list reads since it was kept (every table named, maybe empty). */
export type WrittenRows = ReadonlyMap<string, ReadonlySet<number>>;

/**
 * Brings a kept value up to date from the rows written since, or gives undefined to read it again whole.
 * It must give exactly what `compute` would give now. It may change the kept value itself, after its last
 * await only (a caller holding it then sees it whole, before or after); one patch of a value runs at a time.
 */
export type Patch<T> = (kept: T, written: WrittenRows) => Promise<T | undefined>;

/**
 * A value derived from many rows (every unit's name and keys, the distinct implementers), kept until a row
 * of one of the `tables` it reads changes. The store's connection logs the rowids written per table
 * (db/table-writes.ts: TEMP triggers, so every path counts, cascades included) and another connection's
 * commit moves data_version; a write to another table keeps the value, so saving a registration does not
 * cost the next people search. With `patch`, a write to its own tables re-reads only the rows written
 * (a person saved costs the next search of 100,000 people a few rows, not the whole list); without the
 * rowids (another connection's commit, a bulk write, more than MAX_PATCHED_ROWS) it is read again whole.
 * `tables` must name every table the value reads (a virtual table by the table that feeds it). Where no log
 * is kept (a transaction object, an unwatched table) any write on the connection drops the value (SQLite
 * total_changes()).
 */
export async function untilNextWrite<S, T>(db: Kysely<S>, name: string, tables: readonly string[], compute: () => Promise<T>, patch?: Patch<T>): Promise<T> {
  if (inOpenTransaction(db)) return compute();
  const mark = writeMark(db, tables);
  const stamp = mark?.stamp ?? `all ${Number((await sql<{ n: number }>`SELECT total_changes() AS n`.execute(db)).rows[0].n)}`;
  let kept = memos.get(db);
  if (!kept) memos.set(db, (kept = new Map()));
  const hit = kept.get(name);
  if (hit && hit.stamp === stamp) return hit.value as T;
  if (hit?.patching) {
    await hit.patching.catch(() => undefined);
    return untilNextWrite(db, name, tables, compute, patch);
  }
  const written = hit?.mark && mark && patch ? rowsWrittenBetween(db, tables, hit.mark, mark, MAX_PATCHED_ROWS) : null;
  let value: T | undefined;
  if (written) {
    const patching = patch!(hit!.value as T, written);
    hit!.patching = patching;
    try {
      value = await patching;
    } catch (e) {
      // A patch cut short may have changed part of the value: it is not kept.
      kept.delete(name);
      throw e;
    } finally {
      hit!.patching = undefined;
    }
  }
  if (value === undefined) value = await compute();
  else keptStats.patched++;
  // Stored under the mark read before reading rows: a write that committed meanwhile (reads run beside the
  // call queue) makes it old at once, and it is never served (a patch then re-reads those rows too).
  kept.delete(name);
  kept.set(name, { stamp, mark, value });
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  return value;
}

/** Rowids as an SQL list (`rowid IN ${rowidList(rows)}`), for a patch re-reading the rows written. */
export const rowidList = (rowids: Iterable<number>) => sql<number>`(SELECT value FROM json_each(${JSON.stringify([...rowids])}))`;

/**
 * The FROM of a list's read: the whole table, or for a patch only the rows written, looked up by rowid
 * (CROSS JOIN fixes SQLite's join order: otherwise it may walk a filter's index over every row).
 */
export const rowsOf = (table: string, alias: string, rowids?: Iterable<number>) =>
  rowids
    ? sql`json_each(${JSON.stringify([...rowids])}) AS written CROSS JOIN ${sql.table(table)} AS ${sql.raw(alias)} ON ${sql.ref(`${alias}.rowid`)} = written.value`
    : sql`${sql.table(table)} AS ${sql.raw(alias)}`;
