/**
 * A person recorded twice and merged (person_merges) is one person for the review: the conditions, the
 * same-year check, the ladder, the history screen and a unit's share of members read the whole identity.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { RuleCheck } from '../../src/shared/schemas/commendations';
import { commendationWorldEachTest, decisionInput, FORMS } from '../helpers/commendations';

const LDTT = '00000000-0000-4000-8000-000000000605';
const BK_TINH = '00000000-0000-4000-8000-000000000603';
const TTLDXS = '00000000-0000-4000-8000-000000000610';

const t = commendationWorldEachTest();

/** A history line imported from Excel under a given person id (as the import writes it once matched). */
function importedLine(personId: string, name: string, formId: string, year: number, number: string) {
  const now = new Date().toISOString();
  t.core.app.store.sqlite
    .prepare(
      `INSERT INTO award_history (id, target, person_id, organization_id, name, form_id, year, decision_number, decision_date, issuer, import_key, owner_id, revision, created_at, updated_at)
       VALUES (?, 'individual', ?, ?, ?, ?, ?, ?, ?, 'Ban Thường vụ LĐLĐ tỉnh', ?, ?, 1, ?, ?)`,
    )
    .run(crypto.randomUUID(), personId, t.w.choDon.id, name, formId, year, number, `${year}-12-20`, `${number}|${year}|${personId}`, t.w.office.organizationId, now, now);
}

async function checks(nominationId: string): Promise<Map<string, RuleCheck>> {
  const [r] = await t.core.call('awardRules.check', { nominationIds: [nominationId], date: '2026-06-10' });
  return new Map(r.checks.map((c) => [c.condition?.label ?? c.code, c]));
}

