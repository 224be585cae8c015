/**
 * Search through the real handlers (registry dispatch, the same path as IPC and the bridge), with unit
 * names, at 100,000 people and 5,000 units: short prefixes (1–2 letters), selective names, deep pages.
 * Target < 20 ms each (issue 16), printed beside each measurement.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { bridgeHost } from '../src/bridge/host-bridge';
import { createApp, DB_FILE_NAME, type CoreApp } from '../src/main/core/app';
import { openStore } from '../src/main/core/db/open';
import { personRow } from '../src/main/core/services/people';
import { fold } from '../src/shared/vi-text';
import { BAC_KAN_OFFICE } from '../tests/helpers/core';
import { measure, report, statsOf } from './harness';
import { seededRandom } from '../tests/helpers/seeded-random';

const dir = mkdtempSync(join(tmpdir(), 'tdkt-bench-search-'));
let app: CoreApp;
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Nông', 'Triệu', 'Hà', 'Ma', 'Lục', 'Bế', 'Lường'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thu', 'Quang', 'Xuân', 'Hữu', 'Thanh', 'Kim', 'Anh'];
const GIVEN = ['An', 'Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Hương', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Nghĩa', 'Oanh', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Thủy', 'Trang', 'Tuấn', 'Vân', 'Yến'];
const PLACES = ['Ba Bể', 'Chợ Đồn', 'Ngân Sơn', 'Pác Nặm', 'Na Rì', 'Bạch Thông', 'Chợ Mới', 'Thành phố'];

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

test('people, registrations and works search through the handlers at 100k people and 5,000 units', async () => {
  app = await createApp(dir, bridgeHost(join(dir, 'exports'), 'bench'), { dailyBackup: false });
  const office = await call<{ organizationId: string }>('office.setup', BAC_KAN_OFFICE);
  const movement = await call<{ id: string; phases: { id: string }[] }>('movements.save', {
    year: 2020,
    name: 'Phong trào thi đua năm 2020',
    phases: [{ name: 'Đợt 1', startDate: '2020-01-01', endDate: '2020-12-31' }],
  });
  const phaseId = movement.phases[0].id;
  const rnd = seededRandom(12345);
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  const sqlite = app.store.sqlite;
  const now = new Date().toISOString();
  const units: string[] = [];
  const t0 = performance.now();
  sqlite.transaction(() => {
    const org = sqlite.prepare("INSERT INTO organizations (id, code, parent_id, level, sort_order, owner_id, revision, created_at, updated_at) VALUES (?, ?, ?, 'grassroots', ?, NULL, 1, ?, ?)");
    const name = sqlite.prepare("INSERT INTO organization_names (organization_id, valid_from, name, short_name, abbreviation, place_name, parent_line, search_key) VALUES (?, '1900-01-01', ?, '', 'CĐCS', 'Bắc Kạn', '', ?)");
    for (let i = 0; i < 5000; i++) {
      const id = crypto.randomUUID();
      const n = `Công đoàn cơ sở Trường ${pick(['Tiểu học', 'THCS', 'Mầm non', 'THPT'])} ${pick(PLACES)} số ${i + 1}`;
      org.run(id, `DVB${i}`, office.organizationId, i, now, now);
      name.run(id, n, fold(n));
      units.push(id);
    }
    const person = sqlite.prepare(
      'INSERT INTO people (id, organization_id, full_name, birth_year, gender, position, search_key, sort_key, owner_id, revision, deleted_at, created_at, updated_at) VALUES (@id, @organization_id, @full_name, @birth_year, @gender, @position, @search_key, @sort_key, @owner_id, @revision, @deleted_at, @created_at, @updated_at)',
    );
    for (let i = 0; i < 100_000; i++) {
      const middles = rnd() < 0.3 ? `${pick(MIDDLE)} ${pick(MIDDLE)}` : pick(MIDDLE);
      person.run(personRow({ fullName: `${pick(FAMILY)} ${middles} ${pick(GIVEN)}`, organizationId: pick(units), birthYear: 1960 + (i % 45), gender: '', position: '' }));
    }
    const reg = sqlite.prepare("INSERT INTO registrations (id, owner_id, revision, movement_id, phase_id, organization_id, status, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, 'received', ?, ?)");
    const work = sqlite.prepare('INSERT INTO works (id, owner_id, revision, registration_id, name, search_key, implementer, sort_order, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < units.length; i++) {
      const regId = crypto.randomUUID();
      reg.run(regId, units[i], movement.id, phaseId, units[i], now, now);
      for (let k = 0; k < 4; k++) {
        const w = `${pick(['Nhà văn hóa', 'Cổng trường', 'Sân bóng', 'Thư viện', 'Đường bê tông'])} ${pick(PLACES)} ${i}-${k}`;
        work.run(crypto.randomUUID(), units[i], regId, w, fold(w), 'Ban quản lý dự án', k, now, now);
      }
    }
  })();
  console.log(`BENCH setup: 5,000 units, 100,000 people, 5,000 registrations, 20,000 works in ${(performance.now() - t0).toFixed(0)} ms`);

  const people = async (label: string, input: Record<string, unknown>) => {
    let total = 0;
    let first = '';
    const stats = await measure(async () => {
      const page = await call<{ total: number; items: { fullName: string; organizationName: string | null }[] }>('people.search', { limit: 50, ...input });
      total = page.total;
      first = `${page.items[0]?.fullName ?? '—'} / ${page.items[0]?.organizationName ?? '—'}`;
    }, 20);
    report(`people.search ${label} (handler, with units)`, stats, 20, `(${total} matches; first: ${first})`);
    return total;
  };
  expect(await people('"n"', { query: 'n' })).toBeGreaterThan(1000);
  await people('"th"', { query: 'th' });
  await people('"nguyen thi thuy"', { query: 'nguyen thi thuy' });
  await people('"dang"', { query: 'dang' });
  await people('"" (everyone) page 1', { query: '' });
  await people('"" (everyone) page 1000', { query: '', offset: 50_000 });
  await people('"n" page 500', { query: 'n', offset: 25_000 });
  await people('"nguyen" last page', { query: 'nguyen', offset: 9_000 });
  await people('"h" in one unit', { query: 'h', organizationId: units[17] });

  const list = async (name: string, what: string, queries: string[]) => {
    for (const query of queries) {
      for (const deep of [false, true]) {
        let total = 0;
        let offset = 0;
        const stats = await measure(async () => {
          total = (await call<{ total: number }>(name, { movementId: movement.id, phaseId, query, limit: 50, offset })).total;
          if (deep) offset = Math.max(0, total - 50);
        }, 10);
        report(`${name} "${query}" ${deep ? 'last page' : 'page 1'} (handler, ${what})`, stats, 20, `(${total} matches)`);
      }
    }
  };
  await list('registrations.list', '5,000 registrations', ['', 'tieu', 'so 4999']);
  await list('registrations.works', '20,000 works', ['nha', 'san bong ba be', '4999-3']);
  for (const [query, offset] of [['', 0], ['', 4950], ['tieu', 0]] as const) {
    let total = 0;
    const stats = await measure(async () => {
      total = (await call<{ unitTotal: number }>('registrations.tracker', { movementId: movement.id, phaseId, query, limit: 50, offset })).unitTotal;
    }, 10);
    report(`registrations.tracker "${query}" offset ${offset} (handler, 5,000 units followed)`, stats, 20, `(${total} units)`);
  }

  // A kept list is dropped by a write to a table it reads: the first call after one reads it again (the
  // worst case); a write to a table it does not read (a registration for the people list, a person for the
  // registration lists) keeps it.
  const touchPeople = sqlite.prepare('UPDATE people SET updated_at = updated_at WHERE rowid = 1');
  const touchRegistration = sqlite.prepare('UPDATE registrations SET updated_at = updated_at WHERE rowid = 1');
  const afterWrite = async (label: string, what: string, touch: { run(): unknown }, name: string, input: Record<string, unknown>) => {
    const stats = await measure(async () => {
      touch.run();
      await call(name, input);
    }, 10);
    report(`${label}, first call after a write to ${what}`, stats, 20);
  };
  const peoplePage = { query: 'n', limit: 50, offset: 25_000 };
  const regPage = { movementId: movement.id, phaseId, query: '', limit: 50, offset: 4950 };
  const worksPage = { movementId: movement.id, phaseId, query: 'nha', limit: 50 };
  const trackerPage = { movementId: movement.id, phaseId, limit: 50 };
  await afterWrite('people.search "n" page 500', 'people (the list it reads)', touchPeople, 'people.search', peoplePage);
  // Writes that move rows: a rename (a new place in the order, in or out of the "n" matches), a new person.
  const renamed = [personRow({ fullName: 'Nông Văn Ánh', organizationId: null, birthYear: null, gender: '', position: '' }), personRow({ fullName: 'Hà Thị Yến', organizationId: null, birthYear: null, gender: '', position: '' })];
  const renamePerson = sqlite.prepare('UPDATE people SET full_name = @full_name, search_key = @search_key, sort_key = @sort_key WHERE rowid = 2');
  let renames = 0;
  await afterWrite('people.search "n" page 500', 'people (a person renamed)', { run: () => renamePerson.run(renamed[renames++ % 2]) }, 'people.search', peoplePage);
  const insertPerson = sqlite.prepare(
    'INSERT INTO people (id, organization_id, full_name, birth_year, gender, position, search_key, sort_key, owner_id, revision, deleted_at, created_at, updated_at) VALUES (@id, @organization_id, @full_name, @birth_year, @gender, @position, @search_key, @sort_key, @owner_id, @revision, @deleted_at, @created_at, @updated_at)',
  );
  await afterWrite('people.search "n" page 500', 'people (a person added)', { run: () => insertPerson.run(personRow({ fullName: 'Nguyễn Thị Ngân', organizationId: pick(units), birthYear: 1990, gender: '', position: '' })) }, 'people.search', peoplePage);
  await afterWrite('people.search "n" page 500', 'registrations (unrelated)', touchRegistration, 'people.search', peoplePage);
  await afterWrite('registrations.list "" last page', 'registrations (the list it reads)', touchRegistration, 'registrations.list', regPage);
  await afterWrite('registrations.list "" last page', 'people (unrelated)', touchPeople, 'registrations.list', regPage);
  await afterWrite('registrations.works "nha" page 1', 'registrations (the list it reads)', touchRegistration, 'registrations.works', worksPage);
  await afterWrite('registrations.works "nha" page 1', 'people (unrelated)', touchPeople, 'registrations.works', worksPage);
  const workNames = ['Nhà văn hóa thôn Nà Hang', 'Sân bóng xã Cao Kỳ'];
  const renameWork = sqlite.prepare('UPDATE works SET name = ?, search_key = ?, sort_order = ? WHERE rowid = 3');
  let workRenames = 0;
  const workRenamed = {
    run: () => {
      const n = workNames[workRenames++ % 2];
      return renameWork.run(n, fold(n), workRenames % 4);
    },
  };
  await afterWrite('registrations.works "nha" page 1', 'works (a work renamed and moved)', workRenamed, 'registrations.works', worksPage);
  await afterWrite('registrations.tracker page 1', 'registrations (the list it reads)', touchRegistration, 'registrations.tracker', trackerPage);
  await afterWrite('registrations.tracker page 1', 'people (unrelated)', touchPeople, 'registrations.tracker', trackerPage);

  // Start-up on this file (100k people with their FTS index, 5,000 units, 20,000 works): the whole open
  // against the open+migrate target, beside quick_check alone on the same file.
  await app.close();
  const file = join(dir, DB_FILE_NAME);
  const quick = await measure(() => {
    const db = new Database(file, { readonly: true });
    db.pragma('quick_check(1)');
    db.close();
  }, 5, 1);
  report('quick_check alone on this database', quick);
  const opened = await measure(async () => {
    const store = await openStore(file);
    await store.close();
  }, 5, 1);
  report('openStore with quick_check on the main thread (as before)', opened, 200, `(${(statSync(file).size / 1024 / 1024).toFixed(0)} MB)`);
  const createTimes: number[] = [];
  const firstCallTimes: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    app = await createApp(dir, bridgeHost(join(dir, 'exports'), 'bench'), { dailyBackup: false });
    const t1 = performance.now();
    await call('app.getStartupState', {});
    const t2 = performance.now();
    await app.close();
    if (i === 0) continue; // warm-up
    createTimes.push(t1 - t0);
    firstCallTimes.push(t2 - t0);
  }
  report('createApp (open + checks; quick_check left to a worker)', statsOf(createTimes), 200);
  report('createApp until the first call is answered (it waits for the worker\'s page check)', statsOf(firstCallTimes), 200);
  app = await createApp(dir, bridgeHost(join(dir, 'exports'), 'bench'), { dailyBackup: false });
});
