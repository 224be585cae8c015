import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { chmodSync, cpSync, mkdtempSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeHost } from '../../src/bridge/host-bridge';
import { createApp, DB_FILE_NAME, type CoreApp } from '../../src/main/core/app';
import { hasDatabaseHeader } from '../../src/main/core/db/open';
import { storageFault } from '../../src/main/core/db/faults';
import type { StartupState } from '../../src/shared/contract';
import type { ErrorInfo } from '../../src/shared/errors';
import { BAC_KAN_OFFICE, tempDir } from '../helpers/core';
import { damagePages } from '../helpers/damage';

const ROOT = resolve(__dirname, '../..');
const CHILD_SOURCE = join(ROOT, 'tests/integration/crash/restore-child.ts');
/**
 * The child runs as another user when the tests run as root, and that user may not be able to enter the
 * checkout (a clone in a 0700 folder). So it is bundled whole — only better-sqlite3, a native module, stays
 * outside, copied beside it with its runtime dependencies — into a folder every user can read.
 */
const CHILD_DIR = mkdtempSync(join(tmpdir(), 'tdkt-storage-child-'));
const CHILD = join(CHILD_DIR, 'restore-child.mjs');
const dirs: string[] = [];
beforeAll(async () => {
  const { build } = await import('rolldown');
  await build({ input: CHILD_SOURCE, platform: 'node', external: [/^better-sqlite3$/, /^node:/], output: { file: CHILD, format: 'esm', inlineDynamicImports: true }, logLevel: 'warn' });
  for (const pkg of ['better-sqlite3', 'bindings', 'file-uri-to-path']) {
    cpSync(join(ROOT, 'node_modules', pkg), join(CHILD_DIR, 'node_modules', pkg), { recursive: true, filter: (src) => !/[\\/](deps|src|obj|obj\.target)([\\/]|$)/.test(src.slice(ROOT.length)) });
  }
  execFileSync('chmod', ['-R', 'a+rX', CHILD_DIR]);
}, 120_000);
afterAll(() => {
  rmSync(CHILD_DIR, { recursive: true, force: true });
  for (const d of dirs) {
    chmodSync(d, 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});

const open = (d: string) => createApp(d, bridgeHost(join(d, 'exports'), 'test'), { dailyBackup: false });

async function startupState(app: CoreApp): Promise<StartupState> {
  const r = await app.dispatch('app.getStartupState', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as StartupState;
}

async function refusal(app: CoreApp): Promise<ErrorInfo> {
  const s = await startupState(app);
  if (s.status !== 'refused') throw new Error('expected the start to be refused');
  return s.error;
}

/** A set-up office with some people, closed, and one manual backup of it. */
async function officeWithBackup(people = 50): Promise<{ dir: string; backup: string }> {
  const dir = tempDir('tdkt-faults-');
  dirs.push(dir);
  const app = await open(dir);
  const setup = await app.dispatch('office.setup', BAC_KAN_OFFICE);
  if (!setup.ok) throw new Error(setup.error.message);
  const sqlite = app.store.sqlite;
  const insert = sqlite.prepare(
    "INSERT INTO people (id, organization_id, full_name, search_key, sort_key, revision, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, 1, '2026-01-01', '2026-01-01')",
  );
  sqlite.transaction(() => {
    for (let i = 0; i < people; i++) insert.run(crypto.randomUUID(), `Người ${i}`, `nguoi ${i}`, `nguoi ${String(i).padStart(7, '0')}`);
  })();
  const b = await app.dispatch('backup.create', {});
  if (!b.ok) throw new Error(b.error.message);
  await app.close();
  return { dir, backup: (b.value as { fileName: string }).fileName };
}

async function expectRestoreFromRefusal(dir: string, backup: string): Promise<void> {
  const app = await open(dir);
  const state = await startupState(app);
  expect(state.status).toBe('refused');
  expect(state.status === 'refused' && state.backups.map((b) => b.fileName)).toContain(backup);
  const restored = await app.dispatch('backup.restore', { fileName: backup });
  expect(restored.ok, JSON.stringify(restored)).toBe(true);
  expect(await startupState(app)).toEqual({ status: 'ready' });
  const office = await app.dispatch('office.get', {});
  expect(office.ok && (office.value as { name: string }).name).toBe(BAC_KAN_OFFICE.name);
  await app.close();
}

describe('a database that must not be used is refused at start, with the backups offered', () => {
  it('a missing database beside backups is not a new install', async () => {
    const { dir, backup } = await officeWithBackup();
    rmSync(join(dir, DB_FILE_NAME));
    const app = await open(dir);
    const err = await refusal(app);
    expect(err.code).toBe('DB_MISSING');
    expect(err.message).toMatch(/Không tìm thấy tệp dữ liệu.*1 bản.*khôi phục/);
    // office.get does not answer "not set up" (which would show the first-run screen).
    const office = await app.dispatch('office.get', {});
    expect(!office.ok && office.error.code).toBe('DB_MISSING');
    expect(existsSync(join(dir, DB_FILE_NAME))).toBe(false);
    await app.close();
    await expectRestoreFromRefusal(dir, backup);
  });

  it('a 0-byte database beside backups is not a new install', async () => {
    const { dir, backup } = await officeWithBackup();
    writeFileSync(join(dir, DB_FILE_NAME), '');
    rmSync(join(dir, `${DB_FILE_NAME}-wal`), { force: true });
    const app = await open(dir);
    expect((await refusal(app)).code).toBe('DB_MISSING');
    expect(statSync(join(dir, DB_FILE_NAME)).size).toBe(0);
    await app.close();
    await expectRestoreFromRefusal(dir, backup);
  });

  it('damaged pages are found at open (quick_check); the damaged file is kept aside on restore', async () => {
    const { dir, backup } = await officeWithBackup(3000);
    // Overwrite pages in the middle of the file (b-tree pages of the people table and its indexes).
    damagePages(join(dir, DB_FILE_NAME), 3);
    const app = await open(dir);
    const err = await refusal(app);
    expect(err.code).toBe('DB_INVALID');
    expect(err.message).toMatch(/bị hỏng.*khôi phục/);
    // The backup list must not count a copy of the damaged file.
    const made = await app.dispatch('backup.create', {});
    expect(made.ok).toBe(false);
    await app.close();
    await expectRestoreFromRefusal(dir, backup);
    expect(readdirSync(dir).some((f) => /^tdkt-hong-.*\.sqlite$/.test(f))).toBe(true);
  });

  it('a dropped table is damage, not a database to migrate', async () => {
    const { dir, backup } = await officeWithBackup();
    const raw = new Database(join(dir, DB_FILE_NAME));
    raw.pragma('foreign_keys = OFF');
    raw.exec('DROP TABLE people_fts');
    raw.close();
    const app = await open(dir);
    const err = await refusal(app);
    expect(err.code).toBe('DB_INVALID');
    expect(err.message).toMatch(/thiếu table people_fts/);
    await app.close();
    await expectRestoreFromRefusal(dir, backup);
  });

  it("another program's database is refused and left byte-identical", async () => {
    const dir = tempDir('tdkt-faults-');
    dirs.push(dir);
    const file = join(dir, DB_FILE_NAME);
    const other = new Database(file);
    other.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices VALUES (1, 9.5)");
    other.close();
    const before = readFileSync(file);
    const app = await open(dir);
    const err = await refusal(app);
    expect(err.code).toBe('DB_INVALID');
    expect(err.message).toMatch(/chương trình khác/);
    await app.close();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual([DB_FILE_NAME]);
  });

  it('a file that is not a database at all is refused', async () => {
    const dir = tempDir('tdkt-faults-');
    dirs.push(dir);
    writeFileSync(join(dir, DB_FILE_NAME), Buffer.alloc(8192, 7));
    const app = await open(dir);
    expect((await refusal(app)).code).toBe('DB_INVALID');
    await app.close();
  });
});

/** Runs the child as another user (root ignores file permissions, the clerk's account does not). */
function runChild(args: string[], opts: { uid?: number; killAfterMs?: number } = {}): Promise<{ killed: boolean; out: string; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'], uid: opts.uid, gid: opts.uid });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (opts.killAfterMs !== undefined && !armed && out.includes('RESTORING')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return done({ killed: true, out, err });
      if (code !== 0) return fail(new Error(`child failed (${code}): ${err}`));
      done({ killed: false, out, err });
    });
  });
}

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

