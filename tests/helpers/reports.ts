import { approvedNominations, decisionInput, seedCommendationWorld } from './commendations';
import type { TestCore } from './core';

/**
 * The commendation world plus what a phase report counts: a third unit that never registered, one work
 * of Ba Bể approved and with its plaque, and an issued Giấy khen decision for Đợt 1 (1 tập thể, 3 cá nhân).
 */
export async function seedReportWorld(core: TestCore) {
  const w = await seedCommendationWorld(core);
  const nganh = await core.call('organizations.create', { parentId: w.office.organizationId, level: 'upper', name: 'Công đoàn ngành Giáo dục', code: 'GIAODUC' });
  const work = await plaqueWork(core, w);
  const noms = await approvedNominations(core, w);
  const d = await core.call('commendations.saveDecision', decisionInput(noms, { movementId: w.movement.id, phaseId: w.phaseId }));
  await core.call('commendations.issueDecision', { id: d.id, date: '2026-06-15' });
  return { ...w, nganh, work, decisionId: d.id };
}

/** Ba Bể's whole-movement registration gets a work, approved and with its plaque. */
export async function plaqueWork(core: TestCore, w: Awaited<ReturnType<typeof seedCommendationWorld>>) {
  const baBeReg = (await core.call('registrations.list', { movementId: w.movement.id, phaseId: null })).items.find((r) => r.organizationId === w.baBe.id)!;
  const full = await core.call('registrations.get', { id: baBeReg.id });
  const saved = await core.call('registrations.save', {
    id: full.id,
    movementId: w.movement.id,
    phaseId: null,
    organizationId: w.baBe.id,
    individuals: full.individuals.map((i) => ({ personId: i.personId, fullName: i.fullName, title: i.title })),
    works: [{ name: 'Nhà văn hóa thôn Pác Ngòi', implementer: 'UBND xã Nam Mẫu', valueDong: 1_500_000_000 }],
  });
  await core.call('registrations.reviewWork', { workId: saved.works[0].id, action: 'approve', date: '2026-03-01', note: '' });
  await core.call('registrations.reviewWork', { workId: saved.works[0].id, action: 'attach', date: '2026-05-01', note: '' });
  return saved.works[0];
}

/** 0.3 × 2,340,000 = 702,000 → 710,000 (rounded up to 10,000 đ); 0.6 × … = 1,404,000 → 1,410,000. */
export const EXPECTED_AMOUNT = 3 * 710_000 + 1_410_000;
