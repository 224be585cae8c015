/**
 * The council's override (approval over an unmet condition, with its reason) travels with its review: up with the
 * nominations a district sends (the province's list, its biên bản and the district's tờ trình read there state it,
 * naming the district's council) and down with the province's decision (the district sees the province's reason),
 * while each office's own documents keep stating its own council's reason.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { nominationReviewsSpec } from '../../src/main/core/exchange/tables-commendations';
import type { TestCore } from '../helpers/core';
import { councilMeeting, FORMS } from '../helpers/commendations';
import { receive, send } from '../helpers/exchange';
import { count, DISTRICT_NAME, threeOffices } from '../helpers/three-offices';
import { normalizeWs, paragraphTexts, unzipDocx } from '../unit/documents/docx-xml';

const opened: TestCore[] = [];
const nomination = async (core: TestCore, id: string) => (await core.call('commendations.listNominations', {})).find((x) => x.id === id)!;
afterEach(async () => {
  for (const c of opened.splice(0)) await c.cleanup();
});

async function docText(core: TestCore, kind: 'commendation-proposal' | 'council-minutes', id: string): Promise<string> {
  const p = await core.call('documents.preview', { kind, id });
  return normalizeWs(paragraphTexts(unzipDocx(Buffer.from(p.dataBase64, 'base64'))['word/document.xml']).join('\n'));
}

const MEMBERS = [
  { name: 'Vi Văn Nghĩa', position: 'Chủ tịch', present: true },
  { name: 'Nông Văn Minh', position: 'Phó Chủ tịch', present: true },
  { name: 'Lục Thị Hoa', position: 'Ủy viên', present: true },
];

const DISTRICT_REASON = 'Sáng kiến “Sổ tay đoàn viên điện tử” đã được Hội đồng huyện công nhận ngày 05/6/2026, quyết định đang trình ký';
const PROVINCE_REASON = 'Hội đồng tỉnh đã thẩm định sáng kiến tại cơ sở';

describe('override reasons across levels', () => {
  it('go up with the nominations, down with the decision, and each office’s documents state them', async () => {
    const o = await threeOffices();
    opened.push(...o.all);
    // The district's council approves Đặng Thị An for CSTĐ cơ sở without LĐTT or a recorded sáng kiến: an override.
    const n = await o.district.call('commendations.saveNomination', { periodYear: 2026, sourceOrgId: o.districtId, target: 'individual', fullName: 'Đặng Thị An', organizationId: o.districtId, positionUnit: 'Chuyên viên', proposedFormId: FORMS.csTdCoSo });
    const atDistrict = await o.district.call('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 5, votesFor: 5, result: 'approved', overrideReason: DISTRICT_REASON });
    expect(atDistrict.review?.overrideReason).toBe(DISTRICT_REASON);
    const p = await o.district.call('commendations.saveProposal', { formId: FORMS.csTdCoSo, addressee: 'Ban Thường vụ Liên đoàn Lao động tỉnh', superior: 'Ban Thường vụ Liên đoàn Lao động tỉnh', achievement: 'đã có thành tích xuất sắc năm 2026', bases: [], nominationIds: [n.id] });
    await o.district.call('commendations.issueProposal', { id: p.id, date: '2026-06-12' });
    const districtSentence = `Đối với Đặng Thị An: Hội đồng Thi đua - Khen thưởng họp ngày 10/06/2026 đã thông qua đề nghị khi chưa đạt điều kiện`;
    const districtTtr = await docText(o.district, 'commendation-proposal', p.id);
    expect(districtTtr).toContain(districtSentence);
    expect(districtTtr).toContain(`Lý do: ${DISTRICT_REASON}.`);

    // Up: the nomination, the tờ trình and the district council's review, its reason included.
    const up = await receive(o.province, await send(o.district, o.provinceId, { kind: 'nominations' }));
    expect(up.preview.counts.refused).toBe(0);
    expect(up.preview.rows.filter((r) => r.table === 'nomination_reviews')).toHaveLength(1);
    expect(o.province.app.store.sqlite.prepare('SELECT owner_id, override_reason FROM nomination_reviews').all()).toEqual([{ owner_id: o.districtId, override_reason: DISTRICT_REASON }]);

    // At the province the district's review informs, it does not decide: the nomination waits for the province's council.
    const received = await nomination(o.province, n.id);
    expect(received.status).toBe('proposed');
    expect(received.review).toBeNull();
    expect(received.lowerReview).toMatchObject({ ownerId: o.districtId, ownerName: DISTRICT_NAME, overrideReason: DISTRICT_REASON, result: 'approved' });
    // The district's tờ trình, read at the province, states the district council's reason.
    expect(await docText(o.province, 'commendation-proposal', p.id)).toContain(`Lý do: ${DISTRICT_REASON}.`);
    // The province's biên bản states it too, naming the district's council.
    const m = await o.province.call('dossier.saveMeeting', { ...councilMeeting([n.id], MEMBERS), meetingDate: '2026-06-20' });
    const before = await docText(o.province, 'council-minutes', m.id);
    expect(before).toContain(`Đối với Đặng Thị An: Hội đồng Thi đua - Khen thưởng ${DISTRICT_NAME} họp ngày 10/06/2026 đã thông qua đề nghị khi chưa đạt điều kiện`);
    expect(before).toContain(`Lý do: ${DISTRICT_REASON}.`);

    // The province's council overrides too (the same seeded conditions are unmet there): both stand in its biên bản.
    const decided = await o.province.call('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-20', councilSize: 3, votesFor: 3, result: 'approved', overrideReason: PROVINCE_REASON });
    expect(decided.status).toBe('approved');
    expect(decided.review).toMatchObject({ ownerId: o.provinceId, overrideReason: PROVINCE_REASON });
    const after = await docText(o.province, 'council-minutes', m.id);
    expect(after).toContain(`Đối với Đặng Thị An: Hội đồng Thi đua - Khen thưởng họp ngày 20/06/2026 đã thông qua đề nghị khi chưa đạt điều kiện`);
    expect(after).toContain(`Lý do: ${PROVINCE_REASON}.`);
    expect(after).toContain(`Lý do: ${DISTRICT_REASON}.`);

    // Down: the province's decision carries its review with the reason; the district reads it on its nomination.
    const d = await o.province.call('commendations.saveDecision', {
      periodYear: 2026,
      decisionDate: '2026-06-25',
      achievement: 'đã có thành tích xuất sắc năm 2026',
      bases: ['Căn cứ Điều lệ Công đoàn Việt Nam'],
      proposalLine: 'Xét đề nghị của Liên đoàn Lao động huyện Ba Bể',
      executors: 'Các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
      awardees: [{ nominationId: n.id, target: 'individual', personId: decided.personId, organizationId: o.districtId, name: 'Đặng Thị An', positionUnit: 'Chuyên viên', formId: FORMS.csTdCoSo }],
    });
    await o.province.call('commendations.issueDecision', { id: d.id, date: '2026-06-25' });
    const down = await receive(o.district, await send(o.province, o.districtId, { kind: 'decisions' }));
    expect(down.preview.counts.refused).toBe(0);
    expect(count(o.district, 'nomination_reviews', 'owner_id = ? AND override_reason = ?', o.provinceId, PROVINCE_REASON)).toBe(1);
    const back = await nomination(o.district, n.id);
    expect(back.status).toBe('decided');
    expect(back.review).toMatchObject({ ownerId: o.provinceId, overrideReason: PROVINCE_REASON });
    expect(back.lowerReview).toBeNull();
    // The district's own tờ trình still states its own council's reason, not the province's.
    const reprinted = await docText(o.district, 'commendation-proposal', p.id);
    expect(reprinted).toContain(`Lý do: ${DISTRICT_REASON}.`);
    expect(reprinted).not.toContain(PROVINCE_REASON);
    // Nothing of the province's review goes back up, and the district's review is not sent again.
    expect((await o.district.call('exchange.export', { kind: 'nominations', receiverId: o.provinceId })).records).toBe(0);
  }, 180_000);

  it('reads a review from a package written before the reason travelled as having none', () => {
    const now = new Date().toISOString();
    const row = { id: crypto.randomUUID(), owner_id: crypto.randomUUID(), revision: 1, deleted_at: null, nomination_id: crypto.randomUUID(), reviewed_on: '2026-06-10', council_size: 5, votes_for: 5, required_share_pct: 50, result: 'approved', reason: '', checks: '[]', created_at: now, updated_at: now };
    expect(nominationReviewsSpec.schema.parse(row)).toMatchObject({ override_reason: '' });
    expect(nominationReviewsSpec.columns).toContain('override_reason');
    expect(() => nominationReviewsSpec.schema.parse({ ...row, override_reason: 'x'.repeat(2001) })).toThrow();
  });
});
