import { afterEach, beforeEach } from 'vitest';
import type { CallInput } from '../../src/shared/contract';
import { BAC_KAN_OFFICE, startCore, type TestCore } from './core';

/** Seeded catalogue ids (migration 0005). */
export const FORMS = {
  giayKhen: '00000000-0000-4000-8000-000000000601',
  bangKhenTld: '00000000-0000-4000-8000-000000000602',
  csTdCoSo: '00000000-0000-4000-8000-000000000606',
} as const;

/** An office with two lower units, a movement with one đợt: where the commendation tests start. */
export async function seedCommendationWorld(core: TestCore) {
  const office = await core.call('office.setup', BAC_KAN_OFFICE);
  const unit = (name: string, code: string) => core.call('organizations.create', { parentId: office.organizationId, level: 'upper', name, code });
  const baBe = await unit('Liên đoàn Lao động huyện Ba Bể', 'BABE');
  const choDon = await unit('Liên đoàn Lao động huyện Chợ Đồn', 'CHODON');
  const movement = await core.call('movements.save', {
    year: 2026,
    name: 'Phong trào thi đua lao động giỏi năm 2026',
    phases: [{ name: 'Đợt 1', startDate: '2026-01-01', endDate: '2026-06-30' }],
  });
  // Both units registered, with the people they will nominate: the review's registration check passes.
  const reg = (organizationId: string, individuals: { fullName: string; title: string }[]) =>
    core.call('registrations.save', { movementId: movement.id, phaseId: null, organizationId, individuals });
  await reg(baBe.id, [{ fullName: 'Nguyễn Văn Bình', title: 'Lao động tiên tiến' }]);
  await reg(choDon.id, [
    { fullName: 'Đặng Thị An', title: 'Lao động tiên tiến' },
    { fullName: 'Hoàng Văn Thủy', title: 'Lao động tiên tiến' },
  ]);
  return { office, baBe, choDon, movement, phaseId: movement.phases[0].id };
}

type World = Awaited<ReturnType<typeof seedCommendationWorld>>;

/** Each test of the file in a fresh core seeded with the commendation world: read `t.core` and `t.w` inside the tests. */
export function commendationWorldEachTest(): { core: TestCore; w: World } {
  const t = {} as { core: TestCore; w: World };
  beforeEach(async () => {
    t.core = await startCore();
    t.w = await seedCommendationWorld(t.core);
  });
  afterEach(() => t.core.cleanup());
  return t;
}

/** Two units' nominations (1 collective + 3 individuals), all Giấy khen, all approved by a 9-member council. */
export async function approvedNominations(core: TestCore, w: World) {
  const base = { movementId: w.movement.id, phaseId: null, periodYear: 2026, proposedFormId: FORMS.giayKhen, achievement: 'Hoàn thành xuất sắc nhiệm vụ năm 2026' };
  const noms = [
    await core.call('commendations.saveNomination', { ...base, sourceOrgId: w.baBe.id, target: 'collective', organizationId: w.baBe.id }),
    await core.call('commendations.saveNomination', { ...base, sourceOrgId: w.baBe.id, target: 'individual', fullName: 'Nguyễn Văn Bình', organizationId: w.baBe.id, positionUnit: 'Chủ tịch LĐLĐ huyện Ba Bể' }),
    await core.call('commendations.saveNomination', { ...base, sourceOrgId: w.choDon.id, target: 'individual', fullName: 'Đặng Thị An', organizationId: w.choDon.id, positionUnit: 'Phó Chủ tịch LĐLĐ huyện Chợ Đồn' }),
    await core.call('commendations.saveNomination', { ...base, sourceOrgId: w.choDon.id, target: 'individual', fullName: 'Hoàng Văn Thủy', organizationId: w.choDon.id, positionUnit: 'Đoàn viên' }),
  ];
  for (const n of noms) await core.call('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 9, votesFor: 9, result: 'approved' });
  return noms;
}

export function decisionInput(noms: { id: string; target: 'individual' | 'collective'; personId: string | null; organizationId: string | null; displayName: string; positionUnit: string; proposedFormId: string }[], over: Record<string, unknown> = {}) {
  return {
    periodYear: 2026,
    decisionDate: '2026-06-15',
    achievement: 'đã có thành tích xuất sắc trong phong trào thi đua lao động giỏi năm 2026',
    bases: ['Căn cứ Điều lệ Công đoàn Việt Nam', 'Căn cứ Quy chế Khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 999/QĐ-TLĐ ngày 29/5/2024'],
    proposalLine: 'Xét đề nghị của Ban Tổ chức',
    executors: 'Văn phòng, các ban và các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
    awardees: noms.map((n) => ({ nominationId: n.id, target: n.target, personId: n.personId, organizationId: n.organizationId, name: n.displayName, positionUnit: n.positionUnit, formId: n.proposedFormId })),
    ...over,
  };
}

type MeetingBody = CallInput<'dossier.saveMeeting'>['body'];

/** A council meeting of the province (08:00–10:30, chair and secretary named) over the given nominations. */
export function councilMeeting(nominationIds: string[], members: MeetingBody['members'], over: Partial<MeetingBody> = {}, movementId: string | null = null): CallInput<'dossier.saveMeeting'> {
  return {
    movementId,
    meetingDate: '2026-06-10',
    nominationIds,
    body: {
      startTime: '08:00',
      endTime: '10:30',
      place: 'Hội trường Liên đoàn Lao động tỉnh',
      chair: { name: 'Vi Văn Nghĩa', position: 'Chủ tịch Hội đồng' },
      secretary: { name: 'Nông Văn Minh', position: 'Thư ký Hội đồng' },
      members,
      ballot: false,
      conclusion: '',
      ...over,
    },
  };
}
