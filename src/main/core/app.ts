import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppEvents, EventName } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import type { Ctx } from './context';
import { backupFile, listBackups } from './db/backup';
import { dailyBackupIfDue, DEFAULT_KEEP_BACKUPS, isStale, lastBackup, pruneBackups } from './db/backup-policy';
import { storageFault } from './db/faults';
import { settleGeneration } from './db/generation';
import { corruptDatabase, openStore, type Store } from './db/open';
import { quickCheckInWorker } from './db/quick-check-worker';
import { finishInterruptedRestore, refuseLostDatabase } from './db/restore';
import { fileKeyStore } from './exchange/key-store';
import { moveKeyOut } from './exchange/keys';
import { handlers } from './handlers';
import type { Host } from './host';
import { createLogger, type LogOptions } from './log';
import { Jobs } from './jobs';
import { dispatch } from './registry';
import { rememberExport } from './services/exported-files';

export interface CoreApp {
  /** The one entry point for both transports. */
  dispatch(name: unknown, payload: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
  readonly store: Store;
  close(): Promise<void>;
  /** Quitting: waits for queued calls (at most timeoutMs), closes the database, removes an unfinished backup. */
  shutdown(timeoutMs?: number): Promise<void>;
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

/** Calls that still work when the data could not be opened: enough to see why and restore a backup. */
const WITHOUT_DATA = new Set(['app.info', 'app.getStartupState', 'backup.list', 'backup.restore']);
/**
 * Calls that do not wait for the queue: reading a sheet (seconds for a large one; it only reads, and its
 * queries wait for an open write transaction on the shared connection) and cancelling it.
 */
const OFF_QUEUE = new Set(['registrations.previewImport', 'app.cancelJob']);

/**
 * Opens the data folder (database + backups) and returns the handler registry bound to it. A database
 * that must not be used (missing beside backups, damaged, foreign, read-only, newer) does not make this
 * throw: the app starts "refused", answers every data call with the reason, and offers the backups.
 */
export async function createApp(dataDir: string, host: Host, options: AppOptions = {}): Promise<CoreApp> {
  const backupsDir = join(dataDir, 'backups');
  const log = createLogger(join(dataDir, 'logs'), options.log);
  const file = join(dataDir, DB_FILE_NAME);
  const open = (deferQuickCheck: boolean) =>
    openStore(file, { deferQuickCheck, beforeMigrate: (f) => backupFile(f, backupsDir, 'truoc-nang-cap').then(() => undefined) });
  let store: Store | null = null;
  let refusal: AppError | null = null;

  /**
   * Opens the store, or records why not; never throws. `deferQuickCheck`: see `verifyPages`. `replaced`: the
   * file was just swapped for a backup, so a new database generation begins (as after a restore finished at
   * start or a file copied over it).
   */
  async function openOrRefuse(opts: { deferQuickCheck?: boolean; replaced?: boolean } = {}): Promise<void> {
    const { deferQuickCheck = false, replaced = false } = opts;
    try {
      const recovered = finishInterruptedRestore(file);
      if (recovered) log.info(recovered === 'completed' ? 'Hoàn tất lần khôi phục bị gián đoạn.' : 'Bỏ lần khôi phục bị gián đoạn (tệp dữ liệu cũ giữ nguyên).');
      refuseLostDatabase(file, backupsDir);
      store = await open(deferQuickCheck);
      refusal = null;
      settleGenerationOnce(store, replaced || recovered === 'completed');
      moveKeyOutOnce(store);
    } catch (e) {
      store = null;
      refusal = storageFault(e) ?? new AppError('DB_INVALID', `Không mở được dữ liệu: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** A replaced database file begins a new generation (stored previews must be made again); never fatal. */
  function settleGenerationOnce(s: Store, replaced: boolean): void {
    try {
      if (settleGeneration(s.sqlite, file, replaced)) log.info('Dữ liệu đã được thay (khôi phục): các gói đang xem trước phải xem trước lại.');
    } catch (e) {
      log.error('generation', e);
    }
  }

  /** A database from before keys left it (or a restored old backup): the private key moves to the key store. */
  function moveKeyOutOnce(s: Store): void {
    try {
      const backups = listBackups(backupsDir).map((b) => join(backupsDir, b.fileName));
      if (moveKeyOut(s.sqlite, fileKeyStore(dataDir, host.keyVault), backups)) log.info('Đã chuyển khóa ký của đơn vị ra khỏi cơ sở dữ liệu và các bản sao lưu.');
    } catch (e) {
      log.error('keys', e);
    }
  }

  /**
   * quick_check of the file opened at start, in a worker (DESIGN "Start-up checks"): every call waits for
   * its verdict (it heads the queue), and damaged pages turn the start into a refusal before any call ran.
   */
  async function verifyPages(): Promise<void> {
    const s = store;
    if (!s?.quickCheckDeferred) return;
    let verdict = await quickCheckInWorker(s.file);
    if (store !== s) return;
    // The worker could not run (a missing module, a thread refused): check here rather than guess.
    if (verdict.startsWith('error: ')) {
      try {
        verdict = String(s.sqlite.pragma('quick_check(1)', { simple: true }));
      } catch (e) {
        verdict = e instanceof Error ? e.message : String(e);
      }
    }
    if (verdict === 'ok') return;
    await s.close();
    store = null;
    refusal = corruptDatabase();
    log.info(`Tệp dữ liệu không qua quick_check (${verdict}): phần mềm mở màn hình khôi phục.`);
  }

  await openOrRefuse({ deferQuickCheck: true });
  const integrity = verifyPages();
  await startupBackup();
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  // Calls run one at a time: a restore must not interleave with a write.
  let queue: Promise<unknown> = integrity;
  const opened = (): Store => {
    if (!store) throw refusal!;
    return store;
  };
  /** When the call now running started (null when idle): what a cut-off quit may have left half-written. */
  let callStartedAt: number | null = null;
  const closeStore = async () => {
    await integrity; // the page check's reader is done with the file before it is closed or replaced
    await store?.close();
    store = null;
  };

  const ctx: Ctx = {
    get db() {
      return opened().db;
    },
    get store() {
      return opened();
    },
    get refusal() {
      return refusal;
    },
    // Every path a save dialog returns is written by the core: remember it for files.open / showInFolder.
    host: {
      ...host,
      async chooseSavePath(name, filters) {
        const path = await host.chooseSavePath(name, filters);
        if (path) await rememberExport(opened().db, path);
        return path;
      },
    },
    dataDir,
    backupsDir,
    log,
    jobs: new Jobs((event, payload) => {
      for (const l of listeners) l(event, payload);
    }),
    emit<E extends EventName>(event: E, payload: AppEvents[E]) {
      for (const l of listeners) l(event, payload);
    },
    async reopen(fn) {
      await store?.close();
      store = null;
      try {
        await fn(file);
      } finally {
        await openOrRefuse({ replaced: true });
      }
      if (refusal) throw refusal;
    },
  };

  /** Daily backup of a set-up database, then the retention policy; a failure is logged, never fatal. */
  async function startupBackup(): Promise<void> {
    if (options.dailyBackup === false || !store) return;
    try {
      const hasOffice = await store.db.selectFrom('office').select('id').executeTakeFirst();
      if (!hasOffice) return;
      // Only a due backup waits for the page check (a copy of a damaged file is never taken).
      if (isStale(lastBackup(backupsDir), options.now?.() ?? new Date())) {
        await integrity;
        if (!store) return;
        const made = await dailyBackupIfDue(store.sqlite, backupsDir, options.now?.() ?? new Date());
        if (made) log.info(`Sao lưu hằng ngày: ${made.fileName}`);
      }
      const removed = pruneBackups(backupsDir, options.keepBackups ?? DEFAULT_KEEP_BACKUPS);
      if (removed.length) log.info(`Xóa bản sao lưu tự động cũ: ${removed.join(', ')}`);
    } catch (e) {
      log.error('backup', e);
    }
  }

  return {
    dispatch(name, payload) {
      if (store && OFF_QUEUE.has(String(name))) return integrity.then(() => dispatch(handlers, ctx, name, payload));
      const run = queue.then(async (): Promise<Result<unknown>> => {
        if (!store && refusal && !WITHOUT_DATA.has(String(name))) return { ok: false, error: refusal.toInfo() };
        callStartedAt = Date.now();
        return dispatch(handlers, ctx, name, payload).finally(() => (callStartedAt = null));
      });
      queue = run.catch(() => undefined);
      return run;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get store() {
      return opened();
    },
    close: closeStore,
    shutdown: (timeoutMs = SHUTDOWN_WAIT_MS) =>
      shutdownAfterQueue({ queue: () => queue, startedAt: () => callStartedAt, close: closeStore, backupsDir, log }, timeoutMs),
  };
}

/** Long enough for a backup of a large database; a hung call must not keep the app open for ever. */
export const SHUTDOWN_WAIT_MS = 60_000;

/**
 * The quit sequence's core part. A call still running when the wait ends is cut by closing the database; a
 * backup it was writing (a file in backups/ changed since that call started) is removed, so a partial copy
 * never counts among the kept backups.
 */
async function shutdownAfterQueue(
  core: { queue: () => Promise<unknown>; startedAt: () => number | null; close: () => Promise<void>; backupsDir: string; log: { info(m: string): void } },
  timeoutMs: number,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((done) => (timer = setTimeout(() => done(false), timeoutMs)));
  // Calls queued while waiting (the page's last saves) are waited for too, within the same deadline.
  let settled = false;
  for (let seen = core.queue(); ; seen = core.queue()) {
    settled = await Promise.race([seen.then(() => true), deadline]);
    if (!settled || core.queue() === seen) break;
  }
  clearTimeout(timer);
  const cutSince = settled ? null : core.startedAt();
  await core.close();
  if (cutSince === null || !existsSync(core.backupsDir)) return;
  for (const name of readdirSync(core.backupsDir)) {
    // The kernel's file clock ticks a little coarser than Date.now(): a few milliseconds of slack.
    if (statSync(join(core.backupsDir, name)).mtimeMs < cutSince - 50) continue;
    rmSync(join(core.backupsDir, name), { force: true, recursive: true });
    core.log.info(`Thoát khi đang sao lưu: xóa bản sao lưu chưa xong ${name}`);
  }
}
