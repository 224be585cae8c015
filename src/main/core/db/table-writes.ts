import type Database from 'better-sqlite3';

interface Watch {
  sqlite: Database.Database;
  tables: readonly string[];
  /** rows written per table on this connection since it was opened (insert, update, delete; cascades too) */
  counts: Map<string, number>;
}

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

const triggersSql = (tables: readonly string[], create: boolean): string =>
  tables
    .flatMap((t) =>
      [
        ['i', 'INSERT'],
        ['u', 'UPDATE'],
        ['d', 'DELETE'],
      ].map(([op, when]) =>
        create
          ? `CREATE TEMP TRIGGER IF NOT EXISTS "tdkt_w_${t}_${op}" AFTER ${when} ON main."${t}" BEGIN SELECT tdkt_table_written('${t}'); END;`
          : `DROP TRIGGER IF EXISTS temp."tdkt_w_${t}_${op}";`,
      ),
    )
    .join('\n');

/**
 * Counts the rows written to each counted table of this connection, whatever path wrote them (the write
 * wrapper, raw statements, a foreign-key cascade, another table's trigger): one TEMP trigger per table and
 * operation calls back into JS. TEMP triggers live in the connection, not in the file, so nothing changes in
 * the schema, a backup or a restore.
 */
export function watchTableWrites(sqlite: Database.Database, handles: readonly object[]): void {
  const counts = new Map<string, number>();
  sqlite.function('tdkt_table_written', { deterministic: false, varargs: false }, (table: unknown) => {
    counts.set(table as string, (counts.get(table as string) ?? 0) + 1);
    return null;
  });
  const present = new Set(sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
  const tables = COUNTED_TABLES.filter((t) => present.has(t) && PLAIN.test(t));
  sqlite.exec(triggersSql(tables, true));
  for (const t of tables) counts.set(t, 0);
  const watch = { sqlite, counts, tables };
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
    for (const t of w.tables) w.counts.set(t, (w.counts.get(t) ?? 0) + 1);
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

/**
 * A stamp that changes whenever a row of one of these tables changes on this connection, or another
 * connection commits to the file (data_version); null when the handle or a table is not watched.
 */
export function tablesStamp(handle: object, tables: readonly string[]): string | null {
  const w = watches.get(handle);
  if (!w) return null;
  let stamp = String(w.sqlite.pragma('data_version', { simple: true }));
  for (const t of tables) {
    const n = w.counts.get(t);
    if (n === undefined) return null;
    stamp += `|${n}`;
  }
  return stamp;
}
