/**
 * better-sqlite3 is compiled for one runtime at a time: Node (tests, the browser app) or Electron (desktop
 * app, installer). Each launcher checks by really opening a database under the runtime it is about to use
 * and rebuilds when that fails, so a Node build is never run in Electron and the other way round.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { electronVersion } from './electron-binary.mjs';
import { runNodeScript, runNpm, say, succeeds } from './run.mjs';

const PROBE = "const D=require('better-sqlite3');const d=new D(':memory:');d.prepare('select 1').get();d.close()";

/** True when better-sqlite3 opens a database under Node, or under Electron when its executable is given. */
export function nativeModuleLoads(root, electronExe = null) {
  const env = electronExe ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env;
  return succeeds(electronExe ?? process.execPath, ['-e', PROBE], { cwd: root, env, timeout: 120_000 });
}

/** @electron/rebuild skips a module whose marker matches; the marker lies once the Node build is back. */
function forgetElectronBuild(root) {
  rmSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', '.forge-meta'), { force: true });
}

export function ensureNodeBuild(root) {
  if (nativeModuleLoads(root)) return;
  say('Biên dịch better-sqlite3 cho Node');
  forgetElectronBuild(root);
  // JOBS: node-gyp compiles SQLite and the binding side by side.
  runNpm(['rebuild', 'better-sqlite3', '--ignore-scripts=false'], { cwd: root, env: { ...process.env, JOBS: process.env.JOBS ?? 'max' } });
  if (!nativeModuleLoads(root)) throw new Error('better-sqlite3 vẫn không mở được cơ sở dữ liệu trên Node sau khi biên dịch lại.');
}

/** Forced: a matching marker is not proof (see forgetElectronBuild). */
export function rebuildForElectron(root) {
  say(`Biên dịch better-sqlite3 cho Electron ${electronVersion(root)}`);
  forgetElectronBuild(root);
  // npm passes its nodedir setting (Node's headers) to child processes; Electron needs its own headers.
  const { npm_config_nodedir: _nodeHeaders, ...env } = process.env;
  const cli = join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js');
  runNodeScript(cli, ['--force', '--only', 'better-sqlite3', '--version', electronVersion(root), '--module-dir', root], { cwd: root, env });
}

export function ensureElectronBuild(root, electronExe) {
  if (nativeModuleLoads(root, electronExe)) return;
  rebuildForElectron(root);
  if (!nativeModuleLoads(root, electronExe)) throw new Error('better-sqlite3 vẫn không mở được cơ sở dữ liệu trong Electron sau khi biên dịch lại.');
}
