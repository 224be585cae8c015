/**
 * The files this installation wrote (every path a save dialog returned to the core). files.open and
 * files.showInFolder hand only these to the desktop: a renderer — or anything that reached it — cannot
 * make the app launch an arbitrary program or file.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { DB } from '../db/schema';
import { nowIso } from '../util/time';

/** Case-folded on Windows, where C:\A.docx and c:\a.docx are the same file. */
function key(path: string): string {
  const full = resolve(path);
  return process.platform === 'win32' ? full.toLowerCase() : full;
}

/** Called by the host's save dialog wrapper; a save dialog is never opened inside a write (see stagedMutator). */
export async function rememberExport(db: Kysely<DB>, path: string): Promise<void> {
  const row = { path: key(path), created_at: nowIso() };
  await db.insertInto('exported_files').values(row).onConflict((oc) => oc.column('path').doUpdateSet({ created_at: row.created_at })).execute();
}

/** The exported file at `path`, or a Vietnamese refusal. */
export async function requireExported(db: Kysely<DB>, path: string): Promise<string> {
  const full = resolve(path);
  const known = await db.selectFrom('exported_files').select('path').where('path', '=', key(path)).executeTakeFirst();
  if (!known) throw new AppError('VALIDATION', 'Chỉ mở được tệp do phần mềm này xuất ra. Tệp này không có trong danh sách tệp đã xuất.');
  if (!existsSync(full)) throw new AppError('NOT_FOUND', `Không tìm thấy tệp ${full} (có thể đã bị xóa hoặc chuyển đi).`);
  return full;
}
