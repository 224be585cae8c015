import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/main/core/app';
import { migrate, type Migration } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { openStore } from '../../src/main/core/db/open';
import { bridgeHost } from '../../src/bridge/host-bridge';
import { AppError } from '../../src/shared/errors';
import { BAC_KAN_OFFICE, startCore, tempDir, type TestCore } from '../helpers/core';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.cleanup();
});

describe('store', () => {
  it('creates a fresh database in WAL mode with foreign keys and the latest user_version', async () => {
    const dir = tempDir();
    const store = await openStore(join(dir, 'a.sqlite'));
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    await store.close();
  });

  it('refuses a database from a newer version with a Vietnamese message and leaves the file byte-identical', async () => {
    const dir = tempDir();
    const core = await startCore(dir);
    await core.call('office.setup', BAC_KAN_OFFICE);
    await core.app.close();
    const file = join(dir, 'tdkt.sqlite');
    const raw = new Database(file);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.pragma('user_version = 999');
    raw.close();
    const before = readFileSync(file);
    const filesBefore = readdirSync(dir).sort();
    // The app starts refused (restore screen), every data call answers the reason, nothing is written.
    const app = await createApp(dir, bridgeHost(join(dir, 'x'), 't'));
    const state = await app.dispatch('app.getStartupState', {});
    expect(state.ok && state.value).toMatchObject({ status: 'refused', error: { code: 'DB_TOO_NEW' } });
    const call = await app.dispatch('office.get', {});
    expect(call.ok).toBe(false);
    expect(!call.ok && call.error.code).toBe('DB_TOO_NEW');
    expect(!call.ok && call.error.message).toMatch(/phiên bản mới hơn/);
    await app.close();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('refuses a file that is not a database', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tdkt.sqlite'), 'không phải cơ sở dữ liệu'.repeat(100));
    const err = await openStore(join(dir, 'tdkt.sqlite')).catch((e) => e);
    expect((err as AppError).code).toBe('DB_INVALID');
  });

  it('runs each migration in a transaction: a failing step leaves the previous version intact', () => {
    const db = new Database(':memory:');
    const good: Migration = { version: 1, name: 'a', up: (d) => d.exec('CREATE TABLE t (x INTEGER)') };
    const bad: Migration = {
      version: 2,
      name: 'b',
      up: (d) => {
        d.exec('CREATE TABLE u (y INTEGER); INSERT INTO t VALUES (1)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [good, bad])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'u'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) n FROM t').get()).toEqual({ n: 0 });
  });

  it('backs up an older database before migrating it', async () => {
    const dir = tempDir();
    const file = join(dir, 'tdkt.sqlite');
    const v1: Migration = { version: 1, name: 'a', up: (d) => d.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (42)') };
    const v2: Migration = { version: 2, name: 'b', up: (d) => d.exec('ALTER TABLE t ADD COLUMN y TEXT') };
    (await openStore(file, { migrations: [v1] })).close();
    const backups: string[] = [];
    const store = await openStore(file, { migrations: [v1, v2], beforeMigrate: async (f, from) => void backups.push(`${f}@${from}`) });
    expect(backups).toEqual([`${file}@1`]);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(2);
    await store.close();
  });

  it('backs up online and restores a backup', async () => {
    const core = await startCore();
    cores.push(core);
    await core.call('office.setup', BAC_KAN_OFFICE);
    const backup = await core.call('backup.create', {});
    expect(existsSync(join(core.dir, 'backups', backup.fileName))).toBe(true);
    const office = (await core.call('office.get', {}))!;
    await core.call('organizations.create', { parentId: office.organizationId, level: 'upper', name: 'Công đoàn ngành Giáo dục' });
    expect(await core.call('organizations.tree', {})).toHaveLength(2);
    await core.call('backup.restore', { fileName: backup.fileName });
    expect(await core.call('organizations.tree', {})).toHaveLength(1);
    const list = await core.call('backup.list', {});
    expect(list.map((b) => b.reason)).toContain('Tự động trước khi khôi phục');
    const bad = await core.fail('backup.restore', { fileName: '../tdkt.sqlite' });
    expect(bad.code).toBe('VALIDATION');
  });
});
