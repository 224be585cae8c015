/**
 * What migration 0007 buys: 5,000 units written in the order an import may bring them — a merged unit before
 * the unit it merged into (organizations.successor_id), foreign keys deferred to the commit — on the schema
 * before 0007 (peer) and after it, then cleared (timed too). Without the index SQLite scans the whole table
 * for each unit inserted or deleted.
 * Run: npx vitest run -c vitest.bench.config.ts bench/foreign-key-index.bench.ts
 */
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { migrate } from '../src/main/core/db/migrate';
import { migrations } from '../src/main/core/db/migrations';
import { measure, report } from './harness';

const UNITS = 5000;

function database(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.filter((m) => m.version <= version));
  return db;
}

/** Unit i merged into unit i + 1, inserted in that order: every insert settles one deferred reference. */
function writeMergedChain(db: Database.Database): void {
  const insert = db.prepare("INSERT INTO organizations (id, code, level, successor_id, ended_on, created_at, updated_at) VALUES (?, ?, 'grassroots', ?, ?, 'x', 'x')");
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    for (let i = 0; i < UNITS; i++) insert.run(`u${i}`, `C${i}`, i + 1 < UNITS ? `u${i + 1}` : null, i + 1 < UNITS ? '2025-07-01' : null);
  })();
  db.exec('DELETE FROM organizations');
}

test(`${UNITS} merged units written before their successors, deferred foreign keys`, async () => {
  const before = database(6);
  const after = database(7);
  const peer = await measure(() => writeMergedChain(before), 5, 1);
  const ours = await measure(() => writeMergedChain(after), 5, 1);
  report('before 0007 (no index on successor_id)', peer);
  report('after 0007', ours, undefined, `speed-up ${(peer.medianMs / ours.medianMs).toFixed(1)}×`);
  expect(after.prepare("SELECT count(*) FROM pragma_index_list('organizations') WHERE name = 'organizations_successor'").pluck().get()).toBe(1);
  before.close();
  after.close();
});
