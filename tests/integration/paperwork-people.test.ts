import { afterEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../src/main/core/util/time';
import type { TestCore } from '../helpers/core';
import { FORMS } from '../helpers/commendations';
import { receive, send } from '../helpers/exchange';
import { count, threeOffices, type ThreeOffices } from '../helpers/three-offices';

/**
 * Issue 12: registrations of CĐCS members travel up through the district to the province; one person entered
 * at two levels is shown as a candidate, merged once, and read as one person by history and rule checks —
 * also when a later package names the merged id.
 */
const opened: TestCore[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.cleanup();
});

async function movementDown(o: ThreeOffices) {
  const movement = await o.province.call('movements.save', { year: 2026, name: 'Phong trào thi đua lao động giỏi năm 2026', phases: [{ name: 'Đợt 1', startDate: '2026-01-01', endDate: '2026-06-30' }] });
  await receive(o.district, await send(o.province, o.districtId, { kind: 'plan', movementId: movement.id }));
  await receive(o.cdcs, await send(o.district, o.cdcsId, { kind: 'plan', movementId: movement.id }));
  return movement;
}

const MEMBERS = [
  { fullName: 'Đặng Thị An', birthYear: 1985, title: 'Lao động tiên tiến' },
  { fullName: 'Hoàng Văn Thủy', birthYear: 1990, title: 'Chiến sĩ thi đua cơ sở' },
  { fullName: 'Ma Thị Huệ', birthYear: 1979, title: 'Lao động tiên tiến' },
];

