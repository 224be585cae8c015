/**
 * `npm test` (and CI): installs what is missing — npm packages, the Node build of better-sqlite3 (restoring
 * it after an Electron rebuild), and the Debian packages the tests need — then builds and runs the unit and
 * integration tests (vitest) and the end-to-end tests (Playwright, Chromium).
 */
import { launch, prepareForTests, root } from './lib/launcher.mjs';
import { runNpm } from './lib/run.mjs';

launch(() => {
  prepareForTests();
  runNpm(['run', 'build'], { cwd: root });
  // Both suites run even when the first fails: one run shows every failure.
  const failed = [];
  for (const suite of ['test:unit', 'test:e2e']) {
    try {
      runNpm(['run', suite], { cwd: root });
    } catch {
      failed.push(suite);
    }
  }
  if (failed.length) throw new Error(`Kiểm thử không đạt: ${failed.join(', ')}.`);
});
