/**
 * `PRAGMA quick_check` on its own read-only connection in a worker thread: on a large file it reads every
 * page (~0.3 s at 100,000 people), which then runs beside the window and the renderer starting instead of
 * before them. WAL lets this reader see the committed state while the main connection is open.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The worker's body, as source text (`eval`): a bundler rewrites `require` inside functions it bundles, so
 * the body is a string it leaves alone; better-sqlite3 comes by the path the parent resolved.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let verdict;
try {
  const Database = require(workerData.lib);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    verdict = String(db.pragma('quick_check(1)', { simple: true }));
  } finally {
    db.close();
  }
} catch (e) {
  verdict = 'error: ' + (e && e.message ? e.message : String(e));
}
parentPort.postMessage(verdict);
`;

let libPath: string | undefined;

/**
 * Resolves to 'ok' when every page of the file passes quick_check, to the first problem found, or to
 * 'error: …' when the check could not run at all (then the caller checks on its own connection).
 */
export function quickCheckInWorker(file: string): Promise<string> {
  // CommonJS builds (Electron main, the bridge, the test runners) have __filename; an ES module bundle
  // (the crash tests' child) resolves from its own script, which has better-sqlite3 beside it.
  // (No import.meta here: it would make Playwright's loader take this file for an ES module.)
  libPath ??= createRequire(typeof __filename === 'string' ? __filename : process.argv[1]).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, lib: libPath } });
    let settled = false;
    const done = (verdict: string) => {
      if (settled) return;
      settled = true;
      resolve(verdict);
      void worker.terminate();
    };
    worker.on('message', (m: string) => done(m));
    worker.on('error', (e) => done(`error: ${e.message}`));
    worker.on('exit', (code) => done(`error: the worker ended (${code})`));
  });
}
