import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { migrate } from '../../src/main/core/db/migrate';
import { m0001 } from '../../src/main/core/db/migrations/0001-initial';
import { m0002 } from '../../src/main/core/db/migrations/0002-movements-plans';
import { m0003 } from '../../src/main/core/db/migrations/0003-registrations';
import { tempDir } from '../helpers/core';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0003 (registrations)', () => {
  it('upgrades a version-2 database with data, keeps it, and enforces one live registration per unit and phase', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v2.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, [m0001, m0002]);
    const now = '2020-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO organizations (id, code, level, created_at, updated_at) VALUES ('o1', 'DV1', 'upper', ?, ?)").run(now, now);
    db.prepare("INSERT INTO movements (id, year, organization_id, name, created_at, updated_at) VALUES ('m1', 2020, 'o1', 'Phong trào', ?, ?)").run(now, now);
    expect(migrate(db, [m0001, m0002, m0003])).toEqual([3]);
    expect(db.prepare('SELECT name FROM movements').all()).toEqual([{ name: 'Phong trào' }]);
    const ins = db.prepare("INSERT INTO registrations (id, owner_id, movement_id, phase_id, organization_id, created_at, updated_at, deleted_at) VALUES (?, 'o1', 'm1', NULL, 'o1', ?, ?, ?)");
    ins.run('r1', now, now, null);
    expect(() => ins.run('r2', now, now, null)).toThrow(/UNIQUE/);
    ins.run('r3', now, now, now); // a tombstoned one does not count
    db.prepare("INSERT INTO works (id, registration_id, name, search_key, value_dong, created_at, updated_at) VALUES ('w1', 'r1', 'Cầu', 'cau', 100, ?, ?)").run(now, now);
    expect(() => db.prepare("INSERT INTO works (id, registration_id, name, search_key, value_dong, created_at, updated_at) VALUES ('w2', 'r1', 'X', 'x', -1, ?, ?)").run(now, now)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO work_reviews (id, owner_id, work_id, status, created_at, updated_at) VALUES ('v1', 'o1', 'w1', 'maybe', ?, ?)").run(now, now)).toThrow(/CHECK/);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
  });
});
