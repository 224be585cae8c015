/**
 * Child process of exchange-crash.test.ts: opens an office's data folder, previews and applies one
 * package, and says where it is on stdout so the parent can SIGKILL it mid-import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../../src/main/core/app';
import { bridgeHost } from '../../../src/bridge/host-bridge';

async function main(): Promise<void> {
  const [dataDir, packagePath] = process.argv.slice(2);
  const app = await createApp(dataDir, bridgeHost(join(dataDir, 'exports'), 'crash-test'));
  const bytes = readFileSync(packagePath);
  const preview = await app.dispatch('exchange.preview', { fileName: 'goi.tdkt', dataBase64: bytes.toString('base64') });
  if (!preview.ok) throw new Error(preview.error.message);
  process.stdout.write('APPLYING\n');
  const t0 = performance.now();
  const applied = await app.dispatch('exchange.apply', { token: (preview.value as { token: string }).token });
  if (!applied.ok) throw new Error(applied.error.message);
  process.stdout.write(`DONE ${Math.round(performance.now() - t0)}\n`);
  await app.close();
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
