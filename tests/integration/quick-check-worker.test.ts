import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { quickCheckInWorker } from '../../src/main/core/db/quick-check-worker';
import { tempDir } from '../helpers/core';
import { damagePages } from '../helpers/damage';

const dir = tempDir('tdkt-quick-check-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function database(name: string): string {
  const file = join(dir, name);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t(v);');
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 20_000; i++) ins.run(`dòng số ${i} ${'x'.repeat(i % 50)}`);
  })();
  db.close();
  return file;
}

describe('quick_check in a worker thread', () => {
  it('passes a whole file, while the main connection keeps it open in WAL mode', async () => {
    const file = database('tot.sqlite');
    const main = new Database(file);
    main.prepare("INSERT INTO t (v) VALUES ('thêm')").run();
    expect(await quickCheckInWorker(file)).toBe('ok');
    main.close();
  });

  it('finds damaged pages', async () => {
    const file = database('hong.sqlite');
    damagePages(file, 2);
    const verdict = await quickCheckInWorker(file);
    expect(verdict).not.toBe('ok');
    expect(verdict.startsWith('error: ')).toBe(false); // the check ran and found the damage
  });

  it('says it could not run for a missing file (the caller then checks on its own connection)', async () => {
    expect(await quickCheckInWorker(join(dir, 'khong-co.sqlite'))).toMatch(/^error: /);
  });
});
