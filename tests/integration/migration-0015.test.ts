import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { tempDir } from '../helpers/core';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const plan = (db: Database.Database, q: string, ...p: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...p) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0015 (signer of a registration)', () => {
  it('upgrades registrations with data: the office own takes its signer, a lower unit stays blank', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v-prev.sqlite'));
    migrate(db, migrations.filter((m) => m.version < 15));
    const now = new Date().toISOString();
    const org = db.prepare(`INSERT INTO organizations (id, code, parent_id, level, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)`);
    org.run('o1', 'DV1', null, 'province', now, now);
    org.run('o2', 'DV2', 'o1', 'grassroots', now, now);
    db.prepare(`INSERT INTO office (id, organization_id, signer_authority, signer_title, signer_name, created_at, updated_at) VALUES (1, 'o1', 'TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Vi Văn Nghĩa', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO movements (id, owner_id, year, organization_id, name, created_at, updated_at) VALUES ('m1', 'o1', 2026, 'o1', 'Phong trào', ?, ?)`).run(now, now);
    const reg = db.prepare(`INSERT INTO registrations (id, owner_id, movement_id, phase_id, organization_id, targets, created_at, updated_at) VALUES (?, ?, 'm1', NULL, ?, ?, ?, ?)`);
    reg.run('r1', 'o1', 'o1', 'Chỉ tiêu của LĐLĐ', now, now);
    reg.run('r2', 'o2', 'o2', 'Chỉ tiêu của CĐCS', now, now);
    expect(migrate(db, migrations.filter((m) => m.version <= 15))).toEqual([15]);
    expect(db.prepare('SELECT id, targets, signer_authority, signer_title, signer_name FROM registrations ORDER BY id').all()).toEqual([
      { id: 'r1', targets: 'Chỉ tiêu của LĐLĐ', signer_authority: 'TM. BAN THƯỜNG VỤ', signer_title: 'CHỦ TỊCH', signer_name: 'Vi Văn Nghĩa' },
      { id: 'r2', targets: 'Chỉ tiêu của CĐCS', signer_authority: '', signer_title: '', signer_name: '' },
    ]);
    // A registration is still found by its unit and scope through the unique index (no new lookup added).
    expect(plan(db, `SELECT * FROM registrations WHERE movement_id = ? AND ifnull(phase_id, '') = '' AND organization_id = ? AND deleted_at IS NULL`, 'm1', 'o2')).toMatch(/USING INDEX registrations_unit_phase/);
    db.close();
  });
});
