/**
 * Golden test: the seed plan 31/KH-LĐLĐ rebuilt from structured data must give the seed's
 * text paragraph by paragraph. Only white space is normalised, plus four corrections each
 * required by a rule in docs/rules.md §7 (listed in SEED_CORRECTIONS).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { composePlan } from '../../../src/main/core/documents/kinds/plan';
import { renderDocx } from '../../../src/main/core/documents/layout/render';
import { plan31 } from '../../fixtures/documents/plan-31';
import { normalizeWs, paragraphsOf, paragraphTexts, unzipDocx } from './docx-xml';

// A copy of /work/shared/reference/plan-31-KH-LDLD-bac-kan-2019.txt, so the test runs wherever the repo does.
const SEED = fileURLToPath(new URL('../../fixtures/documents/plan-31-seed.txt', import.meta.url));

/** The seed's lines, markdown emphasis removed, blank lines dropped. */
function seedParagraphs(): string[] {
  const text = readFileSync(SEED, 'utf8').replace(/\*\*|\*/g, '');
  return text.split('\n').map(normalizeWs).filter(Boolean);
}

const SEED_CORRECTIONS = (lines: string[]): string[] => {
  const out = [...lines];
  // Rule 6: "Số: NN/TYPE-ISSUER" without spaces (the text copy has "31 /KH - LĐLĐ").
  out[out.indexOf('Số: 31 /KH - LĐLĐ')] = 'Số: 31/KH-LĐLĐ';
  // Rule 7: the hand-written day, read as 13.
  out[out.indexOf('Bắc Kạn, ngày / 3 tháng 11 năm 2019')] = 'Bắc Kạn, ngày 13 tháng 11 năm 2019';
  // A page break splits item I.4 in the seed; it is one paragraph.
  const split = out.findIndex((l) => l.startsWith('4. Công tác thi đua'));
  out.splice(split, 2, `${out[split]} ${out[split + 1]}`);
  // Rule 12: the content ends with "./.".
  const last = out.findIndex((l) => l.startsWith('Trên đây là Kế hoạch'));
  out[last] = out[last].replace(/\.$/, './.');
  return out;
};

describe('golden: Kế hoạch 31/KH-LĐLĐ', () => {
  let xml: string;
  beforeAll(async () => {
    xml = unzipDocx(await renderDocx(composePlan(plan31)))['word/document.xml'];
  });

  it('header cell texts follow the seed layout', () => {
    const texts = paragraphTexts(xml);
    expect(texts.slice(0, 5)).toEqual([
      'TỔNG LĐLĐ VIỆT NAM',
      'LIÊN ĐOÀN LAO ĐỘNG',
      'TỈNH BẮC KẠN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
    ]);
  });

  it('matches the seed text paragraph by paragraph', () => {
    const expected = SEED_CORRECTIONS(seedParagraphs());
    const actual = paragraphTexts(xml).slice(5);
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      expect(actual[i], `paragraph ${i}`).toBe(expected[i]);
    }
    expect(actual.length).toBe(expected.length);
  });

  it('keeps the seed italics (movement names, đợt labels)', () => {
    const italics = paragraphsOf(xml)
      .flatMap((p) => p.runs)
      .filter((r) => r.italic && r.text.trim())
      .map((r) => r.text);
    expect(italics).toContain('“Lao động giỏi, lao động sáng tạo, bảo đảm an toàn vệ sinh lao động”');
    expect(italics).toContain('Đợt 1, từ tháng 11/2019 đến 31/3/2020');
    expect(italics).toContain('Đối với khối doanh nghiệp');
    expect(italics).toContain('có Kế hoạch riêng');
    const seedItalics = readFileSync(SEED, 'utf8').replace(/\*\*[^*]+\*\*/g, '').match(/\*[^*]+\*/g) ?? [];
    // Every italic span in the seed is italic in the output (date line and Nơi nhận label are layout italics on top).
    for (const s of seedItalics) expect(italics).toContain(s.slice(1, -1));
  });
});
