/**
 * Child process of storage-faults.test.ts. Modes:
 *   restore <dataDir> <backupA> <backupB>: restores A, B, A, … through the real handler until killed,
 *     printing RESTORING before the first one, so the parent can SIGKILL it at random points;
 *   probe <dataDir>: opens the folder (as whatever user the parent chose), prints the start-up state and
 *     the outcome of a write and of a backup as one JSON line.
 */
import { join } from 'node:path';
import { createApp } from '../../../src/main/core/app';
import { bridgeHost } from '../../../src/bridge/host-bridge';

async function main(): Promise<void> {
  const [mode, dataDir, a, b] = process.argv.slice(2);
  const app = await createApp(dataDir, bridgeHost(join(dataDir, 'exports'), 'crash-test'), { dailyBackup: false });
  if (mode === 'probe') {
    const state = await app.dispatch('app.getStartupState', {});
    const write = await app.dispatch('office.update', { signerAuthority: 'KT. CHỦ TỊCH', signerTitle: 'PHÓ CHỦ TỊCH', signerName: 'Người Thử' });
    const backup = await app.dispatch('backup.create', {});
    process.stdout.write(`${JSON.stringify({ state, write, backup })}\n`);
    await app.close();
    return;
  }
  process.stdout.write('RESTORING\n');
  for (let i = 0; ; i++) {
    const r = await app.dispatch('backup.restore', { fileName: i % 2 ? b : a });
    if (!r.ok) throw new Error(r.error.message);
  }
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
