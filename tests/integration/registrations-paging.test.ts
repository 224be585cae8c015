import { afterEach, describe, expect, it } from 'vitest';
import { viCollator } from '../../src/shared/vi-text';
import { startCore, type TestCore } from '../helpers/core';
import { seedRegistrationWorld } from '../helpers/registrations';

let core: TestCore;
afterEach(async () => core?.cleanup());

// Names whose vi order differs from code-point order (Đ after D, Ư after U, tones after the bare letter).
const NAMES = ['Công đoàn Trường Đông Viên', 'Công đoàn Trường Dương Quang', 'Công đoàn Trường Ưng Hòe', 'Công đoàn Trường Uyên Ba', 'Công đoàn Trường Ân Tình', 'Công đoàn Trường An Thắng', 'Công đoàn Trường Bằng Vân'];

async function world() {
  core = await startCore();
  const w = await seedRegistrationWorld(core);
  const units: { id: string; name: string }[] = [];
  for (const [i, name] of NAMES.entries()) {
    const u = await core.call('organizations.create', { parentId: w.office.organizationId, level: 'grassroots', name, code: `PG${i}` });
    units.push({ id: u.id, name });
    await core.call('registrations.save', {
      movementId: w.movement.id,
      phaseId: w.phase1,
      organizationId: u.id,
      works: [
        { name: `Nhà văn hóa số ${i}`, implementer: i % 2 ? 'Ban Quản lý dự án huyện' : 'Đoàn Thanh niên' },
        { name: `Sân bóng số ${i}`, implementer: '' },
      ],
    });
  }
  return { w, units };
}

async function allPages<T>(fetch: (offset: number) => Promise<{ total: number; items: T[] }>, size: number): Promise<{ total: number; items: T[] }> {
  const first = await fetch(0);
  const items = [...first.items];
  for (let offset = size; offset < first.total; offset += size) {
    const page = await fetch(offset);
    expect(page.total).toBe(first.total);
    items.push(...page.items);
  }
  return { total: first.total, items };
}

describe('registrations and works are paged by the core', () => {
  it('pages registrations in the vi order of unit names, with the total and a folded search', async () => {
    const { w, units } = await world();
    const scope = { movementId: w.movement.id, phaseId: w.phase1 };
    const paged = await allPages((offset) => core.call('registrations.list', { ...scope, limit: 3, offset }), 3);
    expect(paged.total).toBe(NAMES.length);
    expect(paged.items.map((r) => r.organizationName)).toEqual([...NAMES].sort(viCollator.compare));
    expect(new Set(paged.items.map((r) => r.id)).size).toBe(NAMES.length);
    expect(paged.items.every((r) => r.workCount === 2)).toBe(true);

    const found = await core.call('registrations.list', { ...scope, query: 'DONG vien', limit: 50 });
    expect(found).toMatchObject({ total: 1, items: [{ organizationName: 'Công đoàn Trường Đông Viên' }] });
    expect((await core.call('registrations.list', { ...scope, limit: 2, offset: 40 })).items).toEqual([]);

    // A rename is seen at once (the kept order is dropped by any write), in both the label and the order.
    await core.call('organizations.rename', { id: units[0].id, validFrom: '2020-01-01', name: 'Công đoàn Trường Ánh Dương', shortName: '', abbreviation: 'CĐCS', placeName: 'Bắc Kạn', parentLine: '' });
    const after = await core.call('registrations.list', { ...scope, limit: 2 });
    expect(after.items.map((r) => r.organizationName)).toEqual(['Công đoàn Trường An Thắng', 'Công đoàn Trường Ánh Dương']);
    expect((await core.call('registrations.list', { ...scope, query: 'dong vien' })).total).toBe(0);
  });

  it('pages works with a total; the query matches the name, the implementer or the unit', async () => {
    const { w, units } = await world();
    const all = await allPages((offset) => core.call('registrations.works', { movementId: w.movement.id, limit: 4, offset }), 4);
    expect(all.total).toBe(NAMES.length * 2);
    expect(new Set(all.items.map((x) => x.id)).size).toBe(NAMES.length * 2);

    const byName = await core.call('registrations.works', { movementId: w.movement.id, query: 'san bong', limit: 2 });
    expect(byName.total).toBe(NAMES.length);
    expect(byName.items).toHaveLength(2);
    expect((await core.call('registrations.works', { query: 'BAN QUAN LY', limit: 50 })).total).toBe(3);
    const byUnit = await core.call('registrations.works', { query: 'ung hoe', limit: 50 });
    expect(byUnit.items.map((x) => x.name).sort()).toEqual(['Nhà văn hóa số 2', 'Sân bóng số 2']);

    // A new work is counted on the next call.
    const reg = (await core.call('registrations.list', { movementId: w.movement.id, phaseId: w.phase1, query: 'ung hoe' })).items[0];
    const full = await core.call('registrations.get', { id: reg.id });
    await core.call('registrations.save', {
      id: reg.id,
      movementId: w.movement.id,
      phaseId: w.phase1,
      organizationId: units[2].id,
      works: [...full.works.map((x) => ({ id: x.id, name: x.name, implementer: x.implementer })), { name: 'Thư viện', implementer: 'Ban Quản lý dự án huyện' }],
    });
    expect((await core.call('registrations.works', { query: 'ban quan ly', limit: 50 })).total).toBe(4);
    expect((await core.call('registrations.works', { movementId: w.movement.id, limit: 1 })).total).toBe(NAMES.length * 2 + 1);
  });

  it('pages the tracker over the units followed; the counts stay over every unit', async () => {
    const { w } = await world();
    const scope = { movementId: w.movement.id, phaseId: w.phase1 };
    const whole = await core.call('registrations.tracker', scope);
    expect(whole.units).toHaveLength(NAMES.length + 3);
    expect(whole.unitTotal).toBe(NAMES.length + 3);
    const paged = await allPages(async (offset) => {
      const t = await core.call('registrations.tracker', { ...scope, limit: 4, offset });
      expect(t).toMatchObject({ registeredCount: NAMES.length, missingCount: 3 });
      return { total: t.unitTotal, items: t.units };
    }, 4);
    expect(paged.items).toEqual(whole.units);
    const found = await core.call('registrations.tracker', { ...scope, query: 'UNG hoe', limit: 50 });
    expect(found).toMatchObject({ unitTotal: 1, registeredCount: NAMES.length, units: [{ name: 'Công đoàn Trường Ưng Hòe', status: 'received', workCount: 2 }] });
    expect((await core.call('registrations.tracker', { ...scope, query: 'pg3', limit: 50 })).units.map((u) => u.code)).toEqual(['PG3']);
  });

  it('refuses a page size out of range with a Vietnamese message', async () => {
    const { w } = await world();
    const r = await core.app.dispatch('registrations.works', { movementId: w.movement.id, limit: 5000 });
    expect(r.ok).toBe(false);
    const bad = await core.app.dispatch('registrations.list', { movementId: w.movement.id, offset: -1 });
    expect(bad.ok).toBe(false);
  });
});
