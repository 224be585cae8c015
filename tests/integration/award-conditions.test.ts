/** The form's own conditions, checked on crafted histories (issued here, imported from Excel), and the council's override. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleCheck } from '../../src/shared/schemas/commendations';
import { decisionInput, FORMS, seedCommendationWorld } from '../helpers/commendations';
import { startCore, type TestCore } from '../helpers/core';
import { sheetOf } from '../helpers/registrations';
import { normalizeWs, paragraphTexts, unzipDocx } from '../unit/documents/docx-xml';

const LDTT = '00000000-0000-4000-8000-000000000605';
const BK_TINH = '00000000-0000-4000-8000-000000000603';
const TTLDXS = '00000000-0000-4000-8000-000000000610';
const HEADER = ['STT', 'Số QĐ', 'Ngày QĐ', 'Cấp khen', 'Danh hiệu, hình thức', 'Năm', 'Họ và tên', 'Năm sinh', 'Đơn vị'];

let core: TestCore;
let w: Awaited<ReturnType<typeof seedCommendationWorld>>;
beforeEach(async () => {
  core = await startCore();
  w = await seedCommendationWorld(core);
});
afterEach(() => core.cleanup());

const count = (sql: string) => (core.app.store.sqlite.prepare(sql).get() as { n: number }).n;

/** One history line per [number, date, form, year, name, unit]. */
async function importHistory(lines: [string, string, string, number | string, string, string][]) {
  const file = await sheetOf(HEADER, lines.map(([num, date, form, year, name, unit], i) => [i + 1, num, date, 'Ban Thường vụ LĐLĐ tỉnh', form, year, name, '', unit]));
  return core.call('awardHistory.import', { file });
}

async function nominate(fullName: string, unit: string, formId: string, periodYear = 2026) {
  return core.call('commendations.saveNomination', { periodYear, sourceOrgId: unit, target: 'individual', fullName, organizationId: unit, proposedFormId: formId });
}

async function checksOf(nominationId: string): Promise<Map<string, RuleCheck>> {
  const [r] = await core.call('awardRules.check', { nominationIds: [nominationId], date: '2026-06-10' });
  return new Map(r.checks.map((c) => [c.condition!.label, c]));
}

const condition = (label: string, shape: string, subjectFormIds: string[], over: Record<string, unknown> = {}) =>
  core.call('awardRules.save', { formId: BK_TINH, target: 'individual', shape: shape as 'title_each_year', subjectFormIds, years: 2, label, validFrom: '2025-01-01', source: 'Quy chế thử, Điều 5', ...over });

/** LĐTT 2025 issued here (QĐ 01/QĐ-LĐLĐ ngày 18/12/2025) for a person of Chợ Đồn. */
async function issueLdtt2025(fullName: string) {
  const n = await nominate(fullName, w.choDon.id, LDTT, 2025);
  await core.call('commendations.review', { nominationId: n.id, reviewedOn: '2025-12-10', councilSize: 5, votesFor: 5, result: 'approved' });
  const d = await core.call('commendations.saveDecision', decisionInput([n], { periodYear: 2025, decisionDate: '2025-12-18' }));
  await core.call('commendations.issueDecision', { id: d.id, date: '2025-12-18' });
}

