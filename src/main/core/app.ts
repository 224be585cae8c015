import { join } from 'node:path';
import type { AppEvents, EventName } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Ctx } from './context';
import { backupFile } from './db/backup';
import { openStore, type Store } from './db/open';
import { handlers } from './handlers';
import type { Host } from './host';
import { dispatch } from './registry';

export interface CoreApp {
  /** The one entry point for both transports. */
  dispatch(name: unknown, payload: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
  readonly store: Store;
  close(): Promise<void>;
}

export const DB_FILE_NAME = 'tdkt.sqlite';

/** Opens the data folder (database + backups) and returns the handler registry bound to it. */
export async function createApp(dataDir: string, host: Host): Promise<CoreApp> {
  const backupsDir = join(dataDir, 'backups');
  const file = join(dataDir, DB_FILE_NAME);
  const open = () => openStore(file, { beforeMigrate: (f) => backupFile(f, backupsDir, 'truoc-nang-cap').then(() => undefined) });
  let store = await open();
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
    host,
    dataDir,
    backupsDir,
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
