import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personRow } from '../../src/main/core/services/people';
import { fold, personSortKey } from '../../src/shared/vi-text';
import { BAC_KAN_OFFICE, startCore, type TestCore } from '../helpers/core';

/**
 * people.search answers the same pages whichever way it reads them (index walk for the whole list and
 * common prefixes, sorting for selective queries): checked against a reference computed in JS.
 */
let core: TestCore;
let units: { id: string; name: string }[];
interface P {
  id: string;
  fullName: string;
  organizationId: string;
  deleted: boolean;
}
const people: P[] = [];
beforeAll(async () => {
  core = await startCore();
  const office = await core.call('office.setup', BAC_KAN_OFFICE);
  units = [];
  for (const name of ['Công đoàn Trường Tiểu học Ba Bể', 'Công đoàn Trường THCS Chợ Đồn', 'Công đoàn ngành Y tế']) {
    const u = await core.call('organizations.create', { parentId: office.organizationId, level: 'grassroots', name });
    units.push({ id: u.id, name });
  }
  const family = ['Nguyễn', 'Nông', 'Ngô', 'Đặng', 'Hoàng', 'Hà', 'Triệu', 'Lý'];
  const middle = ['Văn', 'Thị', 'Đức', 'Ngọc'];
  const given = ['An', 'Ánh', 'Hà', 'Hạnh', 'Nam', 'Ngân', 'Thủy', 'Thúy', 'Dũng', 'Đạt'];
  const sqlite = core.app.store.sqlite;
  const insert = sqlite.prepare(
    'INSERT INTO people (id, organization_id, full_name, birth_year, gender, position, search_key, sort_key, owner_id, revision, deleted_at, created_at, updated_at) VALUES (@id, @organization_id, @full_name, @birth_year, @gender, @position, @search_key, @sort_key, @owner_id, @revision, @deleted_at, @created_at, @updated_at)',
  );
  let n = 0;
  sqlite.transaction(() => {
    // 12 copies of each name (3,840 people): common prefixes pass 2,000 matches and take the index walk.
    for (let copy = 0; copy < 12; copy++) for (const f of family) for (const m of middle) for (const g of given) {
      const organizationId = units[n % 3].id;
      const deleted = n % 17 === 0;
      const row = { ...personRow({ fullName: `${f} ${m} ${g}`, organizationId, birthYear: 1970 + (n % 30), gender: '', position: '' }), deleted_at: deleted ? '2026-01-01' : null };
      insert.run(row);
      people.push({ id: row.id, fullName: row.full_name, organizationId, deleted });
      n++;
    }
  })();
});
afterAll(() => core.cleanup());

function reference(query: string, organizationId?: string): P[] {
  const words = fold(query).split(' ').filter(Boolean);
  return people
    .filter((p) => !p.deleted && (!organizationId || p.organizationId === organizationId))
    .filter((p) => words.every((w) => fold(p.fullName).split(' ').some((x) => x.startsWith(w))))
    // The list order itself (tên, họ đệm by the collator) is tested in tests/unit/text; here: the same key.
    .sort((a, b) => (personSortKey(a.fullName) < personSortKey(b.fullName) ? -1 : personSortKey(a.fullName) > personSortKey(b.fullName) ? 1 : 0));
}

describe('people.search', () => {
  it('pages every kind of query exactly like the reference, with unit names and totals', async () => {
    for (const query of ['', 'n', 'ng', 'th', 'nguyen', 'dang thi', 'THUY', 'hạnh', 'xyz']) {
      for (const organizationId of [undefined, units[1].id]) {
        const expected = reference(query, organizationId);
        if (query === 'n' && !organizationId) expect(expected.length).toBeGreaterThan(2000);
        for (const offset of [0, 7, 40, 995, 1500, expected.length - 3, expected.length + 5].filter((o) => o >= 0)) {
          const page = await core.call('people.search', { query, organizationId, limit: 10, offset });
          expect(page.total, `${query}@${offset}`).toBe(expected.length);
          expect(page.items.map((p) => p.fullName), `${query} ${organizationId ?? ''} @${offset}`).toEqual(expected.slice(offset, offset + 10).map((p) => p.fullName));
          for (const item of page.items) expect(item.organizationName).toBe(units.find((u) => u.id === item.organizationId)!.name);
        }
      }
    }
  });

  it('sees a write at once on deep pages (the kept list order is dropped by any write)', async () => {
    const deep = { query: 'n', limit: 10, offset: 1500 };
    const before = await core.call('people.search', deep);
    // A new person sorting first ("Nông Văn A"): every deep page shifts by one.
    const added = await core.call('people.create', { fullName: 'Nông Văn A', organizationId: units[0].id, birthYear: 1980 });
    people.push({ id: added.id, fullName: added.fullName, organizationId: units[0].id, deleted: false });
    const after = await core.call('people.search', deep);
    expect(after.total).toBe(before.total + 1);
    expect(after.items.map((p) => p.fullName)).toEqual(reference('n').slice(1500, 1510).map((p) => p.fullName));
    expect(after.items[1].fullName).toBe(before.items[0].fullName);
  });
});
