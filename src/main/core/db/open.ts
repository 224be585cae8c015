import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../../../shared/errors';
import { storageFault } from './faults';
import { latestVersion, migrate, tooNewError, type Migration } from './migrate';
import { migrations as allMigrations } from './migrations';
import type { DB } from './schema';

export interface Store {
  file: string;
  sqlite: Database.Database;
  db: Kysely<DB>;
  schemaVersion: number;
  /** quick_check was left to the caller (deferQuickCheck on an up-to-date file). */
  quickCheckDeferred: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  migrations?: Migration[];
  /** Called with the old file before migrating an existing database (automatic backup). */
  beforeMigrate?: (file: string, fromVersion: number) => Promise<void>;
  /**
   * Leave quick_check of an existing, up-to-date file to the caller (`quickCheckInWorker`), which must hold
   * every call until its verdict. A file about to be migrated (written to) is always checked here, first.
   */
  deferQuickCheck?: boolean;
}

const MAGIC = 'SQLite format 3\0';

/** The first 100 bytes of the file (fewer when it is shorter). */
function readHeader(file: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    return header.subarray(0, readSync(fd, header, 0, 100, 0));
  } finally {
    closeSync(fd);
  }
}

/** A complete SQLite header: at least a header's worth of bytes that start with the format string. */
export function hasDatabaseHeader(file: string): boolean {
  const header = readHeader(file);
  return header.length === 100 && header.toString('latin1', 0, 16) === MAGIC;
}

/**
 * Reads user_version without writing anything next to the file: from the header bytes when the
 * database was closed cleanly, through a read-only connection only when a WAL file holds changes.
 */
export function peekVersion(file: string): number {
  const invalid = () => new AppError('DB_INVALID', `Tệp dữ liệu không phải cơ sở dữ liệu của phần mềm hoặc đã hỏng: ${file}`);
  const header = readHeader(file);
  if (header.length < 100 || header.toString('latin1', 0, 16) !== MAGIC) {
    if (header.length === 0) return 0;
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

let expectedObjects: Map<Migration[], Set<string>> | null = null;

/** Names of the tables, indexes and triggers the migrations create (computed once on an in-memory database). */
function objectsOf(list: Migration[]): Set<string> {
  expectedObjects ??= new Map();
  let names = expectedObjects.get(list);
  if (!names) {
    const mem = new Database(':memory:');
    try {
      migrate(mem, list);
      names = new Set(schemaObjects(mem));
    } finally {
      mem.close();
    }
    expectedObjects.set(list, names);
  }
  return names;
}

function schemaObjects(db: Database.Database): string[] {
  return db
    .prepare("SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
}

const foreign = (file: string) =>
  new AppError('DB_INVALID', `Tệp dữ liệu ${file} là cơ sở dữ liệu của chương trình khác, không phải của phần mềm Thi đua Khen thưởng; phần mềm không sửa tệp này. Hãy khôi phục từ một bản sao lưu hoặc chọn đúng thư mục dữ liệu.`);

/**
 * Refuses what must not be opened as our data, before anything is written to it: another program's
 * database (tables but no user_version), pages that fail quick_check, a read-only file or folder.
 */
function checkBeforeUse(sqlite: Database.Database, file: string, version: number, quickCheck: boolean): void {
  if (version === 0 && schemaObjects(sqlite).length > 0) throw foreign(file);
  // quick_check: page structure, records and NOT NULL/CHECK, without the index-vs-table cross-check
  // that makes integrity_check several times slower on a large file.
  if (quickCheck && sqlite.pragma('quick_check(1)', { simple: true }) !== 'ok') throw corruptDatabase();
  // A read-only file or folder opens without complaint and then refuses every write: find out now with a
  // write that is rolled back (BEGIN IMMEDIATE alone succeeds on a read-only file in WAL mode).
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    sqlite.pragma(`user_version = ${version}`);
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
}

/** The refusal of a database whose pages fail quick_check. */
export const corruptDatabase = (): AppError => storageFault({ code: 'SQLITE_CORRUPT' })!;

/** After migrating: every table, index and trigger of the schema is there (a dropped table is damage). */
function checkSchemaComplete(sqlite: Database.Database, list: Migration[]): void {
  const present = new Set(schemaObjects(sqlite));
  const missing = [...objectsOf(list)].filter((n) => !present.has(n));
  if (missing.length) {
    throw new AppError(
      'DB_INVALID',
      `Tệp dữ liệu bị hỏng: thiếu ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? '…' : ''}. Hãy khôi phục từ một bản sao lưu (màn hình "Khôi phục dữ liệu").`,
    );
  }
}

/** Opens (creating if needed) the store: refuses newer, foreign, damaged or read-only files, backs up, migrates. */
export async function openStore(file: string, options: OpenOptions = {}): Promise<Store> {
  const list = options.migrations ?? allMigrations;
  const latest = latestVersion(list);
  let found = 0;
  try {
    if (existsSync(file)) {
      found = peekVersion(file);
      if (found > latest) throw tooNewError(found, latest);
    } else {
      mkdirSync(dirname(file), { recursive: true });
    }
  } catch (e) {
    throw storageFault(e) ?? e;
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (e) {
    throw storageFault(e) ?? e;
  }
  try {
    checkBeforeUse(sqlite, file, found, !(options.deferQuickCheck && found === latest));
    if (found > 0 && found < latest && options.beforeMigrate) await options.beforeMigrate(file, found);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    migrate(sqlite, list);
    checkSchemaComplete(sqlite, list);
  } catch (e) {
    sqlite.close();
    throw storageFault(e) ?? e;
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    file,
    sqlite,
    db,
    schemaVersion: latest,
    quickCheckDeferred: !!options.deferQuickCheck && found === latest,
    async close() {
      await db.destroy(); // also closes the better-sqlite3 handle
    },
  };
}
