/**
 * Electron's binary: its package's install.js downloads it from GitHub. Tried once per installed Electron
 * version (a failed try is remembered in node_modules, so a fresh install tries again); where it cannot be
 * fetched, the launchers fall back to the same app in the browser.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { say, succeeds } from './run.mjs';

const FAILED_MARK = '.tdkt-download-failed';

function electronDir(root) {
  return join(root, 'node_modules', 'electron');
}

/** Path of the Electron executable when it is installed, else null. */
export function electronExecutable(root) {
  const dir = electronDir(root);
  try {
    const exe = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

export function electronVersion(root) {
  return JSON.parse(readFileSync(join(electronDir(root), 'package.json'), 'utf8')).version;
}

/** The executable, downloading it first when that has not failed before for this version; null otherwise. */
export function ensureElectron(root, env = process.env) {
  const present = electronExecutable(root);
  if (present) return present;
  const mark = join(electronDir(root), FAILED_MARK);
  if (existsSync(mark) && readFileSync(mark, 'utf8') === electronVersion(root)) return null;
  say('Tải Electron (một lần)…');
  const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...rest } = env;
  const ok = succeeds(process.execPath, ['install.js'], { cwd: electronDir(root), env: rest, timeout: 10 * 60_000 });
  if (ok && electronExecutable(root)) return electronExecutable(root);
  writeFileSync(mark, electronVersion(root));
  say('Không tải được Electron (máy không vào được nơi phát hành Electron): chạy ứng dụng trong trình duyệt.');
  return null;
}
