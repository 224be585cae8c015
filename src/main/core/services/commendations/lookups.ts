/** Small lookups the commendation services share. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { formatDocSerial } from '../../../../shared/vi-text/doc-number';
import type { DB } from '../../db/schema';
import { unitNames } from '../organizations';

/** Names of these units as at a date (dated names: the name in force then); never the whole tree. */
export async function orgNames(q: Kysely<DB>, ids: Iterable<string | null | undefined>, at?: string): Promise<Map<string, string>> {
  return unitNames(q, ids, at);
}

/** "12/QĐ-LĐLĐ" for register entries, by entry id. */
export async function entryNumbers(q: Kysely<DB>, entryIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = entryIds.filter((x): x is string => !!x);
  if (!ids.length) return new Map();
  const rows = await q.selectFrom('register_entries').select(['id', 'number', 'symbol']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, `${formatDocSerial(r.number)}/${r.symbol}`]));
}

/** `column LIKE %folded query%` with the query's own % and _ taken literally (kysely has no LIKE … ESCAPE; the column is a literal type, never data). */
export function containsFolded(column: 'search_key' | 'a.search_key' | 'h.search_key', foldedQuery: string): RawBuilder<boolean> {
  const pattern = `%${foldedQuery.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`;
}
