/**
 * Replacing the live database by a backup so that a crash at any instant leaves either the old file or
 * the complete new one, never a truncated one:
 *   1. copy the backup to `<db>.restore-tmp` and fsync it;
 *   2. rename it to `<db>.restore-ready` and fsync the folder (the copy is now known complete);
 *   3. delete the old database's -wal/-shm (an old WAL replayed onto the new file would corrupt it);
 *   4. rename `.restore-ready` over `<db>` and fsync the folder.
 * At start `finishInterruptedRestore` rolls a `.restore-ready` forward (steps 3–4) and deletes a
 * `.restore-tmp` (the copy may be partial; the live file was not touched yet).
 */
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { listBackups } from './backup';

const TMP = '.restore-tmp';
const READY = '.restore-ready';
const CHUNK = 1024 * 1024;

function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copies src to dest and fsyncs dest before returning. */
function copyDurably(src: string, dest: string): void {
  const input = openSync(src, 'r');
  const output = openSync(dest, 'w');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let n = readSync(input, buf, 0, CHUNK, null); n > 0; n = readSync(input, buf, 0, CHUNK, null)) {
      for (let off = 0; off < n; ) off += writeSync(output, buf, off, n - off);
    }
    fsyncSync(output);
  } finally {
    closeSync(input);
    closeSync(output);
  }
}

function swapIn(ready: string, dbFile: string): void {
  for (const side of ['-wal', '-shm', '-journal']) rmSync(dbFile + side, { force: true });
  renameSync(ready, dbFile);
  fsyncDir(dirname(dbFile));
}

/** Replaces the (closed) database file by a copy of backupPath, crash-safely (see above). */
export function restoreDatabaseFile(backupPath: string, dbFile: string): void {
  const tmp = dbFile + TMP;
  const ready = dbFile + READY;
  rmSync(tmp, { force: true });
  copyDurably(backupPath, tmp);
  renameSync(tmp, ready);
  fsyncDir(dirname(dbFile));
  swapIn(ready, dbFile);
}

export type RestoreRecovery = 'completed' | 'discarded' | null;

/** Start-up: completes a restore that reached step 2, discards one that did not; null when none was under way. */
export function finishInterruptedRestore(dbFile: string): RestoreRecovery {
  const ready = dbFile + READY;
  const tmp = dbFile + TMP;
  if (existsSync(ready)) {
    rmSync(tmp, { force: true });
    swapIn(ready, dbFile);
    return 'completed';
  }
  if (existsSync(tmp)) {
    rmSync(tmp, { force: true });
    return 'discarded';
  }
  return null;
}

/**
 * A missing or 0-byte database beside existing backups is a lost database, not a new install: opening
 * it would create an empty one and show the first-run screen while the clerk's data sits in backups/.
 */
export function refuseLostDatabase(dbFile: string, backupsDir: string): void {
  if (existsSync(dbFile) && statSync(dbFile).size > 0) return;
  const count = listBackups(backupsDir).length;
  if (count === 0) return;
  throw new AppError(
    'DB_MISSING',
    `Không tìm thấy tệp dữ liệu ${dbFile}${existsSync(dbFile) ? ' (tệp rỗng)' : ''}, trong khi thư mục sao lưu có ${count} bản. Đây không phải lần cài đặt mới: hãy khôi phục từ bản sao lưu gần nhất để tiếp tục làm việc.`,
  );
}

/**
 * Before restoring over a file that could not be opened (damaged, foreign, newer), the file and its WAL
 * are renamed aside (`tdkt-hong-<time>.sqlite`), never deleted: it may still hold work worth recovering.
 */
export function setAsideUnusable(dbFile: string): string | null {
  if (!existsSync(dbFile) || statSync(dbFile).size === 0) return null;
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const aside = join(dirname(dbFile), `tdkt-hong-${stamp}.sqlite`);
  for (const side of ['', '-wal', '-shm']) if (existsSync(dbFile + side)) renameSync(dbFile + side, aside + side);
  fsyncDir(dirname(dbFile));
  return aside;
}
