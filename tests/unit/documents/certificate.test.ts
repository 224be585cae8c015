/** Giấy khen on pre-printed blanks: frames at measured positions plus the printer offset, one page each, no blank page after. */
import { describe, expect, it } from 'vitest';
import {
  CertificateError, DEFAULT_CERTIFICATE_TEMPLATE, certificateTexts, checkOffset,
} from '../../../src/main/core/documents/kinds/certificate';
import { renderCertificateBatch, renderCertificateTestPage } from '../../../src/main/core/documents/layout/certificate';
import { certificateInput } from '../../fixtures/documents/samples';
import { TWIPS_PER_MM, attr, paragraphsOf, sectionsOf, unzipDocx } from './docx-xml';

function frames(xml: string) {
  return paragraphsOf(xml)
    .filter((p) => p.pPr.includes('<w:framePr'))
    .map((p) => ({ x: Number(attr(p.pPr, 'framePr', 'x')), y: Number(attr(p.pPr, 'framePr', 'y')), text: p.text, p }));
}

describe('Giấy khen', () => {
  it('N certificates give N landscape sections, no page-break paragraphs, nothing after the last', async () => {
    const xml = unzipDocx(await renderCertificateBatch(certificateInput(7)))['word/document.xml'];
    const sects = sectionsOf(xml);
    expect(sects).toHaveLength(7);
    for (const s of sects) {
      expect(attr(s, 'pgSz', 'orient')).toBe('landscape');
      expect(attr(s, 'pgSz', 'w')).toBe('16838');
    }
    expect(xml).not.toMatch(/w:type="page"|<w:pageBreakBefore/);
    // The body's last section properties close the document: the 7th page is the last.
    expect(xml).toMatch(/<\/w:p><w:sectPr>[\s\S]*<\/w:sectPr><\/w:body>/);
  });

  it('fields are page-anchored frames at the template position', async () => {
    const xml = unzipDocx(await renderCertificateBatch(certificateInput(1)))['word/document.xml'];
    const f = frames(xml);
    const recipient = f.find((x) => x.text.startsWith('Công đoàn cơ sở Trường THCS số 1'))!;
    const t = DEFAULT_CERTIFICATE_TEMPLATE.fields.recipient;
    expect(recipient.x).toBe(Math.round(t.x * TWIPS_PER_MM));
    expect(recipient.y).toBe(Math.round(t.y * TWIPS_PER_MM));
    expect(attr(recipient.p.pPr, 'framePr', 'hAnchor')).toBe('page');
    expect(attr(recipient.p.pPr, 'framePr', 'vAnchor')).toBe('page');
    expect(recipient.p.runs.every((r) => r.bold && r.size === 40 && r.font === 'Times New Roman')).toBe(true);
    expect(f.map((x) => x.text)).toEqual(
      expect.arrayContaining([
        'BAN THƯỜNG VỤ\nLIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN',
        'Quyết định số 05/QĐ-LĐLĐ, ngày 05/3/2024',
        'Bắc Kạn, ngày 05 tháng 3 năm 2024',
        'TM. BAN THƯỜNG VỤ\nCHỦ TỊCH',
        'Vi Văn Nghĩa',
        'Số sổ vàng: 100',
      ]),
    );
  });

  it('the printer offset moves every field by the same millimetres', async () => {
    const base = frames(unzipDocx(await renderCertificateBatch(certificateInput(1)))['word/document.xml']);
    const moved = frames(unzipDocx(await renderCertificateBatch(certificateInput(1), DEFAULT_CERTIFICATE_TEMPLATE, { x: 3, y: -2 }))['word/document.xml']);
    expect(moved).toHaveLength(base.length);
    moved.forEach((m, i) => {
      expect(Math.abs(m.x - base[i].x - 3 * TWIPS_PER_MM)).toBeLessThanOrEqual(1);
      expect(Math.abs(m.y - base[i].y + 2 * TWIPS_PER_MM)).toBeLessThanOrEqual(1);
    });
  });

  it('individuals get the prefix; collectives print the name alone', () => {
    const texts = certificateTexts(certificateInput(5));
    expect(texts[0].recipient).toBe('Công đoàn cơ sở Trường THCS số 1');
    expect(texts[4].recipient).toMatch(/^Đồng chí: /);
  });

  it('refuses offsets beyond ±30 mm and fields off the blank', async () => {
    expect(() => checkOffset({ x: 31, y: 0 })).toThrow(CertificateError);
    expect(() => checkOffset({ x: 0, y: Number.NaN })).toThrow(/Độ lệch/);
    const bad = { ...DEFAULT_CERTIFICATE_TEMPLATE, fields: { ...DEFAULT_CERTIFICATE_TEMPLATE.fields, recipient: { x: 250, y: 50, width: 100, size: 20 } } };
    await expect(renderCertificateBatch(certificateInput(1), bad)).rejects.toThrow(/ngoài phôi/);
  });

  it('the test page boxes every field and shows the offset in use', async () => {
    const xml = unzipDocx(await renderCertificateTestPage(DEFAULT_CERTIFICATE_TEMPLATE, { x: 2, y: -1.5 }))['word/document.xml'];
    expect(sectionsOf(xml)).toHaveLength(1);
    const f = frames(xml);
    expect(f.filter((x) => x.p.pPr.includes('<w:pBdr>'))).toHaveLength(Object.keys(DEFAULT_CERTIFICATE_TEMPLATE.fields).length);
    expect(f.map((x) => x.text)).toContain('Độ lệch đang dùng: ngang 2 mm, dọc -1,5 mm');
  });
});
