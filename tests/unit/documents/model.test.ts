import { describe, expect, it } from 'vitest';
import { countText, parseInline, pointLabel, punctuateList, roman } from '../../../src/main/core/documents/model';
import { textWidthMm } from '../../../src/main/core/documents/layout/measure';

describe('inline marks', () => {
  it('splits *italic* and **bold**, keeps escaped and unmatched asterisks', () => {
    expect(parseInline('a *b* c **d** e')).toEqual([
      { text: 'a ' }, { text: 'b', italic: true }, { text: ' c ' }, { text: 'd', bold: true }, { text: ' e' },
    ]);
    expect(parseInline('5 \\* 3')).toEqual([{ text: '5 * 3' }]);
    expect(parseInline('a * b')).toEqual([{ text: 'a * b' }]);
  });
});

describe('numbering helpers', () => {
  it('roman, Vietnamese point letters, leading-zero counts, list punctuation', () => {
    expect([1, 4, 9, 14, 40].map(roman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL']);
    expect([0, 3, 4, 5].map(pointLabel)).toEqual(['a)', 'd)', 'đ)', 'e)']);
    expect(countText(5)).toBe('05');
    expect(countText(12)).toBe('12');
    expect(countText(0)).toBe('0');
    expect(countText(1250)).toBe('1.250');
    expect(punctuateList(['Căn cứ A;', 'Căn cứ B.', 'Xét đề nghị C'])).toEqual(['Căn cứ A;', 'Căn cứ B;', 'Xét đề nghị C.']);
  });
});

describe('text measure (docs/rules.md §1.6, measured with Liberation Serif)', () => {
  it.each([
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, true, 88.3],
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 13, true, 95.7],
    ['Độc lập - Tự do - Hạnh phúc', 13, true, 56.1],
    ['Độc lập - Tự do - Hạnh phúc', 14, true, 60.5],
    ['LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN', 13, true, 86.9],
    ['LIÊN ĐOÀN LAO ĐỘNG', 13, true, 51.9],
    ['TỔNG LĐLĐ VIỆT NAM', 13, false, 49.5],
  ])('%s at %i pt', (text, size, bold, mm) => {
    expect(Math.abs(textWidthMm(text as string, size as number, bold as boolean) - (mm as number))).toBeLessThan(0.6);
  });
});
