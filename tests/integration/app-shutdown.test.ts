import { existsSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/main/core/app';
import { fileOnlyVault } from '../../src/main/core/exchange/key-store';
import type { Host } from '../../src/main/core/host';
import { BAC_KAN_OFFICE, tempDir } from '../helpers/core';

/** A host whose save dialog stays open until the test answers: a call that holds the queue. */
function slowHost(exportDir: string) {
  let answer!: (path: string | null) => void;
  let opened!: () => void;
  const dialogOpen = new Promise<void>((r) => (opened = r));
  const host: Host = {
    transport: 'bridge',
    appVersion: 'test',
    keyVault: fileOnlyVault,
    chooseSavePath: () =>
      new Promise((r) => {
        answer = r;
        opened();
      }),
    openPath: async () => '',
    showInFolder: async () => undefined,
    printWindow: async () => true,
  };
  return { host, dialogOpen, answer: (name: string | null) => answer(name && join(exportDir, name)) };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function setUpOffice() {
  const dir = tempDir();
  dirs.push(dir);
  const slow = slowHost(dir);
  const app = await createApp(dir, slow.host, { dailyBackup: false });
  await app.dispatch('office.setup', BAC_KAN_OFFICE);
  return { dir, slow, app };
}

describe('CoreApp.shutdown (the quit sequence’s core part)', () => {
  it('waits for the queued calls, then closes the database', async () => {
    const { dir, slow, app } = await setUpOffice();
    const exporting = app.dispatch('organizations.exportXlsx', {});
    const backup = app.dispatch('backup.create', {});
    const sqlite = app.store.sqlite;
    const closing = app.shutdown(10_000);
    await slow.dialogOpen;
    expect(sqlite.open).toBe(true); // still waiting on the dialog
    slow.answer('danh-muc.xlsx');
    expect((await exporting).ok).toBe(true);
    expect((await backup).ok).toBe(true);
    await closing;
    expect(sqlite.open).toBe(false);
    expect(existsSync(join(dir, 'danh-muc.xlsx'))).toBe(true);
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('-thu-cong.sqlite'))).toHaveLength(1);
  });

  it('also waits for calls that arrive while it waits (the page’s last saves)', async () => {
    const { dir, slow, app } = await setUpOffice();
    const exporting = app.dispatch('organizations.exportXlsx', {});
    const closing = app.shutdown(10_000);
    await slow.dialogOpen;
    const late = app.dispatch('backup.create', {}); // queued after the shutdown began
    slow.answer('danh-muc.xlsx');
    await closing;
    expect((await exporting).ok).toBe(true);
    expect((await late).ok).toBe(true);
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('-thu-cong.sqlite'))).toHaveLength(1);
  });

  it('after the wait, cuts the running call and removes the backup file it left half-written, keeping older ones', async () => {
    const { dir, slow, app } = await setUpOffice();
    expect((await app.dispatch('backup.create', {})).ok).toBe(true);
    const older = readdirSync(join(dir, 'backups'));
    const past = new Date(Date.now() - 60_000);
    for (const f of older) utimesSync(join(dir, 'backups', f), past, past);
    void app.dispatch('organizations.exportXlsx', {}); // never answered: the call hangs
    await slow.dialogOpen;
    const partial = 'tdkt-20991231-235959-thu-cong.sqlite';
    writeFileSync(join(dir, 'backups', partial), Buffer.alloc(4096)); // what a cut backup leaves
    const sqlite = app.store.sqlite;
    await app.shutdown(100);
    expect(sqlite.open).toBe(false);
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(older.sort());
  });
});
