/** The rendered XML follows Nghị định 30/2020 (docs/rules.md §1 and §7): page, fonts, sizes, emphasis, indents, rules. */
import { beforeAll, describe, expect, it } from 'vitest';
import { composePlan } from '../../../src/main/core/documents/kinds/plan';
import { composeDecision } from '../../../src/main/core/documents/kinds/decision';
import { textWidthMm } from '../../../src/main/core/documents/layout/measure';
import { LayoutOptionsError, resolveLayoutOptions } from '../../../src/main/core/documents/layout/options';
import { renderDocx } from '../../../src/main/core/documents/layout/render';
import { plan31 } from '../../fixtures/documents/plan-31';
import { decisionInput } from '../../fixtures/documents/samples';
import {
  TWIPS_PER_MM, attr, findParagraph, headerPart, paragraphsOf, rowsOf, sectionsOf, tablesOf, unzipDocx,
} from './docx-xml';

let files: Record<string, string>;
let xml: string;
let decisionFiles: Record<string, string>;
let dxml: string;

beforeAll(async () => {
  files = unzipDocx(await renderDocx(composePlan(plan31)));
  xml = files['word/document.xml'];
  decisionFiles = unzipDocx(await renderDocx(composeDecision(decisionInput())));
  dxml = decisionFiles['word/document.xml'];
});

/** Length of a rule paragraph: its container width minus the two indents, in mm. */
function ruleLengthMm(pXml: string, containerTwips: number): number {
  const left = Number(attr(pXml, 'ind', 'left'));
  const right = Number(attr(pXml, 'ind', 'right'));
  return (containerTwips - left - right) / TWIPS_PER_MM;
}

function isRule(pXml: string): boolean {
  return /<w:pBdr><w:bottom w:val="single"/.test(pXml);
}

describe('page setup', () => {
  it('A4 portrait, margins 20/20/30/15 mm by default', () => {
    const sect = sectionsOf(xml)[0];
    expect(attr(sect, 'pgSz', 'w')).toBe('11906');
    expect(attr(sect, 'pgSz', 'h')).toBe('16838');
    expect(attr(sect, 'pgMar', 'top')).toBe('1134');
    expect(attr(sect, 'pgMar', 'bottom')).toBe('1134');
    expect(attr(sect, 'pgMar', 'left')).toBe('1701');
    expect(attr(sect, 'pgMar', 'right')).toBe('850');
  });

  it('margins are settable within the legal ranges', async () => {
    const x = unzipDocx(await renderDocx(composePlan(plan31), { margins: { top: 25, bottom: 25, left: 35, right: 20 } }))['word/document.xml'];
    const sect = sectionsOf(x)[0];
    expect([attr(sect, 'pgMar', 'top'), attr(sect, 'pgMar', 'bottom'), attr(sect, 'pgMar', 'left'), attr(sect, 'pgMar', 'right')]).toEqual([
      '1417', '1417', '1984', '1134',
    ]);
  });

  it('refuses values outside the ranges, in Vietnamese', () => {
    expect(() => resolveLayoutOptions({ margins: { left: 25 } })).toThrow(LayoutOptionsError);
    expect(() => resolveLayoutOptions({ margins: { left: 25 } })).toThrow(/Lề trái/);
    expect(() => resolveLayoutOptions({ margins: { top: 26 } })).toThrow(/Lề trên/);
    expect(() => resolveLayoutOptions({ sizes: { body: 12 } })).toThrow();
    expect(() => resolveLayoutOptions({ lineSpacing: 2 })).toThrow(/Giãn dòng/);
    expect(() => resolveLayoutOptions({ paragraphSpacing: 3 })).toThrow();
    expect(resolveLayoutOptions({ margins: { left: 35 } }).margins).toEqual({ top: 20, bottom: 20, left: 35, right: 15 });
  });

  it('page numbers top centre from page 2: titlePg, empty first header, PAGE field in the default header', () => {
    const sect = sectionsOf(xml)[0];
    expect(sect).toContain('<w:titlePg/>');
    const first = headerPart(files, sect, 'first');
    const def = headerPart(files, sect, 'default');
    expect(first).not.toMatch(/PAGE/);
    expect(paragraphsOf(first).every((p) => p.text === '')).toBe(true);
    expect(def).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|w:instr="\s*PAGE\s*"/);
    const p = paragraphsOf(def)[0];
    expect(attr(p.pPr, 'jc', 'val')).toBe('center');
    expect(def).toMatch(/<w:sz w:val="28"\/>/);
    expect(def).not.toMatch(/<w:b\/>|<w:i\/>/);
  });
});

