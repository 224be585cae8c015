import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { todayIso } from '../util/time';

/**
 * The local date each record of `table` first arrived by a package still applied (id → YYYY-MM-DD): the
 * "Ngày nhận" of a registration received by package, which the sender's own record cannot carry.
 * Read from the import journal, so an undone import leaves no date behind.
 */
export async function receivedDates(q: Kysely<DB>, table: string, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!ids.length) return out;
  const rows = await sql<{ record_id: string; imported_at: string }>`
    SELECT j.record_id, i.imported_at FROM exchange_journal j JOIN exchange_imports i ON i.id = j.import_id
    WHERE j.table_name = ${table} AND j.before IS NULL AND i.undone_at IS NULL ORDER BY i.id`.execute(q);
  const wanted = new Set(ids);
  for (const r of rows.rows) {
    const day = todayIso(new Date(r.imported_at));
    // Created records are journaled in batches (a JSON array of ids); a UUID never starts with "[".
    for (const id of r.record_id.startsWith('[') ? (JSON.parse(r.record_id) as string[]) : [r.record_id]) if (wanted.has(id) && !out.has(id)) out.set(id, day);
  }
  return out;
}
