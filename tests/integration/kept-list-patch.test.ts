import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutWriteCounts } from '../../src/main/core/db/table-writes';
import type { DB } from '../../src/main/core/db/schema';
import { ftsMatches, ftsQuery, liveOrder, personRow, searchPeople } from '../../src/main/core/services/people';
import { pageRegistrations, tracker } from '../../src/main/core/services/registrations';
import { pageWorks } from '../../src/main/core/services/works';
import { keptStats, untilNextWrite, type WrittenRows } from '../../src/main/core/util/until-next-write';
import { startCore, type TestCore } from '../helpers/core';
import { seedRegistrationWorld } from '../helpers/registrations';
import { seededRandom } from '../helpers/seeded-random';

/**
 * Kept lists patched with the rows written since (instead of read again whole) must answer exactly what a
 * fresh read answers, whatever wrote the rows: handlers, raw statements, rowid reuse, rolled-back
 * transactions, another connection, bulk writes without the log.
 */
let core: TestCore;
let world: Awaited<ReturnType<typeof seedRegistrationWorld>>;
let sqlite: Database.Database;
let db: Kysely<DB>;
beforeAll(async () => {
  core = await startCore();
  world = await seedRegistrationWorld(core);
  sqlite = core.app.store.sqlite;
  db = core.app.store.db;
});
afterAll(() => core.cleanup());

const PERSON_COLUMNS = 'id, organization_id, full_name, birth_year, gender, position, search_key, sort_key, owner_id, revision, deleted_at, created_at, updated_at';
const insertPerson = (fullName: string, organizationId: string | null = null) =>
  Number(
    sqlite
      .prepare(`INSERT INTO people (${PERSON_COLUMNS}) VALUES (${PERSON_COLUMNS.split(', ').map((c) => `@${c}`).join(', ')})`)
      .run(personRow({ fullName, organizationId, birthYear: 1980, gender: '', position: '' })).lastInsertRowid,
  );

/** What the kept value saw: each patch's rows written, or 'computed'. */
function recorder(tables: readonly string[]) {
  const seen: (Record<string, number[]> | 'computed')[] = [];
  const name = `patch test ${Math.random()}`;
  return {
    seen,
    read: () =>
      untilNextWrite(
        db,
        name,
        tables,
        async () => {
          seen.push('computed');
          return seen.length;
        },
        async (kept: number, written: WrittenRows) => {
          seen.push(Object.fromEntries([...written].map(([t, rows]) => [t, [...rows].sort((a, b) => a - b)])));
          return kept + 1;
        },
      ),
  };
}

describe('untilNextWrite with a patch', () => {
  it('hands the patch exactly the rowids written to each table it reads, by any path', async () => {
    const r = recorder(['people', 'registrations']);
    await r.read();
    await r.read();
    expect(r.seen).toEqual(['computed']);
    const a = insertPerson('Nông Văn An');
    const b = insertPerson('Hà Thị Bích');
    await r.read();
    expect(r.seen[1]).toEqual({ people: [a, b], registrations: [] });
    // An update that moves the rowid reports both; a delete its old rowid; a rolled-back write is re-read too.
    sqlite.prepare('UPDATE people SET rowid = ? WHERE rowid = ?').run(b + 1000, b);
    sqlite.prepare('DELETE FROM people WHERE rowid = ?').run(a);
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare("UPDATE people SET position = 'x' WHERE rowid = ?").run(b + 1000);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    await r.read();
    expect(r.seen[2]).toEqual({ people: [a, b, b + 1000], registrations: [] });
    // A write to a table it does not read changes nothing; one through a handler is seen.
    await core.call('organizations.create', { parentId: world.office.organizationId, level: 'grassroots', name: 'Tổ công đoàn Khối 9' });
    await r.read();
    expect(r.seen).toHaveLength(3);
    await core.call('registrations.save', { movementId: world.movement.id, phaseId: world.phase1, organizationId: world.baBe.id, individuals: [] });
    await r.read();
    const regRowid = Number(sqlite.prepare('SELECT max(rowid) FROM registrations').pluck().get());
    expect(r.seen[3]).toEqual({ people: [], registrations: [regRowid] });
  });

  it('reads the value again whole when the rows written are not all known', async () => {
    const r = recorder(['people']);
    await r.read();
    // Another connection's commit (not logged here).
    const other = new Database(core.app.store.file);
    try {
      other.prepare("UPDATE people SET position = 'y' WHERE rowid = (SELECT min(rowid) FROM people)").run();
    } finally {
      other.close();
    }
    await r.read();
    // A bulk write without the log.
    withoutWriteCounts(sqlite, () => sqlite.prepare("UPDATE people SET position = 'z'").run());
    await r.read();
    // More rows than a patch is worth.
    sqlite.transaction(() => {
      for (let i = 0; i < 2100; i++) insertPerson(`Lục Văn Số ${i}`);
    })();
    await r.read();
    expect(r.seen).toEqual(['computed', 'computed', 'computed', 'computed']);
    insertPerson('Bế Thị Một');
    await r.read();
    expect(r.seen[4]).not.toBe('computed');
  });
});

