import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personRow } from '../../src/main/core/services/people';
import { withoutWriteCounts } from '../../src/main/core/db/table-writes';
import { untilNextWrite } from '../../src/main/core/util/until-next-write';
import { BAC_KAN_OFFICE, startCore, type TestCore } from '../helpers/core';

/**
 * Lists kept until the next write are dropped by a write to a table they read, by whatever path (a handler,
 * a raw statement, a foreign-key cascade, another connection), and kept across writes to other tables.
 */
let core: TestCore;
let unitId: string;
let officeId: string;
beforeAll(async () => {
  core = await startCore();
  const office = await core.call('office.setup', BAC_KAN_OFFICE);
  officeId = office.organizationId;
  unitId = (await core.call('organizations.create', { parentId: officeId, level: 'grassroots', name: 'Công đoàn Trường Tiểu học Ba Bể' })).id;
});
afterAll(() => core.cleanup());

/** A kept value that counts how often it was computed. */
function counter(tables: readonly string[], db = core.app.store.db) {
  let computed = 0;
  const name = `test ${tables.join(',')} ${Math.random()}`;
  return {
    read: () => untilNextWrite(db, name, tables, async () => ++computed),
    get computed() {
      return computed;
    },
  };
}

describe('untilNextWrite, scoped to the tables a list reads', () => {
  it('keeps the value across writes to other tables and drops it on a write to its own', async () => {
    const people = counter(['people']);
    expect(await people.read()).toBe(1);
    expect(await people.read()).toBe(1);
    await core.call('organizations.create', { parentId: officeId, level: 'grassroots', name: 'Tổ công đoàn Khối 1' });
    expect(await people.read()).toBe(1);
    await core.call('people.create', { fullName: 'Nông Văn An', organizationId: unitId, birthYear: 1980 });
    expect(await people.read()).toBe(2);
  });

  it('sees a raw statement that bypasses the write wrapper (insert, update, delete)', async () => {
    const people = counter(['people']);
    const sqlite = core.app.store.sqlite;
    await people.read();
    const row = personRow({ fullName: 'Hà Thị Hạnh', organizationId: unitId, birthYear: 1990, gender: '', position: '' });
    sqlite.prepare('INSERT INTO people (id, organization_id, full_name, birth_year, gender, position, search_key, sort_key, owner_id, revision, deleted_at, created_at, updated_at) VALUES (@id, @organization_id, @full_name, @birth_year, @gender, @position, @search_key, @sort_key, @owner_id, @revision, @deleted_at, @created_at, @updated_at)').run(row);
    expect(await people.read()).toBe(2);
    sqlite.prepare("UPDATE people SET position = 'Tổ trưởng' WHERE id = ?").run(row.id);
    expect(await people.read()).toBe(3);
    sqlite.prepare('DELETE FROM people WHERE id = ?').run(row.id);
    expect(await people.read()).toBe(4);
    expect(await people.read()).toBe(4);
  });

  it('sees a foreign-key cascade into a table the list reads', async () => {
    const sqlite = core.app.store.sqlite;
    const id = (await core.call('organizations.create', { parentId: officeId, level: 'grassroots', name: 'Tổ công đoàn Khối 2' })).id;
    const names = counter(['organization_names']);
    await names.read();
    // Only organizations is named in the statement; its names go by ON DELETE CASCADE.
    sqlite.prepare('DELETE FROM organizations WHERE id = ?').run(id);
    expect(await names.read()).toBe(2);
  });

  it('sees a commit made by another connection to the same file', async () => {
    const people = counter(['people']);
    await people.read();
    const other = new Database(core.app.store.file);
    try {
      const row = personRow({ fullName: 'Lý Văn Nam', organizationId: unitId, birthYear: 1985, gender: '', position: '' });
      other.prepare(`INSERT INTO people (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((k) => `@${k}`).join(', ')})`).run(row);
    } finally {
      other.close();
    }
    expect(await people.read()).toBe(2);
  });

  it('a bulk write made without the counts (the exchange engine) drops every kept list, even when it fails', async () => {
    const sqlite = core.app.store.sqlite;
    const units = counter(['organizations']);
    await units.read();
    withoutWriteCounts(sqlite, () => sqlite.prepare('UPDATE organizations SET sort_order = sort_order + 1 WHERE id = ?').run(unitId));
    expect(await units.read()).toBe(2);
    expect(() =>
      withoutWriteCounts(sqlite, () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(await units.read()).toBe(3);
    // The counts are back afterwards.
    sqlite.prepare('UPDATE organizations SET sort_order = sort_order + 1 WHERE id = ?').run(unitId);
    expect(await units.read()).toBe(4);
    expect(await units.read()).toBe(4);
  });

  it('an async bulk write (a staged write: sheets, packages) is marked when it settles, and a closed connection is left alone', async () => {
    const sqlite = core.app.store.sqlite;
    const people = counter(['people']);
    await people.read();
    const row = personRow({ fullName: 'Triệu Văn Đạt', organizationId: unitId, birthYear: 1979, gender: '', position: '' });
    await withoutWriteCounts(sqlite, async () => {
      await core.app.store.db.insertInto('people').values(row).execute();
      await Promise.resolve();
    });
    expect(await people.read()).toBe(2);
    await expect(withoutWriteCounts(sqlite, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await people.read()).toBe(3);
    const closed = new Database(':memory:');
    closed.close();
    expect(withoutWriteCounts(closed, () => 7)).toBe(7);
    expect(withoutWriteCounts(null, () => 8)).toBe(8);
  });

  it('inside a transaction (no per-table count) any write drops the value', async () => {
    await core.app.store.db.transaction().execute(async (trx) => {
      const people = counter(['people'], trx);
      await people.read();
      await trx.updateTable('organizations').set({ sort_order: 7 }).where('id', '=', unitId).execute();
      expect(await people.read()).toBe(2);
    });
  });

  it('a people search after a write to another area reads the list it kept, and after a raw write to people the new row', async () => {
    const first = await core.call('people.search', { query: 'nong', limit: 50, offset: 0 });
    await core.call('organizations.create', { parentId: officeId, level: 'grassroots', name: 'Tổ công đoàn Khối 3' });
    expect(await core.call('people.search', { query: 'nong', limit: 50, offset: 0 })).toEqual(first);
    const row = personRow({ fullName: 'Nông Thị Ánh', organizationId: unitId, birthYear: 1991, gender: '', position: '' });
    core.app.store.sqlite
      .prepare('INSERT INTO people (id, organization_id, full_name, birth_year, gender, position, search_key, sort_key, owner_id, revision, deleted_at, created_at, updated_at) VALUES (@id, @organization_id, @full_name, @birth_year, @gender, @position, @search_key, @sort_key, @owner_id, @revision, @deleted_at, @created_at, @updated_at)')
      .run(row);
    const after = await core.call('people.search', { query: 'nong', limit: 50, offset: 0 });
    expect(after.total).toBe(first.total + 1);
    expect(after.items.map((p) => p.fullName)).toContain('Nông Thị Ánh');
  });
});
