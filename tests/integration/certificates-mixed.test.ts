/**
 * Issue 14, open item 2: a decision mixing a hình thức (Giấy khen) and a danh hiệu prints certificates for
 * the form's rows only, in the order of that form's section of the danh sách, so "in từ dòng N" after a jam
 * is STT N there. Checked on the .docx XML and, rendered by LibreOffice, page by page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionInput, FORMS } from '../helpers/commendations';
import { startCore, type TestCore } from '../helpers/core';
import { seedDocumentWorld } from '../helpers/documents';
import { requireSoffice, skipWithoutSoffice } from '../helpers/libreoffice';
import { normalizeWs, paragraphTexts, sectionsOf, unzipDocx } from '../unit/documents/docx-xml';

let core: TestCore;
let w: Awaited<ReturnType<typeof seedDocumentWorld>>;
/** Names of the "I. TẶNG GIẤY KHEN" section of the QĐ's danh sách, in print order. */
let giayKhenSection: string[];
const AWARDEE_NAMES = ['Liên đoàn Lao động huyện Ba Bể', 'Nguyễn Văn Bình', 'Đặng Thị An', 'Hoàng Văn Thủy'];

const docText = (b: Buffer) => paragraphTexts(unzipDocx(b)['word/document.xml']).map(normalizeWs);
/** The awardees named in a certificate batch, page by page. */
const batchNames = (b: Buffer) => {
  const xml = unzipDocx(b)['word/document.xml'];
  const text = docText(b).join('\n');
  const names = AWARDEE_NAMES.map((n) => ({ n, at: text.indexOf(n) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at).map((x) => x.n);
  return { names, pages: sectionsOf(xml).length };
};

beforeAll(async () => {
  core = await startCore();
  w = await seedDocumentWorld(core);
  const qd = docText(Buffer.from((await core.call('documents.preview', { kind: 'decision', id: w.decisionId })).dataBase64, 'base64'));
  const from = qd.indexOf('I. TẶNG GIẤY KHEN');
  const to = qd.findIndex((t, i) => i > from && t.startsWith('Cộng:'));
  giayKhenSection = qd.slice(from, to).filter((t) => AWARDEE_NAMES.includes(t));
}, 120_000);
afterAll(async () => core?.cleanup());

describe('Giấy khen of a decision mixing a form and a title', () => {
  it('prints the Giấy khen rows only, in the danh sách section order', async () => {
    // Collective first, then individuals by tên: An before Bình; Thủy (danh hiệu) is in section II.
    expect(giayKhenSection).toEqual(['Liên đoàn Lao động huyện Ba Bể', 'Đặng Thị An', 'Nguyễn Văn Bình']);
    const all = await core.call('commendations.printCertificates', { decisionId: w.decisionId });
    expect(all.pages).toBe(3);
    const batch = batchNames(readFileSync(all.path!));
    expect(batch.pages).toBe(3);
    expect(batch.names).toEqual(giayKhenSection);
    expect(all.job).toMatchObject({ fromRow: 1, toRow: 3 });
  });

  it('"in từ dòng N" starts at STT N of the section', async () => {
    for (const n of [2, 3]) {
      const r = await core.call('commendations.printCertificates', { decisionId: w.decisionId, fromRow: n });
      expect(r.pages).toBe(4 - n);
      expect(batchNames(readFileSync(r.path!)).names).toEqual(giayKhenSection.slice(n - 1));
    }
    expect((await core.fail('commendations.printCertificates', { decisionId: w.decisionId, fromRow: 4 })).message).toMatch(/Giấy khen của quyết định chỉ có 3 dòng/);
    expect((await core.fail('commendations.printCertificates', { decisionId: w.decisionId, formId: FORMS.csTdCoSo })).message).toMatch(/không có Giấy khen, Bằng khen để in/);
  });

  it('a decision of danh hiệu only has no certificate to print', async () => {
    const noms = w.nominations.filter((n) => n.target === 'individual');
    const input = decisionInput(noms, { movementId: w.movement.id, phaseId: null, decisionDate: '2026-06-20' });
    // Entered directly on the list (no nomination: those went into the first decision).
    const awardees = input.awardees.map((a) => ({ ...a, nominationId: null, formId: FORMS.csTdCoSo }));
    const d = await core.call('commendations.saveDecision', { ...input, awardees });
    await core.call('commendations.issueDecision', { id: d.id, date: '2026-06-20' });
    const view = await core.call('commendations.getDecision', { id: d.id });
    expect(view.awardees.every((a) => a.formKind === 'title')).toBe(true);
    expect((await core.fail('commendations.printCertificates', { decisionId: d.id })).message).toMatch(/chỉ công nhận danh hiệu thi đua/);
  });
});

describe.skipIf(skipWithoutSoffice)('the batch rendered by LibreOffice', () => {
  let dir: string;
  beforeAll(async () => {
    const soffice = requireSoffice();
    dir = mkdtempSync(join(tmpdir(), 'tdkt-cert-'));
    const r = await core.call('commendations.printCertificates', { decisionId: w.decisionId, fromRow: 2 });
    writeFileSync(join(dir, 'batch.docx'), readFileSync(r.path!));
    execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'batch.docx')], { stdio: 'ignore', timeout: 90_000 });
  }, 120_000);
  afterAll(() => {
    if (dir && !process.env.KEEP_DOCS) rmSync(dir, { recursive: true, force: true });
  });

  it('one page per certificate, page k naming row k+1 of the section, no danh hiệu row', () => {
    const pages = execFileSync('pdftotext', ['-layout', join(dir, 'batch.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    pages.forEach((p, k) => {
      const flat = p.replace(/\s+/g, ' ');
      expect(flat).toContain(giayKhenSection[k + 1]);
      for (const other of AWARDEE_NAMES.filter((n) => n !== giayKhenSection[k + 1])) expect(flat).not.toContain(other);
    });
  });
});
