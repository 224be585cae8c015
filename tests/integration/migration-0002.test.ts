import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { migrate } from '../../src/main/core/db/migrate';
import { m0001 } from '../../src/main/core/db/migrations/0001-initial';
import { m0002, SEEDED_OCCASIONS } from '../../src/main/core/db/migrations/0002-movements-plans';
import { tempDir } from '../helpers/core';
import { SEED_FILE } from '../helpers/seed-plan';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0002 (movements, plans, register)', () => {
  it('upgrades a version-1 database and seeds the occasions in the seed plan wording, NFC', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v1.sqlite'));
    migrate(db, [m0001]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(migrate(db, [m0001, m0002])).toEqual([2]);
    const rows = db.prepare('SELECT name, origin_date, kind, builtin FROM occasions ORDER BY origin_date').all() as { name: string; origin_date: string; builtin: number }[];
    expect(rows).toHaveLength(SEEDED_OCCASIONS.length);
    const byDate = Object.fromEntries(rows.map((r) => [r.origin_date, r.name]));
    expect(byDate['1930-02-03']).toBe('Ngày thành lập Đảng Cộng sản Việt Nam');
    expect(byDate['1890-05-19']).toBe('Ngày sinh Chủ tịch Hồ Chí Minh');
    expect(byDate['1975-04-30']).toBe('Ngày giải phóng miền Nam thống nhất đất nước');
    expect(byDate['1945-08-19']).toBe('Ngày Cách mạng Tháng Tám thành công');
    expect(byDate['1945-09-02']).toBe('Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(byDate['1886-05-01']).toBe('Ngày Quốc tế Lao động');
    expect(byDate['1929-07-28']).toBe('Ngày thành lập Công đoàn Việt Nam');
    expect(byDate['1930-10-20']).toBe('Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam');
    for (const r of rows) {
      expect(r.name).toBe(r.name.normalize('NFC'));
      expect(r.builtin).toBe(1);
    }
    // The names the seed plan uses are written exactly as it writes them.
    const seed = readFileSync(SEED_FILE, 'utf8').normalize('NFC');
    for (const d of ['1930-02-03', '1890-05-19', '1975-04-30', '1945-08-19', '1945-09-02']) expect(seed).toContain(byDate[d]);
    db.close();
  });

  it('rolls back completely when it fails half way', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v1.sqlite'));
    migrate(db, [m0001]);
    db.exec('CREATE TABLE plans (x TEXT)'); // makes 0002 fail after its first tables
    expect(() => migrate(db, [m0001, m0002])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name IN ('occasions', 'movements')").get()).toEqual({ n: 0 });
    db.close();
  });
});
