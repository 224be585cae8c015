import type Database from 'better-sqlite3';

/**
 * The one SQL style of exchange/: better-sqlite3 statements with `?`/`@name` parameters for every value.
 * Table and column names come only from the table specs (code, never from a package) and are written
 * through quoteId, which also refuses anything that is not a plain identifier.
 */
export function quoteId(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not an SQL identifier: ${name}`);
  return `"${name}"`;
}

/** `"a", "b", "c"` */
export const quoteIds = (names: readonly string[]): string => names.map(quoteId).join(', ');

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Prepared statements are cached per connection: imports run the same few statements 50,000 times. */
export function stmt(sqlite: Database.Database, sql: string): Database.Statement {
  let map = cache.get(sqlite);
  if (!map) cache.set(sqlite, (map = new Map()));
  let s = map.get(sql);
  if (!s) map.set(sql, (s = sqlite.prepare(sql)));
  return s;
}
