import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DB_FILE_NAME } from '../src/main/core/app';
import { fold } from '../src/shared/vi-text';
import { startCore, tempDir, type TestCore } from '../tests/helpers/core';
import { send, twoOffices, upload, type Offices } from '../tests/helpers/exchange';
import { report, statsOf } from './harness';

/** Import of a 50,000-record directory package (verify + preview + apply) beside a raw insert of the same rows. */
const RECORDS = 50_000;
const RUNS = 3;
const work = tempDir('tdkt-bench-exchange-');
const cores: TestCore[] = [];
let o: Offices | undefined;
afterAll(async () => {
  for (const c of cores) await c.cleanup();
  await o?.upper.cleanup();
  await o?.lower.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const stats = statsOf;

test('import of a package with 50,000 records', async () => {
  o = await twoOffices();
  const sqlite = o.upper.app.store.sqlite;
  const now = new Date().toISOString();
  const org = sqlite.prepare("INSERT INTO organizations (id, code, parent_id, level, sort_order, owner_id, revision, created_at, updated_at) VALUES (?, ?, ?, 'grassroots', ?, ?, 1, ?, ?)");
  const name = sqlite.prepare("INSERT INTO organization_names (organization_id, valid_from, name, short_name, abbreviation, place_name, parent_line, search_key) VALUES (?, '1900-01-01', ?, ?, 'CĐCS', 'Bắc Kạn', 'LĐLĐ TỈNH BẮC KẠN', ?)");
  sqlite.transaction(() => {
    for (let i = 0; i < RECORDS - 1; i++) {
      const id = crypto.randomUUID();
      const n = `Công đoàn cơ sở Trường Tiểu học số ${i + 1} huyện Chợ Đồn`;
      org.run(id, `DVB${i}`, o!.upperId, i, o!.upperId, now, now);
      name.run(id, n, `CĐCS TH số ${i + 1}`, fold(n));
    }
  })();
  const t0 = performance.now();
  const bytes = await send(o.upper, o.lowerId, { kind: 'directory' });
  const exportMs = performance.now() - t0;
  console.log(`BENCH export of ${RECORDS} records: ${exportMs.toFixed(0)} ms, package ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);

  const template = join(work, 'template.sqlite');
  await o.lower.app.store.sqlite.backup(template);
  const clone = async (n: string) => {
    const dir = join(work, n);
    mkdirSync(dir, { recursive: true });
    copyFileSync(template, join(dir, DB_FILE_NAME));
    const core = await startCore(dir);
    cores.push(core);
    return core;
  };

  const importTimes: number[] = [];
  const applyTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const core = await clone(`import-${r}`);
    const t1 = performance.now();
    const preview = await core.call('exchange.preview', upload(bytes));
    const t2 = performance.now();
    const applied = await core.call('exchange.apply', { token: preview.token });
    const t3 = performance.now();
    expect(applied.counts.new).toBe(RECORDS);
    importTimes.push(t3 - t1);
    applyTimes.push(t3 - t2);
  }

  // The same rows, inserted raw (one transaction, prepared statements) into the same kind of database.
  const rows = o.upper.app.store.sqlite.prepare('SELECT * FROM organizations').all() as Record<string, unknown>[];
  const names = o.upper.app.store.sqlite.prepare('SELECT * FROM organization_names').all() as Record<string, unknown>[];
  const rawTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const core = await clone(`raw-${r}`);
    const db = core.app.store.sqlite;
    const t1 = performance.now();
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      const ins = db.prepare('INSERT OR IGNORE INTO organizations (id, code, parent_id, level, sort_order, ended_on, successor_id, owner_id, revision, deleted_at, created_at, updated_at) VALUES (@id, @code, @parent_id, @level, @sort_order, @ended_on, @successor_id, @owner_id, @revision, @deleted_at, @created_at, @updated_at)');
      const insName = db.prepare('INSERT OR IGNORE INTO organization_names (organization_id, valid_from, name, short_name, abbreviation, place_name, parent_line, search_key) VALUES (@organization_id, @valid_from, @name, @short_name, @abbreviation, @place_name, @parent_line, @search_key)');
      for (const row of rows) ins.run(row);
      for (const n of names) insName.run(n);
    })();
    rawTimes.push(performance.now() - t1);
  }
  const raw = stats(rawTimes);
  report(`exchange import of ${RECORDS} records (unzip, signature, hashes, zod, preview, backup, apply + journal)`, stats(importTimes), 3000, `raw insert of the same rows: median ${raw.medianMs.toFixed(0)} ms`);
  report(`  of which apply (backup + one transaction)`, stats(applyTimes));
  report(`raw better-sqlite3 insert of the same ${RECORDS} rows + names`, raw);
}, 600_000);
