/** Commendations through the real core: money rules, rule checks, bình xét thresholds, decisions, locking, corrections. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeAmount, roundRatio } from '../../src/main/core/services/commendations/money';
import { startCore, type TestCore } from '../helpers/core';
import { approvedNominations, decisionInput, FORMS, seedCommendationWorld } from '../helpers/commendations';

let core: TestCore;
beforeEach(async () => {
  core = await startCore();
});
afterEach(async () => core.cleanup());

/** Row counts of the commendation tables: a refused call must leave them as they were. */
function snapshot(c: TestCore): string {
  const db = new Database(join(c.dir, 'tdkt.sqlite'), { readonly: true });
  const tables = ['award_forms', 'award_coefficients', 'base_salaries', 'rounding_rules', 'commendation_exclusions', 'nominations', 'nomination_reviews', 'decisions', 'decision_awardees', 'gold_book_entries', 'register_entries', 'people'];
  const out = tables.map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all())}`).join('\n');
  db.close();
  return out;
}

describe('money = coefficient × lương cơ sở on the decision date, rounded as configured', () => {
  it('rounds exactly in integers (ceil / nearest / floor / none)', () => {
    expect(computeAmount(300, 2_340_000, { mode: 'ceil', step: 10_000 })).toBe(710_000);
    expect(computeAmount(300, 2_340_000, { mode: 'nearest', step: 10_000 })).toBe(700_000);
    expect(computeAmount(300, 2_340_000, { mode: 'floor', step: 10_000 })).toBe(700_000);
    expect(computeAmount(300, 2_340_000, { mode: 'none', step: 1 })).toBe(702_000);
    expect(computeAmount(1000, 2_340_000, { mode: 'ceil', step: 10_000 })).toBe(2_340_000);
    // thuvienphapluat's example rounded to nearest: 0,15 × 1.490.000 = 223.500 → 220.000.
    expect(computeAmount(150, 1_490_000, { mode: 'nearest', step: 10_000 })).toBe(220_000);
    expect(roundRatio(5, 1, { mode: 'nearest', step: 10 })).toBe(10);
  });

  it('Giấy khen 0,3 / 0,6 and Bằng khen TLĐ 1,5 switch with lương cơ sở on 01/7/2026', async () => {
    await core.call('office.setup', { level: 'province', name: 'Liên đoàn Lao động tỉnh Bắc Kạn', abbreviation: 'LĐLĐ', signerTitle: 'CHỦ TỊCH', signerName: 'Vi Văn Nghĩa' });
    const m = (formId: string, target: 'individual' | 'collective', date: string) => core.call('commendations.money', { formId, target, date });
    const before = await m(FORMS.giayKhen, 'individual', '2026-06-30');
    expect(before).toMatchObject({ coefficient: 0.3, baseSalary: 2_340_000, raw: 702_000, amount: 710_000, words: 'Bảy trăm mười nghìn đồng', rounding: { mode: 'ceil', step: 10_000 } });
    expect((await m(FORMS.giayKhen, 'collective', '2026-06-30')).amount).toBe(1_410_000);
    const after = await m(FORMS.giayKhen, 'individual', '2026-07-01');
    expect(after).toMatchObject({ baseSalary: 2_530_000, amount: 760_000, baseSalaryNeedsCheck: true });
    expect((await m(FORMS.giayKhen, 'collective', '2026-07-01')).amount).toBe(1_520_000);
    expect((await m(FORMS.bangKhenTld, 'individual', '2026-07-01')).amount).toBe(3_800_000);
    expect((await m(FORMS.bangKhenTld, 'individual', '2026-06-30')).amount).toBe(3_510_000);

    // The tables are data: a dated rounding row changes money from its date on, not before.
    await core.call('commendations.saveRounding', { validFrom: '2026-08-01', mode: 'nearest', step: 10_000, source: 'Thử' });
    expect((await m(FORMS.giayKhen, 'individual', '2026-08-01')).amount).toBe(760_000);
    expect((await m(FORMS.giayKhen, 'individual', '2026-07-31')).amount).toBe(760_000);
    await core.call('commendations.saveBaseSalary', { amount: 2_345_000, validFrom: '2026-09-01' });
    expect((await m(FORMS.giayKhen, 'individual', '2026-09-01'))).toMatchObject({ raw: 703_500, amount: 700_000 });

    // A union title without coefficient explains itself instead of inventing money.
    const union = (await core.call('commendations.catalogue', {})).forms.find((f) => f.name === 'Đoàn viên công đoàn xuất sắc')!;
    expect((await m(union.id, 'individual', '2026-06-30'))).toMatchObject({ amount: 0, coefficient: null, missing: expect.stringContaining('chưa có hệ số') });
  });

  it('gives every worked example of docs/rules.md §4.4 from the seeded tables', async () => {
    await core.call('office.setup', { level: 'province', name: 'Liên đoàn Lao động tỉnh Bắc Kạn', abbreviation: 'LĐLĐ', signerTitle: 'CHỦ TỊCH', signerName: 'Vi Văn Nghĩa' });
    const forms = (await core.call('commendations.catalogue', {})).forms;
    const id = (name: string) => forms.find((f) => f.name === name)!.id;
    const cases: [string, 'individual' | 'collective', number, number][] = [
      ['Giấy khen', 'individual', 710_000, 760_000],
      ['Lao động tiên tiến', 'individual', 710_000, 760_000],
      ['Giấy khen', 'collective', 1_410_000, 1_520_000],
      ['Chiến sĩ thi đua cơ sở', 'individual', 2_340_000, 2_530_000],
      ['Bằng khen của bộ, ban, ngành, tỉnh', 'individual', 3_510_000, 3_800_000],
      ['Bằng khen của Tổng Liên đoàn Lao động Việt Nam', 'individual', 3_510_000, 3_800_000],
      ['Tập thể lao động tiên tiến', 'collective', 1_880_000, 2_030_000],
    ];
    for (const [name, target, at234, at253] of cases) {
      expect([name, (await core.call('commendations.money', { formId: id(name), target, date: '2025-12-31' })).amount]).toEqual([name, at234]);
      expect([name, (await core.call('commendations.money', { formId: id(name), target, date: '2026-07-01' })).amount]).toEqual([name, at253]);
    }
  });

  it('refuses bad table rows in Vietnamese and leaves the database unchanged', async () => {
    await core.call('office.setup', { level: 'province', name: 'Liên đoàn Lao động tỉnh Bắc Kạn', abbreviation: 'LĐLĐ', signerTitle: 'CHỦ TỊCH', signerName: 'Vi Văn Nghĩa' });
    const before = snapshot(core);
    expect((await core.fail('commendations.saveCoefficient', { formId: FORMS.giayKhen, target: 'individual', coefficient: 'ba', validFrom: '2026-01-01' })).message).toMatch(/Hệ số/);
    expect((await core.fail('commendations.saveCoefficient', { formId: FORMS.giayKhen, target: 'individual', coefficient: 0.3333, validFrom: '2026-01-01' })).message).toMatch(/3 chữ số thập phân/);
    expect((await core.fail('commendations.saveBaseSalary', { amount: 2_340_000, validFrom: '2024-07-01' })).message).toMatch(/Đã có mức lương cơ sở áp dụng từ ngày 01\/07\/2024/);
    expect((await core.fail('commendations.saveBaseSalary', { amount: -5, validFrom: '2024-07-31' })).message).toMatch(/Mức lương cơ sở/);
    expect((await core.fail('commendations.saveRounding', { validFrom: '2026-02-30', mode: 'ceil', step: 10000 })).message).toMatch(/ngày không tồn tại/);
    expect((await core.fail('commendations.saveCoefficient', { formId: FORMS.csTdCoSo, target: 'collective', coefficient: 1, validFrom: '2027-01-01' })).message).toMatch(/chỉ dành cho cá nhân/);
    expect(snapshot(core)).toBe(before);
    // Editing a seeded row: "0,35" typed with a comma.
    const row = (await core.call('commendations.catalogue', {})).coefficients.find((c) => c.formId === FORMS.giayKhen && c.target === 'individual' && c.validFrom === '2025-07-01')!;
    const after = await core.call('commendations.saveCoefficient', { id: row.id, formId: FORMS.giayKhen, target: 'individual', coefficient: '0,35', validFrom: '2025-07-01', source: row.source });
    expect(after.coefficients.find((c) => c.id === row.id)?.coefficient).toBe(0.35);
  });
});

describe('bình xét: votes against the council and rule checks that explain themselves', () => {
  it('needs the form’s share of the whole council (CSTĐ cơ sở 80 %: 8 of 9)', async () => {
    const w = await seedCommendationWorld(core);
    const n = await core.call('commendations.saveNomination', { movementId: w.movement.id, periodYear: 2026, sourceOrgId: w.baBe.id, target: 'individual', fullName: 'Nguyễn Văn Bình', organizationId: w.baBe.id, proposedFormId: FORMS.csTdCoSo });
    expect(n.requiredSharePct).toBe(80);
    const before = snapshot(core);
    const err = await core.fail('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 9, votesFor: 7, result: 'approved' });
    expect(err.message).toContain('7/9 thành viên hội đồng đồng ý (77,8%); cần ít nhất 80% tổng số thành viên, tức 8 phiếu');
    expect((await core.fail('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 9, votesFor: 10, result: 'approved' })).message).toMatch(/không được lớn hơn số thành viên/);
    expect((await core.fail('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 9, votesFor: 3, result: 'rejected' })).message).toMatch(/Lý do/);
    expect(snapshot(core)).toBe(before);
    // CSTĐ cơ sở has conditions of its own (tests/integration/award-conditions.test.ts); here the council overrides them.
    const ok = await core.call('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 9, votesFor: 8, result: 'approved', overrideReason: 'Hồ sơ sáng kiến nộp bổ sung' });
    expect(ok.status).toBe('approved');
    expect(ok.review?.checks.find((c) => c.code === 'votes')?.message).toMatch(/^Đạt: 8\/9/);
    expect(ok.review?.checks.find((c) => c.code === 'registration')?.message).toMatch(/có trong danh sách đăng ký thi đua/);
  });

  it('blocks approval when not registered, excluded in Cài đặt, or already given the same form for the period', async () => {
    const w = await seedCommendationWorld(core);
    const base = { movementId: w.movement.id, periodYear: 2026, proposedFormId: FORMS.giayKhen };
    const stranger = await core.call('commendations.saveNomination', { ...base, sourceOrgId: w.baBe.id, target: 'individual', fullName: 'Lý Thị Mai', organizationId: w.baBe.id });
    const checks = await core.call('commendations.checkNomination', { id: stranger.id });
    expect(checks.find((c) => c.code === 'registration')).toMatchObject({ ok: false, message: expect.stringContaining('Lý Thị Mai không có trong danh sách cá nhân đăng ký thi đua "Phong trào thi đua lao động giỏi năm 2026"') });
    const err = await core.fail('commendations.review', { nominationId: stranger.id, reviewedOn: '2026-06-10', councilSize: 5, votesFor: 5, result: 'approved' });
    expect(err.message).toMatch(/Không thể thông qua đề nghị cho Lý Thị Mai: Lý Thị Mai không có trong danh sách/);
    // Rejecting is always possible, with its reason.
    const rejected = await core.call('commendations.review', { nominationId: stranger.id, reviewedOn: '2026-06-10', councilSize: 5, votesFor: 1, result: 'rejected', reason: 'Không đăng ký thi đua' });
    expect(rejected).toMatchObject({ status: 'rejected', review: { reason: 'Không đăng ký thi đua' } });

    const binh = await core.call('commendations.saveNomination', { ...base, sourceOrgId: w.baBe.id, target: 'individual', fullName: 'Nguyễn Văn Bình', organizationId: w.baBe.id });
    await core.call('commendations.saveExclusion', { personId: binh.personId, reason: 'Đang bị xem xét kỷ luật', validFrom: '2026-05-01', validTo: '2026-12-31' });
    expect((await core.fail('commendations.review', { nominationId: binh.id, reviewedOn: '2026-06-10', councilSize: 5, votesFor: 5, result: 'approved' })).message).toContain(
      'thuộc trường hợp loại trừ từ 01/05/2026 đến 31/12/2026: Đang bị xem xét kỷ luật',
    );
    // Out of the exclusion's range the same nomination passes.
    const passed = await core.call('commendations.review', { nominationId: binh.id, reviewedOn: '2026-04-30', councilSize: 5, votesFor: 5, result: 'approved' });
    expect(passed.status).toBe('approved');

    const d = await core.call('commendations.saveDecision', decisionInput([passed]));
    await core.call('commendations.issueDecision', { id: d.id, date: '2026-06-15' });
    const again = await core.call('commendations.saveNomination', { ...base, sourceOrgId: w.office.organizationId, target: 'individual', personId: binh.personId, organizationId: w.baBe.id });
    const dup = (await core.call('commendations.checkNomination', { id: again.id })).find((c) => c.code === 'duplicate')!;
    expect(dup).toMatchObject({ ok: false });
    expect(dup.message).toBe('Nguyễn Văn Bình đã được tặng "Giấy khen" năm 2026 theo Quyết định số 01/QĐ-LĐLĐ ngày 15/06/2026: không khen trùng cùng hình thức, cùng kỳ.');
  });
});

describe('decisions', () => {
  it('issues with a register number, money frozen at the decision date, số sổ vàng; then locked; corrections reference the old one', async () => {
    const w = await seedCommendationWorld(core);
    const noms = await approvedNominations(core, w);
    const draft = await core.call('commendations.saveDecision', decisionInput(noms, { movementId: w.movement.id }));
    expect(draft).toMatchObject({ status: 'draft', numberText: null, collectives: 1, individuals: 3, totalAmount: 1_410_000 + 3 * 710_000 });
    // Individuals by tên: An, Bình, Thủy; collectives first.
    expect(draft.awardees.map((a) => [a.row, a.name, a.amount])).toEqual([
      [1, 'Liên đoàn Lao động huyện Ba Bể', 1_410_000],
      [2, 'Đặng Thị An', 710_000],
      [3, 'Nguyễn Văn Bình', 710_000],
      [4, 'Hoàng Văn Thủy', 710_000],
    ]);
    expect(draft.totalWords).toBe('Ba triệu năm trăm bốn mươi nghìn đồng');

    // A nomination not yet approved cannot be decided.
    const pending = await core.call('commendations.saveNomination', { movementId: w.movement.id, periodYear: 2026, sourceOrgId: w.choDon.id, target: 'collective', organizationId: w.choDon.id, proposedFormId: FORMS.giayKhen });
    expect((await core.fail('commendations.saveDecision', decisionInput([...noms, pending], { id: draft.id }))).message).toMatch(/Dòng 5 .*chưa được hội đồng thông qua/);

    // Issued on 01/7/2026: the new lương cơ sở applies (issue date = decision date).
    const issued = await core.call('commendations.issueDecision', { id: draft.id, date: '2026-07-01' });
    expect(issued).toMatchObject({ status: 'issued', numberText: '01/QĐ-LĐLĐ', decisionDate: '2026-07-01', baseSalary: 2_530_000, totalAmount: 1_520_000 + 3 * 760_000 });
    expect(issued.awardees.map((a) => a.goldBookNumber)).toEqual(['1/2026', '2/2026', '3/2026', '4/2026']);
    expect((await core.call('register.list', { year: 2026 })).entries.map((e) => [e.numberText, e.recordKind])).toEqual([['01/QĐ-LĐLĐ', 'decision']]);
    expect((await core.call('commendations.listNominations', { periodYear: 2026 })).filter((n) => n.status === 'decided')).toHaveLength(4);

    // Frozen: a later edit of the tables does not move an issued decision's money.
    await core.call('commendations.saveBaseSalary', { amount: 3_000_000, validFrom: '2026-07-01', id: (await core.call('commendations.catalogue', {})).baseSalaries.find((s) => s.validFrom === '2026-07-01')!.id });
    expect((await core.call('commendations.getDecision', { id: draft.id })).totalAmount).toBe(1_520_000 + 3 * 760_000);

    // Locked.
    const before = snapshot(core);
    expect((await core.fail('commendations.saveDecision', decisionInput(noms, { id: draft.id }))).message).toMatch(/đã ban hành nên không sửa được/);
    expect((await core.fail('commendations.deleteDecision', { id: draft.id })).message).toMatch(/không thể xóa/);
    expect((await core.fail('commendations.issueDecision', { id: draft.id, date: '2026-07-02' })).message).toMatch(/đã được ban hành/);
    expect(snapshot(core)).toBe(before);

    // Correction: a new draft referencing the old one, with its list; issuing it marks the old one replaced.
    const corr = await core.call('commendations.correctDecision', { id: draft.id });
    expect(corr).toMatchObject({ status: 'draft', correctsDecisionId: draft.id, correctsNumberText: '01/QĐ-LĐLĐ', subject: 'Về việc đính chính Quyết định số 01/QĐ-LĐLĐ ngày 01/07/2026' });
    expect(corr.bases.at(-1)).toMatch(/^Căn cứ Quyết định số 01\/QĐ-LĐLĐ ngày 01\/07\/2026/);
    expect((await core.call('commendations.correctDecision', { id: draft.id })).id).toBe(corr.id);
    const fixed = corr.awardees.map((a) => ({ ...a, name: a.name === 'Hoàng Văn Thủy' ? 'Hoàng Văn Thuỷ' : a.name }));
    await core.call('commendations.saveDecision', { ...decisionInput(noms, { movementId: w.movement.id }), id: corr.id, decisionDate: '2026-07-05', awardees: fixed });
    const issuedCorr = await core.call('commendations.issueDecision', { id: corr.id, date: '2026-07-05' });
    expect(issuedCorr.numberText).toBe('02/QĐ-LĐLĐ');
    expect((await core.call('commendations.getDecision', { id: draft.id })).correctedById).toBe(corr.id);
    expect((await core.fail('commendations.correctDecision', { id: draft.id })).message).toMatch(/đã có quyết định đính chính/);

    // History keeps both, marks the replaced one; statistics count only the correction.
    const hist = await core.call('commendations.history', { query: 'thuy' });
    expect(hist.map((h) => [h.numberText, h.name, h.correctedBy])).toEqual([
      ['02/QĐ-LĐLĐ', 'Hoàng Văn Thuỷ', null],
      ['01/QĐ-LĐLĐ', 'Hoàng Văn Thủy', '02/QĐ-LĐLĐ'],
    ]);
    const stats = await core.call('commendations.statistics', { periodYear: 2026 });
    // The correction was issued after lương cơ sở from 01/7/2026 was edited to 3.000.000: 0,6 and 0,3 of that.
    expect(stats.total).toMatchObject({ collectives: 1, individuals: 3, amount: 1_800_000 + 3 * 900_000 });
    expect(stats.byForm).toEqual([expect.objectContaining({ label: 'Giấy khen', collectives: 1, individuals: 3 })]);
    expect(stats.byUnit.map((u) => [u.label, u.collectives, u.individuals])).toEqual([
      ['Liên đoàn Lao động huyện Ba Bể', 1, 1],
      ['Liên đoàn Lao động huyện Chợ Đồn', 0, 2],
    ]);
    expect(stats.byPhase.map((p) => p.label)).toEqual(['Phong trào thi đua lao động giỏi năm 2026']);
  });

  it('a danh hiệu given by a decision joins the person’s titles; a correction retires them', async () => {
    const w = await seedCommendationWorld(core);
    const n = await core.call('commendations.saveNomination', { movementId: w.movement.id, periodYear: 2026, sourceOrgId: w.choDon.id, target: 'individual', fullName: 'Đặng Thị An', organizationId: w.choDon.id, proposedFormId: FORMS.csTdCoSo });
    await core.call('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 5, votesFor: 5, result: 'approved', overrideReason: 'Hồ sơ sáng kiến nộp bổ sung' });
    const d = await core.call('commendations.saveDecision', decisionInput([n]));
    const issued = await core.call('commendations.issueDecision', { id: d.id, date: '2026-06-15' });
    expect(issued.awardees[0].amount).toBe(2_340_000);
    expect((await core.call('registrations.personHistory', { personId: n.personId! })).titles).toEqual([
      expect.objectContaining({ year: 2026, title: 'Chiến sĩ thi đua cơ sở', reference: 'Quyết định số 01/QĐ-LĐLĐ ngày 15/06/2026' }),
    ]);
    const corr = await core.call('commendations.correctDecision', { id: d.id });
    await core.call('commendations.issueDecision', { id: corr.id, date: '2026-06-20' });
    expect((await core.call('registrations.personHistory', { personId: n.personId! })).titles.map((t) => t.reference)).toEqual(['Quyết định số 02/QĐ-LĐLĐ ngày 20/06/2026']);
  });

  it('validates every input with Vietnamese messages and writes nothing on refusal', async () => {
    const w = await seedCommendationWorld(core);
    const noms = await approvedNominations(core, w);
    const before = snapshot(core);
    expect((await core.fail('commendations.saveDecision', decisionInput(noms, { awardees: [] }))).message).toMatch(/chưa có tập thể, cá nhân nào/);
    expect((await core.fail('commendations.saveDecision', decisionInput(noms, { decisionDate: '15/06/2026' }))).message).toMatch(/Ngày quyết định: ngày không hợp lệ/);
    expect((await core.fail('commendations.saveDecision', decisionInput(noms, { achievement: '  ' }))).message).toMatch(/Thành tích: không được để trống/);
    expect((await core.fail('commendations.saveNomination', { periodYear: 2026, target: 'individual', proposedFormId: FORMS.giayKhen })).message).toMatch(/Họ và tên/);
    expect((await core.fail('commendations.saveNomination', { periodYear: 2026, target: 'collective', organizationId: w.baBe.id, proposedFormId: FORMS.csTdCoSo })).message).toMatch(/chỉ dành cho cá nhân/);
    // Bằng khen TLĐ for a nomination in the same list: a mixed form list is refused when the form does not fit the target.
    const mixed = decisionInput(noms);
    mixed.awardees[0] = { ...mixed.awardees[0], formId: FORMS.csTdCoSo };
    expect((await core.fail('commendations.saveDecision', mixed)).message).toMatch(/Dòng 1 .*chỉ dành cho cá nhân/);
    expect(snapshot(core)).toBe(before);
  });
});
