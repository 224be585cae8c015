/**
 * What the upper level's catalogue packages changed here, and from when: one line per row written
 * (new or revised), the value before and after, and the date the value applies from. Read from the
 * exchange journal (previous images), so it shows exactly what each import did, and nothing once undone.
 */
import type Database from 'better-sqlite3';
import type { CatalogueChange } from '../../../shared/schemas/catalogue';
import { journalRows } from './journal';
import { readRecord, type WireRecord } from './records';
import { CATALOGUE_SPECS } from './tables-catalogue';

const specs = new Map(CATALOGUE_SPECS.map((s) => [s.table, s]));

export function catalogueChanges(sqlite: Database.Database, limit = 500): CatalogueChange[] {
  const imports = sqlite
    .prepare("SELECT id, sender_name, imported_at FROM exchange_imports WHERE kind = 'catalogue' AND undone_at IS NULL ORDER BY id DESC LIMIT 50")
    .all() as { id: number; sender_name: string; imported_at: string }[];
  const out: CatalogueChange[] = [];
  for (const imp of imports) {
    for (const r of journalRows(sqlite, imp.id).reverse()) {
      const spec = specs.get(r.table_name);
      if (!spec) continue;
      const now = readRecord(sqlite, spec, r.record_id);
      if (!now) continue;
      const before = r.before ? (JSON.parse(r.before) as WireRecord) : null;
      out.push({
        importId: imp.id,
        importedAt: imp.imported_at,
        senderName: imp.sender_name,
        table: spec.table,
        tableLabel: spec.label,
        id: r.record_id,
        change: now.row.deleted_at ? 'removed' : before ? 'changed' : 'new',
        before: before ? spec.describe(before.row, before.children) : null,
        after: spec.describe(now.row, now.children),
        validFrom: typeof now.row.valid_from === 'string' ? now.row.valid_from : null,
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
