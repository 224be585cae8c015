/**
 * Every document kind opens in LibreOffice: one headless soffice call converts them all to PDF,
 * then pdfinfo / pdftotext check page counts and text (Quốc hiệu on one line, "Số:" beside the
 * date, page numbers from page 2, annexes numbered on their own, N certificates = N pages).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composePlan } from '../../src/main/core/documents/kinds/plan';
import { composeDecision } from '../../src/main/core/documents/kinds/decision';
import { composeProposal } from '../../src/main/core/documents/kinds/proposal';
import { composeReport } from '../../src/main/core/documents/kinds/report';
import { composeRegistration } from '../../src/main/core/documents/kinds/registration';
import { composeWorksList } from '../../src/main/core/documents/kinds/works-list';
import { DEFAULT_CERTIFICATE_TEMPLATE } from '../../src/main/core/documents/kinds/certificate';
import { renderCertificateBatch, renderCertificateTestPage } from '../../src/main/core/documents/layout/certificate';
import { renderDocx } from '../../src/main/core/documents/layout/render';
import { plan31 } from '../fixtures/documents/plan-31';
import { letterDocument } from '../fixtures/documents/letter';
import { requireSoffice, skipWithoutSoffice } from '../helpers/libreoffice';
import {
  certificateInput, decisionInput, proposalInput, registrationInput, reportInput, worksListInput,
} from '../fixtures/documents/samples';

const CERTIFICATES = 12;

let dir: string;
const pdf = (name: string) => join(dir, `${name}.pdf`);

function pages(name: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf(name)], { encoding: 'utf8' }))![1]);
}

function pageSize(name: string): [number, number] {
  const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf(name)], { encoding: 'utf8' }))!;
  return [Number(m[1]), Number(m[2])];
}

/** Text of each page, layout kept (form feeds separate pages). */
function pageTexts(name: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf(name), '-'], { encoding: 'utf8' }).split('\f').slice(0, pages(name));
}