describe('a list read while a raw transaction is open', () => {
  it('is not kept: the rollback that follows fires no trigger', async () => {
    // Lengths, not the lists: a kept list is patched in place.
    const before = (await liveOrder(db)).length;
    sqlite.exec('BEGIN');
    let inside: number;
    try {
      const rowid = insertPerson('Nông Thị Rollback');
      inside = (await liveOrder(db)).length;
      expect((await liveOrder(db)).some((p) => p.rowid === rowid)).toBe(true);
    } finally {
      sqlite.exec('ROLLBACK');
    }
    expect(inside).toBe(before + 1);
    expect(await liveOrder(db)).toEqual(await db.transaction().execute((trx) => liveOrder(trx)));
    expect((await liveOrder(db)).length).toBe(before);
  });
});

describe('patched lists answer as a fresh read, over random writes', () => {
  it('people order, FTS matches, deep people pages and works pages', { timeout: 120_000 }, async () => {
    const rnd = seededRandom(20261130);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
    const FAMILY = ['Nguyễn', 'Nông', 'Trần', 'Hà', 'Lục', 'Bế', 'Triệu'];
    const GIVEN = ['An', 'Nam', 'Thủy', 'Ngân', 'Hạnh', 'Tâm', 'Thắng'];
    const name = () => `${pick(FAMILY)} ${pick(['Văn', 'Thị', 'Ngọc'])} ${pick(GIVEN)}`;
    const units = [world.baBe.id, world.choDon.id, world.nganhGd.id];
    const phases = [world.phase1, world.phase2, null];
    // Enough people for the deep pages (past 1,000 rows) that walk the kept order.
    sqlite.transaction(() => {
      for (let i = 0; i < 1300; i++) insertPerson(name(), pick(units));
    })();
    for (const unit of units) {
      await core.call('registrations.save', {
        movementId: world.movement.id,
        phaseId: world.phase2,
        organizationId: unit,
        individuals: [],
        works: [0, 1, 2].map((k) => ({ name: `${pick(['Nhà văn hóa', 'Sân bóng', 'Thư viện'])} ${k}`, implementer: pick(['Ban quản lý', 'Nhà thầu Nam Hà']) })),
      });
    }
    const now = () => new Date().toISOString();
    const anyRowid = (table: string) => Number(sqlite.prepare(`SELECT rowid FROM ${table} ORDER BY random() LIMIT 1`).pluck().get() ?? 0);
    const anyId = (table: string) => String(sqlite.prepare(`SELECT id FROM ${table} ORDER BY random() LIMIT 1`).pluck().get() ?? '');
    const rename = (rowid: number) => {
      const row = personRow({ fullName: name(), organizationId: null, birthYear: null, gender: '', position: '' });
      sqlite.prepare('UPDATE people SET full_name = ?, search_key = ?, sort_key = ? WHERE rowid = ?').run(row.full_name, row.search_key, row.sort_key, rowid);
    };
    const writes: (() => unknown)[] = [
      () => core.call('people.create', { fullName: name(), organizationId: pick(units), birthYear: 1990 }),
      () => insertPerson(name(), pick(units)),
      () => rename(anyRowid('people')),
      // Many rows at once (the list is copied once rather than spliced row by row).
      () =>
        sqlite.transaction(() => {
          for (let i = 0; i < 40; i++) rename(anyRowid('people'));
          sqlite.prepare('UPDATE works SET sort_order = sort_order + 1 WHERE rowid IN (SELECT rowid FROM works ORDER BY random() LIMIT 40)').run();
        })(),
      () => sqlite.prepare('UPDATE people SET deleted_at = ? WHERE rowid = ?').run(now(), anyRowid('people')),
      () => sqlite.prepare('UPDATE people SET deleted_at = NULL WHERE rowid = ?').run(anyRowid('people')),
      // The last row deleted and a new one taking its rowid.
      () => {
        sqlite.prepare('DELETE FROM people WHERE rowid = (SELECT max(rowid) FROM people)').run();
        insertPerson(name());
      },
      // A namesake: the same sort key, ties by rowid.
      () => insertPerson(String(sqlite.prepare('SELECT full_name FROM people WHERE deleted_at IS NULL ORDER BY random() LIMIT 1').pluck().get())),
      () => sqlite.prepare('UPDATE people SET rowid = (SELECT max(rowid) + 7 FROM people), search_key = search_key WHERE rowid = ?').run(anyRowid('people')),
      () =>
        sqlite.transaction(() => {
          rename(anyRowid('people'));
          throw new Error('rolled back');
        })(),
      () => {
        const other = new Database(core.app.store.file);
        try {
          other.prepare("UPDATE people SET deleted_at = '2026-01-01' WHERE rowid = (SELECT rowid FROM people ORDER BY random() LIMIT 1)").run();
          other.prepare("UPDATE works SET sort_order = sort_order + 1 WHERE rowid = (SELECT rowid FROM works ORDER BY random() LIMIT 1)").run();
        } finally {
          other.close();
        }
      },
      () => withoutWriteCounts(sqlite, () => rename(anyRowid('people'))),
      () =>
        core.call('registrations.save', {
          id: anyId('registrations') || undefined,
          movementId: world.movement.id,
          phaseId: world.phase2,
          organizationId: pick(units),
          individuals: [],
          works: [0, 1].map(() => ({ name: `${pick(['Nhà văn hóa', 'Cổng trường', 'Đường bê tông'])} ${Math.floor(rnd() * 5)}`, implementer: '' })),
        }),
      () => sqlite.prepare("UPDATE works SET name = 'Nhà bia tưởng niệm', search_key = 'nha bia tuong niem' WHERE rowid = ?").run(anyRowid('works')),
      () => sqlite.prepare('UPDATE works SET sort_order = ? WHERE rowid = ?').run(Math.floor(rnd() * 4), anyRowid('works')),
      () => sqlite.prepare('UPDATE works SET deleted_at = ? WHERE rowid = ?').run(now(), anyRowid('works')),
      () => sqlite.prepare('UPDATE works SET deleted_at = NULL WHERE rowid = ?').run(anyRowid('works')),
      () => sqlite.prepare('UPDATE works SET registration_id = (SELECT id FROM registrations ORDER BY random() LIMIT 1) WHERE rowid = ?').run(anyRowid('works')),
      () => sqlite.prepare('UPDATE works SET rowid = (SELECT max(rowid) + 3 FROM works) WHERE rowid = ?').run(anyRowid('works')),
      () => sqlite.prepare('DELETE FROM works WHERE rowid = ?').run(anyRowid('works')),
      () => sqlite.prepare('UPDATE registrations SET deleted_at = ? WHERE rowid = ?').run(now(), anyRowid('registrations')),
      () => sqlite.prepare('UPDATE registrations SET deleted_at = NULL WHERE rowid = ?').run(anyRowid('registrations')),
      () => sqlite.prepare('UPDATE registrations SET phase_id = ? WHERE rowid = ?').run(pick(phases), anyRowid('registrations')),
      () => sqlite.prepare('UPDATE registrations SET organization_id = ? WHERE rowid = ?').run(pick(units), anyRowid('registrations')),
      // A unit's whole-movement registration, shadowed in each phase by the phase's own.
      () => core.call('registrations.save', { movementId: world.movement.id, phaseId: null, organizationId: pick(units), individuals: [] }),
      () => core.call('registrations.delete', { id: anyId('registrations') }),
      () => core.call('registrations.reviewWork', { workId: anyId('works'), action: pick(['approve', 'refuse', 'reset'] as const), date: '2020-03-01', note: '' }),
    ];
    const fresh = <T>(fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> => db.transaction().execute(fn);
    const matches = ['n', 'th', 'nguyen van', 'thuy'].map((q) => ftsQuery(q)!);
    const worksFilters = [
      { movementId: world.movement.id, phaseId: world.phase2, query: '' },
      { movementId: world.movement.id, phaseId: world.phase2, query: 'nha' },
      { movementId: world.movement.id, query: '' },
      { status: 'approved' as const, query: '' },
      { organizationId: world.choDon.id, query: 'ban' },
    ];
    const reviewer = world.office.organizationId;
    const scopes = [
      { movementId: world.movement.id, phaseId: world.phase2 },
      { movementId: world.movement.id, phaseId: world.phase1 },
      { movementId: world.movement.id, phaseId: null },
    ];
    const patchedBefore = keptStats.patched;
    for (let step = 0; step < 150; step++) {
      for (let k = 1 + Math.floor(rnd() * 2); k > 0; k--) {
        try {
          await pick(writes)();
        } catch (e) {
          // Refusals (a unit's second registration, a review from the wrong status, a rolled-back write) still wrote nothing or something: either way the lists must follow.
          if (!(e instanceof Error)) throw e;
        }
      }
      const where = `step ${step}`;
      expect(await liveOrder(db), where).toEqual(await fresh((trx) => liveOrder(trx)));
      for (const m of matches) expect([...(await ftsMatches(db, m))].sort((a, b) => a - b), `${where} ${m}`).toEqual([...(await fresh((trx) => ftsMatches(trx, m)))].sort((a, b) => a - b));
      const deep = { query: pick(['n', 'th', 'an', '']), limit: 100, offset: 950 + Math.floor(rnd() * 150) };
      expect(await core.call('people.search', deep), `${where} ${JSON.stringify(deep)}`).toEqual(structuredClone(await fresh((trx) => searchPeople(trx, deep))));
      for (const scope of scopes) {
        for (const query of ['', 'ba']) {
          const page = { ...scope, query, limit: 500, offset: 0 };
          expect(await core.call('registrations.list', page), `${where} list ${JSON.stringify(page)}`).toEqual(structuredClone(await fresh((trx) => pageRegistrations(trx, page))));
        }
        const shown = { query: '', limit: 500, offset: 0 };
        expect(await core.call('registrations.tracker', { ...scope, ...shown }), `${where} tracker ${JSON.stringify(scope)}`).toEqual(
          structuredClone(await fresh((trx) => tracker(trx, reviewer, scope.movementId, scope.phaseId, false, shown))),
        );
      }
      for (const f of worksFilters) {
        const page = { ...f, limit: 500, offset: 0 };
        expect(await core.call('registrations.works', page), `${where} ${JSON.stringify(f)}`).toEqual(structuredClone(await fresh((trx) => pageWorks(trx, page, reviewer))));
      }
    }
    // Most steps were patches, not whole reads (the other connection and bulk writes are read again).
    expect(keptStats.patched - patchedBefore).toBeGreaterThan(300);
  });
});