describe('a merged duplicate’s awards count for the person', () => {
  let an: string;
  let dup: string;
  beforeEach(async () => {
    // "Đặng Thị An" of the registration, and the same woman typed again with her birth year (a second record).
    an = (await t.core.call('people.search', { query: 'dang thi an', organizationId: t.w.choDon.id })).items[0].id;
    dup = (await t.core.call('people.create', { fullName: 'Đặng Thị An', organizationId: t.w.choDon.id, birthYear: 1985 })).id;
    await t.core.call('awardRules.save', { formId: BK_TINH, target: 'individual', shape: 'title_each_year', subjectFormIds: [LDTT], years: 2, endOffset: 1, label: 'LĐTT 2 năm liền trước', validFrom: '2025-01-01', source: 'Quy chế thử, Điều 5' });
    await t.core.call('awardRules.save', { formId: BK_TINH, target: 'individual', shape: 'ladder_gap', subjectFormIds: [FORMS.giayKhen], years: 2, label: 'Giấy khen từ 2 năm', validFrom: '2025-01-01', source: 'Quy chế thử, Điều 6' });
    // Under the duplicate: LĐTT 2024 imported, Giấy khen 2023 imported, LĐTT 2025 issued here by a decision naming that record.
    importedLine(dup, 'Đặng Thị An', LDTT, 2024, '12/QĐ-LĐLĐ');
    importedLine(dup, 'Đặng Thị An', FORMS.giayKhen, 2023, '30/QĐ-LĐLĐ');
    const n2025 = await t.core.call('commendations.saveNomination', { periodYear: 2025, sourceOrgId: t.w.choDon.id, target: 'individual', personId: dup, organizationId: t.w.choDon.id, proposedFormId: LDTT });
    await t.core.call('commendations.review', { nominationId: n2025.id, reviewedOn: '2025-12-10', councilSize: 5, votesFor: 5, result: 'approved' });
    const d = await t.core.call('commendations.saveDecision', decisionInput([n2025], { periodYear: 2025, decisionDate: '2025-12-18' }));
    await t.core.call('commendations.issueDecision', { id: d.id, date: '2025-12-18' });
  });

  it('conditions of a nomination of either record read both records once merged', async () => {
    const n = await t.core.call('commendations.saveNomination', { periodYear: 2026, sourceOrgId: t.w.choDon.id, target: 'individual', personId: an, organizationId: t.w.choDon.id, proposedFormId: BK_TINH });
    const before = await checks(n.id);
    expect(before.get('LĐTT 2 năm liền trước')).toMatchObject({ ok: false, message: 'Lao động tiên tiến 2024, 2025: thiếu năm 2024, 2025' });
    expect(before.get('Giấy khen từ 2 năm')).toMatchObject({ ok: false, message: 'Chưa được tặng Giấy khen' });

    await t.core.call('people.merge', { survivorId: an, mergedId: dup });
    const after = await checks(n.id);
    expect(after.get('LĐTT 2 năm liền trước')).toMatchObject({
      ok: true,
      message: 'Lao động tiên tiến 2024, 2025: có (QĐ 12/QĐ-LĐLĐ ngày 20/12/2024 của Ban Thường vụ LĐLĐ tỉnh, nhập từ Excel; QĐ 01/QĐ-LĐLĐ ngày 18/12/2025)',
    });
    expect(after.get('Giấy khen từ 2 năm')).toMatchObject({ ok: true, message: expect.stringMatching(/^Giấy khen năm 2023 \(QĐ 30\/QĐ-LĐLĐ .*\): đã 3 năm, cần từ 2 năm$/) });

    // A nomination naming the merged-away id reads the same identity (the survivor's own lines included).
    importedLine(an, 'Đặng Thị An', FORMS.giayKhen, 2025, '41/QĐ-LĐLĐ');
    const viaAlias = await t.core.call('commendations.saveNomination', { periodYear: 2026, sourceOrgId: t.w.choDon.id, target: 'individual', personId: dup, organizationId: t.w.choDon.id, proposedFormId: BK_TINH });
    const alias = await checks(viaAlias.id);
    expect(alias.get('LĐTT 2 năm liền trước')?.ok).toBe(true);
    expect(alias.get('Giấy khen từ 2 năm')).toMatchObject({ ok: false, message: expect.stringMatching(/^Giấy khen năm 2025 \(QĐ 41\/QĐ-LĐLĐ .*\): mới 1 năm, cần từ 2 năm$/) });
  });

  it('the same-year check sees a line imported under the other record; the ladder and the history list it', async () => {
    importedLine(dup, 'Đặng Thị An', BK_TINH, 2026, '55/QĐ-LĐLĐ');
    await t.core.call('people.merge', { survivorId: an, mergedId: dup });
    const n = await t.core.call('commendations.saveNomination', { periodYear: 2026, sourceOrgId: t.w.choDon.id, target: 'individual', personId: an, organizationId: t.w.choDon.id, proposedFormId: BK_TINH });
    const all = await t.core.call('commendations.checkNomination', { id: n.id });
    expect(all.find((c) => c.code === 'duplicate')).toMatchObject({ ok: false, message: expect.stringContaining('theo Quyết định số 55/QĐ-LĐLĐ ngày 20/12/2026 của Ban Thường vụ LĐLĐ tỉnh (lịch sử nhập từ Excel)') });

    const ladder = await t.core.call('awardHistory.getLadder', { personId: an, year: 2026 });
    expect(ladder.entries.map((e) => `${e.year} ${e.formName} ${e.origin}`)).toEqual(
      expect.arrayContaining(['2026 Bằng khen của bộ, ban, ngành, tỉnh imported', '2025 Lao động tiên tiến issued', '2024 Lao động tiên tiến imported', '2023 Giấy khen imported']),
    );
    const history = await t.core.call('commendations.history', { personId: an });
    expect(history.map((h) => h.numberText).sort()).toEqual(['01/QĐ-LĐLĐ', '12/QĐ-LĐLĐ', '30/QĐ-LĐLĐ', '55/QĐ-LĐLĐ']);
  });

  it('a unit counts a merged pair as one member, with the title and the discipline of either record', async () => {
    importedLine(an, 'Đặng Thị An', LDTT, 2026, '20/QĐ-LĐLĐ');
    const thuy = (await t.core.call('people.search', { query: 'hoang van thuy', organizationId: t.w.choDon.id })).items[0].id;
    importedLine(thuy, 'Hoàng Văn Thủy', LDTT, 2026, '20/QĐ-LĐLĐ');
    const n = await t.core.call('commendations.saveNomination', { periodYear: 2026, sourceOrgId: t.w.choDon.id, target: 'collective', organizationId: t.w.choDon.id, proposedFormId: TTLDXS });
    const share = async () => (await t.core.call('awardRules.check', { nominationIds: [n.id], date: '2026-06-10' }))[0].checks[0];
    // Three records, two with the title: 66.7 % < 70 %.
    expect(await share()).toMatchObject({ ok: false, message: expect.stringMatching(/^2\/3 cá nhân của đơn vị \(66,7%\)/) });
    await t.core.call('people.merge', { survivorId: an, mergedId: dup });
    expect(await share()).toMatchObject({ ok: true, message: expect.stringMatching(/^2\/2 cá nhân của đơn vị \(100%\).*không có cá nhân bị kỷ luật$/) });
    // A discipline recorded under the merged-away record is the person's.
    await t.core.call('commendations.saveExclusion', { personId: dup, reason: 'Kỷ luật khiển trách', validFrom: '2026-03-01' });
    expect(await share()).toMatchObject({ ok: false, message: expect.stringContaining('có cá nhân thuộc diện kỷ luật/loại trừ: Đặng Thị An — Kỷ luật khiển trách (từ 01/03/2026)') });
  });
});
