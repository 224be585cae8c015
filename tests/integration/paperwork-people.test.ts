import { afterEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../src/main/core/util/time';
import type { TestCore } from '../helpers/core';
import { FORMS } from '../helpers/commendations';
import { receive, send } from '../helpers/exchange';
import { count, threeOffices, type ThreeOffices } from '../helpers/three-offices';

/**
 * Issue 12: registrations of CĐCS members travel up through the district to the province; one person entered
 * at two levels is shown as a candidate, merged once, and read as one person by history and rule checks —
 * also when a later package names the merged id; the merge itself travels to the other levels.
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

/** "Đặng Thị An" added by hand at the province to a decision (no birth year), issued: a Giấy khen in 2026. Her id there. */
async function handTypedAward(o: ThreeOffices): Promise<string> {
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
  return o.province.app.store.sqlite.prepare("SELECT id FROM people WHERE full_name = 'Đặng Thị An'").pluck().get() as string;
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
    const handPerson = await handTypedAward(o);

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

/** A merge made at one office travels (down with decisions, up with registrations), so the duplicate disappears at every level. */
const duplicateNames = async (core: TestCore) => (await core.call('people.listDuplicates', {})).map((g) => g.people[0].fullName);
const aliasesOf = (core: TestCore, id: string) => core.app.store.sqlite.prepare('SELECT merged_id FROM person_merges WHERE survivor_id = ? ORDER BY merged_id').pluck().all(id);

describe('person merges travel between levels', () => {
  it('a merge at the province goes down two levels and the duplicate disappears there; undo brings it back', async () => {
    const o = await threeOffices();
    opened.push(...o.all);
    const movement = await movementDown(o);
    // The CĐCS registers its member (1985) while the province types her by hand into a decision (no birth year).
    const reg = await o.cdcs.call('registrations.save', { movementId: movement.id, phaseId: null, organizationId: o.cdcsId, individuals: MEMBERS });
    const member = (await o.cdcs.call('registrations.get', { id: reg.id })).individuals.find((i) => i.fullName === 'Đặng Thị An')!.personId;
    const handTyped = await handTypedAward(o);
    // The registration goes up through the district, the decision down to the CĐCS: two records of her everywhere.
    await receive(o.district, await send(o.cdcs, o.districtId, { kind: 'registrations', movementId: movement.id }));
    const regsAtProvince = await receive(o.province, await send(o.district, o.provinceId, { kind: 'registrations', movementId: movement.id }));
    await receive(o.district, await send(o.province, o.districtId, { kind: 'decisions' }));
    await receive(o.cdcs, await send(o.district, o.cdcsId, { kind: 'decisions' }));
    // Every level now holds the same person twice, and the member's own history misses the award.
    for (const core of o.all) expect(await duplicateNames(core)).toEqual(['Đặng Thị An']);
    expect(await o.cdcs.call('commendations.history', { personId: member, limit: 50 })).toEqual([]);

    // One merge, at the province: the CĐCS's record survives.
    await o.province.call('people.merge', { survivorId: member, mergedId: handTyped });
    expect(o.province.app.store.sqlite.prepare('SELECT owner_id, merged_id, survivor_id FROM person_merge_records').all()).toEqual([{ owner_id: o.provinceId, merged_id: handTyped, survivor_id: member }]);

    // It goes down with the next decisions package (no new decision needed), and on to the CĐCS.
    const down = await receive(o.district, await send(o.province, o.districtId, { kind: 'decisions' }));
    expect(down.preview.rows.filter((r) => r.status === 'new').map((r) => [r.table, r.label])).toEqual([['person_merge_records', 'Đặng Thị An (chưa ghi năm sinh) là cùng một người với Đặng Thị An (1985)']]);
    const on = await receive(o.cdcs, await send(o.district, o.cdcsId, { kind: 'decisions' }));
    expect(on.preview.counts).toMatchObject({ new: 1, refused: 0 });
    for (const core of [o.district, o.cdcs]) {
      expect(await duplicateNames(core)).toEqual([]);
      expect(aliasesOf(core, member)).toEqual([handTyped]);
      // History and the same-year check read through the merge: the member was awarded the Giấy khen.
      expect((await core.call('commendations.history', { personId: member, limit: 50 })).map((h) => h.numberText)).toEqual(['01/QĐ-LĐLĐ']);
      expect((await core.call('registrations.personHistory', { personId: handTyped })).person.id).toBe(member);
    }
    // Sent once: the next package to the district carries nothing new.
    expect((await o.province.call('exchange.export', { kind: 'decisions', receiverId: o.districtId })).records).toBe(0);

    // Undo at the CĐCS: the merge record goes and the duplicate is back (the alias map is rebuilt).
    await o.cdcs.call('exchange.undo', { importId: on.applied.importId });
    expect(count(o.cdcs, 'person_merge_records')).toBe(0);
    expect(aliasesOf(o.cdcs, member)).toEqual([]);
    expect(await duplicateNames(o.cdcs)).toEqual(['Đặng Thị An']);
    // At the province the merge was made since the registrations package brought her: that undo is refused.
    const refused = await o.province.fail('exchange.undo', { importId: regsAtProvince.applied.importId });
    expect(refused.details).toEqual(['Cá nhân: Đặng Thị An — đã có hợp nhất cá nhân']);
  }, 180_000);

  it('a merge at the CĐCS goes up with its registrations; the district maps the merged id to the survivor', async () => {
    const o = await threeOffices();
    opened.push(...o.all);
    const movement = await movementDown(o);
    const reg = await o.cdcs.call('registrations.save', { movementId: movement.id, phaseId: null, organizationId: o.cdcsId, individuals: MEMBERS });
    const thuy = (await o.cdcs.call('registrations.get', { id: reg.id })).individuals.find((i) => i.fullName === 'Hoàng Văn Thủy')!.personId;
    // A second record of the same member, typed by hand without a year, merged at once at the CĐCS.
    const typed = await o.cdcs.call('people.create', { fullName: 'Hoàng Văn Thuỷ', organizationId: o.cdcsId, birthYear: null });
    await o.cdcs.call('people.merge', { survivorId: thuy, mergedId: typed.id });
    const up = await receive(o.district, await send(o.cdcs, o.districtId, { kind: 'registrations', movementId: movement.id }));
    expect(up.preview.rows.filter((r) => r.table === 'person_merge_records').map((r) => r.status)).toEqual(['new']);
    // The merged record came with the merge (it is a reference), already read as the survivor.
    expect(count(o.district, 'people', 'id = ?', typed.id)).toBe(1);
    expect(aliasesOf(o.district, thuy)).toEqual([typed.id]);
    expect(await duplicateNames(o.district)).toEqual([]);
    // The district relays it on up with the registrations; the province reads the same identity.
    await receive(o.province, await send(o.district, o.provinceId, { kind: 'registrations', movementId: movement.id }));
    expect(aliasesOf(o.province, thuy)).toEqual([typed.id]);
    // The district cannot undo the merge it received by merging the other way: one person already.
    expect((await o.district.fail('people.merge', { survivorId: typed.id, mergedId: thuy })).code).toBe('CONFLICT');
    // Undo at the district takes the merge and the record it brought together.
    await o.district.call('exchange.undo', { importId: up.applied.importId });
    expect(count(o.district, 'person_merge_records')).toBe(0);
    expect(count(o.district, 'people', 'id IN (?, ?)', typed.id, thuy)).toBe(0);
    expect(count(o.district, 'person_merges')).toBe(0);
  }, 180_000);
});
