import type { TestCore } from './core';
import { approvedNominations, decisionInput, FORMS, seedCommendationWorld } from './commendations';
import { plaqueWork } from './reports';

/**
 * One data set for every document kind (issue 14), holding both kinds of record the figures must agree on:
 * - Ba Bể and Chợ Đồn registered for the whole movement; a CĐCS (no place, no chủ quản line of its own)
 *   registered for Đợt 1 only; Công đoàn ngành Giáo dục never registered → Đợt 1: 3/4 registered.
 * - Ba Bể's work (whole movement) approved with its plaque; the CĐCS's work (Đợt 1) registered and another
 *   refused → 2 works.
 * - One issued whole-movement decision mixing a form and a title: Giấy khen for 1 tập thể + 2 cá nhân,
 *   danh hiệu Chiến sĩ thi đua cơ sở for 1 cá nhân.
 */
export async function seedDocumentWorld(core: TestCore) {
  const w = await seedCommendationWorld(core);
  const nganh = await core.call('organizations.create', { parentId: w.office.organizationId, level: 'upper', name: 'Công đoàn ngành Giáo dục', code: 'GIAODUC' });
  const dienLuc = await core.call('organizations.create', {
    parentId: w.office.organizationId,
    level: 'grassroots',
    name: 'Công đoàn cơ sở Công ty Điện lực Bắc Kạn',
    abbreviation: 'CĐCS',
    code: 'DIENLUC',
  });
  await plaqueWork(core, w);
  const dienLucReg = await core.call('registrations.save', {
    movementId: w.movement.id,
    phaseId: w.phaseId,
    organizationId: dienLuc.id,
    memberCount: 1203,
    submittedOn: '2026-02-10',
    collectiveTitles: ['Tập thể lao động xuất sắc'],
    // A zero-width space pasted from Word, and numbers typed without dots.
    targets: 'Phát triển\u200B thêm 47 đoàn viên, đạt 1250 đoàn viên\nKhông có tai nạn lao động',
    commitments: 'Cam kết thực hiện đúng Kế hoạch số 1203/KH-LĐLĐ năm 2026.',
    individuals: [{ fullName: 'Lường Thị Mai', title: 'Lao động tiên tiến' }],
    works: [
      { name: 'Trạm biến áp 110 kV Chợ Mới', implementer: 'Công ty Điện lực Bắc Kạn', valueDong: 101_000_000_000, startDate: '2026-02-01', finishDate: '2026-09-30' },
      { name: 'Nhà kho vật tư', implementer: 'Công ty Điện lực Bắc Kạn', valueDong: 900_000_000 },
    ],
  });
  // Refused by this office: in no list and no count.
  await core.call('registrations.reviewWork', { workId: dienLucReg.works[1].id, action: 'refuse', date: '2026-03-01', note: 'Không đủ tiêu chuẩn' });
  const noms = await approvedNominations(core, w);
  const input = decisionInput(noms, { movementId: w.movement.id, phaseId: null });
  // Hoàng Văn Thủy is given the danh hiệu Chiến sĩ thi đua cơ sở, the others Giấy khen.
  input.awardees = input.awardees.map((a) => (a.name === 'Hoàng Văn Thủy' ? { ...a, formId: FORMS.csTdCoSo } : a));
  const d = await core.call('commendations.saveDecision', input);
  await core.call('commendations.issueDecision', { id: d.id, date: '2026-06-15' });
  return { ...w, nganh, dienLuc, dienLucReg, decisionId: d.id, nominations: noms };
}
