/**
 * Issue 14: every kind generated through the services on one data set that has both whole-movement and
 * đợt records. The figures must be the same in the công văn đôn đốc, the danh sách công trình, the Báo cáo,
 * the tracker and the dashboard; the mixed-form decision must say who gets what; Kính gửi, Nơi nhận and the
 * deadline are the clerk's; formatting strings are checked in the XML text.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type TestCore } from '../helpers/core';
import { seedDocumentWorld } from '../helpers/documents';
import { seedPlanBody } from '../helpers/seed-plan';
import { paragraphTexts, unzipDocx } from '../unit/documents/docx-xml';
import type { DocumentKind } from '../../src/shared/documents';
import { todayIso } from '../../src/main/core/util/time';

let core: TestCore;
let w: Awaited<ReturnType<typeof seedDocumentWorld>>;

beforeEach(async () => {
  core = await startCore();
  w = await seedDocumentWorld(core);
});
afterEach(() => core.cleanup());

async function text(kind: DocumentKind, id: string): Promise<string> {
  const p = await core.call('documents.preview', { kind, id });
  return paragraphTexts(unzipDocx(Buffer.from(p.dataBase64, 'base64'))['word/document.xml']).join('\n');
}

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const shortDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')}/${m <= 2 ? String(m).padStart(2, '0') : m}/${y}`;
};

describe('one data set, the same figures everywhere', () => {
  it('counts whole-movement registrations, works and decisions in the đợt of every document and screen', async () => {
    const figures = await core.call('reports.figures', { movementId: w.movement.id, phaseId: w.phaseId });
    expect([figures.totals.registered, figures.totals.units, figures.totals.works]).toEqual([3, 4, 2]);
    expect([figures.totals.collectivesAwarded, figures.totals.individualsAwarded]).toEqual([1, 3]);

    const tracker = await core.call('registrations.tracker', { movementId: w.movement.id, phaseId: w.phaseId });
    expect([tracker.registeredCount, tracker.missingCount]).toEqual([3, 1]);

    const letter = await text('registration-reminder', w.phaseId);
    expect(letter).toContain('đã nhận được bản đăng ký thi đua của 3/4 đơn vị; còn 1 đơn vị chưa gửi bản đăng ký');
    expect(letter).toMatch(/Kính gửi: Công đoàn ngành Giáo dục\./);
    expect(letter).not.toMatch(/Kính gửi:[^\n]*Ba Bể/);

    const works = await text('works-list', w.phaseId);
    expect(works).toContain('Nhà văn hóa thôn Pác Ngòi');
    expect(works).toContain('Trạm biến áp 110 kV Chợ Mới');
    expect(works).toContain('Tổng cộng: 02 công trình, sản phẩm');
    expect(works).not.toContain('Nhà kho vật tư');
    expect(works).toContain('102.500.000.000');

    const report = await core.call('reports.compose', { movementId: w.movement.id, phaseId: w.phaseId });
    const bc = await text('phase-report', report.id);
    expect(bc).toContain('3/4 đơn vị trực thuộc đã đăng ký thi đua');
    expect(bc).toContain('các đơn vị đăng ký 2 công trình, sản phẩm');
    expect(bc).toContain('đã khen thưởng 1 tập thể và 3 cá nhân');
    expect(bc).not.toContain('chưa có quyết định khen thưởng');
    expect(bc).not.toMatch(/năm 2026 năm 2026/);
    expect(bc).toContain('Đăng ký thi đua và quyết định khen thưởng cả phong trào được tính cho từng đợt.');

    // The dashboard lists the đợt while its report is due, with the same units missing.
    const m = w.movement;
    await core.call('movements.save', { id: m.id, year: m.year, name: m.name, phases: [{ ...m.phases[0], reportDeadline: addDays(todayIso(), 30) }] });
    const dash = await core.call('dashboard.summary', {});
    const open = dash.openPhases.find((p) => p.phaseId === w.phaseId);
    expect(open?.unitsTotal).toBe(4);
    expect(open?.notRegistered.map((u) => u.name)).toEqual(['Công đoàn ngành Giáo dục']);
    expect(figures.units.filter((u) => !u.registered).map((u) => u.name)).toEqual(['Công đoàn ngành Giáo dục']);
  });
});

describe('mixed-form decision', () => {
  it('one Điều and one danh sách section per form, "công nhận danh hiệu" for a title, money per form, hiệu lực, Như Điều N', async () => {
    const t = await text('decision', w.decisionId);
    expect(t).toContain('Về việc tặng Giấy khen và công nhận danh hiệu Chiến sĩ thi đua cơ sở cho các tập thể, cá nhân');
    expect(t).toMatch(/Điều 1\. Tặng Giấy khen cho 01 tập thể và 02 cá nhân \(có danh sách kèm theo, mục I\)/);
    expect(t).toMatch(/Điều 2\. Công nhận danh hiệu Chiến sĩ thi đua cơ sở cho 01 cá nhân \(có danh sách kèm theo, mục II\)/);
    expect(t).not.toMatch(/Tặng Giấy khen và Chiến sĩ thi đua/);
    // 0,6 × 2.340.000 → 1.410.000 + 2 × 710.000 = 2.830.000 Giấy khen; 1,0 × 2.340.000 = 2.340.000 CSTĐ.
    expect(t).toMatch(/Điều 3\. Kèm theo là tiền thưởng theo quy định: Giấy khen 2\.830\.000 đồng; Chiến sĩ thi đua cơ sở 2\.340\.000 đồng\. Tổng số tiền thưởng: 5\.170\.000 đồng/);
    expect(t).toContain('Điều 4. Quyết định này có hiệu lực kể từ ngày ký.');
    expect(t).toMatch(/Điều 5\. Văn phòng, các ban và các tập thể, cá nhân có tên tại Điều 1 và Điều 2 căn cứ/);
    expect(t).toContain('- Như Điều 5;');
    expect(t).toContain('I. TẶNG GIẤY KHEN');
    expect(t).toContain('II. CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ');
    expect(t).toMatch(/Cộng: 01 tập thể và 02 cá nhân\n2\.830\.000/);
    expect(t).toMatch(/Tổng cộng: 01 tập thể và 03 cá nhân\n5\.170\.000/);
    // A collective's "Chức vụ, đơn vị" is its upper unit when the nomination left it empty.
    expect(t).toMatch(/Liên đoàn Lao động huyện Ba Bể\nLiên đoàn Lao động tỉnh Bắc Kạn/);
  });
});

describe('Kính gửi, Nơi nhận, drafter mark and the công văn đôn đốc', () => {
  it('prints the clerk\'s lists over the kind\'s defaults, on every kind', async () => {
    const defaults = await core.call('documents.getOptions', { kind: 'decision', id: w.decisionId });
    expect(defaults.defaults.recipients).toEqual({ items: ['Như Điều 5'], archive: 'VT' });
    expect(defaults.customized).toBe(false);
    await core.call('settings.documentLayout.set', { ...(await core.call('settings.documentLayout.get', {})), letter: { unitAbbr: 'VP', drafterInitials: 'PL', copies: 30, contact: '' } });
    const saved = await core.call('documents.saveOptions', {
      kind: 'decision',
      id: w.decisionId,
      addressees: null,
      recipients: { items: ['- Như Điều 3;', 'Tổng LĐLĐ Việt Nam (b/c)', ''], archive: 'Lưu: VT, Ban TC-KT.' },
    });
    expect(saved.recipients).toEqual({ items: ['Như Điều 3', 'Tổng LĐLĐ Việt Nam (b/c)'], archive: 'VT, Ban TC-KT' });
    const t = await text('decision', w.decisionId);
    expect(t).toMatch(/- Như Điều 5;\n- Tổng LĐLĐ Việt Nam \(b\/c\);\n- Lưu: VT, Ban TC-KT\.\nPL\.\(30\)/);

    // Other kinds: the office's archive default and drafter mark; Kính gửi of the registration is the real upper.
    const reg = await text('registration', w.dienLucReg.id);
    expect(reg).toContain('Kính gửi: Ban Thường vụ Liên đoàn Lao động tỉnh Bắc Kạn.');
    expect(reg).toMatch(/- Lưu: VT, VP\.\nPL\.\(30\)/);
    const report = await core.call('reports.compose', { movementId: w.movement.id, phaseId: w.phaseId });
    expect(report.body.recipients.archive).toBe('VT, VP');
    expect(await text('phase-report', report.id)).toMatch(/- Lưu: VT, VP\.\nPL\.\(30\)/);
    await core.call('documents.saveOptions', { kind: 'registration', id: w.dienLucReg.id, addressees: ['Hội đồng Thi đua - Khen thưởng LĐLĐ tỉnh Bắc Kạn'], recipients: null });
    expect(await text('registration', w.dienLucReg.id)).toContain('Kính gửi: Hội đồng Thi đua - Khen thưởng LĐLĐ tỉnh Bắc Kạn.');

    expect(await core.fail('documents.saveOptions', { kind: 'decision', id: w.decisionId, addressees: null, recipients: { items: [], archive: 'Phòng họp' } })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('bắt đầu bằng "VT"') });
    expect(await core.fail('documents.saveOptions', { kind: 'plan', id: w.decisionId, addressees: null, recipients: null })).toMatchObject({ code: 'VALIDATION' });
    expect(await core.fail('documents.saveOptions', { kind: 'decision', id: w.decisionId, addressees: null, recipients: null, deadline: '2099-01-01' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('chỉ dùng cho công văn đôn đốc') });
  });

  it('refuses a passed deadline, prints a new one, and takes the letter\'s number from the register', async () => {
    const before = await core.call('register.list', { year: Number(todayIso().slice(0, 4)) });
    expect(await core.fail('documents.saveOptions', { kind: 'registration-reminder', id: w.phaseId, addressees: null, recipients: null, deadline: '2026-01-15' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('đã qua') });
    expect(await core.fail('documents.issueLetter', { kind: 'registration-reminder', id: w.phaseId, date: todayIso() })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('hạn') });
    const deadline = addDays(todayIso(), 10);
    await core.call('settings.documentLayout.set', { ...(await core.call('settings.documentLayout.get', {})), letter: { unitAbbr: 'VP', drafterInitials: '', copies: null, contact: '' } });
    await core.call('documents.saveOptions', { kind: 'registration-reminder', id: w.phaseId, addressees: null, recipients: null, deadline });
    const draft = await text('registration-reminder', w.phaseId);
    expect(draft).toContain(`trước ngày ${shortDate(deadline)}`);
    expect(draft).toMatch(/Số: +\/LĐLĐ-VP/);

    const issued = await core.call('documents.issueLetter', { kind: 'registration-reminder', id: w.phaseId, date: todayIso() });
    expect(issued.numberText).toBe(`${String(before.nextNumber).padStart(2, '0')}/LĐLĐ-VP`);
    const after = await core.call('register.list', { year: Number(todayIso().slice(0, 4)) });
    expect(after.entries.at(-1)).toMatchObject({ numberText: issued.numberText, subject: 'V/v đôn đốc đăng ký thi đua', recordKind: 'registration-reminder' });
    const letter = await text('registration-reminder', issued.id);
    expect(letter).toContain(`Số: ${issued.numberText}`);
    expect(letter).toContain(`trước ngày ${shortDate(deadline)}`);
    const view = await core.call('documents.getOptions', { kind: 'registration-reminder', id: w.phaseId });
    expect(view.letters).toEqual([{ id: issued.id, numberText: issued.numberText, date: todayIso(), deadline: shortDate(deadline) }]);
  });
});

describe('formatting of the Bản đăng ký and headers', () => {
  it('place, chủ quản, thousands dots, title without a repeated year, chỉ tiêu heading, no zero-width space', async () => {
    const t = await text('registration', w.dienLucReg.id);
    const lines = t.split('\n');
    // The CĐCS has no place and no chủ quản line of its own: its upper unit's are used.
    expect(lines[0]).toBe('LĐLĐ TỈNH BẮC KẠN');
    expect(lines.slice(1, 3)).toEqual(['CÔNG ĐOÀN CƠ SỞ', 'CÔNG TY ĐIỆN LỰC BẮC KẠN']);
    expect(t).toMatch(/^Bắc Kạn, ngày +tháng 02 năm 2026$/m);
    expect(t).not.toMatch(/^, ngày/m);
    expect(t).toContain('Tổng số đoàn viên: 1.203');
    expect(t).toContain('đạt 1.250 đoàn viên');
    expect(t).toContain('Kế hoạch số 1203/KH-LĐLĐ năm 2026');
    expect(t).toContain('101.000.000.000');
    expect(t).toMatch(/^BẢN ĐĂNG KÝ THI ĐUA\nĐợt 1 phong trào thi đua lao động giỏi năm 2026\n/m);
    expect(t).not.toMatch(/năm 2026.*năm 2026/);
    expect(t).not.toMatch(/^Năm 2026, /m);
    expect(t).toMatch(/D\. CHỈ TIÊU THI ĐUA ĐĂNG KÝ\n- Phát triển thêm 47 đoàn viên/);
    expect(t).not.toContain('\u200B');
  });

  it('the office\'s header takes a manual break while it spells the current name', async () => {
    const layout = await core.call('settings.documentLayout.get', {});
    await core.call('settings.documentLayout.set', { ...layout, issuerLines: 'Liên đoàn Lao động tỉnh\nBắc Kạn' });
    expect((await text('works-list', w.phaseId)).split('\n').slice(0, 3)).toEqual(['TỔNG LĐLĐ VIỆT NAM', 'LIÊN ĐOÀN LAO ĐỘNG TỈNH', 'BẮC KẠN']);
    // A break that no longer spells the name (after a rename) is ignored: the word groups decide.
    await core.call('settings.documentLayout.set', { ...layout, issuerLines: 'Liên đoàn Lao động\ntỉnh Thái Nguyên' });
    expect((await text('works-list', w.phaseId)).split('\n').slice(0, 3)).toEqual(['TỔNG LĐLĐ VIỆT NAM', 'LIÊN ĐOÀN LAO ĐỘNG', 'TỈNH BẮC KẠN']);
    expect(await core.fail('settings.documentLayout.set', { ...layout, issuerLines: 'A\nB\nC\nD' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('tối đa 3 dòng') });
  });
});

describe('a plan is not issued empty', () => {
  it('refuses a part with no content and a Nơi nhận of only "Lưu: VT", nothing numbered', async () => {
    const draft = await core.call('plans.create', { movementId: w.movement.id });
    const body = seedPlanBody();
    body.sections![1] = { ...body.sections![1], title: 'NỘI DUNG, CHỈ TIÊU THI ĐUA', content: [], items: [] };
    body.recipients = { groups: [], archive: 'VT' };
    await core.call('plans.save', { id: draft.id, subject: 'Kế hoạch thi đua năm 2026', plannedDate: '2026-03-05', body });
    const year = (await core.call('register.list', { year: 2026 })).entries.length;
    const refused = await core.fail('plans.issue', { id: draft.id, date: '2026-03-05' });
    expect(refused.message).toMatch(/NỘI DUNG, CHỈ TIÊU THI ĐUA\): chưa có nội dung/);
    expect(refused.message + (refused.details ?? []).join(' ')).toMatch(/Nơi nhận: chưa có nơi nhận nào ngoài "Lưu: VT"/);
    expect((await core.call('register.list', { year: 2026 })).entries.length).toBe(year);
  });
});
