import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeHost } from '../../src/bridge/host-bridge';
import { createApp, type CoreApp } from '../../src/main/core/app';
import { listBackups } from '../../src/main/core/db/backup';
import { dailyBackupIfDue, isStale, pruneBackups } from '../../src/main/core/db/backup-policy';
import { BAC_KAN_OFFICE, tempDir } from '../helpers/core';

const dirs: string[] = [];
const apps: CoreApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

async function open(d: string, options: Parameters<typeof createApp>[2] = {}): Promise<CoreApp> {
  const app = await createApp(d, bridgeHost(join(d, 'exports'), 'test'), options);
  apps.push(app);
  return app;
}

async function close(app: CoreApp): Promise<void> {
  await app.close();
  apps.splice(apps.indexOf(app), 1);
}

/** A fake backup file with the name the app gives it (the date in the name is what counts). */
function fakeBackup(backups: string, stamp: string, reason: string): string {
  const name = `tdkt-${stamp}-${reason}.sqlite`;
  writeFileSync(join(backups, name), 'x');
  return name;
}

describe('daily backup at start', () => {
  it('is taken at start when the last backup is a day old or more, not for an empty (not set up) database, not twice a day', async () => {
    const d = dir();
    let app = await open(d);
    expect(listBackups(join(d, 'backups'))).toEqual([]);
    await app.dispatch('office.setup', BAC_KAN_OFFICE);
    await close(app);

    app = await open(d);
    const first = listBackups(join(d, 'backups'));
    expect(first.map((b) => b.reason)).toEqual(['Tự động hằng ngày']);
    await close(app);
    app = await open(d);
    expect(listBackups(join(d, 'backups'))).toHaveLength(1);
    await close(app);

    // Two days later (the clock of the app, not of the machine running the test).
    const later = new Date(Date.now() + 2 * 86_400_000 + 5_000);
    app = await open(d, { now: () => later });
    expect(listBackups(join(d, 'backups')).filter((b) => b.reason === 'Tự động hằng ngày')).toHaveLength(2);
    expect(readdirSync(join(d, 'logs'))).toEqual(['tdkt.log']);
  });

  it('isStale / dailyBackupIfDue decide by the newest backup of any kind', async () => {
    const d = dir();
    const app = await open(d, { dailyBackup: false });
    const backups = join(d, 'backups');
    expect(isStale(null, new Date())).toBe(true);
    expect(await dailyBackupIfDue(app.store.sqlite, backups)).not.toBeNull();
    expect(await dailyBackupIfDue(app.store.sqlite, backups)).toBeNull();
    const now = new Date(2026, 10, 25, 9, 0, 0);
    expect(isStale({ fileName: '', createdAt: '2026-11-24T09:00:01', reason: '', sizeBytes: 0 }, now)).toBe(false);
    expect(isStale({ fileName: '', createdAt: '2026-11-24T09:00:00', reason: '', sizeBytes: 0 }, now)).toBe(true);
  });
});

describe('retention', () => {
  it('keeps the newest N automatic backups and never deletes manual ones', () => {
    const d = dir();
    const backups = join(d, 'backups');
    mkdirSync(backups);
    const manual = fakeBackup(backups, '20260101-080000', 'thu-cong');
    const auto = [1, 2, 3, 4, 5].map((day) => fakeBackup(backups, `2026110${day}-080000`, day % 2 ? 'hang-ngay' : 'truoc-nhap'));
    const removed = pruneBackups(backups, 3);
    expect(removed.sort()).toEqual([auto[0], auto[1]].sort());
    expect(readdirSync(backups).sort()).toEqual([manual, auto[2], auto[3], auto[4]].sort());
    expect(pruneBackups(backups, 3)).toEqual([]);
    // Files that are not backups are never touched.
    writeFileSync(join(backups, 'ghi-chu.txt'), 'x');
    pruneBackups(backups, 0);
    expect(readdirSync(backups).sort()).toEqual(['ghi-chu.txt', manual].sort());
  });

  it('runs at start with the configured number', async () => {
    const d = dir();
    let app = await open(d);
    await app.dispatch('office.setup', BAC_KAN_OFFICE);
    await close(app);
    const backups = join(d, 'backups');
    mkdirSync(backups, { recursive: true });
    for (let i = 1; i <= 6; i++) fakeBackup(backups, `2026010${i}-080000`, 'hang-ngay');
    app = await open(d, { keepBackups: 4 });
    const left = listBackups(backups);
    expect(left).toHaveLength(4);
    // Today's daily backup is among those kept: it is the newest.
    expect(left[0].fileName).toMatch(/hang-ngay/);
    expect(left[0].fileName).not.toMatch(/^tdkt-202601/);
  });
});
