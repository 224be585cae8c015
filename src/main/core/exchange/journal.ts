import type Database from 'better-sqlite3';
import type { WireRecord } from './records';
import { PACKAGE_KIND_LABELS, type JournalEntry, type PackageKind, type StatusCounts } from '../../../shared/schemas/exchange';

/** Records created by an import are journaled this many to a row (ids and digests as JSON arrays). */
const NEW_BATCH = 1000;

/**
 * Writes the journal of one import in write order: records the package creates have no previous image and
 * are journaled in batches (one row holding JSON arrays of ids and digests); a changed record gets its own row.
 */
export function journalWriter(sqlite: Database.Database, importId: number): { add(table: string, id: string, before: WireRecord | null, digest: string): void; flush(): void } {
  const journal = sqlite.prepare('INSERT INTO exchange_journal (import_id, ord, table_name, record_id, before, after_digest) VALUES (?, ?, ?, ?, ?, ?)');
  let ord = 0;
  let batch: { table: string; ids: string[]; digests: string[] } | null = null;
  const flush = () => {
    if (batch) journal.run(importId, ++ord, batch.table, JSON.stringify(batch.ids), null, JSON.stringify(batch.digests));
    batch = null;
  };
  return {
    add(table, id, before, digest) {
      if (before) {
        flush();
        journal.run(importId, ++ord, table, id, JSON.stringify(before), digest);
        return;
      }
      if (batch && (batch.table !== table || batch.ids.length >= NEW_BATCH)) flush();
      batch ??= { table, ids: [], digests: [] };
      batch.ids.push(id);
      batch.digests.push(digest);
    },
    flush,
  };
}

interface JournalRow {
  table_name: string;
  record_id: string;
  before: string | null;
  after_digest: string;
}

/** The journal of one import, newest write first, batches of created records expanded (a UUID never starts with "["). */
export function journalRows(sqlite: Database.Database, importId: number): JournalRow[] {
  const stored = sqlite.prepare('SELECT table_name, record_id, before, after_digest FROM exchange_journal WHERE import_id = ? ORDER BY ord DESC').all(importId) as JournalRow[];
  const out: JournalRow[] = [];
  for (const r of stored) {
    if (!r.record_id.startsWith('[')) {
      out.push(r);
      continue;
    }
    const ids = JSON.parse(r.record_id) as string[];
    const digests = JSON.parse(r.after_digest) as string[];
    for (let i = ids.length - 1; i >= 0; i--) out.push({ table_name: r.table_name, record_id: ids[i], before: null, after_digest: digests[i] });
  }
  return out;
}

export function listJournal(sqlite: Database.Database): JournalEntry[] {
  const rows = sqlite.prepare('SELECT * FROM exchange_imports ORDER BY id DESC LIMIT 500').all() as {
    id: number;
    package_id: string;
    kind: PackageKind;
    sender_name: string;
    sequence: number;
    created: string;
    imported_at: string;
    counts: string;
    undone_at: string | null;
  }[];
  return rows.map((r) => ({
    importId: r.id,
    packageId: r.package_id,
    kind: r.kind,
    kindLabel: PACKAGE_KIND_LABELS[r.kind] ?? r.kind,
    senderName: r.sender_name,
    sequence: r.sequence,
    created: r.created,
    importedAt: r.imported_at,
    counts: JSON.parse(r.counts) as StatusCounts,
    undoneAt: r.undone_at,
  }));
}
