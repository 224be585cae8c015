import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../../../shared/errors';
import { latestVersion, migrate, tooNewError, type Migration } from './migrate';
import { migrations as allMigrations } from './migrations';
import type { DB } from './schema';

export interface Store {
  file: string;
  sqlite: Database.Database;
  db: Kysely<DB>;
  schemaVersion: number;
  close(): Promise<void>;
}

export interface OpenOptions {
  migrations?: Migration[];
  /** Called with the old file before migrating an existing database (automatic backup). */
  beforeMigrate?: (file: string, fromVersion: number) => Promise<void>;
}

/**
 * Reads user_version without writing anything next to the file: from the header bytes when the
 * database was closed cleanly, through a read-only connection only when a WAL file holds changes.
 */
export function peekVersion(file: string): number {
  const invalid = () => new AppError('DB_INVALID', `Tệp dữ liệu không phải cơ sở dữ liệu của phần mềm hoặc đã hỏng: ${file}`);
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') {
    if (read === 0) return 0;
    throw invalid();
  }
  const wal = `${file}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0) return header.readUInt32BE(60);
  let ro: Database.Database | undefined;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true });
    return ro.pragma('user_version', { simple: true }) as number;
  } catch {
    throw invalid();
  } finally {
    ro?.close();
  }
}

/** Opens (creating if needed) the store: refuses newer files, backs up, migrates, sets pragmas. */
export async function openStore(file: string, options: OpenOptions = {}): Promise<Store> {
  const list = options.migrations ?? allMigrations;
  const latest = latestVersion(list);
  if (existsSync(file)) {
    const found = peekVersion(file);
    if (found > latest) throw tooNewError(found, latest);
    if (found > 0 && found < latest && options.beforeMigrate) await options.beforeMigrate(file, found);
  } else {
    mkdirSync(dirname(file), { recursive: true });
  }
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    migrate(sqlite, list);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    file,
    sqlite,
    db,
    schemaVersion: latest,
    async close() {
      await db.destroy(); // also closes the better-sqlite3 handle
    },
  };
}
