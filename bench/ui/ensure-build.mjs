/* global console */
// Builds the renderer and bridge when they are missing or older than the sources (bench:ui measures the real build).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

const built = 'out/renderer/index.html';
if (!existsSync(built) || statSync(built).mtimeMs < newest('src')) {
  console.log('bench:ui — building (npm run build)…');
  execSync('npm run build', { stdio: 'inherit' });
}
