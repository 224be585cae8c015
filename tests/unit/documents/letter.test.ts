/** Công văn layout (docs/rules.md §1.2: V/v line, Kính gửi, drafter mark, address line; §1.8; §7). */
import { beforeAll, describe, expect, it } from 'vitest';
import { composeRegistrationReminder } from '../../../src/main/core/documents/kinds/registration-reminder';
import { letterNumberOf } from '../../../src/main/core/documents/kinds/common';
import { drafterMarkText, letterSubjectText } from '../../../src/main/core/documents/model';
import { renderDocx } from '../../../src/main/core/documents/layout/render';
import { formatNumberLine } from '../../../src/shared/vi-text/doc-number';
import { CONTACT, letterDocument, reminderInput } from '../../fixtures/documents/letter';
import { issuer } from '../../fixtures/documents/samples';
import { attr, findParagraph, paragraphsOf, paragraphTexts, rowsOf, sectionsOf, tablesOf, unzipDocx } from './docx-xml';

let files: Record<string, string>;
let xml: string;

beforeAll(async () => {
  files = unzipDocx(await renderDocx(letterDocument()));
  xml = files['word/document.xml'];
});

function footerPart(sectPr: string, type: 'default' | 'first'): string | undefined {
  const rId = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(sectPr)?.[1];
  if (!rId) return undefined;
  const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(files['word/_rels/document.xml.rels'])?.[1];
  return files[`word/${target}`];
}

describe('công văn texts', () => {
  it('ký hiệu is {issuer}-{unit}, or the issuer alone', () => {
    expect(formatNumberLine(5, letterNumberOf(issuer, 'VP', 5).symbol)).toBe('Số: 05/LĐLĐ-VP');
    expect(formatNumberLine(12, letterNumberOf(issuer, undefined, 12).symbol)).toBe('Số: 12/LĐLĐ');
    expect(formatNumberLine(null, letterNumberOf(issuer, ' ', null).symbol)).toBe('Số:       /LĐLĐ');
    expect(() => formatNumberLine(1, letterNumberOf(issuer, 'V P', 1).symbol)).toThrow(RangeError);
  });

  it('"V/v" is added once; the drafter mark reads "PL.(300)"', () => {
    expect(letterSubjectText('đôn đốc đăng ký')).toBe('V/v đôn đốc đăng ký');
    expect(letterSubjectText('V/v đôn đốc đăng ký')).toBe('V/v đôn đốc đăng ký');
    expect(letterSubjectText('v/V đôn đốc')).toBe('V/v đôn đốc');
    expect(drafterMarkText({ initials: 'pl', copies: 300 })).toBe('PL.(300)');
    expect(drafterMarkText({ initials: 'PL.' })).toBe('PL.');
  });

  it('the reminder uses the V/v slot, not a tên loại or bold trích yếu', () => {
    const doc = composeRegistrationReminder(reminderInput());
    expect(doc.kindName).toBe('');
    expect(doc.subject).toBeUndefined();
    expect(doc.letterSubject).toBe('V/v đôn đốc đăng ký thi đua');
    expect(doc.number?.symbol).toEqual({ issuerAbbr: 'LĐLĐ', unitAbbr: 'VP' });
  });
});

describe('công văn layout', () => {
  it('prints "V/v …" 12 pt regular, centred under "Số:" in the left header cell, 6 pt below', () => {
    const header = tablesOf(xml)[0];
    const row2 = rowsOf(header)[1];
    const leftCell = /<w:tc>[\s\S]*?<\/w:tc>/.exec(row2)![0];
    const paras = paragraphsOf(leftCell).filter((p) => p.text.trim());
    expect(paras.map((p) => p.text)).toEqual(['Số: 05/LĐLĐ-VP', 'V/v đôn đốc đăng ký thi đua']);
    const vv = paras[1];
    expect(attr(vv.pPr, 'jc', 'val')).toBe('center');
    expect(attr(vv.pPr, 'spacing', 'before')).toBe('120');
    expect(vv.runs.every((r) => r.size === 24 && !r.bold && !r.italic)).toBe(true);
  });

  it('has no tên loại line and no bold trích yếu under the header', () => {
    const texts = paragraphTexts(xml);
    expect(texts.filter((t) => t.includes('V/v'))).toHaveLength(1);
    const after = paragraphsOf(xml.slice(xml.indexOf('</w:tbl>')));
    const firstText = after.find((p) => p.text.trim())!;
    expect(firstText.text).toMatch(/^Kính gửi:/);
  });

  it('keeps "Kính gửi:" with a dash list for several units', () => {
    const first = findParagraph(xml, 'Kính gửi:');
    expect(first.text.replace(/\s+/g, ' ')).toBe('Kính gửi: - Liên đoàn Lao động huyện Chợ Đồn;');
    expect(paragraphTexts(xml)).toContain('- Công đoàn ngành Giáo dục.');
  });

  it('prints the drafter mark 11 pt under Nơi nhận, in the left cell of the closing table', () => {
    const closing = tablesOf(xml).at(-1)!;
    const leftCell = /<w:tc>[\s\S]*?<\/w:tc>/.exec(closing)![0];
    const texts = paragraphsOf(leftCell).map((p) => p.text).filter(Boolean);
    expect(texts.at(-2)).toBe('- Lưu: VT.');
    expect(texts.at(-1)).toBe('PL.(30)');
    const mark = findParagraph(closing, 'PL.(30)');
    expect(mark.runs.every((r) => r.size === 22 && !r.bold && !r.italic)).toBe(true);
  });

  it('puts the address line in the first-page footer only, under a full-width rule, 11 pt', () => {
    const sect = sectionsOf(xml)[0];
    const first = footerPart(sect, 'first')!;
    const paras = paragraphsOf(first);
    expect(paras.map((p) => p.text)).toEqual(CONTACT);
    expect(paras[0].pPr).toMatch(/<w:pBdr><w:top w:val="single"/);
    expect(attr(paras[0].pPr, 'ind', 'left')).toBeNull();
    expect(paras.flatMap((p) => p.runs).every((r) => r.size === 22 && !r.bold)).toBe(true);
    const other = footerPart(sect, 'default');
    expect(other === undefined || paragraphsOf(other).every((p) => !p.text)).toBe(true);
  });

  it('without contact lines there is no footer; V/v size follows the 12–13 pt setting', async () => {
    const plain = unzipDocx(await renderDocx({ ...letterDocument(), contact: undefined }, { sizes: { letterSubject: 13 } }))['word/document.xml'];
    expect(sectionsOf(plain)[0]).not.toContain('footerReference');
    expect(findParagraph(plain, 'V/v').runs[0].size).toBe(26);
    await expect(renderDocx(letterDocument(), { sizes: { letterSubject: 14 } })).rejects.toThrow(/12–13/);
  });
});
