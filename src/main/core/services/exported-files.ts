/**
 * The files this installation wrote (every path a save dialog returned to the core). files.open and
 * files.showInFolder hand only these to the desktop: a renderer — or anything that reached it — cannot
 * make the app launch an arbitrary program or file.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../util/time';

/** Case-folded on Windows, where C:\A.docx and c:\a.docx are the same file. */
function key(path: string): string {
  const full = resolve(path);
  return process.platform === 'win32' ? full.toLowerCase() : full;
}

export function rememberExport(sqlite: Database.Database, path: string): void {
  sqlite.prepare('INSERT OR REPLACE INTO exported_files (path, created_at) VALUES (?, ?)').run(key(path), nowIso());
}

/** The exported file at `path`, or a Vietnamese refusal. */
export function requireExported(sqlite: Database.Database, path: string): string {
  const full = resolve(path);
  const known = sqlite.prepare('SELECT 1 FROM exported_files WHERE path = ?').get(key(path));
  if (!known) throw new AppError('VALIDATION', 'Chỉ mở được tệp do phần mềm này xuất ra. Tệp này không có trong danh sách tệp đã xuất.');
  if (!existsSync(full)) throw new AppError('NOT_FOUND', `Không tìm thấy tệp ${full} (có thể đã bị xóa hoặc chuyển đi).`);
  return full;
}
