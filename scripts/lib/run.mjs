/** Running a command for the launchers: output shown as it comes, a Vietnamese line when it fails. */
import { spawnSync } from 'node:child_process';

export function say(message) {
  console.log(`\n» ${message}`);
}

/** Runs a command with the terminal's output; throws when it exits non-zero. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`Lệnh "${[command, ...args].join(' ')}" không thành công (mã ${result.status ?? result.signal}).`);
  }
}

/** Runs a command quietly; true when it exits 0. */
export function succeeds(command, args, options = {}) {
  return spawnSync(command, args, { stdio: 'ignore', ...options }).status === 0;
}

/**
 * npm itself: through node and npm's own script when a launcher was started by npm (no shell, so paths
 * with spaces and diacritics pass as they are), else the npm on PATH (a .cmd on Windows needs the shell).
 */
export function runNpm(args, options = {}) {
  const cli = process.env.npm_execpath;
  if (cli && cli.endsWith('.js')) return run(process.execPath, [cli, ...args], options);
  return run('npm', args, { shell: process.platform === 'win32', ...options });
}

/** A Node script of an installed package, run by this Node (no .cmd shims, no shell). */
export function runNodeScript(script, args, options = {}) {
  return run(process.execPath, [script, ...args], options);
}
