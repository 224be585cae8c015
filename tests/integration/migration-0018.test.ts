import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseGeneration, settleGeneration } from '../../src/main/core/db/generation';
import { migrate } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { tempDir } from '../helpers/core';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const plan = (db: Database.Database, q: string, ...p: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...p) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0018 (database generation)', () => {
  it('upgrades with data: stored previews take the first generation and stay applicable; a replaced file begins a new one', () => {
    dir = tempDir();
    const file = join(dir, 'tdkt.sqlite');
    const db = new Database(file);
    migrate(db, migrations.filter((m) => m.version < 18));
    const now = new Date().toISOString();
    const insert = db.prepare("INSERT INTO exchange_previews (token, package_id, kind, sender_id, sender_name, created, previewed_at, state, bytes) VALUES (?, ?, 'directory', 'p1', 'LĐLĐ tỉnh Bắc Kạn', ?, ?, ?, x'0102')");
    insert.run('t1', 'pkg1', now, now, 's1');
    insert.run('t2', 'pkg2', now, now, 's2');
    db.prepare("INSERT INTO app_meta (key, value) VALUES ('settings.documentLayout', '{}')").run();
    expect(migrate(db, migrations.filter((m) => m.version <= 18))).toEqual([18]);

    const generation = databaseGeneration(db);
    expect(generation).toMatch(/^[0-9a-f]{32}$/);
    expect(db.prepare('SELECT token, package_id, state, bytes, generation FROM exchange_previews ORDER BY token').all()).toEqual([
      { token: 't1', package_id: 'pkg1', state: 's1', bytes: Buffer.from([1, 2]), generation },
      { token: 't2', package_id: 'pkg2', state: 's2', bytes: Buffer.from([1, 2]), generation },
    ]);
    expect(db.prepare("SELECT value FROM app_meta WHERE key = 'settings.documentLayout'").pluck().get()).toBe('{}');
    expect(db.prepare("SELECT value FROM app_meta WHERE key = 'db.generation.unsettled'").pluck().get()).toBe('1');
    // A preview is still found by its token and replaced by its package id through their indexes.
    expect(plan(db, 'SELECT bytes, state, generation FROM exchange_previews WHERE token = ?', 't1')).toMatch(/USING INDEX sqlite_autoindex_exchange_previews_1/);
    expect(plan(db, 'DELETE FROM exchange_previews WHERE package_id = ?', 'pkg1')).toMatch(/USING INDEX exchange_previews_package/);

    // First open after the upgrade: no copy beside the file yet, as expected, so nothing renews; the copy is written.
    expect(settleGeneration(db, file, false)).toBe(false);
    expect(databaseGeneration(db)).toBe(generation);
    expect(readFileSync(`${file}.generation`, 'utf8')).toBe(generation);
    expect(db.prepare("SELECT COUNT(*) FROM app_meta WHERE key = 'db.generation.unsettled'").pluck().get()).toBe(0);
    expect(settleGeneration(db, file, false)).toBe(false);
    // A restore renews it; a file whose value differs from the copy (replaced outside the app) renews it too.
    expect(settleGeneration(db, file, true)).toBe(true);
    const second = databaseGeneration(db);
    expect(second).not.toBe(generation);
    db.prepare("UPDATE app_meta SET value = ? WHERE key = 'db.generation'").run(generation);
    expect(settleGeneration(db, file, false)).toBe(true);
    expect([generation, second]).not.toContain(databaseGeneration(db));
    expect(settleGeneration(db, file, false)).toBe(false);
    // The same file later found without its copy (a backup placed in a new data folder): renewed too.
    const third = databaseGeneration(db);
    rmSync(`${file}.generation`);
    expect(settleGeneration(db, file, false)).toBe(true);
    expect(databaseGeneration(db)).not.toBe(third);
    expect(existsSync(`${file}.generation`)).toBe(true);
    db.close();
  });
});
