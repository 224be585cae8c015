/**
 * The dossier of a nomination through the real core: the council meeting (votes read from the reviews, attendance,
 * ballot counting), the Báo cáo thành tích prefilled from the registry and history and then edited, and the "hồ sơ"
 * .zip gathering tờ trình + biên bản + phiếu bầu + biên bản kiểm phiếu + báo cáo thành tích — each file opened
 * and checked, and converted by LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../src/shared/contract';
import { approvedNominations, councilMeeting, FORMS, seedCommendationWorld } from '../helpers/commendations';
import { startCore, type TestCore } from '../helpers/core';
import { requireSoffice, skipWithoutSoffice } from '../helpers/libreoffice';
import { paragraphTexts, unzipDocx } from '../unit/documents/docx-xml';

let core: TestCore;
let world: Awaited<ReturnType<typeof seedCommendationWorld>>;
let noms: Awaited<ReturnType<typeof approvedNominations>>;

const member = (name: string, position: string, present = true) => ({ name, position, present });
const MEMBERS = [
  member('Vi Văn Nghĩa', 'Chủ tịch LĐLĐ tỉnh, Chủ tịch Hội đồng'),
  member('Hà Thị Liễu', 'Phó Chủ tịch, Phó Chủ tịch Hội đồng'),
  member('Nông Văn Minh', 'Trưởng ban Tổ chức, Thư ký Hội đồng'),
  member('Lục Thị Hoa', 'Trưởng ban Tuyên giáo'),
  member('Hoàng Văn Đức', 'Trưởng ban Chính sách'),
  member('Ma Thị Thu', 'Chánh Văn phòng'),
  member('Triệu Văn Lâm', 'Chủ nhiệm UBKT'),
  member('Đinh Thị Ngọc', 'Trưởng ban Tài chính'),
  member('La Văn Hùng', 'Ủy viên', false),
];

function meeting(nominationIds: string[], over: Partial<CallInput<'dossier.saveMeeting'>['body']> = {}): CallInput<'dossier.saveMeeting'> {
  const counting = { members: [{ name: 'Lục Thị Hoa', position: 'Trưởng ban Tuyên giáo' }, { name: 'Ma Thị Thu', position: 'Chánh Văn phòng' }], issued: 8, received: 8, invalid: 0 };
  return councilMeeting(nominationIds, MEMBERS, { ballot: true, counting, ...over }, world.movement.id);
}

async function docText(kind: CallInput<'documents.preview'>['kind'], id: string): Promise<string> {
  const p = await core.call('documents.preview', { kind, id });
  return paragraphTexts(unzipDocx(Buffer.from(p.dataBase64, 'base64'))['word/document.xml']).join('\n');
}

beforeAll(async () => {
  core = await startCore();
  world = await seedCommendationWorld(core);
  noms = await approvedNominations(core, world);
  // The council turned one candidate down: 4 of 9.
  await core.call('commendations.review', { nominationId: noms[3].id, reviewedOn: '2026-06-10', councilSize: 9, votesFor: 4, result: 'rejected', reason: 'Không đủ tỷ lệ phiếu' });
  const binh = noms[1];
  await core.call('registrations.addPersonTitle', { personId: binh.personId!, year: 2025, title: 'Lao động tiên tiến', reference: 'Quyết định số 15/QĐ-LĐLĐ ngày 18/12/2025' });
});
afterAll(() => core.cleanup());

describe('council meeting', () => {
  it('refuses impossible ballot counts and leaves nothing behind', async () => {
    const bad = await core.fail('dossier.saveMeeting', meeting([noms[0].id], { counting: { members: [{ name: 'Lục Thị Hoa', position: '' }], issued: 8, received: 9, invalid: 0 } }));
    expect(bad.message).toMatch(/thu về không thể nhiều hơn số phiếu phát ra/);
    const tooMany = await core.fail('dossier.saveMeeting', meeting([noms[0].id], { counting: { members: [{ name: 'Lục Thị Hoa', position: '' }], issued: 9, received: 9, invalid: 0 } }));
    expect(tooMany.message).toMatch(/nhiều hơn số thành viên có mặt \(8\)/);
    expect(await core.call('dossier.listMeetings', {})).toEqual([]);
  });

  it('writes the minutes from the reviews: attendance, votes per candidate, share and result, two signatures', async () => {
    const m = await core.call('dossier.saveMeeting', meeting(noms.map((n) => n.id)));
    expect(m.candidates.map((c) => [c.votesFor, c.result])).toEqual([[9, 'approved'], [9, 'approved'], [9, 'approved'], [4, 'rejected']]);
    const text = await docText('council-minutes', m.id);
    expect(text.replace(/\s+/g, ' ')).toContain('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Vào hồi 08 giờ 00, ngày 10 tháng 6 năm 2026');
    expect(text).toContain('Thành viên Hội đồng có mặt: 08/09 đồng chí');
    expect(text).toContain('Vắng: 01 đồng chí (La Văn Hùng)');
    expect(text).toContain('bỏ phiếu kín');
    expect(text).toMatch(/Hoàng Văn Thủy[\s\S]*4\/9[\s\S]*44,4%[\s\S]*Không đề nghị/);
    expect(text).toMatch(/Nguyễn Văn Bình[\s\S]*9\/9[\s\S]*100%[\s\S]*Đề nghị/);
    expect(text).toContain('Tổng hợp: 03/04 trường hợp');
    expect(text).toMatch(/THƯ KÝ[\s\S]*CHỦ TRÌ|CHỦ TRÌ[\s\S]*THƯ KÝ/);
    expect(text).toContain('Nông Văn Minh');
    // The ballot lists the candidates with empty boxes; the count states the ballots.
    const ballot = await docText('council-ballot', m.id);
    expect(ballot).toContain('PHIẾU BẦU');
    expect(ballot).toContain('Không đồng ý');
    expect(ballot).toContain('Đặng Thị An');
    const count = await docText('ballot-count', m.id);
    expect(count).toContain('Số phiếu phát ra: 08; số phiếu thu về: 08');
    expect(count).toMatch(/Số phiếu hợp lệ: 08; số phiếu không hợp lệ: 0+\./);
    expect(count).toContain('Lục Thị Hoa (Trưởng ban Tuyên giáo): Trưởng ban;');
    expect(count).toContain('TRƯỞNG BAN KIỂM PHIẾU');
    expect(count).toContain('Lục Thị Hoa');
  });
});

describe('an approval over an unmet condition', () => {
  it('is stated in the minutes with the council’s reason', async () => {
    const n = await core.call('commendations.saveNomination', {
      movementId: world.movement.id, phaseId: null, periodYear: 2026, proposedFormId: FORMS.csTdCoSo, achievement: '',
      sourceOrgId: world.choDon.id, target: 'individual', fullName: 'Đặng Thị An', organizationId: world.choDon.id, positionUnit: 'Phó Chủ tịch',
    });
    await core.call('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 9, votesFor: 9, result: 'approved', overrideReason: 'Sáng kiến đã được công nhận, quyết định đang trình ký' });
    const m = await core.call('dossier.saveMeeting', meeting([n.id]));
    const text = await docText('council-minutes', m.id);
    expect(text).toMatch(/Đối với Đặng Thị An: Hội đồng Thi đua - Khen thưởng họp ngày 10\/0?6\/2026 đã thông qua đề nghị khi chưa đạt điều kiện .+\. Lý do: Sáng kiến đã được công nhận, quyết định đang trình ký\./);
    await core.call('dossier.deleteMeeting', { id: m.id });
  });
});

describe('báo cáo thành tích', () => {
  it('starts prefilled from the registry and history, and keeps the clerk’s edits', async () => {
    const binh = noms[1];
    const draft = await core.call('dossier.getAchievement', { nominationId: binh.id });
    expect(draft.saved).toBe(false);
    expect(draft.body.proposal).toMatch(/Giấy khen/);
    expect(draft.body.profile.find((p) => p.label === 'Đơn vị công tác')?.value).toBe('Chủ tịch LĐLĐ huyện Ba Bể');
    expect(draft.body.titles).toEqual([{ year: 2025, name: 'Lao động tiên tiến', decision: 'Quyết định số 15/QĐ-LĐLĐ ngày 18/12/2025' }]);
    expect(draft.body.achievements).toBe('Hoàn thành xuất sắc nhiệm vụ năm 2026');
    const saved = await core.call('dossier.saveAchievement', {
      nominationId: binh.id,
      body: { ...draft.body, duties: 'Chủ tịch Liên đoàn Lao động huyện, phụ trách công tác thi đua.', achievements: 'Chỉ đạo 45 CĐCS hoàn thành chỉ tiêu.\n- Phát triển 320 đoàn viên mới', confirmer: { name: 'Vi Văn Nghĩa', position: 'Chủ tịch' } },
    });
    expect(saved.saved).toBe(true);
    const text = await docText('achievement-report', binh.id);
    expect(text).toContain('BÁO CÁO THÀNH TÍCH');
    expect(text).toContain('I. SƠ LƯỢC LÝ LỊCH');
    expect(text).toContain('Họ và tên: Nguyễn Văn Bình');
    // One paragraph per typed line; a "-" line is a bullet.
    expect(text).toMatch(/^Chỉ đạo 45 CĐCS hoàn thành chỉ tiêu\.$/m);
    expect(text).toMatch(/^- ?Phát triển 320 đoàn viên mới$/m);
    expect(text).toContain('Quyết định số 15/QĐ-LĐLĐ ngày 18/12/2025');
    expect(text).toContain('NGƯỜI BÁO CÁO THÀNH TÍCH');
    expect(text).toContain('Vi Văn Nghĩa');
  });

  it('for a collective, uses the collective’s headings and signers', async () => {
    const text = await docText('achievement-report', noms[0].id);
    expect(text).toContain('SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH');
    expect(text).toContain('Tên tập thể: Liên đoàn Lao động huyện Ba Bể');
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN');
  });
});

describe('hồ sơ export', () => {
  it('gathers the tờ trình, the council papers and the báo cáo thành tích of one nomination in one .zip', async () => {
    const proposal = await core.call('commendations.saveProposal', {
      formId: noms[1].proposedFormId,
      addressee: 'Tổng Liên đoàn Lao động Việt Nam',
      superior: 'Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam',
      bases: [],
      nominationIds: [noms[0].id, noms[1].id, noms[2].id],
    });
    await core.call('commendations.issueProposal', { id: proposal.id, date: '2026-06-12', number: null });
    const out = await core.call('dossier.export', { nominationId: noms[1].id });
    expect(out.path).toBeTruthy();
    expect(out.files.map((f) => f.replace(/^(\d\d)-.*$/, '$1'))).toEqual(['01', '02', '03', '04', '05']);
    const zip = unzipSync(readFileSync(out.path!));
    const names = Object.keys(zip).sort();
    expect(names).toEqual(out.files);
    const texts = names.map((n) => paragraphTexts(unzipDocx(zip[n])['word/document.xml']).join('\n'));
    expect(texts[0]).toContain('TỜ TRÌNH');
    expect(texts[0]).toContain('Nguyễn Văn Bình');
    expect(texts[1]).toContain('Họp Hội đồng Thi đua - Khen thưởng');
    expect(texts[2]).toContain('PHIẾU BẦU');
    expect(texts[3]).toContain('Kiểm phiếu');
    expect(texts[4]).toContain('BÁO CÁO THÀNH TÍCH');
    for (const [i, n] of names.entries()) writeFileSync(join(core.dir, `dossier-${i + 1}.docx`), zip[n]);
  });

  it('a nomination with no meeting and no tờ trình still exports its báo cáo thành tích', async () => {
    const lone = await core.call('commendations.saveNomination', {
      movementId: world.movement.id, phaseId: null, periodYear: 2026, proposedFormId: noms[1].proposedFormId, achievement: '',
      sourceOrgId: world.choDon.id, target: 'individual', fullName: 'Lý Thị Mai', organizationId: world.choDon.id, positionUnit: 'Đoàn viên',
    });
    const out = await core.call('dossier.export', { nominationId: lone.id });
    expect(out.files).toHaveLength(1);
    expect(out.files[0]).toMatch(/^01-Bao-cao-thanh-tich-Ly-Thi-Mai\.docx$/);
  });

  describe.skipIf(skipWithoutSoffice)('in LibreOffice', () => {
    it('opens every file of the dossier: Quốc hiệu on one line, names in place', () => {
      const soffice = requireSoffice();
      const files = [1, 2, 3, 4, 5].map((i) => join(core.dir, `dossier-${i}.docx`));
      execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', core.dir, ...files], { stdio: 'ignore', timeout: 120_000 });
      for (const i of [1, 2, 3, 4, 5]) {
        const pdf = join(core.dir, `dossier-${i}.pdf`);
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
        expect(pages).toBeGreaterThanOrEqual(1);
        const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
        expect(text).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      }
      const minutes = execFileSync('pdftotext', ['-layout', join(core.dir, 'dossier-2.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(minutes.indexOf('THÀNH PHẦN')).toBeLessThan(minutes.indexOf('NỘI DUNG'));
      expect(minutes.indexOf('NỘI DUNG')).toBeLessThan(minutes.indexOf('Vi Văn Nghĩa', minutes.indexOf('Cuộc họp kết thúc')));
    });
  });
});