describe('read-only data', () => {
  it('a read-only folder is refused at start with what to do', async () => {
    const { dir } = await officeWithBackup();
    chmodSync(dir, 0o555);
    for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o755);
    chmodSync(join(dir, DB_FILE_NAME), 0o644);
    const r = await runChild(['probe', dir], { uid: asRoot ? NOBODY : undefined });
    const { state, write } = JSON.parse(r.out.trim().split('\n').pop()!);
    expect(state.value.status).toBe('refused');
    expect(state.value.error.code).toBe('DB_READ_ONLY');
    expect(state.value.error.message).toMatch(/chỉ đọc.*thư mục có quyền ghi/);
    expect(write.error.code).toBe('DB_READ_ONLY');
    chmodSync(dir, 0o755);
  });

  it('a read-only database file is refused at start (not opened and then failing on every write)', async () => {
    const { dir } = await officeWithBackup();
    chmodSync(dir, 0o777);
    chmodSync(join(dir, DB_FILE_NAME), 0o444);
    const r = await runChild(['probe', dir], { uid: asRoot ? NOBODY : undefined });
    const { state } = JSON.parse(r.out.trim().split('\n').pop()!);
    expect(state.value.error.code).toBe('DB_READ_ONLY');
    chmodSync(dir, 0o755);
  });

  it('a read-only backups folder: the app works, a backup says where it cannot write', async () => {
    const { dir } = await officeWithBackup();
    chmodSync(dir, 0o777);
    chmodSync(join(dir, DB_FILE_NAME), 0o666);
    chmodSync(join(dir, 'backups'), 0o555);
    const r = await runChild(['probe', dir], { uid: asRoot ? NOBODY : undefined });
    const { state, write, backup } = JSON.parse(r.out.trim().split('\n').pop()!);
    expect(state.value).toEqual({ status: 'ready' });
    expect(write.ok).toBe(true);
    expect(backup.ok).toBe(false);
    expect(backup.error.code).toBe('DB_READ_ONLY');
    expect(backup.error.message).toMatch(/thư mục sao lưu/);
    chmodSync(join(dir, 'backups'), 0o755);
    chmodSync(dir, 0o755);
  });
});

