/**
 * `ThiDuaKhenThuong.exe --tdkt-self-check=<report.json>`: run by the release script on the packaged app
 * (dist/win-unpacked) to prove that the better_sqlite3.node packed inside loads in this Electron and opens
 * a database. With the RunAsNode fuse off this is the only way to run code inside the packaged binary.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SELF_CHECK_FLAG = '--tdkt-self-check=';

export function selfCheckTarget(argv: readonly string[]): string | null {
  const arg = argv.find((a) => a.startsWith(SELF_CHECK_FLAG));
  return arg ? arg.slice(SELF_CHECK_FLAG.length) : null;
}

export interface SelfCheckReport {
  ok: boolean;
  sqliteVersion?: string;
  modulesAbi: string;
  error?: string;
}

/** Opens a real database file with the given driver (better-sqlite3), writes and reads a row. */
export function runSelfCheck(reportFile: string, loadDriver: () => new (file: string) => { prepare(sql: string): { get(...a: unknown[]): unknown; run(...a: unknown[]): unknown }; exec(sql: string): unknown; close(): void }): SelfCheckReport {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-self-check-'));
  let report: SelfCheckReport;
  try {
    const Database = loadDriver();
    const db = new Database(join(dir, 'check.sqlite'));
    db.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (v TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run('Thi đua');
    const row = db.prepare('SELECT v, sqlite_version() AS version FROM t').get() as { v: string; version: string };
    db.close();
    report = { ok: row.v === 'Thi đua', sqliteVersion: row.version, modulesAbi: process.versions.modules };
  } catch (e) {
    report = { ok: false, modulesAbi: process.versions.modules, error: e instanceof Error ? e.message : String(e) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  writeFileSync(reportFile, JSON.stringify(report));
  return report;
}
