import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumberVi, moneyToWords, numberToWords } from '../../../src/shared/vi-text';

// Test vectors: docs/rules.md §5.1.
const VECTORS: [number, string][] = [
  [5, 'Năm đồng'],
  [11, 'Mười một đồng'],
  [14, 'Mười bốn đồng'],
  [15, 'Mười lăm đồng'],
  [21, 'Hai mươi mốt đồng'],
  [24, 'Hai mươi bốn đồng'],
  [25, 'Hai mươi lăm đồng'],
  [101, 'Một trăm linh một đồng'],
  [105, 'Một trăm linh năm đồng'],
  [110, 'Một trăm mười đồng'],
  [115, 'Một trăm mười lăm đồng'],
  [1001, 'Một nghìn không trăm linh một đồng'],
  [2050, 'Hai nghìn không trăm năm mươi đồng'],
  [500_000, 'Năm trăm nghìn đồng'],
  [702_000, 'Bảy trăm linh hai nghìn đồng'],
  [710_000, 'Bảy trăm mười nghìn đồng'],
  [1_000_500, 'Một triệu năm trăm đồng'],
  [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
  [1_050_000, 'Một triệu không trăm năm mươi nghìn đồng'],
  [2_340_000, 'Hai triệu ba trăm bốn mươi nghìn đồng'],
  [3_510_000, 'Ba triệu năm trăm mười nghìn đồng'],
  [21_000_000, 'Hai mươi mốt triệu đồng'],
  [1_001_000_000, 'Một tỷ không trăm linh một triệu đồng'],
];

describe('moneyToWords', () => {
  it.each(VECTORS)('%i → %s', (n, words) => {
    expect(moneyToWords(n)).toBe(words);
  });

  it('never says "mười mốt" or "mười tư", keeps một/bốn/năm after linh', () => {
    expect(numberToWords(11)).toBe('mười một');
    expect(numberToWords(104)).toBe('một trăm linh bốn');
    expect(numberToWords(31)).toBe('ba mươi mốt');
    expect(numberToWords(45)).toBe('bốn mươi lăm');
  });

  it('supports the variants as options', () => {
    expect(moneyToWords(24, { four: 'tư' })).toBe('Hai mươi tư đồng');
    expect(moneyToWords(105, { odd: 'lẻ' })).toBe('Một trăm lẻ năm đồng');
    expect(moneyToWords(1000, { thousand: 'ngàn' })).toBe('Một ngàn đồng');
    expect(moneyToWords(2_000_000_000, { billion: 'tỉ' })).toBe('Hai tỉ đồng');
  });

  it('adds "chẵn" only when asked and only for round amounts', () => {
    expect(moneyToWords(1_800_000, { even: true })).toBe('Một triệu tám trăm nghìn đồng chẵn');
    expect(moneyToWords(1_800_500, { even: true })).toBe('Một triệu tám trăm nghìn năm trăm đồng');
    expect(moneyToWords(1_800_000)).toBe('Một triệu tám trăm nghìn đồng');
  });

  it('reads zero, large and negative numbers', () => {
    expect(moneyToWords(0)).toBe('Không đồng');
    expect(numberToWords(1_000_000_000_000)).toBe('một nghìn tỷ');
    expect(numberToWords(5_000_000_000_000_000)).toBe('năm triệu tỷ');
    expect(numberToWords(-5)).toBe('âm năm');
    expect(() => numberToWords(1.5)).toThrow();
  });
});

describe('formatNumberVi / formatMoney', () => {
  it('uses "." for thousands and "," for decimals', () => {
    expect(formatNumberVi(2_340_000)).toBe('2.340.000');
    expect(formatNumberVi(0.3, 1)).toBe('0,3');
    expect(formatNumberVi(999)).toBe('999');
    expect(formatNumberVi(1000)).toBe('1.000');
    expect(formatNumberVi(-1_520_000)).toBe('-1.520.000');
    expect(formatMoney(1_520_000)).toBe('1.520.000 đồng');
  });
});