/** Top-left corner (pt) of the first word `word` on page 1. */
function wordBox(name: string, word: string): { x: number; y: number } {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf(name), '-'], { encoding: 'utf8' });
  const m = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${word}</word>`).exec(html)!;
  return { x: Number(m[1]), y: Number(m[2]) };
}

const PT_PER_MM = 72 / 25.4;

function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

describe.skipIf(skipWithoutSoffice)('LibreOffice opens every kind', () => {
  beforeAll(async () => {
    const soffice = requireSoffice();
    dir = mkdtempSync(join(tmpdir(), 'tdkt-docs-'));
    const files: Record<string, Uint8Array> = {
      plan: await renderDocx(composePlan(plan31)),
      plan13: await renderDocx(composePlan(plan31), { margins: { left: 35, right: 20 }, sizes: { nationalTitle: 13, motto: 14 } }),
      decision: await renderDocx(composeDecision(decisionInput(5, 60))),
      proposal: await renderDocx(composeProposal(proposalInput())),
      report: await renderDocx(composeReport(reportInput())),
      registration: await renderDocx(composeRegistration(registrationInput())),
      works: await renderDocx(composeWorksList(worksListInput())),
      certificates: await renderCertificateBatch(certificateInput(CERTIFICATES)),
      shifted: await renderCertificateBatch(certificateInput(1), DEFAULT_CERTIFICATE_TEMPLATE, { x: 10, y: 5 }),
      testpage: await renderCertificateTestPage(DEFAULT_CERTIFICATE_TEMPLATE, { x: 1, y: 1 }),
      letter: await renderDocx(letterDocument()),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, `${name}.docx`), bytes);
    // One soffice run for all files (start-up dominates), with a profile of its own.
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(files).map((n) => join(dir, `${n}.docx`))],
      { stdio: 'ignore', timeout: 55_000 },
    );
  }, 60_000);

  afterAll(() => {
    if (dir && !process.env.KEEP_DOCS) rmSync(dir, { recursive: true, force: true });
  });

  it('converts every file', () => {
    for (const name of ['plan', 'plan13', 'decision', 'proposal', 'report', 'registration', 'works', 'certificates', 'shifted', 'testpage', 'letter']) {
      expect(existsSync(pdf(name)), name).toBe(true);
      expect(pages(name), name).toBeGreaterThan(0);
    }
  });

  it('plan: A4, Quốc hiệu on one line, "Số:" and the date on one row, page numbers from page 2', () => {
    const [w, h] = pageSize('plan');
    expect(Math.round(w)).toBe(595);
    expect(Math.round(h)).toBe(842);
    const p = pageTexts('plan');
    expect(p.length).toBeGreaterThanOrEqual(3);
    const first = lines(p[0]);
    expect(first[0]).toMatch(/^TỔNG LĐLĐ VIỆT NAM\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
    expect(first[1]).toMatch(/^LIÊN ĐOÀN LAO ĐỘNG\s+Độc lập - Tự do - Hạnh phúc$/);
    expect(first.some((l) => /^Số: 31\/KH-LĐLĐ\s+Bắc Kạn, ngày 13 tháng 11 năm 2019$/.test(l))).toBe(true);
    expect(first.some((l) => /^\d+$/.test(l))).toBe(false);
    p.slice(1).forEach((text, i) => expect(lines(text)[0]).toBe(String(i + 2)));
    expect(p.join('\n')).toMatch(/mỗi đợt thi đua\.\/\./);
    const last = lines(p.at(-1)!);
    expect(last.some((l) => /^Nơi nhận:\s+TM\. BAN THƯỜNG VỤ$/.test(l))).toBe(true);
    expect(last.at(-1)).toMatch(/Vi Văn Nghĩa|Lưu: VT, Ban CTCS\./);
  });

  it('the Quốc hiệu stays on one line at 13 pt with the widest margins', () => {
    expect(lines(pageTexts('plan13')[0])[0]).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
  });

  it('decision: the danh sách starts on a new page and numbers its own pages', () => {
    const p = pageTexts('decision');
    const listStart = p.findIndex((t) => lines(t).includes('DANH SÁCH'));
    expect(listStart).toBeGreaterThan(0);
    expect(lines(p[listStart]).some((l) => /^\d+$/.test(l))).toBe(false);
    expect(p.length - listStart).toBeGreaterThanOrEqual(2);
    p.slice(listStart + 1).forEach((text, i) => expect(lines(text)[0]).toBe(String(i + 2)));
    const all = p.join('\n');
    expect(all).toContain('Tặng Giấy khen cho 05 tập thể và 60 cá nhân');
    expect(all).toMatch(/I\. TẬP THỂ \(05\)/);
    expect(all).toMatch(/II\. CÁ NHÂN \(60\)/);
    expect(all).toMatch(/Tổng cộng: 05 tập thể[\s\S]{0,120}49\.650\.000/);
  });

  it('proposal, report, registration and works list carry their kind name', () => {
    expect(pageTexts('proposal').join('\n')).toMatch(/TỜ TRÌNH[\s\S]*Kính gửi:\s+- Đoàn Chủ tịch/);
    const report = pageTexts('report');
    expect(report.join('\n')).toMatch(/BÁO CÁO[\s\S]*Phụ lục I[\s\S]*Phụ lục II/);
    expect(pageSize('works')[0]).toBeGreaterThan(pageSize('works')[1]);
    expect(pageTexts('works').join('\n')).toContain('16.700.000.000');
    expect(pageTexts('registration').join('\n')).toMatch(/BẢN ĐĂNG KÝ THI ĐUA[\s\S]*TM\. BAN CHẤP HÀNH/);
  });

  it('công văn: one page, V/v under "Số:", no tên loại, drafter mark, address line at the foot', () => {
    expect(pages('letter')).toBe(1);
    const page = lines(pageTexts('letter')[0]);
    const numberRow = page.findIndex((l) => /^Số: 05\/LĐLĐ-VP\s+Bắc Kạn, ngày 10 tháng 02 năm 2020$/.test(l));
    expect(numberRow).toBeGreaterThan(0);
    expect(page[numberRow + 1]).toBe('V/v đôn đốc đăng ký thi đua');
    expect(page[numberRow + 2]).toMatch(/^Kính gửi:\s+- Liên đoàn Lao động huyện Chợ Đồn;$/);
    expect(page).not.toContain('CÔNG VĂN');
    expect(page.join('\n')).toMatch(/Nơi nhận:[\s\S]*- Lưu: VT\.[\s\S]*PL\.\(30\)/);
    // The V/v line sits just under "Số:" (centring in its cell is checked in the XML), the address below everything.
    const so = wordBox('letter', 'Số:');
    const vv = wordBox('letter', 'V/v');
    expect(vv.y).toBeGreaterThan(so.y);
    expect(vv.y - so.y).toBeLessThan(30);
    expect(page.at(-2)).toMatch(/^Địa chỉ: Số 8, đường Trường Chinh/);
    expect(page.at(-1)).toMatch(/^Điện thoại: 0209 3870 123/);
    expect(wordBox('letter', 'Địa').y).toBeGreaterThan(842 - 25 * PT_PER_MM);
  });

  it(`certificates: exactly ${CERTIFICATES} landscape pages, one recipient each`, () => {
    expect(pages('certificates')).toBe(CERTIFICATES);
    const [w, h] = pageSize('certificates');
    expect(w).toBeGreaterThan(h);
    const texts = pageTexts('certificates');
    const input = certificateInput(CERTIFICATES);
    texts.forEach((t, i) => {
      expect(t).toContain(input.recipients[i].name);
      expect(t).toContain('Vi Văn Nghĩa');
    });
    expect(pages('testpage')).toBe(1);
    expect(pageTexts('testpage')[0]).toContain('TRANG IN THỬ');
  });

  it('certificate text lands where the template says, and the printer offset moves it by as many mm', () => {
    const field = DEFAULT_CERTIFICATE_TEMPLATE.fields.decision;
    const at = wordBox('certificates', 'Quyết');
    expect(Math.abs(at.x - field.x * PT_PER_MM)).toBeLessThan(3);
    expect(at.y - field.y * PT_PER_MM).toBeGreaterThan(-2);
    expect(at.y - field.y * PT_PER_MM).toBeLessThan(6);
    const moved = wordBox('shifted', 'Quyết');
    expect(Math.abs(moved.x - at.x - 10 * PT_PER_MM)).toBeLessThan(0.6);
    expect(Math.abs(moved.y - at.y - 5 * PT_PER_MM)).toBeLessThan(0.6);
  });
});