describe('registrations relayed up; one person, one identity', () => {
  it('carries CĐCS members up through the district so the province can review and award them', async () => {
    const o = await threeOffices();
    opened.push(...o.all);
    const movement = await movementDown(o);
    const reg = await o.cdcs.call('registrations.save', { movementId: movement.id, phaseId: null, organizationId: o.cdcsId, individuals: MEMBERS, works: [{ name: 'Thư viện xanh Trường THPT Ba Bể', valueDong: 120_000_000 }] });
    const up1 = await receive(o.district, await send(o.cdcs, o.districtId, { kind: 'registrations', movementId: movement.id }));
    expect(up1.preview.counts).toMatchObject({ new: 8, refused: 0 });
    // "Ngày nhận" at the district is the day the package was imported.
    const tracked = await o.district.call('registrations.tracker', { movementId: movement.id, phaseId: null });
    expect(tracked.units.find((r) => r.organizationId === o.cdcsId)?.receivedOn).toBe(todayIso());
    // The district adds its own registration and passes both on.
    await o.district.call('registrations.save', { movementId: movement.id, phaseId: null, organizationId: o.districtId, collectiveTitles: ['Tập thể lao động xuất sắc'] });
    const up2 = await receive(o.province, await send(o.district, o.provinceId, { kind: 'registrations', movementId: movement.id }));
    expect(up2.preview.counts).toMatchObject({ new: 9, refused: 0 });
    const atProvince = await o.province.call('registrations.get', { id: reg.id });
    expect(atProvince.individuals.map((i) => i.fullName).sort()).toEqual(MEMBERS.map((m) => m.fullName).sort());
    expect(atProvince.works.map((w) => w.name)).toEqual(['Thư viện xanh Trường THPT Ba Bể']);
    // Never back to its owner: the district's package to the CĐCS level holds none of the CĐCS's own rows.
    expect((await o.district.call('exchange.export', { kind: 'registrations', receiverId: o.provinceId, movementId: movement.id })).records).toBe(0);

    // The province reviews a CĐCS member's nomination (typed from the district's paper list): registered, approved.
    const huong = atProvince.individuals.find((i) => i.fullName === 'Ma Thị Huệ')!;
    const nom = await o.province.call('commendations.saveNomination', { movementId: movement.id, periodYear: 2026, sourceOrgId: o.districtId, target: 'individual', personId: huong.personId, organizationId: o.cdcsId, proposedFormId: FORMS.giayKhen });
    const checks = await o.province.call('commendations.checkNomination', { id: nom.id });
    expect(checks.find((c) => c.code === 'registration')).toMatchObject({ ok: true });
    const reviewed = await o.province.call('commendations.review', { nominationId: nom.id, reviewedOn: '2026-06-10', councilSize: 7, votesFor: 6, result: 'approved' });
    expect(reviewed.status).toBe('approved');
  }, 180_000);

  it('finds the same person entered at two levels, merges once, and reads history and the same-year check through the merge', async () => {
    const o = await threeOffices();
    opened.push(...o.all);
    const movement = await movementDown(o);
    // At the province: "Đặng Thị An" added by hand to a decision (no birth year) and given a Giấy khen in 2026.
    const decision = await o.province.call('commendations.saveDecision', {
      periodYear: 2026,
      decisionDate: '2026-03-02',
      achievement: 'đã có thành tích xuất sắc',
      bases: ['Căn cứ Điều lệ Công đoàn Việt Nam'],
      proposalLine: 'Xét đề nghị của Ban Tổ chức',
      executors: 'Các cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
      awardees: [{ target: 'individual', organizationId: o.cdcsId, name: 'Đặng Thị An', positionUnit: 'Giáo viên', formId: FORMS.giayKhen }],
    });
    await o.province.call('commendations.issueDecision', { id: decision.id, date: '2026-03-02' });
    const handPerson = o.province.app.store.sqlite.prepare("SELECT id FROM people WHERE full_name = 'Đặng Thị An'").pluck().get() as string;

    // The CĐCS registers her (1985) and the package reaches the province through the district: a second record.
    const reg = await o.cdcs.call('registrations.save', { movementId: movement.id, phaseId: null, organizationId: o.cdcsId, individuals: MEMBERS });
    await receive(o.district, await send(o.cdcs, o.districtId, { kind: 'registrations', movementId: movement.id }));
    await receive(o.province, await send(o.district, o.provinceId, { kind: 'registrations', movementId: movement.id }));
    const received = (await o.province.call('registrations.get', { id: reg.id })).individuals.find((i) => i.fullName === 'Đặng Thị An')!.personId;
    expect(received).not.toBe(handPerson);

    // Before the merge the same-year check cannot see the award (the bug in the issue).
    const nom = await o.province.call('commendations.saveNomination', { movementId: movement.id, periodYear: 2026, sourceOrgId: o.cdcsId, target: 'individual', personId: received, organizationId: o.cdcsId, proposedFormId: FORMS.giayKhen });
    const dupBefore = (await o.province.call('commendations.checkNomination', { id: nom.id })).find((c) => c.code === 'duplicate')!;
    expect(dupBefore.ok).toBe(true);

    // Shown as candidates: same folded name, same unit, one without a birth year. Not the other members.
    const groups = await o.province.call('people.listDuplicates', {});
    expect(groups).toHaveLength(1);
    expect(groups[0].people.map((p) => p.id).sort()).toEqual([handPerson, received].sort());
    expect(groups[0].people.find((p) => p.id === received)).toMatchObject({ birthYear: 1985, registrations: 1, ownerName: 'Công đoàn Trường THPT Ba Bể' });
    expect(groups[0].people.find((p) => p.id === handPerson)).toMatchObject({ birthYear: null, awards: 1 });
    // Hand entry: the folded name (no marks, đ→d, spaces) finds both; another birth year or unit rules one out.
    const typed = await o.province.call('people.listCandidates', { fullName: 'dang  thi AN', organizationId: o.cdcsId, birthYear: 1985 });
    expect(typed.map((c) => c.id).sort()).toEqual([handPerson, received].sort());
    expect(await o.province.call('people.listCandidates', { fullName: 'Đặng Thị An', organizationId: o.districtId, birthYear: null })).toEqual([]);
    expect(await o.province.call('people.listCandidates', { fullName: 'Đặng Thị An', organizationId: o.cdcsId, birthYear: 1990 })).toEqual(
      [expect.objectContaining({ id: handPerson })],
    );

    // Refused merges say why and change nothing.
    const other = (await o.province.call('registrations.get', { id: reg.id })).individuals.find((i) => i.fullName === 'Hoàng Văn Thủy')!.personId;
    expect((await o.province.fail('people.merge', { survivorId: received, mergedId: other })).code).toBe('VALIDATION');
    expect(count(o.province, 'person_merges')).toBe(0);

    // The merge: the received record survives (it has the birth year); the hand-typed id becomes its alias.
    const merged = await o.province.call('people.merge', { survivorId: received, mergedId: handPerson });
    expect(merged).toEqual({ survivorId: received, mergedIds: [handPerson] });
    expect((await o.province.fail('people.merge', { survivorId: handPerson, mergedId: received })).code).toBe('CONFLICT');
    expect(await o.province.call('people.listDuplicates', {})).toEqual([]);
    const dupAfter = (await o.province.call('commendations.checkNomination', { id: nom.id })).find((c) => c.code === 'duplicate')!;
    expect(dupAfter.ok).toBe(false);
    expect(dupAfter.message).toMatch(/đã được tặng "Giấy khen" năm 2026 theo Quyết định số 01\/QĐ-LĐLĐ ngày 02\/03\/2026/);
    const history = await o.province.call('commendations.history', { personId: received, limit: 50 });
    expect(history.map((h) => h.numberText)).toEqual(['01/QĐ-LĐLĐ']);
    // A name typed later (no birth year) finds the survivor, not an ambiguous pair: no third record.
    const typedLater = await o.province.call('commendations.saveNomination', { periodYear: 2026, movementId: null, sourceOrgId: o.cdcsId, target: 'individual', fullName: 'Đặng Thị An', organizationId: o.cdcsId, proposedFormId: FORMS.bangKhenTld });
    expect(typedLater.personId).toBe(received);
    expect(count(o.province, 'people', "search_key = 'dang thi an'")).toBe(2);
    // Either id reads as the survivor.
    expect((await o.province.call('registrations.personHistory', { personId: handPerson })).person.id).toBe(received);

    // The next package names the merged-away record's survivor id and lands on the same person: no new candidate.
    await o.cdcs.call('registrations.save', { id: reg.id, movementId: movement.id, phaseId: null, organizationId: o.cdcsId, individuals: MEMBERS.map((m) => ({ ...m, title: m.fullName === 'Đặng Thị An' ? 'Chiến sĩ thi đua cơ sở' : m.title })) });
    await receive(o.district, await send(o.cdcs, o.districtId, { kind: 'registrations', movementId: movement.id }));
    const again = await receive(o.province, await send(o.district, o.provinceId, { kind: 'registrations', movementId: movement.id }));
    expect(again.preview.counts).toMatchObject({ refused: 0, new: 0 });
    expect(await o.province.call('people.listDuplicates', {})).toEqual([]);
    const viaAlias = await o.province.call('registrations.personHistory', { personId: handPerson });
    expect(viaAlias.registrations.map((r) => r.title)).toEqual(['Chiến sĩ thi đua cơ sở']);
    expect((await o.province.call('commendations.history', { personId: handPerson, limit: 50 })).map((h) => h.numberText)).toEqual(['01/QĐ-LĐLĐ']);
  }, 180_000);
});
