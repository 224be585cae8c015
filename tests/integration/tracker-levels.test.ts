/** The registration tracker at every level: each unit below the office is followed, whatever the display order. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type TestCore } from '../helpers/core';
import { seedRegistrationWorld } from '../helpers/registrations';

let core: TestCore;
beforeEach(async () => {
  core = await startCore();
});
afterEach(async () => core.cleanup());

describe('registrations.tracker with allLevels', () => {
  it('follows every unit below the office, also lower units listed before their own upper unit', async () => {
    const w = await seedRegistrationWorld(core);
    // Ba Bể, Chợ Đồn, Giáo dục are the office's units 1–3; the first lower units of each have sort order 1, 2…,
    // so in display order some of them come before Chợ Đồn and Giáo dục themselves.
    const below: { id: string; name: string }[] = [];
    for (const [parent, prefix] of [[w.choDon, 'CĐCS xã'], [w.nganhGd, 'CĐCS Trường'], [w.baBe, 'CĐCS thị trấn']] as const) {
      for (let i = 1; i <= 4; i++) below.push(await core.call('organizations.create', { parentId: parent.id, level: 'grassroots', name: `${prefix} số ${i}` }));
    }
    const deeper = await core.call('organizations.create', { parentId: below[0].id, level: 'member', name: 'Công đoàn bộ phận Tổ 1' });
    await core.call('registrations.save', { movementId: w.movement.id, phaseId: w.phase1, organizationId: below[5].id, receivedOn: '2020-02-10' });

    const all = await core.call('registrations.tracker', { movementId: w.movement.id, phaseId: w.phase1, allLevels: true });
    const ids = all.units.map((u) => u.organizationId);
    expect(new Set(ids)).toEqual(new Set([w.baBe.id, w.choDon.id, w.nganhGd.id, ...below.map((b) => b.id), deeper.id]));
    expect(ids).toHaveLength(3 + 12 + 1);
    expect(all.registeredCount).toBe(1);
    expect(all.missingCount).toBe(15);
    expect(all.units.find((u) => u.organizationId === below[5].id)).toMatchObject({ status: 'received', receivedOn: '2020-02-10' });

    const direct = await core.call('registrations.tracker', { movementId: w.movement.id, phaseId: w.phase1, allLevels: false });
    expect(direct.units.map((u) => u.organizationId).sort()).toEqual([w.baBe.id, w.choDon.id, w.nganhGd.id].sort());
  });
});
