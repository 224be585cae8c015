import { afterEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../helpers/core';
import { councilMeeting, FORMS } from '../helpers/commendations';
import { receive, send } from '../helpers/exchange';
import { CDCS_NAME, DISTRICT_NAME, count, threeOffices } from '../helpers/three-offices';

/**
 * Issue 11: the commendation lists say who manages each record and which are read-only, so the screens can
 * show the owner and offer no edit or delete before the clerk tries; the handlers refuse the same writes.
 * Three offices: a CĐCS nomination relayed up by its district, a district's paper nomination, the
 * province's reviews and decision coming back down.
 */
const opened: TestCore[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.cleanup();
});

const PROVINCE_NAME = 'Liên đoàn Lao động tỉnh Bắc Kạn';
const OWN = { ownerId: null, ownerName: null, readOnly: false };
const base = { movementId: null, periodYear: 2026, proposedFormId: FORMS.giayKhen, achievement: 'Hoàn thành xuất sắc nhiệm vụ năm học 2025-2026' };

describe('commendation records of another office: owner shown, read-only', () => {
  it('nominations, reviews and decisions carry their owner across three levels; edits of foreign ones are refused, data unchanged', async () => {
    const o = await threeOffices();
    opened.push(...o.all);
    // The CĐCS's own nomination, sent to its district; the district types a paper one for the same CĐCS.
    const own = await o.cdcs.call('commendations.saveNomination', { ...base, sourceOrgId: o.cdcsId, target: 'individual', fullName: 'Lục Thị Mai', organizationId: o.cdcsId, positionUnit: 'Giáo viên' });
    expect(own.ownership).toEqual(OWN);
    await receive(o.district, await send(o.cdcs, o.districtId, { kind: 'nominations' }));
    const paper = await o.district.call('commendations.saveNomination', { ...base, sourceOrgId: o.cdcsId, target: 'collective', organizationId: o.cdcsId });
    const districtOwn = await o.district.call('commendations.saveNomination', { ...base, sourceOrgId: o.districtId, target: 'collective', organizationId: o.districtId });
    const atDistrict = new Map((await o.district.call('commendations.listNominations', { periodYear: 2026 })).map((n) => [n.id, n.ownership]));
    expect(atDistrict.get(own.id)).toEqual({ ownerId: o.cdcsId, ownerName: CDCS_NAME, readOnly: true });
    expect(atDistrict.get(paper.id)).toEqual(OWN);
    expect(atDistrict.get(districtOwn.id)).toEqual(OWN);

    // The district's council votes on its own nomination before sending it up.
    await o.district.call('commendations.review', { nominationId: districtOwn.id, reviewedOn: '2026-05-20', councilSize: 7, votesFor: 5, result: 'approved' });

    // Relayed up: at the province both are read-only, each naming its own manager.
    await receive(o.province, await send(o.district, o.provinceId, { kind: 'nominations' }));
    const atProvince = await o.province.call('commendations.listNominations', { periodYear: 2026 });
    expect(atProvince.map((n) => [n.id, n.ownership]).sort()).toEqual(
      [
        [own.id, { ownerId: o.cdcsId, ownerName: CDCS_NAME, readOnly: true }],
        [paper.id, { ownerId: o.districtId, ownerName: DISTRICT_NAME, readOnly: true }],
        [districtOwn.id, { ownerId: o.districtId, ownerName: DISTRICT_NAME, readOnly: true }],
      ].sort(),
    );
    const before = count(o.province, 'nominations', "deleted_at IS NULL AND display_name = 'Lục Thị Mai'");
    const edit = await o.province.fail('commendations.saveNomination', { ...base, id: own.id, sourceOrgId: o.cdcsId, target: 'individual', fullName: 'Lục Thị Mai (sửa)', organizationId: o.cdcsId, positionUnit: 'Giáo viên' });
    expect(edit.message).toContain(`do “${CDCS_NAME}” quản lý`);
    expect((await o.province.fail('commendations.deleteNomination', { id: paper.id })).message).toContain(`do “${DISTRICT_NAME}” quản lý`);
    expect(count(o.province, 'nominations', "deleted_at IS NULL AND display_name = 'Lục Thị Mai'")).toBe(before);
    expect(count(o.province, 'nominations', 'deleted_at IS NULL')).toBe(3);

    // The province's council reviews both (its own records about them) and decides.
    for (const n of atProvince) await o.province.call('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 9, votesFor: 8, result: 'approved' });
    const reviewed = await o.province.call('commendations.listNominations', { periodYear: 2026 });
    expect(reviewed.map((n) => n.review?.ownerName)).toEqual([null, null, null]);
    const decision = await o.province.call('commendations.saveDecision', {
      movementId: null,
      periodYear: 2026,
      decisionDate: '2026-06-15',
      achievement: 'đã có thành tích xuất sắc trong năm học 2025-2026',
      bases: ['Căn cứ Điều lệ Công đoàn Việt Nam'],
      proposalLine: 'Xét đề nghị của Liên đoàn Lao động huyện Ba Bể',
      executors: 'Các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
      awardees: reviewed.map((n) => ({ nominationId: n.id, target: n.target, personId: n.personId, organizationId: n.organizationId, name: n.displayName, positionUnit: n.positionUnit, formId: n.proposedFormId })),
    });
    expect(decision.ownership).toEqual(OWN);
    await o.province.call('commendations.issueDecision', { id: decision.id, date: '2026-06-15' });

    // Down to the district: the decision is the province's; the bình xét of the district's own nomination
    // arrives with it and says whose council voted.
    await receive(o.district, await send(o.province, o.districtId, { kind: 'decisions' }));
    const listed = await o.district.call('commendations.listDecisions', { periodYear: 2026 });
    expect(listed.map((d) => [d.id, d.ownership])).toEqual([[decision.id, { ownerId: o.provinceId, ownerName: PROVINCE_NAME, readOnly: true }]]);
    expect((await o.district.call('commendations.getDecision', { id: decision.id })).ownership.readOnly).toBe(true);
    const correct = await o.district.fail('commendations.correctDecision', { id: decision.id });
    expect(correct.message).toContain(`do “${PROVINCE_NAME}” quản lý`);
    expect(count(o.district, 'decisions')).toBe(1);
    const districtNoms = await o.district.call('commendations.listNominations', { periodYear: 2026 });
    expect(districtNoms.map((n) => n.status)).toEqual(['decided', 'decided', 'decided']);
    expect(districtNoms.find((n) => n.id === paper.id)!.ownership).toEqual(OWN);
    const ownReviewed = districtNoms.find((n) => n.id === districtOwn.id)!;
    expect([ownReviewed.ownership, ownReviewed.review?.ownerName, ownReviewed.review?.votesFor]).toEqual([OWN, PROVINCE_NAME, 8]);
    // The district's council minutes still print its own vote, not the province council's received one.
    const members = ['Triệu Văn Hùng', 'Hà Thị Liễu', 'Nông Văn Minh', 'Lục Thị Hoa', 'Hoàng Văn Đức', 'Ma Thị Thu', 'Đinh Thị Ngọc'].map((name) => ({ name, position: 'Ủy viên', present: true }));
    const meeting = await o.district.call('dossier.saveMeeting', {
      ...councilMeeting([districtOwn.id], members, {
        endTime: '09:00',
        place: 'Hội trường Liên đoàn Lao động huyện',
        chair: { name: 'Triệu Văn Hùng', position: 'Chủ tịch Hội đồng' },
        secretary: { name: 'Hà Thị Liễu', position: 'Thư ký Hội đồng' },
      }),
      meetingDate: '2026-05-20',
    });
    expect(meeting.candidates.map((m) => [m.votesFor, m.councilSize])).toEqual([[5, 7]]);

    // And on to the CĐCS: its own nomination stays its own; the decision is read-only there too.
    await receive(o.cdcs, await send(o.district, o.cdcsId, { kind: 'decisions' }));
    const cdcsDecision = await o.cdcs.call('commendations.getDecision', { id: decision.id });
    expect(cdcsDecision.ownership).toEqual({ ownerId: o.provinceId, ownerName: PROVINCE_NAME, readOnly: true });
    const cdcsNoms = await o.cdcs.call('commendations.listNominations', { periodYear: 2026 });
    expect(cdcsNoms.find((n) => n.id === own.id)!.ownership).toEqual(OWN);
    expect(cdcsNoms.find((n) => n.id === paper.id)!.ownership).toEqual({ ownerId: o.districtId, ownerName: DISTRICT_NAME, readOnly: true });

    expect((await o.cdcs.fail('commendations.correctDecision', { id: decision.id })).message).toContain(`do “${PROVINCE_NAME}” quản lý`);
  });
});