describe('fonts', () => {
  it('every run is Times New Roman (its own rFonts, or the table paragraph style), document defaults too', () => {
    const styles = decisionFiles['word/styles.xml'];
    const styleFont = (id: string) =>
      /<w:rFonts[^>]*w:ascii="([^"]+)"/.exec(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '')?.[1];
    let styled = 0;
    for (const part of [xml, dxml, headerPart(files, sectionsOf(xml)[0], 'default')]) {
      const paragraphs = paragraphsOf(part);
      expect(paragraphs.flatMap((p) => p.runs).length).toBeGreaterThan(0);
      for (const p of paragraphs) {
        const style = attr(p.pPr, 'pStyle', 'val');
        for (const r of p.runs) {
          if (r.font === null && style) styled++;
          expect(r.font ?? (style ? styleFont(style) : null)).toBe('Times New Roman');
        }
      }
    }
    expect(styled).toBeGreaterThan(0);
    expect(files['word/styles.xml']).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"/);
    // The 13 pt table style: size and the 2 pt cell spacing.
    const t13 = /<w:style [^>]*w:styleId="TdktTable13"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(t13).toContain('<w:sz w:val="26"/>');
  });

  it('text is NFC', () => {
    const texts = paragraphsOf(xml).map((p) => p.text).join('\n');
    expect(texts).toBe(texts.normalize('NFC'));
  });
});

