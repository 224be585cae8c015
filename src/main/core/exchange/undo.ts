import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../util/time';
import { journalRows } from './journal';
import { deleteRecord, readRecord, recordDigest, writeRecord, type WireRecord } from './records';
import { quoteId, stmt } from './sql';
import { TABLE_SPECS } from './tables';
import { runInTransaction } from './transaction';

/**
 * Undoes a whole package: every record it wrote goes back to its previous image (or disappears if
 * the package created it). Refused when a record changed since (a later package or a local edit).
 * A register entry the package brought goes too (a copy of another office's sổ văn bản entry); this
 * office's own entries never arrive by package and stay protected by their trigger.
 */
export function undoImport(sqlite: Database.Database, importId: number): { packageId: string; restored: number } {
  const entry = sqlite.prepare('SELECT package_id, undone_at FROM exchange_imports WHERE id = ?').get(importId) as { package_id: string; undone_at: string | null } | undefined;
  if (!entry) throw new AppError('NOT_FOUND', 'Không tìm thấy lần nhập gói này trong nhật ký.');
  if (entry.undone_at) throw new AppError('CONFLICT', 'Lần nhập gói này đã được hoàn tác trước đó.');
  const rows = journalRows(sqlite, importId);
  const conflicts: string[] = [];
  const createdHere = new Set(rows.filter((r) => r.before === null).map((r) => `${r.table_name}:${r.record_id}`));
  for (const r of rows) {
    const spec = TABLE_SPECS[r.table_name];
    if (!spec || (spec.immutable && r.before !== null)) continue;
    const current = readRecord(sqlite, spec, r.record_id);
    if (!current || recordDigest(current) !== r.after_digest) {
      conflicts.push(`${spec.label}: ${current ? spec.describe(current.row, current.children) : r.record_id}`);
      continue;
    }
    // A record the import created goes with its undo (another office's decision, its register entry):
    // the database triggers still refuse to delete this office's own issued documents.
    const locked = r.before !== null ? spec.locked?.(sqlite, current.row) : null;
    if (locked) conflicts.push(`${spec.label}: ${spec.describe(current.row, current.children)} — ${locked}`);
    // Deleting it would cascade to rows this office made since (e.g. its review of an imported work); rows
    // the same import created (a merge that came with the person it names) go with it.
    for (const dep of r.before === null ? (spec.dependents ?? []) : []) {
      const ids = stmt(sqlite, `SELECT id FROM ${quoteId(dep.table)} WHERE ${quoteId(dep.column)} = ?`).pluck().all(r.record_id) as string[];
      if (ids.some((id) => !createdHere.has(`${dep.table}:${id}`))) {
        conflicts.push(`${spec.label}: ${spec.describe(current.row, current.children)} — đã có ${dep.label}`);
      }
    }
  }
  if (conflicts.length) {
    throw new AppError('CONFLICT', `Không thể hoàn tác: ${conflicts.length} bản ghi đã thay đổi sau lần nhập này (do gói nhập sau hoặc sửa trên máy). Không có gì bị thay đổi.`, conflicts.slice(0, 50));
  }
  return runInTransaction(
    sqlite,
    () => {
      let restored = 0;
      for (const r of rows) {
        const spec = TABLE_SPECS[r.table_name];
        if (!spec || (spec.immutable && r.before !== null)) continue;
        if (r.before === null) deleteRecord(sqlite, spec, r.record_id);
        else writeRecord(sqlite, spec, JSON.parse(r.before) as WireRecord);
        restored++;
      }
      for (const spec of new Set(rows.map((r) => TABLE_SPECS[r.table_name]))) spec?.afterWrite?.(sqlite);
      sqlite.prepare('UPDATE exchange_imports SET undone_at = ? WHERE id = ?').run(nowIso(), importId);
      return { packageId: entry.package_id, restored };
    },
    'Không thể hoàn tác: có dữ liệu khác đang tham chiếu tới bản ghi do gói này tạo ra. Không có gì bị thay đổi.',
  );
}

