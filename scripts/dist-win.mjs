/**
 * `npm run dist:win` (Windows, with internet): the release build that cannot ship the wrong binary.
 *  1. better-sqlite3 rebuilt for Electron, forced (a stale marker is never trusted), and opened under Electron;
 *  2. a smoke package (dist/smoke: the same configuration, only the inspector fuse on, which Playwright
 *     needs to drive the main process) runs the Electron smoke test;
 *  3. the release package (dist/, fuses on) is built and signed when a certificate is given (CSC_LINK and
 *     CSC_KEY_PASSWORD, read by electron-builder);
 *  4. the packed app itself opens a database (--tdkt-self-check) with the better_sqlite3.node inside it;
 *  5. SHA-256 checksums of the installer are written to dist/SHA256SUMS.txt for publishing.
 * `npm test` afterwards puts the Node build of better-sqlite3 back by itself.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDependencies } from './lib/dependencies.mjs';
import { ensureElectron } from './lib/electron-binary.mjs';
import { launch, root } from './lib/launcher.mjs';
import { nativeModuleLoads, rebuildForElectron } from './lib/native-module.mjs';
import { run, runNodeScript, say } from './lib/run.mjs';

const require = createRequire(import.meta.url);
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);

async function release() {
  if (process.platform !== 'win32') throw new Error('Bản cài Windows được đóng gói trên máy Windows (xem README).');
  ensureDependencies(root);
  const electron = ensureElectron(root);
  if (!electron) throw new Error('Cần Electron (máy phải tải được Electron khi chạy npm install).');

  rebuildForElectron(root);
  if (!nativeModuleLoads(root, electron)) throw new Error('better-sqlite3 không mở được cơ sở dữ liệu trong Electron sau khi biên dịch.');
  runNodeScript(bin('electron-vite', 'bin/electron-vite.js'), ['build'], { cwd: root });

  const { build, Platform } = require('electron-builder');
  const { getConfig } = require('app-builder-lib/out/util/config/config');
  const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
  const exeName = `${config.executableName}.exe`;

  say('Gói thử (dist/smoke) và kiểm thử khói Electron');
  const smokeOut = join(root, 'dist', 'smoke');
  // electron-builder.yml is loaded by electron-builder and merged with these overrides.
  const smoke = { electronFuses: { ...config.electronFuses, enableNodeCliInspectArguments: true }, directories: { output: smokeOut } };
  await build({ projectDir: root, targets: Platform.WINDOWS.createTarget('dir'), config: smoke });
  run(process.execPath, [bin('@playwright/test', 'cli.js'), 'test', '-c', 'playwright.electron.config.ts'], {
    cwd: root,
    env: { ...process.env, TDKT_ELECTRON_EXE: join(smokeOut, 'win-unpacked', exeName) },
  });

  say('Gói phát hành (dist/)');
  await build({ projectDir: root, targets: Platform.WINDOWS.createTarget('nsis'), config });

  say('Kiểm tra gói đã đóng: better_sqlite3.node bên trong mở được cơ sở dữ liệu');
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-packed-'));
  const reportFile = join(dir, 'report.json');
  spawnSync(join(root, 'dist', 'win-unpacked', exeName), [`--tdkt-self-check=${reportFile}`], { stdio: 'inherit', timeout: 120_000 });
  let report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    throw new Error('Gói đã đóng không chạy được bước tự kiểm tra.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!report.ok) throw new Error(`Gói đã đóng KHÔNG mở được cơ sở dữ liệu: ${report.error}. Không phát hành bản này.`);
  say(`Gói đã đóng mở được cơ sở dữ liệu (SQLite ${report.sqliteVersion}, ABI ${report.modulesAbi}).`);

  const installers = readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.exe'));
  const sums = installers.map((f) => `${createHash('sha256').update(readFileSync(join(root, 'dist', f))).digest('hex')}  ${f}`);
  writeFileSync(join(root, 'dist', 'SHA256SUMS.txt'), `${sums.join('\n')}\n`);
  say(`Xong: ${installers.join(', ')}; mã SHA-256 trong dist/SHA256SUMS.txt.${process.env.CSC_LINK ? '' : ' CHƯA KÝ SỐ (không có CSC_LINK).'}`);
}

launch(() => {
  release().catch((e) => {
    console.error(`\n✗ ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
});
