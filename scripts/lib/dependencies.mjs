/**
 * The npm packages: installed when one the project lists is missing. Install scripts are off in .npmrc
 * (Electron's would download its binary from GitHub and fail the whole install where only the npm registry
 * is reachable), so the launchers run the two that matter themselves: better-sqlite3's build
 * (native-module.mjs) and Electron's download (electron-binary.mjs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNpm, say } from './run.mjs';

/** Names listed in package.json whose folder under node_modules is missing. */
export function missingPackages(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
  return names.filter((name) => !existsSync(join(root, 'node_modules', name, 'package.json')));
}

export function ensureDependencies(root) {
  const missing = missingPackages(root);
  if (missing.length === 0) return;
  say(`Cài các gói npm còn thiếu (${missing.length}): npm install`);
  runNpm(['install', '--no-audit', '--no-fund'], { cwd: root });
  const still = missingPackages(root);
  if (still.length) throw new Error(`Vẫn thiếu gói npm sau khi cài: ${still.join(', ')}.`);
}

/** Node versions the project runs on (see README "Node versions"). */
export function checkNodeVersion(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  const ok = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22;
  return ok ? null : `Node ${version} quá cũ: cần Node 22 LTS (22.12 trở lên) hoặc Node 20.19 trở lên.`;
}
