import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { StatusCounts } from '../../../shared/schemas/exchange';
import { nowIso } from '../util/time';
import { classify, countStatuses, type Decision } from './classify';
import { journalWriter } from './journal';
import { writeRecord } from './records';
import { runInTransaction, totalChanges } from './transaction';
import type { VerifiedPackage } from './verify';

/**
 * The records to write, table by table in the kind's order; within a table a row that another row of the
 * same table refers to (an upper unit, a successor) goes first. A forward reference leaves a deferred
 * foreign-key violation open, and while one is open SQLite scans every child table on each insert
 * (organizations.successor_id has no index): that made a 50,000-unit import quadratic. Cycles are cut
 * anywhere (the deferred check at COMMIT still judges them); the walk is iterative (a chain may be long).
 */
function writeOrder(decisions: Decision[]): Decision[] {
  const out: Decision[] = [];
  for (let i = 0; i < decisions.length; ) {
    const spec = decisions[i].spec;
    let j = i;
    while (j < decisions.length && decisions[j].spec === spec) j++;
    const group = decisions.slice(i, j).filter((d) => d.status === 'new' || d.status === 'changed');
    i = j;
    const selfRefs = spec.refs.filter((r) => r.table === spec.table);
    // Only rows another row of the group names can have to move ahead (a directory's few upper units): the
    // walk keeps its maps to those, and every other row is placed as soon as what it names is placed.
    // (A loop, not push(...group): a spread of 200,000 arguments overflows the stack.)
    const referenced = new Set<unknown>();
    for (const d of group) for (const r of selfRefs) if (typeof d.record.row[r.column] === 'string') referenced.add(d.record.row[r.column]);
    const named = new Map<string, Decision>();
    for (const d of group) if (referenced.has(d.id)) named.set(d.id, d);
    const placed = new Set<string>();
    const waits = (d: Decision) => {
      for (const r of selfRefs) {
        const dep = named.get(d.record.row[r.column] as string);
        if (dep && !placed.has(dep.id)) return true;
      }
      return false;
    };
    for (const start of group) {
      if (placed.has(start.id)) continue;
      if (named.has(start.id)) placed.add(start.id);
      if (!waits(start)) {
        out.push(start);
        continue;
      }
      const stack: [Decision, number][] = [[start, 0]];
      while (stack.length) {
        const top = stack[stack.length - 1];
        if (top[1] < selfRefs.length) {
          const v = top[0].record.row[selfRefs[top[1]++].column];
          const dep = typeof v === 'string' ? named.get(v) : undefined;
          if (dep && !placed.has(dep.id)) {
            placed.add(dep.id);
            stack.push([dep, 0]);
          }
        } else {
          stack.pop();
          out.push(top[0]);
        }
      }
    }
  }
  return out;
}

/** Applies a verified package in ONE transaction: journal header, previous images, writes. */
export function applyPackage(
  sqlite: Database.Database,
  pkg: VerifiedPackage,
  ownOfficeId: string,
  backupFile: string,
  previewed?: { decisions: Decision[]; changes: number },
): { importId: number; counts: StatusCounts } {
  return runInTransaction(
    sqlite,
    () => {
      const replay = sqlite.prepare('SELECT 1 FROM exchange_imports WHERE package_id = ? AND undone_at IS NULL').get(pkg.manifest.packageId);
      if (replay) throw new AppError('CONFLICT', 'Gói này đã được nhập; nhập lại sẽ không thay đổi gì.');
      // The preview's decisions hold only if nothing was written since (one connection writes everything).
      const decisions = previewed && previewed.changes === totalChanges(sqlite) ? previewed.decisions : classify(sqlite, pkg, ownOfficeId);
      const counts = countStatuses(decisions);
      const m = pkg.manifest;
      const importId = Number(
        sqlite
          .prepare(
            'INSERT INTO exchange_imports (package_id, kind, sender_id, sender_name, sequence, created, imported_at, counts, backup_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(m.packageId, m.kind, m.sender.id, m.sender.name, m.sequence, m.created, nowIso(), JSON.stringify(counts), backupFile).lastInsertRowid,
      );
      const journal = journalWriter(sqlite, importId);
      for (const d of writeOrder(decisions)) {
        journal.add(d.spec.table, d.id, d.local, d.digest);
        writeRecord(sqlite, d.spec, d.record, d.local !== null);
      }
      journal.flush();
      for (const spec of new Set(decisions.filter((d) => d.status === 'new' || d.status === 'changed').map((d) => d.spec))) spec.afterWrite?.(sqlite);
      return { importId, counts };
    },
    'Không ghi được gói: dữ liệu trong gói tham chiếu tới bản ghi không có ở máy này. Không có gì được ghi.',
  );
}