describe('fault messages', () => {
  it('maps each SQLite and file-system fault to a Vietnamese message that says what to do', () => {
    const cases: [string, string, RegExp][] = [
      ['SQLITE_FULL', 'DISK_FULL', /Ổ đĩa đã đầy.*giải phóng dung lượng/],
      ['ENOSPC', 'DISK_FULL', /Ổ đĩa đã đầy/],
      ['SQLITE_READONLY', 'DB_READ_ONLY', /chỉ đọc/],
      ['EROFS', 'DB_READ_ONLY', /chỉ đọc/],
      ['EACCES', 'DB_READ_ONLY', /quyền ghi/],
      ['SQLITE_CORRUPT', 'DB_INVALID', /bị hỏng.*khôi phục/],
      ['SQLITE_NOTADB', 'DB_INVALID', /không phải cơ sở dữ liệu/],
      ['SQLITE_IOERR_WRITE', 'FILE_SYSTEM', /Lỗi đọc\/ghi ổ đĩa/],
      ['SQLITE_CANTOPEN', 'FILE_SYSTEM', /Không mở được/],
      ['SQLITE_BUSY', 'FILE_SYSTEM', /chương trình khác giữ/],
    ];
    for (const [code, expected, message] of cases) {
      const e = Object.assign(new Error('raw english'), { code });
      const f = storageFault(e)!;
      expect(f.code, code).toBe(expected);
      expect(f.message, code).toMatch(message);
      expect(f.message).not.toMatch(/raw english/);
    }
    expect(storageFault(new TypeError('x'))).toBeNull();
  });
});

describe('restore survives SIGKILL at any point', () => {
  it('never leaves a truncated database; start-up completes or rolls back the interrupted restore', async () => {
    // Two backups that differ (number of people), large enough that copying takes a while.
    const { dir, backup: small } = await officeWithBackup(2_000);
    const app = await open(dir);
    const sqlite = app.store.sqlite;
    const insert = sqlite.prepare(
      "INSERT INTO people (id, organization_id, full_name, search_key, sort_key, revision, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, 1, '2026-01-01', '2026-01-01')",
    );
    sqlite.transaction(() => {
      for (let i = 0; i < 40_000; i++) insert.run(crypto.randomUUID(), `Người lớn ${i}`, `nguoi lon ${i}`, `x${i}`);
    })();
    const big = await app.dispatch('backup.create', {});
    await app.close();
    if (!big.ok) throw new Error(big.error.message);
    const large = (big.value as { fileName: string }).fileName;
    const counts = new Set([2_000, 42_000]);

    const outcomes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const delay = Math.floor(Math.random() * 1200);
      const r = await runChild(['restore', dir, small, large], { killAfterMs: delay });
      expect(r.killed, r.err).toBe(true);
      // Right after the kill, before any recovery: the live file is a whole database.
      const file = join(dir, DB_FILE_NAME);
      expect(existsSync(file) && hasDatabaseHeader(file)).toBe(true);
      const pending = readdirSync(dir).filter((f) => f.includes('.restore-'));
      const reopened = await open(dir);
      expect(await startupState(reopened)).toEqual({ status: 'ready' });
      const n = reopened.store.sqlite.prepare('SELECT count(*) FROM people').pluck().get() as number;
      expect(reopened.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      await reopened.close();
      expect(counts.has(n), `people after a kill at ${delay} ms: ${n}`).toBe(true);
      expect(readdirSync(dir).filter((f) => f.includes('.restore-'))).toEqual([]);
      outcomes.push(`${delay} ms → ${n}${pending.length ? ` (${pending.join(',')} at start)` : ''}`);
    }
    console.log(`restore kill test: ${outcomes.join('; ')}`);
  }, 240_000);
});
