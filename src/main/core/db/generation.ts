import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';

/**
 * The database generation: a random value in app_meta that changes whenever the database file is replaced
 * (a restore, a restore finished at start, a file copied over it while the app was closed). Whatever must not
 * outlive a replacement — a stored exchange preview — records the generation it was made in and is refused
 * in another one. A copy of the value beside the database (`<db>.generation`) tells a file replaced outside
 * the app: the file's value then differs from the copy, or the copy is missing (a backup copied into a new
 * data folder). Only the first open after migration 0018 (or of a new database) expects no copy: the
 * migration marks it `unsettled`. A data folder moved whole keeps its copy and so its generation.
 */
const KEY = 'db.generation';
const UNSETTLED = 'db.generation.unsettled';

export function databaseGeneration(sqlite: Database.Database): string {
  return (sqlite.prepare('SELECT value FROM app_meta WHERE key = ?').pluck().get(KEY) as string | undefined) ?? '';
}

function readCopy(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * At every open: renews the generation when the file was replaced (`replaced`, a value that differs from the
 * copy beside it, or no copy after the first open) and keeps the copy in step. Returns true when renewed.
 */
export function settleGeneration(sqlite: Database.Database, dbFile: string, replaced: boolean): boolean {
  const copyFile = `${dbFile}.generation`;
  const stored = databaseGeneration(sqlite);
  const copy = readCopy(copyFile);
  const firstOpen = sqlite.prepare('SELECT 1 FROM app_meta WHERE key = ?').get(UNSETTLED) !== undefined;
  const renew = replaced || stored === '' || (copy === null ? !firstOpen : copy !== stored);
  const current = renew ? randomBytes(16).toString('hex') : stored;
  sqlite.transaction(() => {
    if (renew) sqlite.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, current);
    if (firstOpen) sqlite.prepare('DELETE FROM app_meta WHERE key = ?').run(UNSETTLED);
  })();
  // Best effort: without the copy only a replacement made outside the app goes unnoticed.
  if (copy !== current) {
    try {
      writeFileSync(copyFile, current);
    } catch {
      /* a read-only data folder is reported by the database itself */
    }
  }
  return renew;
}
