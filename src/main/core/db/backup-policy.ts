/**
 * When backups are made and how many are kept: one automatic backup a day (taken at start when the last
 * backup of any kind is older than a day) and a retention of the newest N automatic backups. Backups the
 * clerk made by hand are never deleted here: only the clerk removes those.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/contract';
import { backupDatabase, isIntact, listBackups } from './backup';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Automatic backups kept by default (about a month of daily ones). */
export const DEFAULT_KEEP_BACKUPS = 30;
const MANUAL_REASON = 'Sao lưu thủ công';

/** createdAt of a backup is local time without a zone (from its file name). */
function createdMs(b: BackupInfo): number {
  const [d, t] = b.createdAt.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [hh, mm, ss] = t.split(':').map(Number);
  return new Date(y, m - 1, day, hh, mm, ss).getTime();
}

export function lastBackup(dir: string): BackupInfo | null {
  return listBackups(dir)[0] ?? null;
}

export function isStale(last: BackupInfo | null, now: Date): boolean {
  return !last || now.getTime() - createdMs(last) >= DAY_MS;
}

/** The daily backup: made when the last one is a day old or more (or there is none). */
export async function dailyBackupIfDue(source: Database.Database, dir: string, now = new Date()): Promise<BackupInfo | null> {
  if (!isStale(lastBackup(dir), now)) return null;
  return backupDatabase(source, dir, 'hang-ngay');
}

/**
 * Deletes automatic backups beyond the newest `keep`; returns the file names removed. The newest backup
 * that still passes quick_check is never deleted, even beyond `keep`: if every newer one was damaged on
 * disk, it is the one the clerk can still restore.
 */
export function pruneBackups(dir: string, keep = DEFAULT_KEEP_BACKUPS): string[] {
  const all = listBackups(dir);
  const beyond = all.filter((b) => b.reason !== MANUAL_REASON).slice(Math.max(0, keep));
  if (!beyond.length) return [];
  // Checked only when something would be deleted: quick_check reads the whole copy (~0.3 s at 100 MB).
  const lastGood = all.find((b) => isIntact(join(dir, b.fileName)));
  const removed: string[] = [];
  for (const b of beyond.filter((x) => x !== lastGood)) {
    rmSync(join(dir, b.fileName), { force: true });
    removed.push(b.fileName);
  }
  return removed;
}
