import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type TestCore } from '../helpers/core';
import { seedRegistrationWorld } from '../helpers/registrations';

let core: TestCore;
let w: Awaited<ReturnType<typeof seedRegistrationWorld>>;
beforeEach(async () => {
  core = await startCore();
  w = await seedRegistrationWorld(core);
});
afterEach(() => core.cleanup());

const rows = (t: string) => core.app.store.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all();

async function registerPhase1() {
  return core.call('registrations.save', { movementId: w.movement.id, phaseId: w.phase1, organizationId: w.baBe.id, commitments: 'Cam kết' });
}

describe('movement phases are updated in place', () => {
  it('renames and re-dates a referenced đợt, keeping its id and the registration on it', async () => {
    const reg = await registerPhase1();
    const m = await core.call('movements.get', { id: w.movement.id });
    const phases = m.phases.map((p) => (p.id === w.phase1 ? { ...p, name: 'Đợt một (sửa)', registrationDeadline: '2020-02-20' } : p));
    const saved = await core.call('movements.save', { ...m, organizationId: m.organizationId, phases });
    const p1 = saved.phases.find((p) => p.id === w.phase1);
    expect(p1).toMatchObject({ name: 'Đợt một (sửa)', registrationDeadline: '2020-02-20' });
    expect(saved.phases.map((p) => p.id)).toEqual(m.phases.map((p) => p.id));
    expect((await core.call('registrations.get', { id: reg.id })).phaseId).toBe(w.phase1);
  });

  it('moves and adds đợt without new ids for the kept ones', async () => {
    await registerPhase1();
    const m = await core.call('movements.get', { id: w.movement.id });
    const reversed = [...m.phases].reverse();
    const saved = await core.call('movements.save', { ...m, phases: [...reversed, { name: 'Đợt bổ sung', startDate: '2020-11-01', endDate: '2020-12-31' }] });
    expect(saved.phases.slice(0, reversed.length).map((p) => p.id)).toEqual(reversed.map((p) => p.id));
    expect(saved.phases).toHaveLength(m.phases.length + 1);
    expect(saved.phases.at(-1)!.name).toBe('Đợt bổ sung');
  });

  it('refuses to remove a referenced đợt with a sentence naming what refers to it, the database unchanged', async () => {
    await registerPhase1();
    const m = await core.call('movements.get', { id: w.movement.id });
    const before = [rows('movements'), rows('movement_phases'), rows('registrations')];
    const err = await core.fail('movements.save', { ...m, name: 'Tên mới', phases: m.phases.filter((p) => p.id !== w.phase1) });
    expect(err.code).toBe('CONFLICT');
    const name = m.phases.find((p) => p.id === w.phase1)!.name;
    expect(err.message).toContain(`đợt “${name}”`);
    expect(err.message).toContain('1 đăng ký thi đua');
    expect([rows('movements'), rows('movement_phases'), rows('registrations')]).toEqual(before);
  });

  it('removes an đợt nothing refers to', async () => {
    const m = await core.call('movements.get', { id: w.movement.id });
    const keep = m.phases.filter((p) => p.id !== w.phase1);
    const saved = await core.call('movements.save', { ...m, phases: keep });
    expect(saved.phases.map((p) => p.id)).toEqual(keep.map((p) => p.id));
    expect(rows('movement_phases').some((r) => (r as { id: string }).id === w.phase1)).toBe(false);
  });
});
