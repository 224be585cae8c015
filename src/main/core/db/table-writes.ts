import type Database from 'better-sqlite3';

interface Watch {
  sqlite: Database.Database;
  /** rows written per table on this connection since it was opened (insert, update, delete; cascades too) */
  counts: Map<string, number>;
}

// Keyed by every handle of the connection (the better-sqlite3 one and its Kysely): a transaction object is
// not here, so lists read inside a write fall back to the connection-wide count.
const watches = new WeakMap<object, Watch>();

const PLAIN = /^[a-z_][a-z0-9_]*$/;

/**
 * Counts the rows written to each table of this connection, whatever path wrote them (the write wrapper,
 * the exchange engine's raw statements, a foreign-key cascade, another table's trigger): one TEMP trigger
 * per table and operation calls back into JS. TEMP triggers live in the connection, not in the file, so
 * nothing changes in the schema, a backup or a restore. Virtual tables and their shadow tables (FTS)
 * cannot carry triggers: a list reading one names the table that feeds it (people for people_fts).
 */
export function watchTableWrites(sqlite: Database.Database, handles: readonly object[]): void {
  const counts = new Map<string, number>();
  sqlite.function('tdkt_table_written', { deterministic: false, varargs: false }, (table: unknown) => {
    counts.set(table as string, (counts.get(table as string) ?? 0) + 1);
    return null;
  });
  const schema = sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string | null }[];
  const virtual = schema.filter((t) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const tables = schema.map((t) => t.name).filter((n) => PLAIN.test(n) && !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
  const ddl: string[] = [];
  for (const t of tables) {
    for (const [op, when] of [
      ['i', 'INSERT'],
      ['u', 'UPDATE'],
      ['d', 'DELETE'],
    ]) {
      ddl.push(`CREATE TEMP TRIGGER IF NOT EXISTS "tdkt_w_${t}_${op}" AFTER ${when} ON main."${t}" BEGIN SELECT tdkt_table_written('${t}'); END;`);
    }
    counts.set(t, 0);
  }
  sqlite.exec(ddl.join('\n'));
  const watch = { sqlite, counts };
  for (const h of [sqlite, ...handles]) watches.set(h, watch);
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
