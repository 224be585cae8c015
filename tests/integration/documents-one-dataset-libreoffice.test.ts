/**
 * Issue 14, rendered: every kind generated through the services on the one data set (tests/helpers/
 * documents.ts), converted by LibreOffice in one run, then read back with poppler: page count, the Quốc hiệu
 * on one line, text in order, no signature block alone on a page, no number or "STT" cut in a cell.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../src/shared/documents';
import { FORMS } from '../helpers/commendations';
import { startCore, type TestCore } from '../helpers/core';
import { seedDocumentWorld } from '../helpers/documents';
import { requireSoffice, skipWithoutSoffice } from '../helpers/libreoffice';
import { seedPlanBody, SEED_MOVEMENT } from '../helpers/seed-plan';

let dir: string;
let core: TestCore;
const files: Record<string, [DocumentKind, string]> = {};

const pdf = (name: string) => join(dir, `${name}.pdf`);
const pages = (name: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf(name)], { encoding: 'utf8' }))![1]);
const pageTexts = (name: string) => execFileSync('pdftotext', ['-layout', pdf(name), '-'], { encoding: 'utf8' }).split('\f').slice(0, pages(name));
const lines = (t: string) => t.split('\n').map((l) => l.trim()).filter(Boolean);

/** Each needle appears, in this order, in the document's text. */
function expectInOrder(name: string, needles: (string | RegExp)[]) {
  const all = pageTexts(name).join('\n');
  let from = 0;
  for (const n of needles) {
    const rest = all.slice(from);
    // A line may wrap anywhere between words: spaces in a needle match any white space.
    const re = typeof n === 'string' ? new RegExp(n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ +/g, '\\s+')) : n;
    const r = re.exec(rest);
    const m = r ? { index: r.index, length: r[0].length } : { index: -1, length: 0 };
    expect(m.index, `${name}: "${String(n)}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from += m.index + m.length;
  }
}

describe.skipIf(skipWithoutSoffice)('every kind from one data set, rendered by LibreOffice', () => {
  beforeAll(async () => {
    const soffice = requireSoffice();
    dir = mkdtempSync(join(tmpdir(), 'tdkt-one-'));
    core = await startCore();
    const w = await seedDocumentWorld(core);
    await core.call('settings.documentLayout.set', { ...(await core.call('settings.documentLayout.get', {})), letter: { unitAbbr: 'VP', drafterInitials: 'PL', copies: 30, contact: '' } });
    await core.call('documents.saveOptions', { kind: 'decision', id: w.decisionId, addressees: null, recipients: { items: ['Như Điều', 'Tổng LĐLĐ Việt Nam (b/c)', 'Các ban, đơn vị trực thuộc'], archive: 'VT, Ban TC-KT' } });
    // The tờ trình goes up for a Bằng khen of the Tổng Liên đoàn, from nominations of its own.
    const base = { movementId: w.movement.id, phaseId: null, periodYear: 2026, proposedFormId: FORMS.bangKhenTld, achievement: 'Hoàn thành xuất sắc nhiệm vụ năm 2026' };
    const noms = [
      await core.call('commendations.saveNomination', { ...base, sourceOrgId: w.baBe.id, target: 'collective', organizationId: w.baBe.id }),
      await core.call('commendations.saveNomination', { ...base, sourceOrgId: w.choDon.id, target: 'individual', fullName: 'Đặng Thị An', organizationId: w.choDon.id, positionUnit: 'Phó Chủ tịch LĐLĐ huyện Chợ Đồn' }),
    ];
    for (const n of noms) await core.call('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 9, votesFor: 9, result: 'approved' });
    const proposal = await core.call('commendations.saveProposal', {
      formId: FORMS.bangKhenTld,
      addressee: 'Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam',
      superior: 'Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam',
      achievement: 'đã có thành tích xuất sắc trong phong trào thi đua lao động giỏi năm 2026',
      bases: ['Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng ngày 10/6/2026'],
      nominationIds: noms.map((n) => n.id),
    });
    const report = await core.call('reports.compose', { movementId: w.movement.id, phaseId: w.phaseId });
    const movement = await core.call('movements.save', SEED_MOVEMENT);
    const draft = await core.call('plans.create', { movementId: movement.id });
    await core.call('plans.save', { id: draft.id, movementId: movement.id, subject: draft.subject, plannedDate: '2019-11-13', body: seedPlanBody() });
    Object.assign(files, {
      plan: ['plan', draft.id],
      registration: ['registration', w.dienLucReg.id],
      works: ['works-list', w.phaseId],
      reminder: ['registration-reminder', w.phaseId],
      decision: ['decision', w.decisionId],
      proposal: ['commendation-proposal', proposal.id],
      report: ['phase-report', report.id],
    });
    for (const [name, [kind, id]] of Object.entries(files)) {
      const p = await core.call('documents.preview', { kind, id });
      writeFileSync(join(dir, `${name}.docx`), Buffer.from(p.dataBase64, 'base64'));
    }
    execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(files).map((n) => join(dir, `${n}.docx`))], { stdio: 'ignore', timeout: 90_000 });
  }, 120_000);

  afterAll(async () => {
    await core?.cleanup();
    if (dir && !process.env.KEEP_DOCS) rmSync(dir, { recursive: true, force: true });
  });

  it('converts every kind; the Quốc hiệu is on one line on page 1', () => {
    for (const name of Object.keys(files)) {
      expect(existsSync(pdf(name)), name).toBe(true);
      expect(lines(pageTexts(name)[0]).some((l) => /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/.test(l)), name).toBe(true);
    }
  });

  it('no signature block stands alone on a page: the page with "Nơi nhận:" also holds body text above it', () => {
    for (const name of Object.keys(files)) {
      const p = pageTexts(name);
      const at = p.findIndex((t) => /Nơi nhận:/.test(t));
      if (at < 0) continue;
      const above = lines(p[at].split(/Nơi nhận:/)[0]).filter((l) => !/^\d+$/.test(l));
      expect(above.length, `${name}: page ${at + 1}`).toBeGreaterThan(0);
    }
  });

  it('text in order, figures and wording as in the data', () => {
    expect(pages('reminder')).toBe(1);
    expectInOrder('reminder', ['Số:', '/LĐLĐ-VP', 'V/v đôn đốc đăng ký thi đua', 'Kính gửi: Công đoàn ngành Giáo dục.', '3/4 đơn vị', 'Nơi nhận:', 'Lưu: VT, VP.', 'PL.(30)']);
    expectInOrder('decision', ['QUYẾT ĐỊNH', 'Về việc tặng Giấy khen và công nhận danh hiệu Chiến sĩ thi đua cơ sở', 'Điều 1. Tặng Giấy khen', 'Điều 2. Công nhận danh hiệu', 'Điều 3. Kèm theo', 'Điều 4. Quyết định này có hiệu lực kể từ ngày ký.', 'Điều 5.', 'Nơi nhận:', '- Như Điều 5;', '- Tổng LĐLĐ Việt Nam (b/c);', '- Lưu: VT, Ban TC-KT.', 'DANH SÁCH', 'I. TẶNG GIẤY KHEN', 'II. CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ', /Tổng cộng: 01 tập thể[\s\S]{0,80}5\.170\.000/]);
    expectInOrder('registration', [/^ *LĐLĐ TỈNH BẮC KẠN +CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/m, 'CÔNG ĐOÀN CƠ SỞ', 'CÔNG TY ĐIỆN LỰC BẮC KẠN', /Bắc Kạn, ngày\s+tháng 02 năm 2026/, 'BẢN ĐĂNG KÝ THI ĐUA', 'Đợt 1 phong trào thi đua lao động giỏi năm 2026', 'Tổng số đoàn viên: 1.203', '101.000.000.000', 'D. CHỈ TIÊU THI ĐUA ĐĂNG KÝ', '1.250 đoàn viên', 'TM. BAN CHẤP HÀNH']);
    expectInOrder('works', ['DANH SÁCH', 'Nhà văn hóa thôn Pác Ngòi', 'Trạm biến áp 110 kV Chợ Mới', '101.000.000.000', 'Tổng cộng: 02 công trình', '102.500.000.000']);
    expectInOrder('report', ['BÁO CÁO', '3/4 đơn vị trực thuộc đã đăng ký', 'đã khen thưởng 1 tập thể và 3 cá nhân', 'Nơi nhận:', 'Phụ lục I', 'STT', 'Tổng cộng']);
    expect(pageTexts('report').join('\n')).not.toMatch(/năm 2026 năm 2026/);
    expectInOrder('proposal', ['TỜ TRÌNH', /Kính gửi:\s+Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam\./, 'xem xét, tặng Bằng khen của Tổng Liên đoàn Lao động Việt Nam cho 01 tập thể và 01 cá nhân', 'Nơi nhận:', '- Như trên;', 'DANH SÁCH']);
    expectInOrder('plan', ['KẾ HOẠCH', 'Nơi nhận:', 'Vi Văn Nghĩa']);
  });

  it('no number and no short header is cut inside a table cell', () => {
    for (const name of ['works', 'registration', 'report', 'decision']) {
      const all = pageTexts(name).join('\n');
      expect(all, name).not.toMatch(/^\s*ST\s*$/m);
      expect(all, name).not.toMatch(/\d\.\d{1,2}\s*\n\s*\d{1,2}\b/);
    }
    // The report's unit table: the total row carries the awards and money of its rows.
    expect(pageTexts('report').join('\n')).toMatch(/Tổng cộng\s+3\/4[^\n]*5\.170\.000/);
  });
});
