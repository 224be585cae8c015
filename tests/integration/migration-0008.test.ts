import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { tempDir } from '../helpers/core';
import { queryPlan } from '../helpers/schema-dump';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0008 (exchange trust: stored previews, revoked keys)', () => {
  it('upgrades a version-7 database with exchange data, keeps it, and the lookups use their indexes', () => {
    dir = tempDir();
    const db = new Database(join(dir, 'v7.sqlite'));
    migrate(db, migrations.filter((m) => m.version <= 7));
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO exchange_identity (id, office_id, public_key, private_key, fingerprint, created_at) VALUES (1, 'o1', 'pk', 'secret', 'AAAA-BBBB-CCCC-DDDD', ?)").run(now);
    db.prepare("INSERT INTO exchange_partners (office_id, office_name, level, public_key, fingerprint, confirmed_at) VALUES ('p1', 'LĐLĐ tỉnh', 'province', 'k', 'EEEE-FFFF-GGGG-HHHH', ?)").run(now);
    db.prepare("INSERT INTO exchange_imports (package_id, kind, sender_id, sender_name, sequence, created, imported_at, counts, backup_file) VALUES ('pkg1', 'plan', 'p1', 'LĐLĐ tỉnh', 1, ?, ?, '{}', 'b.sqlite')").run(now, now);

    expect(migrate(db, migrations.filter((m) => m.version <= 8))).toEqual([8]);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT office_id, fingerprint FROM exchange_partners').all()).toEqual([{ office_id: 'p1', fingerprint: 'EEEE-FFFF-GGGG-HHHH' }]);
    expect(db.prepare('SELECT package_id FROM exchange_imports').pluck().all()).toEqual(['pkg1']);
    // the private key is still here until the app's first start moves it to the key store (exchange-keys.test.ts)
    expect(db.prepare('SELECT private_key FROM exchange_identity').pluck().get()).toBe('secret');

    db.prepare("INSERT INTO exchange_previews (token, package_id, kind, sender_id, sender_name, created, previewed_at, state, bytes) VALUES ('t', 'pkg2', 'plan', 'p1', 'LĐLĐ tỉnh', ?, ?, 's', x'00')").run(now, now);
    expect(() => db.prepare("INSERT INTO exchange_previews (token, package_id, kind, sender_id, sender_name, created, previewed_at, state, bytes) VALUES ('t2', 'pkg2', 'plan', 'p1', 'x', ?, ?, 's', x'00')").run(now, now)).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO exchange_revoked_keys (fingerprint, office_id, reason, at) VALUES ('EEEE-FFFF-GGGG-HHHH', 'p1', 'revoked', ?)").run(now);
    expect(() => db.prepare("INSERT INTO exchange_revoked_keys (fingerprint, office_id, reason, at) VALUES ('X', 'p1', 'lost', ?)").run(now)).toThrow(/CHECK/);

    expect(queryPlan(db, 'DELETE FROM exchange_previews WHERE package_id = ?', 'pkg2')).toMatch(/USING INDEX exchange_previews_package/);
    expect(queryPlan(db, 'SELECT fingerprint FROM exchange_revoked_keys WHERE office_id = ?', 'p1')).toMatch(/USING (COVERING )?INDEX exchange_revoked_keys_office/);
    db.close();
  });
});
