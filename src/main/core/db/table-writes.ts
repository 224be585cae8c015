import type Database from 'better-sqlite3';

/**
 * The rowids written to one table on this connection since it was opened (insert, update, delete; cascades
 * too), as a window of the latest ones: `start` is the position of rowids[0], so start + rowids.length is
 * the table's position, which moves on every row written.
 */
interface TableLog {
  start: number;
  rowids: number[];
}

interface Watch {
  sqlite: Database.Database;
  tables: readonly string[];
  logs: Map<string, TableLog>;
}

/** The window kept per table: past it a kept list is read again rather than patched (it would be as slow). */
const LOG_KEEP = 4096;

// Keyed by every handle of the connection (the better-sqlite3 one and its Kysely): a transaction object is
// not here, so lists read inside a write fall back to the connection-wide count.
const watches = new WeakMap<object, Watch>();

const PLAIN = /^[a-z_][a-z0-9_]*$/;

/**
 * The tables the kept lists read (people for people_fts, which is fed by people's own triggers). Only these
 * are counted: a trigger costs about as much as the row it follows, so a table no list reads pays nothing;
 * a list naming another table falls back to total_changes() and stays exact.
 */
export const COUNTED_TABLES = ['people', 'organizations', 'organization_names', 'registrations', 'works', 'work_reviews'] as const;

/** The rowids a trigger logs: an update logs the old and the new (an update may move a row's rowid). */
const ROWIDS: Record<string, string> = { i: 'NEW.rowid, NEW.rowid', u: 'OLD.rowid, NEW.rowid', d: 'OLD.rowid, OLD.rowid' };

const triggersSql = (tables: readonly string[], create: boolean): string =>
  tables
    .flatMap((t) =>
      [
        ['i', 'INSERT'],
        ['u', 'UPDATE'],
        ['d', 'DELETE'],
      ].map(([op, when]) =>
        create
          ? `CREATE TEMP TRIGGER IF NOT EXISTS "tdkt_w_${t}_${op}" AFTER ${when} ON main."${t}" BEGIN SELECT tdkt_table_written('${t}', ${ROWIDS[op]}); END;`
          : `DROP TRIGGER IF EXISTS temp."tdkt_w_${t}_${op}";`,
      ),
    )
    .join('\n');

const position = (log: TableLog): number => log.start + log.rowids.length;

/**
 * Logs the rowids written to each counted table of this connection, whatever path wrote them (the write
 * wrapper, raw statements, a foreign-key cascade, another table's trigger): one TEMP trigger per table and
 * operation calls back into JS. TEMP triggers live in the connection, not in the file, so nothing changes in
 * the schema, a backup or a restore.
 */
export function watchTableWrites(sqlite: Database.Database, handles: readonly object[]): void {
  const logs = new Map<string, TableLog>();
  sqlite.function('tdkt_table_written', { deterministic: false, varargs: false }, (table: unknown, before: unknown, after: unknown) => {
    const log = logs.get(table as string);
    if (!log) return null;
    log.rowids.push(Number(before));
    if (after !== before) log.rowids.push(Number(after));
    if (log.rowids.length > 2 * LOG_KEEP) {
      log.start += log.rowids.length - LOG_KEEP;
      log.rowids = log.rowids.slice(-LOG_KEEP);
    }
    return null;
  });
  const present = new Set(sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
  const tables = COUNTED_TABLES.filter((t) => present.has(t) && PLAIN.test(t));
  sqlite.exec(triggersSql(tables, true));
  for (const t of tables) logs.set(t, { start: 0, rowids: [] });
  const watch = { sqlite, logs, tables };
  for (const h of [sqlite, ...handles]) watches.set(h, watch);
}

/**
 * A bulk write (a package of 50,000 records, a sheet of 200,000 rows) without the per-row count: the triggers
 * are dropped for the duration and every counted table is marked written afterwards, whether `fn` succeeded
 * or not, so every kept list is read again. Writes are one at a time (the call queue), so none runs
 * uncounted beside it; reads beside it keep nothing past the mark. A connection closed meanwhile (a restore)
 * is left alone: the reopened store counts afresh.
 */
export function withoutWriteCounts<T>(sqlite: Database.Database | null, fn: () => T): T {
  const w = sqlite ? watches.get(sqlite) : undefined;
  if (!sqlite || !w || !sqlite.open || sqlite.inTransaction) return fn();
  sqlite.exec(triggersSql(w.tables, false));
  const restore = () => {
    if (!sqlite.open) return;
    sqlite.exec(triggersSql(w.tables, true));
    // Rows went unlogged: every position moves past its window, so no kept list is patched across this.
    for (const log of w.logs.values()) {
      log.start = position(log) + 1;
      log.rowids = [];
    }
  };
  let result: T;
  try {
    result = fn();
  } catch (e) {
    restore();
    throw e;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}

/** Where the writes to some tables stood: `stamp` changes with every row written to one of them. */
export interface WriteMark {
  /** PRAGMA data_version: moves when another connection commits to the file (those rows are not logged). */
  dataVersion: number;
  positions: number[];
  stamp: string;
}

/**
 * A mark that changes whenever a row of one of these tables changes on this connection, or another
 * connection commits to the file (data_version); null when the handle or a table is not watched.
 */
export function writeMark(handle: object, tables: readonly string[]): WriteMark | null {
  const w = watches.get(handle);
  if (!w) return null;
  const dataVersion = Number(w.sqlite.pragma('data_version', { simple: true }));
  const positions: number[] = [];
  for (const t of tables) {
    const log = w.logs.get(t);
    if (!log) return null;
    positions.push(position(log));
  }
  return { dataVersion, positions, stamp: `${dataVersion}|${positions.join('|')}` };
}

/**
 * The rowids written to each of these tables between two marks of the same tables, or null when they are
 * not all known: another connection committed, a bulk write went unlogged, the window moved past `from`,
 * or more than `max` rows changed.
 */
export function rowsWrittenBetween(handle: object, tables: readonly string[], from: WriteMark, to: WriteMark, max: number): Map<string, Set<number>> | null {
  const w = watches.get(handle);
  if (!w || from.dataVersion !== to.dataVersion) return null;
  const changed = new Map<string, Set<number>>();
  let total = 0;
  for (const [i, t] of tables.entries()) {
    const log = w.logs.get(t);
    if (!log || from.positions[i] < log.start || to.positions[i] > position(log)) return null;
    const rows = new Set(log.rowids.slice(from.positions[i] - log.start, to.positions[i] - log.start));
    total += rows.size;
    if (total > max) return null;
    changed.set(t, rows);
  }
  return changed;
}

/**
 * True while the connection behind this handle has a transaction open (a raw BEGIN: Kysely's own
 * transactions hold the connection, so the plain handle waits for them). What is read then may be rolled
 * back, and a rollback fires no trigger: nothing read then may be kept.
 */
export function inOpenTransaction(handle: object): boolean {
  return watches.get(handle)?.sqlite.inTransaction ?? false;
}