describe('header block', () => {
  it('is a borderless fixed two-column table spanning the text width', () => {
    const t = tablesOf(xml)[0];
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(t)![1];
    expect(borders.match(/w:val="none"/g)).toHaveLength(6);
    const cols = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols).toHaveLength(2);
    expect(cols[0] + cols[1]).toBe(Math.round(165 * TWIPS_PER_MM));
    expect(t).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('the right cell is wide enough for the Quốc hiệu on one line (≥ 92 mm at 12 pt, ≥ 100 mm at 13 pt)', async () => {
    const cols = (x: string) => [...tablesOf(x)[0].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]) / TWIPS_PER_MM);
    expect(cols(xml)[1]).toBeGreaterThanOrEqual(92);
    // Widest margins and 13 pt: the column grows past its 60 % share.
    const x13 = unzipDocx(await renderDocx(composePlan(plan31), { margins: { left: 35, right: 20 }, sizes: { nationalTitle: 13 } }))['word/document.xml'];
    expect(cols(x13)[1]).toBeGreaterThanOrEqual(100);
  });

  it('Quốc hiệu 12 pt bold; Tiêu ngữ 13 pt bold; chủ quản regular; issuer bold', () => {
    const qh = findParagraph(xml, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(qh.text).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(qh.runs.every((r) => r.bold && r.size === 24 && !r.italic)).toBe(true);
    const tn = findParagraph(xml, 'Độc lập - Tự do - Hạnh phúc');
    expect(tn.runs.every((r) => r.bold && r.size === 26)).toBe(true);
    const parent = findParagraph(xml, 'TỔNG LĐLĐ VIỆT NAM');
    expect(parent.runs.every((r) => !r.bold && r.size === 24)).toBe(true);
    for (const line of ['LIÊN ĐOÀN LAO ĐỘNG', 'TỈNH BẮC KẠN']) {
      expect(findParagraph(xml, line).runs.every((r) => r.bold && r.size === 24)).toBe(true);
    }
  });

  it('rules are paragraph borders: under the tiêu ngữ as long as its text, under the issuer 1/3–1/2 of its line', () => {
    const t = tablesOf(xml)[0];
    const cols = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const firstRow = rowsOf(t)[0];
    const cells = [...firstRow.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    const leftRule = paragraphsOf(cells[0]).find((p) => isRule(p.xml))!;
    const rightRule = paragraphsOf(cells[1]).find((p) => isRule(p.xml))!;
    expect(leftRule.text).toBe('');
    expect(rightRule.text).toBe('');
    const pad = 2 * 57;
    const motto = textWidthMm('Độc lập - Tự do - Hạnh phúc', 13, true);
    expect(Math.abs(ruleLengthMm(rightRule.xml, cols[1] - pad) - motto)).toBeLessThan(0.5);
    const issuer = textWidthMm('LIÊN ĐOÀN LAO ĐỘNG', 12, true);
    const issuerRule = ruleLengthMm(leftRule.xml, cols[0] - pad);
    expect(issuerRule).toBeGreaterThanOrEqual(issuer / 3 - 0.2);
    expect(issuerRule).toBeLessThanOrEqual(issuer / 2 + 0.2);
    expect(xml).not.toMatch(/_{4,}/);
    expect(xml).not.toMatch(/<w:u /);
  });

  it('"Số:" 13 pt upright and the date 13 pt italic sit on the same row', () => {
    const row = rowsOf(tablesOf(xml)[0])[1];
    const ps = paragraphsOf(row).filter((p) => p.text);
    expect(ps.map((p) => p.text)).toEqual(['Số: 31/KH-LĐLĐ', 'Bắc Kạn, ngày 13 tháng 11 năm 2019']);
    expect(ps[0].runs.every((r) => r.size === 26 && !r.italic && !r.bold)).toBe(true);
    expect(ps[1].runs.every((r) => r.size === 26 && r.italic && !r.bold)).toBe(true);
  });

  it('a draft leaves the number blank', async () => {
    const x = unzipDocx(await renderDocx(composePlan({ ...plan31, number: null })))['word/document.xml'];
    const p = findParagraph(x, 'Số:');
    expect(p.text).toMatch(/^Số: {3,}\/KH-LĐLĐ$/);
    expect(p.xml).toContain('xml:space="preserve"');
  });
});

describe('title and content', () => {
  it('tên loại 14 pt bold centred; trích yếu bold centred with a 1/3–1/2 rule', () => {
    const kind = findParagraph(xml, 'KẾ HOẠCH');
    expect(kind.text).toBe('KẾ HOẠCH');
    expect(attr(kind.pPr, 'jc', 'val')).toBe('center');
    expect(kind.runs.every((r) => r.bold && r.size === 28)).toBe(true);
    const all = paragraphsOf(xml);
    const i = all.findIndex((p) => p.text.startsWith('Phát động phong trào thi đua'));
    expect(all[i].runs.every((r) => r.bold && r.size === 28)).toBe(true);
    expect(attr(all[i].pPr, 'jc', 'val')).toBe('center');
    const rule = all[i + 1];
    expect(isRule(rule.xml)).toBe(true);
    const len = ruleLengthMm(rule.xml, Math.round(165 * TWIPS_PER_MM));
    expect(len).toBeGreaterThanOrEqual(165 / 3 - 0.5);
    expect(len).toBeLessThanOrEqual(165 / 2 + 0.5);
  });

  it('content: justified, 1.27 cm first-line indent, 6 pt after, line spacing 1.0–1.5, 14 pt', () => {
    const p = findParagraph(xml, 'Năm 2020 là năm');
    expect(attr(p.pPr, 'jc', 'val')).toBe('both');
    expect(attr(p.pPr, 'ind', 'firstLine')).toBe('720');
    expect(Number(attr(p.pPr, 'spacing', 'after'))).toBeGreaterThanOrEqual(120);
    const line = Number(attr(p.pPr, 'spacing', 'line'));
    expect(line).toBeGreaterThanOrEqual(240);
    expect(line).toBeLessThanOrEqual(360);
    expect(p.runs.every((r) => r.size === 28 && !r.bold)).toBe(true);
  });

  it('first-line indent of 1 cm when chosen', async () => {
    const x = unzipDocx(await renderDocx(composePlan(plan31), { firstLineIndent: 1 }))['word/document.xml'];
    expect(attr(findParagraph(x, 'Năm 2020 là năm').pPr, 'ind', 'firstLine')).toBe('567');
  });

  it('mục bold upper case, titled khoản bold, untitled khoản regular, bullets regular', () => {
    const sec = findParagraph(xml, 'I. MỤC ĐÍCH, YÊU CẦU');
    expect(sec.runs.every((r) => r.bold)).toBe(true);
    expect(sec.pPr).toContain('<w:keepNext/>');
    expect(findParagraph(xml, '1. Nội dung').runs.every((r) => r.bold)).toBe(true);
    expect(findParagraph(xml, '1. Động viên').runs.every((r) => !r.bold)).toBe(true);
    const bullet = findParagraph(xml, '+ Đối với khối doanh nghiệp');
    expect(bullet.runs.find((r) => r.text === 'Đối với khối doanh nghiệp')!.italic).toBe(true);
    expect(bullet.runs.find((r) => r.text.startsWith(': Tập trung'))!.italic).toBe(false);
  });

  it('the content ends with "./."', () => {
    expect(findParagraph(xml, 'Trên đây là Kế hoạch').text).toMatch(/mỗi đợt thi đua\.\/\.$/);
  });
});

describe('signature and nơi nhận', () => {
  it('is a borderless table: Nơi nhận left (12 pt bold italic label, 11 pt items), signature right', () => {
    const t = tablesOf(xml).at(-1)!;
    expect(/<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(t)![1].match(/w:val="none"/g)).toHaveLength(6);
    const cells = [...t.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    const left = paragraphsOf(cells[0]).filter((p) => p.text);
    expect(left[0].text).toBe('Nơi nhận:');
    expect(left[0].runs.every((r) => r.bold && r.italic && r.size === 24)).toBe(true);
    expect(attr(left[0].pPr, 'jc', 'val')).toBe('left');
    const items = left.filter((p) => p.text.startsWith('- '));
    expect(items.length).toBe(11);
    expect(items.every((p) => p.runs.every((r) => r.size === 22 && !r.bold))).toBe(true);
    expect(items.at(-1)!.text).toBe('- Lưu: VT, Ban CTCS.');
    expect(items.slice(0, -1).every((p) => p.text.endsWith(';'))).toBe(true);
    const right = paragraphsOf(cells[1]).filter((p) => p.text);
    expect(right.map((p) => p.text)).toEqual(['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Vi Văn Nghĩa']);
    expect(right.every((p) => p.runs.every((r) => r.bold && r.size === 28) && attr(p.pPr, 'jc', 'val') === 'center')).toBe(true);
    // "Nơi nhận:" level with the first authority line: same space before.
    expect(attr(left[0].pPr, 'spacing', 'before')).toBe(attr(right[0].pPr, 'spacing', 'before'));
    // Room for signature and seal before the name.
    expect(Number(attr(right[2].pPr, 'spacing', 'before'))).toBeGreaterThanOrEqual(Math.round(15 * TWIPS_PER_MM));
  });
});

describe('Quyết định', () => {
  it('thẩm quyền bold upper centred, căn cứ italic with ";" and a final ".", "QUYẾT ĐỊNH:" bold centred, "Điều N." bold', () => {
    const auth = findParagraph(dxml, 'BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN');
    expect(auth.runs.every((r) => r.bold) && attr(auth.pPr, 'jc', 'val') === 'center').toBe(true);
    const bases = paragraphsOf(dxml).filter((p) => /^(Căn cứ|Xét đề nghị)/.test(p.text));
    expect(bases).toHaveLength(3);
    expect(bases.every((p) => p.runs.every((r) => r.italic))).toBe(true);
    expect(bases.slice(0, -1).every((p) => p.text.endsWith(';'))).toBe(true);
    expect(bases.at(-1)!.text.endsWith('.')).toBe(true);
    const qd = findParagraph(dxml, 'QUYẾT ĐỊNH:');
    expect(qd.runs.every((r) => r.bold) && attr(qd.pPr, 'jc', 'val') === 'center').toBe(true);
    const d1 = findParagraph(dxml, 'Điều 1.');
    expect(d1.runs[0]).toMatchObject({ text: 'Điều 1. ', bold: true });
    expect(d1.runs.slice(1).every((r) => !r.bold)).toBe(true);
    expect(findParagraph(dxml, 'Điều 3.').text).toBe('Điều 3. Quyết định này có hiệu lực kể từ ngày ký.');
    expect(findParagraph(dxml, 'Điều 4.').text).toMatch(/thi hành\.\/\.$/);
    expect(findParagraph(dxml, '- Như Điều 4;').text).toBe('- Như Điều 4;');
  });

  it('the danh sách is its own section, numbered from 1, with ruled table and repeated header row', () => {
    const sects = sectionsOf(dxml);
    expect(sects).toHaveLength(2);
    expect(sects[1]).toMatch(/<w:pgNumType w:start="1"\/>/);
    expect(sects[1]).toContain('<w:titlePg/>');
    const list = tablesOf(dxml).find((t) => t.includes('TẬP THỂ (05)'))!;
    expect(list).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect(list).toContain('<w:tblHeader/>');
    const ref = findParagraph(dxml, '(Kèm theo Quyết định');
    expect(ref.text).toBe('(Kèm theo Quyết định số 05/QĐ-LĐLĐ ngày 05 tháng 3 năm 2024 của Ban Thường vụ Liên đoàn Lao động tỉnh Bắc Kạn)');
    expect(ref.runs.every((r) => r.italic)).toBe(true);
  });
});

describe('header columns and long place names', () => {
  it('the right column grows for "Thành phố Hồ Chí Minh, ngày …" while the left keeps its lines', async () => {
    const hcm = {
      ...plan31,
      issuer: { ...plan31.issuer, place: 'Thành phố Hồ Chí Minh', nameLines: ['LIÊN ĐOÀN LAO ĐỘNG', 'THÀNH PHỐ HỒ CHÍ MINH'] },
    };
    const x = unzipDocx(await renderDocx(composePlan(hcm)))['word/document.xml'];
    const cols = [...tablesOf(x)[0].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]) / TWIPS_PER_MM);
    const date = textWidthMm('Thành phố Hồ Chí Minh, ngày 13 tháng 11 năm 2019', 13);
    expect(cols[1] - 2).toBeGreaterThan(date);
    expect(cols[0] - 2).toBeGreaterThan(textWidthMm('THÀNH PHỐ HỒ CHÍ MINH', 12, true));
  });
});
