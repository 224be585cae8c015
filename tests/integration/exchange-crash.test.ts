import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../src/main/core/app';
import { fold } from '../../src/shared/vi-text';
import { tempDir } from '../helpers/core';
import { send, twoOffices, type Offices } from '../helpers/exchange';

/**
 * A child process applying a large package is SIGKILLed at random points; each time the database
 * opens, passes integrity_check and holds all of the package or none of it.
 */
const ROOT = resolve(__dirname, '../..');
// The child is bundled once (rolldown, as vite does) so each start takes milliseconds, not a TS compile.
const CHILD_SOURCE = join(ROOT, 'tests/integration/crash/apply-child.ts');
const CHILD = join(ROOT, 'node_modules/.cache/tdkt-exchange-crash/apply-child.mjs');
const UNITS = Number(process.env.CRASH_UNITS ?? 10_000);
const work = tempDir('tdkt-crash-');
let o: Offices | undefined;
beforeAll(async () => {
  const { build } = await import('rolldown');
  await build({ input: CHILD_SOURCE, platform: 'node', external: [/^[^./]/], output: { file: CHILD, format: 'esm' }, logLevel: 'warn' });
}, 60_000);
afterAll(async () => {
  await o?.upper.cleanup();
  await o?.lower.cleanup();
  rmSync(work, { recursive: true, force: true });
});

function run(dataDir: string, pkg: string, killAfterMs: number | null): Promise<{ killed: boolean; applyMs?: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CHILD, dataDir, pkg], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== null && out.includes('APPLYING') && !killed) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return done({ killed: true });
      if (code !== 0) return fail(new Error(`child failed (${code}): ${err}`));
      const m = /DONE (\d+)/.exec(out);
      done({ killed: false, applyMs: m ? Number(m[1]) : undefined });
    });
  });
}

function inspect(dir: string): { integrity: string; units: number; imports: number } {
  const db = new Database(join(dir, DB_FILE_NAME));
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      units: db.prepare('SELECT COUNT(*) FROM organizations').pluck().get() as number,
      imports: db.prepare('SELECT COUNT(*) FROM exchange_imports').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

it('survives SIGKILL at random points during an import: all or nothing', async () => {
  o = await twoOffices();
  // A large directory written straight into the upper office's tables (the services would take minutes).
  const sqlite = o.upper.app.store.sqlite;
  const now = new Date().toISOString();
  const org = sqlite.prepare("INSERT INTO organizations (id, code, parent_id, level, sort_order, owner_id, revision, created_at, updated_at) VALUES (?, ?, ?, 'grassroots', ?, ?, 1, ?, ?)");
  const name = sqlite.prepare("INSERT INTO organization_names (organization_id, valid_from, name, short_name, abbreviation, place_name, parent_line, search_key) VALUES (?, '1900-01-01', ?, '', 'CĐCS', 'Bắc Kạn', '', ?)");
  sqlite.transaction(() => {
    for (let i = 0; i < UNITS; i++) {
      const id = crypto.randomUUID();
      const n = `Công đoàn cơ sở Trường Tiểu học số ${i + 1}`;
      org.run(id, `DVC${i}`, o!.upperId, i, o!.upperId, now, now);
      name.run(id, n, fold(n));
    }
  })();
  const pkg = join(work, 'big.tdkt');
  writeFileSync(pkg, await send(o.upper, o.lowerId, { kind: 'directory' }));

  // The receiver's database, closed, as the template for each run.
  const template = join(work, 'template.sqlite');
  await o.lower.app.store.sqlite.backup(template);
  const fresh = (n: string) => {
    const d = join(work, n);
    mkdirSync(d, { recursive: true });
    copyFileSync(template, join(d, DB_FILE_NAME));
    return d;
  };

  const before = inspect(fresh('probe'));
  const clean = await run(fresh('clean'), pkg, null);
  const full = inspect(join(work, 'clean'));
  expect(full.units).toBe(before.units + UNITS + 1);
  const applyMs = clean.applyMs ?? 3000;

  const outcomes: string[] = [];
  for (let i = 0; i < 6; i++) {
    const dir = fresh(`kill-${i}`);
    const delay = Math.floor(Math.random() * applyMs * 1.3);
    const r = await run(dir, pkg, delay);
    const after = inspect(dir);
    expect(after.integrity).toBe('ok');
    const all = after.units === full.units && after.imports === 1;
    const none = after.units === before.units && after.imports === 0;
    expect(all || none, `after a kill at ${delay} ms: ${after.units} units, ${after.imports} imports`).toBe(true);
    outcomes.push(`${delay} ms → ${r.killed ? 'killed' : 'finished'}, ${all ? 'all' : 'none'}`);
  }
  console.log(`crash test (apply took ${applyMs} ms): ${outcomes.join('; ')}`);
}, 180_000);
