/** What every launcher shares: the project root, the Node version check, and a Vietnamese last line on failure. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkNodeVersion, ensureDependencies } from './dependencies.mjs';
import { ensureNodeBuild } from './native-module.mjs';
import { ensureSystemPackages } from './system-packages.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function launch(steps) {
  try {
    const old = checkNodeVersion();
    if (old) throw new Error(old);
    steps();
  } catch (e) {
    console.error(`\n✗ ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}

/** Everything the tests need: npm packages, the Node build of better-sqlite3, the Debian packages. */
export function prepareForTests() {
  ensureDependencies(root);
  ensureNodeBuild(root);
  ensureSystemPackages();
}