describe('each rule shape on crafted histories', () => {
  beforeEach(async () => {
    await condition('C1 LĐTT mỗi năm của 2 năm trước', 'title_each_year', [LDTT], { endOffset: 1 });
    await condition('C2 LĐTT ít nhất 2 lần trong 3 năm', 'title_k_of_n', [LDTT], { years: 3, minCount: 2 });
    await condition('C3 chưa được Giấy khen trong 2 năm', 'form_not_within', [FORMS.giayKhen]);
    await condition('C4 có sáng kiến trong 2 năm', 'initiative', []);
    await condition('C5 Giấy khen từ 3 năm trở lên', 'ladder_gap', [FORMS.giayKhen], { years: 3 });
  });

  it('met, unmet, edges of the window, a missing year, imported and issued history side by side', async () => {
    await issueLdtt2025('Đặng Thị An');
    const imported = await importHistory([
      ['12/QĐ-LĐLĐ', '20/12/2024', 'Lao động tiên tiến', 2024, 'Đặng Thị An', 'CHODON'],
      ['30/QĐ-LĐLĐ', '15/01/2024', 'Giấy khen', 2023, 'Đặng Thị An', 'CHODON'],
      ['08/QĐ-LĐLĐ', '18/12/2023', 'Lao động tiên tiến', 2023, 'Hoàng Văn Thủy', 'CHODON'],
      ['15/QĐ-LĐLĐ', '18/12/2025', 'Lao động tiên tiến', 2025, 'Hoàng Văn Thủy', 'CHODON'],
      ['16/QĐ-LĐLĐ', '19/12/2025', 'Giấy khen', 2025, 'Hoàng Văn Thủy', 'CHODON'],
      ['15/QĐ-LĐLĐ', '18/12/2025', 'Lao động tiên tiến', 2025, 'Nguyễn Văn Bình', 'BABE'],
      ['02/QĐ-LĐLĐ', '10/01/2027', 'Lao động tiên tiến', 2026, 'Nguyễn Văn Bình', 'BABE'],
      ['40/QĐ-LĐLĐ', '20/12/2024', 'Giấy khen', 2024, 'Nguyễn Văn Bình', 'BABE'],
    ]);
    expect(imported).toMatchObject({ created: 8, unchanged: 0, peopleCreated: 0, peopleMatched: 8 });
    const an = await nominate('Đặng Thị An', w.choDon.id, BK_TINH);
    const thuy = await nominate('Hoàng Văn Thủy', w.choDon.id, BK_TINH);
    const binh = await nominate('Nguyễn Văn Bình', w.baBe.id, BK_TINH);
    await core.call('awardHistory.saveInitiative', { personId: an.personId!, year: 2025, name: 'Phần mềm quản lý đoàn viên', recognisedBy: 'QĐ 05/QĐ-LĐLĐ ngày 10/11/2025' });
    await core.call('awardHistory.saveInitiative', { personId: binh.personId!, year: 2024, name: 'Sổ tay công đoàn', recognisedBy: '' });

    const a = await checksOf(an.id);
    // Imported and issued here, read alike, each named with its decision.
    expect(a.get('C1 LĐTT mỗi năm của 2 năm trước')).toMatchObject({
      ok: true,
      message: 'Lao động tiên tiến 2024, 2025: có (QĐ 12/QĐ-LĐLĐ ngày 20/12/2024 của Ban Thường vụ LĐLĐ tỉnh, nhập từ Excel; QĐ 01/QĐ-LĐLĐ ngày 18/12/2025)',
      condition: { source: 'Quy chế thử, Điều 5', needsCheck: false },
    });
    expect(a.get('C2 LĐTT ít nhất 2 lần trong 3 năm')?.ok).toBe(true);
    // Giấy khen for 2023 is just outside 2025–2026, and 3 years ago: both edges hold.
    expect(a.get('C3 chưa được Giấy khen trong 2 năm')).toMatchObject({ ok: true, message: 'Giấy khen trong 2025–2026: chưa được tặng' });
    expect(a.get('C4 có sáng kiến trong 2 năm')).toMatchObject({ ok: true, message: expect.stringContaining('"Phần mềm quản lý đoàn viên" năm 2025, QĐ 05/QĐ-LĐLĐ ngày 10/11/2025') });
    expect(a.get('C5 Giấy khen từ 3 năm trở lên')).toMatchObject({ ok: true, message: expect.stringMatching(/^Giấy khen năm 2023 \(QĐ 30\/QĐ-LĐLĐ ngày 15\/01\/2024.*\): đã 3 năm, cần từ 3 năm$/) });

    const t = await checksOf(thuy.id);
    expect(t.get('C1 LĐTT mỗi năm của 2 năm trước')).toMatchObject({ ok: false, message: expect.stringMatching(/^Lao động tiên tiến 2024, 2025: thiếu năm 2024; có: 2025 \(QĐ 15\/QĐ-LĐLĐ/) });
    expect(t.get('C2 LĐTT ít nhất 2 lần trong 3 năm')).toMatchObject({ ok: false, message: expect.stringContaining('Lao động tiên tiến trong 2024–2026: 1 lần, cần ít nhất 2') });
    expect(t.get('C3 chưa được Giấy khen trong 2 năm')).toMatchObject({ ok: false, message: expect.stringMatching(/^Giấy khen đã được tặng năm 2025 \(QĐ 16\/QĐ-LĐLĐ ngày 19\/12\/2025/) });
    expect(t.get('C4 có sáng kiến trong 2 năm')).toMatchObject({ ok: false, message: 'Sáng kiến, đề tài được công nhận 2025–2026: chưa có' });
    expect(t.get('C5 Giấy khen từ 3 năm trở lên')).toMatchObject({ ok: false, message: expect.stringContaining('mới 1 năm, cần từ 3 năm') });

    // The nomination year itself is outside C1's window (it ends the year before); 2024's sáng kiến is outside C4's.
    const b = await checksOf(binh.id);
    expect(b.get('C1 LĐTT mỗi năm của 2 năm trước')).toMatchObject({ ok: false, message: expect.stringContaining('thiếu năm 2024') });
    expect(b.get('C2 LĐTT ít nhất 2 lần trong 3 năm')?.ok).toBe(true);
    expect(b.get('C4 có sáng kiến trong 2 năm')?.ok).toBe(false);
    expect(b.get('C5 Giấy khen từ 3 năm trở lên')).toMatchObject({ ok: false, message: expect.stringContaining('Giấy khen năm 2024') });
  });

  it('a condition applies only from its date and up to its end; edits and deletions are data', async () => {
    const n = await nominate('Đặng Thị An', w.choDon.id, BK_TINH);
    const [before] = await core.call('awardRules.check', { nominationIds: [n.id], date: '2024-12-31' });
    expect(before.checks).toEqual([]);
    const list = await core.call('awardRules.list', {});
    const c5 = list.find((c) => c.label.startsWith('C5'))!;
    await core.call('awardRules.save', { ...c5, validTo: '2026-05-31', subjectFormIds: c5.subjectFormIds });
    expect((await checksOf(n.id)).has(c5.label)).toBe(false);
    await core.call('awardRules.delete', { id: list.find((c) => c.label.startsWith('C4'))!.id });
    expect([...(await checksOf(n.id)).keys()]).toEqual(['C1 LĐTT mỗi năm của 2 năm trước', 'C2 LĐTT ít nhất 2 lần trong 3 năm', 'C3 chưa được Giấy khen trong 2 năm']);
    // Refusals in Vietnamese, nothing written.
    const rows = count('SELECT count(*) n FROM award_conditions');
    expect((await core.fail('awardRules.save', { formId: BK_TINH, target: 'individual', shape: 'title_k_of_n', subjectFormIds: [LDTT], years: 3, minCount: 5, label: 'x', validFrom: '2025-01-01', source: 'y' })).message).toMatch(/Số lần \(K\): từ 1 đến N/);
    expect((await core.fail('awardRules.save', { formId: BK_TINH, target: 'individual', shape: 'collective_share', subjectFormIds: [LDTT], years: 1, sharePct: 50, label: 'x', validFrom: '2025-01-01', source: 'y' })).message).toMatch(/chỉ áp dụng cho tập thể/);
    expect((await core.fail('awardRules.save', { formId: LDTT, target: 'collective', shape: 'title_each_year', subjectFormIds: [LDTT], years: 1, label: 'x', validFrom: '2025-01-01', source: 'y' })).message).toMatch(/chỉ dành cho cá nhân/);
    expect(count('SELECT count(*) n FROM award_conditions')).toBe(rows);
  });
});

describe('conditions of the upper level (as a catalogue package writes them: owned by the upper level)', () => {
  it('are checked here and cannot be edited or deleted here', async () => {
    const upper = '00000000-0000-4000-8000-00000000abcd';
    const now = new Date().toISOString();
    const sqlite = core.app.store.sqlite;
    sqlite.prepare(`INSERT INTO organizations (id, code, parent_id, level, sort_order, owner_id, revision, created_at, updated_at) VALUES (?, 'TLD', NULL, 'central', 0, ?, 1, ?, ?)`).run(upper, upper, now, now);
    sqlite.prepare(`INSERT INTO organization_names (organization_id, valid_from, name, short_name, abbreviation, place_name, parent_line, search_key) VALUES (?, '1900-01-01', 'Tổng Liên đoàn Lao động Việt Nam', 'TLĐ', 'TLĐ', 'Hà Nội', '', 'tong lien doan lao dong viet nam')`).run(upper);
    sqlite.prepare(`INSERT INTO award_conditions (id, form_id, target, shape, subject_form_ids, years, min_count, share_pct, end_offset, no_discipline, label, valid_from, valid_to, source, needs_check, sort_order, owner_id, revision, created_at, updated_at)
      VALUES ('00000000-0000-4000-8000-00000000c001', ?, 'individual', 'title_each_year', ?, 2, 0, 0, 1, 0, 'Điều kiện của cấp trên: LĐTT 2 năm liền', '2025-01-01', NULL, 'Hướng dẫn của cấp trên, mục 3', 0, 99, ?, 1, ?, ?)`).run(BK_TINH, JSON.stringify([LDTT]), upper, now, now);
    const n = await nominate('Đặng Thị An', w.choDon.id, BK_TINH);
    expect((await checksOf(n.id)).get('Điều kiện của cấp trên: LĐTT 2 năm liền')).toMatchObject({ ok: false, message: 'Lao động tiên tiến 2024, 2025: thiếu năm 2024, 2025' });
    const row = (await core.call('awardRules.list', {})).find((c) => c.ownerId === upper)!;
    expect((await core.fail('awardRules.save', { ...row, label: 'sửa' })).message).toMatch(/do cấp trên ban hành/);
    expect((await core.fail('awardRules.delete', { id: row.id })).message).toMatch(/do cấp trên ban hành/);
  });
});

describe('collective: share of members with a title, no member disciplined (seeded TTLĐ xuất sắc, 70 %)', () => {
  it('counts the unit’s people, then blocks on a disciplined member', async () => {
    await importHistory([
      ['20/QĐ-LĐLĐ', '18/12/2026', 'Lao động tiên tiến', 2026, 'Đặng Thị An', 'CHODON'],
      ['20/QĐ-LĐLĐ', '18/12/2026', 'Lao động tiên tiến', 2026, 'Hoàng Văn Thủy', 'CHODON'],
      ['15/QĐ-LĐLĐ', '18/12/2025', 'Lao động tiên tiến', 2025, 'Lý Văn Ba', 'CHODON'],
    ]);
    const n = await core.call('commendations.saveNomination', { periodYear: 2026, sourceOrgId: w.choDon.id, target: 'collective', organizationId: w.choDon.id, proposedFormId: TTLDXS });
    const share = async () => (await core.call('awardRules.check', { nominationIds: [n.id], date: '2026-06-10' }))[0].checks[0];
    expect(await share()).toMatchObject({
      ok: false,
      message: '2/3 cá nhân của đơn vị (66,7%) đạt Lao động tiên tiến hoặc Chiến sĩ thi đua cơ sở năm 2026; cần ít nhất 70%; không có cá nhân bị kỷ luật',
      condition: { needsCheck: true, source: expect.stringContaining('cần kiểm tra') },
    });
    await importHistory([['21/QĐ-LĐLĐ', '19/12/2026', 'Lao động tiên tiến', 2026, 'Lý Văn Ba', 'CHODON']]);
    expect(await share()).toMatchObject({ ok: true, message: expect.stringMatching(/^3\/3 cá nhân của đơn vị \(100%\)/) });
    // An exclusion that ended before the window does not count.
    const ba = (await core.call('people.search', { query: 'ly van ba', organizationId: w.choDon.id })).items[0];
    await core.call('commendations.saveExclusion', { personId: ba.id, reason: 'Kỷ luật khiển trách', validFrom: '2024-01-01', validTo: '2024-12-31' });
    expect(await share()).toMatchObject({ ok: true, message: expect.stringContaining('không có cá nhân bị kỷ luật') });
    const people = await core.call('people.search', { query: 'thuy', organizationId: w.choDon.id });
    const thuy = people.items.find((p) => p.fullName === 'Hoàng Văn Thủy')!;
    await core.call('commendations.saveExclusion', { personId: thuy.id, reason: 'Kỷ luật khiển trách', validFrom: '2026-03-01' });
    expect(await share()).toMatchObject({ ok: false, message: expect.stringContaining('có cá nhân thuộc diện kỷ luật/loại trừ: Hoàng Văn Thủy — Kỷ luật khiển trách (từ 01/03/2026)') });
  });
});

describe('an unmet condition blocks approval unless the council overrides it with a reason', () => {
  it('refuses, then records the override and its reason on the review', async () => {
    const n = await nominate('Đặng Thị An', w.choDon.id, FORMS.csTdCoSo);
    const err = await core.fail('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 5, votesFor: 5, result: 'approved' });
    expect(err.message).toContain('Không thể thông qua đề nghị cho Đặng Thị An: Đạt danh hiệu "Lao động tiên tiến" năm đề nghị: Lao động tiên tiến 2026: thiếu năm 2026');
    expect(err.message).toContain('hãy ghi lý do vượt điều kiện');
    expect(err.details).toHaveLength(2);
    expect(count('SELECT count(*) n FROM nomination_reviews')).toBe(0);
    // An override never covers the other checks (votes here).
    expect((await core.fail('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 5, votesFor: 3, result: 'approved', overrideReason: 'x' })).message).toMatch(/Chưa đạt: 3\/5/);
    const ok = await core.call('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 5, votesFor: 5, result: 'approved', overrideReason: 'Sáng kiến đã được Hội đồng công nhận ngày 05/6/2026, quyết định đang trình ký' });
    expect(ok.status).toBe('approved');
    expect(ok.review?.overrideReason).toBe('Sáng kiến đã được Hội đồng công nhận ngày 05/6/2026, quyết định đang trình ký');
    expect(ok.review?.checks.filter((c) => c.code === 'condition').map((c) => [c.ok, c.overridden])).toEqual([[false, true], [false, true]]);
    // Once the conditions are met, no override is recorded even if one is typed.
    await importHistory([['20/QĐ-LĐLĐ', '18/12/2026', 'Lao động tiên tiến', 2026, 'Hoàng Văn Thủy', 'CHODON']]);
    const m = await nominate('Hoàng Văn Thủy', w.choDon.id, FORMS.csTdCoSo);
    await core.call('awardHistory.saveInitiative', { personId: m.personId!, year: 2026, name: 'Cải tiến quy trình', recognisedBy: 'QĐ 3/QĐ-CĐCS' });
    const clean = await core.call('commendations.review', { nominationId: m.id, reviewedOn: '2026-06-10', councilSize: 5, votesFor: 5, result: 'approved', overrideReason: 'không cần' });
    expect(clean.review?.overrideReason).toBe('');
  });

  it('prints the override and its reason in the tờ trình to the level above', async () => {
    const n = await nominate('Đặng Thị An', w.choDon.id, FORMS.csTdCoSo);
    const ok = await nominate('Hoàng Văn Thủy', w.choDon.id, FORMS.giayKhen);
    await core.call('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 5, votesFor: 5, result: 'approved', overrideReason: 'Sáng kiến đã được công nhận, quyết định đang trình ký.' });
    await core.call('commendations.review', { nominationId: ok.id, reviewedOn: '2026-06-10', councilSize: 5, votesFor: 5, result: 'approved' });
    const p = await core.call('commendations.saveProposal', {
      formId: FORMS.csTdCoSo,
      addressee: 'Ban Thường vụ Liên đoàn Lao động tỉnh',
      superior: 'Ban Thường vụ Liên đoàn Lao động tỉnh',
      achievement: 'đã có thành tích xuất sắc năm 2026',
      bases: ['Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng ngày 10/6/2026'],
      nominationIds: [n.id, ok.id],
    });
    const doc = await core.call('documents.preview', { kind: 'commendation-proposal', id: p.id });
    const text = normalizeWs(paragraphTexts(unzipDocx(Buffer.from(doc.dataBase64, 'base64'))['word/document.xml']).join('\n'));
    expect(text).toContain(
      'Đối với Đặng Thị An: Hội đồng Thi đua - Khen thưởng họp ngày 10/06/2026 đã thông qua đề nghị khi chưa đạt điều kiện “Đạt danh hiệu "Lao động tiên tiến" năm đề nghị”; “Có sáng kiến / đề tài được công nhận trong năm đề nghị”. Lý do: Sáng kiến đã được công nhận, quyết định đang trình ký.',
    );
    // Only the overridden nomination is mentioned.
    expect(text).not.toContain('Đối với Hoàng Văn Thủy');
  });
});
