/**
 * `npm run web`: the app in an ordinary browser on this computer, over the real core.
 * Usage: node out/bridge/serve.js [--data <folder>] [--port <n>] [--exports <folder>]
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBridge } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dataDir = resolve(arg('data') ?? join(homedir(), '.thi-dua-khen-thuong'));
  const bridge = await startBridge({
  dataDir,
  rendererDir: resolve(__dirname, '../renderer'),
  exportDir: resolve(arg('exports') ?? join(dataDir, 'exports')),
  port: Number(arg('port') ?? 0),
  appVersion: process.env.npm_package_version,
});
  console.log(`Thi đua Khen thưởng (trình duyệt) — dữ liệu: ${dataDir}`);
  console.log(`Mở: ${bridge.url}`);
  const stop = () => bridge.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
