import { join } from 'node:path';
import type { AppEvents, EventName } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Ctx } from './context';
import { backupFile } from './db/backup';
import { dailyBackupIfDue, DEFAULT_KEEP_BACKUPS, pruneBackups } from './db/backup-policy';
import { openStore, type Store } from './db/open';
import { handlers } from './handlers';
import type { Host } from './host';
import { createLogger, type LogOptions } from './log';
import { dispatch } from './registry';
import { rememberExport } from './services/exported-files';

export interface CoreApp {
  /** The one entry point for both transports. */
  dispatch(name: unknown, payload: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
  readonly store: Store;
  close(): Promise<void>;
}

export const DB_FILE_NAME = 'tdkt.sqlite';

export interface AppOptions {
  /** Automatic backups kept (manual ones are never pruned). */
  keepBackups?: number;
  /** The once-a-day backup at start; tests of other areas may switch it off. */
  dailyBackup?: boolean;
  log?: LogOptions;
  now?: () => Date;
}

/** Opens the data folder (database + backups) and returns the handler registry bound to it. */
export async function createApp(dataDir: string, host: Host, options: AppOptions = {}): Promise<CoreApp> {
  const backupsDir = join(dataDir, 'backups');
  const log = createLogger(join(dataDir, 'logs'), options.log);
  const file = join(dataDir, DB_FILE_NAME);
  const open = () => openStore(file, { beforeMigrate: (f) => backupFile(f, backupsDir, 'truoc-nang-cap').then(() => undefined) });
  let store = await open();
  await startupBackup();
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  // Calls run one at a time: a restore must not interleave with a write.
  let queue: Promise<unknown> = Promise.resolve();

  const ctx: Ctx = {
    get db() {
      return store.db;
    },
    get store() {
      return store;
    },
    // Every path a save dialog returns is written by the core: remember it for files.open / showInFolder.
    host: {
      ...host,
      async chooseSavePath(name, filters) {
        const path = await host.chooseSavePath(name, filters);
        if (path) await rememberExport(store.db, path);
        return path;
      },
    },
    dataDir,
    backupsDir,
    log,
    emit<E extends EventName>(event: E, payload: AppEvents[E]) {
      for (const l of listeners) l(event, payload);
    },
    async reopen(fn) {
      await store.close();
      try {
        await fn(file);
      } finally {
        store = await open();
      }
    },
  };

  /** Daily backup of a set-up database, then the retention policy; a failure is logged, never fatal. */
  async function startupBackup(): Promise<void> {
    if (options.dailyBackup === false) return;
    try {
      const hasOffice = await store.db.selectFrom('office').select('id').executeTakeFirst();
      if (!hasOffice) return;
      const made = await dailyBackupIfDue(store.sqlite, backupsDir, options.now?.() ?? new Date());
      if (made) log.info(`Sao lưu hằng ngày: ${made.fileName}`);
      const removed = pruneBackups(backupsDir, options.keepBackups ?? DEFAULT_KEEP_BACKUPS);
      if (removed.length) log.info(`Xóa bản sao lưu tự động cũ: ${removed.join(', ')}`);
    } catch (e) {
      log.error('backup', e);
    }
  }

  return {
    dispatch(name, payload) {
      const run = queue.then(() => dispatch(handlers, ctx, name, payload));
      queue = run.catch(() => undefined);
      return run;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get store() {
      return store;
    },
    close: () => store.close(),
  };
}
