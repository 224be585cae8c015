/**
 * Office-scale data for bench:ui, seeded through the real core: a province office with 30 district-level
 * unions and 1,500 grassroots unions below them (600 registered with their people), a 2,000-awardee draft
 * decision, the same list issued with Giấy khen batches printed, and a long plan.
 */
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract';
import type { Bridge } from '../../src/bridge/server';
import { BAC_KAN_OFFICE } from '../../tests/helpers/core';
import { seedPlanBody } from '../../tests/helpers/seed-plan';

export const SCALE = { awardees: 2000, districts: 30, grassroots: 1500, registered: 600, printJobs: 12 } as const;

async function api<K extends CallName>(bridge: Bridge, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const r = await bridge.app.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as CallOutput<K>;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Hà', 'Đặng', 'Bế', 'Nông', 'Lục'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Thu', 'Minh', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Đông', 'Giang', 'Hà', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Oanh', 'Phúc', 'Quân', 'Sơn', 'Thảo', 'Tuấn', 'Vân', 'Yến'];
const personName = (i: number) => `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]} ${Math.floor(i / 200) || ''}`.trim();

export async function seedOfficeScale(bridge: Bridge) {
  const office = await api(bridge, 'office.setup', BAC_KAN_OFFICE);
  const forms = (await api(bridge, 'commendations.catalogue', {})).forms.filter((f) => f.kind === 'form');
  const personal = forms.filter((f) => f.targets !== 'collective');
  const giayKhen = forms.find((f) => f.name === 'Giấy khen')!;

  // Units: district-level unions under the office, grassroots unions spread below them.
  const districts = [];
  for (let d = 0; d < SCALE.districts; d++) {
    districts.push(await api(bridge, 'organizations.create', { parentId: office.organizationId, level: 'upper', name: `Công đoàn cấp trên cơ sở số ${d + 1}` }));
  }
  const grassroots = [];
  for (let g = 0; g < SCALE.grassroots; g++) {
    grassroots.push(await api(bridge, 'organizations.create', { parentId: districts[g % SCALE.districts].id, level: 'grassroots', name: `Công đoàn cơ sở Trường học số ${g + 1}` }));
  }
  const movement = await api(bridge, 'movements.save', {
    year: 2026,
    name: 'Phong trào thi đua lao động giỏi năm 2026',
    phases: [{ name: 'Đợt 1', startDate: '2026-01-01', endDate: '2026-06-30', registrationDeadline: '2026-02-15' }],
  });
  for (let g = 0; g < SCALE.registered; g++) {
    await api(bridge, 'registrations.save', {
      movementId: movement.id,
      phaseId: movement.phases[0].id,
      organizationId: grassroots[g * 2].id,
      receivedOn: '2026-02-10',
      individuals: [0, 1].map((k) => ({ fullName: personName(g * 2 + k), birthYear: 1970 + ((g + k) % 30), title: 'Lao động tiên tiến' })),
    });
  }

  const awardees = Array.from({ length: SCALE.awardees }, (_, i) => ({
    nominationId: null,
    target: 'individual' as const,
    personId: null,
    organizationId: office.organizationId,
    name: `Nguyễn Văn Đoàn Viên ${i + 1}`,
    positionUnit: `Công đoàn cơ sở số ${(i % 120) + 1}`,
    formId: personal[i % personal.length].id,
    note: '',
  }));
  const header = {
    periodYear: 2026,
    decisionDate: '2026-06-15',
    achievement: 'đã có thành tích xuất sắc trong phong trào thi đua lao động giỏi năm 2026',
    bases: ['Căn cứ Điều lệ Công đoàn Việt Nam'],
    proposalLine: 'Xét đề nghị của Hội đồng Thi đua - Khen thưởng',
    executors: 'Văn phòng và các cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
  };
  const draft = await api(bridge, 'commendations.saveDecision', { ...header, awardees });
  // The issued one: every row a Giấy khen, printed in batches as a clerk does when the printer jams.
  const issuedDraft = await api(bridge, 'commendations.saveDecision', { ...header, awardees: awardees.map((a) => ({ ...a, formId: giayKhen.id })) });
  const issued = await api(bridge, 'commendations.issueDecision', { id: issuedDraft.id, date: '2026-06-20' });
  for (let j = 0; j < SCALE.printJobs; j++) {
    await api(bridge, 'commendations.printCertificates', { decisionId: issued.id, fromRow: j * 50 + 1, toRow: j * 50 + 50, offsetX: 0.5, offsetY: -0.5 });
  }

  const body = seedPlanBody();
  // A long plan: the seed's sections repeated with their items (about 4× the real 31/KH-LĐLĐ).
  const long = { ...body, sections: [...body.sections!, ...body.sections!, ...body.sections!, ...body.sections!].slice(0, 12) };
  const plan = await api(bridge, 'plans.create', { movementId: null });
  await api(bridge, 'plans.save', { id: plan.id, movementId: null, subject: 'Phát động phong trào thi đua năm 2026', plannedDate: null, body: long });

  return { draftId: draft.id, issuedId: issued.id, planId: plan.id, movementId: movement.id };
}
