import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { storageFault, type FaultPlace } from './faults';
import { hasDatabaseHeader, peekVersion } from './open';

export type BackupReason = 'thu-cong' | 'truoc-nang-cap' | 'truoc-khoi-phuc' | 'truoc-nhap' | 'hang-ngay';

const REASON_LABELS: Record<string, string> = {
  'thu-cong': 'Sao lưu thủ công',
  'truoc-nang-cap': 'Tự động trước khi nâng cấp dữ liệu',
  'truoc-khoi-phuc': 'Tự động trước khi khôi phục',
  'truoc-nhap': 'Tự động trước khi nhập dữ liệu',
  'hang-ngay': 'Tự động hằng ngày',
};

const NAME = /^tdkt-(\d{8})-(\d{6})(?:-(\d+))?-([a-z-]+)\.sqlite$/;

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

function freeName(dir: string, reason: BackupReason): string {
  const base = `tdkt-${stamp(new Date())}`;
  let name = `${base}-${reason}.sqlite`;
  for (let i = 2; existsSync(join(dir, name)); i++) name = `${base}-${i}-${reason}.sqlite`;
  return name;
}

const BACKUPS: FaultPlace = { what: 'thư mục sao lưu' };

/**
 * SQLite online backup (consistent even while the app keeps writing), written under a name the list
 * ignores and given its real name only after it passes integrity_check: a copy of a damaged database
 * never counts as a backup (and so never pushes a good one out of the retention).
 */
export async function backupDatabase(source: Database.Database, dir: string, reason: BackupReason): Promise<BackupInfo> {
  const fileName = freeName(dir, reason);
  const partial = join(dir, `${fileName}.partial`);
  try {
    mkdirSync(dir, { recursive: true });
    // SQLite reports a folder it cannot create the file in as "cannot open"; ask the file system instead.
    accessSync(dir, constants.W_OK);
    await source.backup(partial);
    // quick_check, not integrity_check: a backup precedes every import, and the full check of a large file
    // would double the import's time; restore runs the full check on the file it is given.
    if (!isIntact(partial)) {
      throw new AppError('DB_INVALID', 'Dữ liệu hiện tại bị hỏng nên không tạo được bản sao lưu (bản sao sẽ mang theo chỗ hỏng). Hãy khôi phục từ bản sao lưu gần nhất còn tốt.');
    }
    renameSync(partial, join(dir, fileName));
  } catch (e) {
    rmSync(partial, { force: true });
    throw storageFault(e, { ...BACKUPS, path: dir }) ?? e;
  }
  return describe(dir, fileName)!;
}

/**
 * True when the file is a database and the check answers "ok"; never throws. The header is read first:
 * SQLite takes a file shorter than one page (a truncated copy) for an empty database that checks "ok".
 */
export function isIntact(path: string, check: 'quick_check' | 'integrity_check' = 'quick_check'): boolean {
  let db: Database.Database | undefined;
  try {
    if (!hasDatabaseHeader(path)) return false;
    db = new Database(path, { readonly: true, fileMustExist: true });
    return db.pragma(`${check}(1)`, { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Backup of a file that is not open yet (before a migration). */
export async function backupFile(file: string, dir: string, reason: BackupReason): Promise<BackupInfo> {
  const src = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return await backupDatabase(src, dir, reason);
  } finally {
    src.close();
  }
}

function describe(dir: string, fileName: string): BackupInfo | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const [d, t] = [m[1], m[2]];
  return {
    fileName,
    createdAt: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`,
    reason: REASON_LABELS[m[4]] ?? m[4],
    sizeBytes: statSync(join(dir, fileName)).size,
  };
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => describe(dir, f))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.fileName < b.fileName ? 1 : -1));
}

/** Checks a backup before it replaces the live database. */
export function checkBackup(path: string, supportedVersion: number): void {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp sao lưu.');
  const version = peekVersion(path);
  if (version > supportedVersion) {
    throw new AppError('DB_TOO_NEW', 'Bản sao lưu được tạo bởi phiên bản mới hơn của phần mềm; không thể khôi phục.');
  }
  if (!isIntact(path, 'integrity_check')) throw new AppError('DB_INVALID', 'Bản sao lưu bị hỏng; không thể khôi phục. Hãy chọn một bản sao lưu khác.');
}
