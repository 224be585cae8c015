import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';

/**
 * The database generation: a random value in app_meta that changes whenever the database file is replaced
 * (a restore, a restore finished at start, a file copied over it while the app was closed). Whatever must not
 * outlive a replacement — a stored exchange preview — records the generation it was made in and is refused
 * in another one. A copy of the value beside the database (`<db>.generation`) tells a file replaced outside
 * the app: the restored file's value then differs from the copy. A missing copy (first start of this
 * version, a data folder moved to a new PC) is written from the database without a change.
 */
const KEY = 'db.generation';

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
 * At every open: renews the generation when the file was replaced (`replaced`, or its value differs from the
 * copy beside it) and keeps the copy in step. Returns true when a new generation began.
 */
export function settleGeneration(sqlite: Database.Database, dbFile: string, replaced: boolean): boolean {
  const copyFile = `${dbFile}.generation`;
  const stored = databaseGeneration(sqlite);
  const copy = readCopy(copyFile);
  const renew = replaced || stored === '' || (copy !== null && copy !== stored);
  const current = renew ? randomBytes(16).toString('hex') : stored;
  if (renew) sqlite.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, current);
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
