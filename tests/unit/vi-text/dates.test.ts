import { describe, expect, it } from 'vitest';
import {
  formatDay, formatLongDate, formatMonth, formatPlaceDate, formatShortDate, toIsoDate, toPartialDate,
} from '../../../src/shared/vi-text';

describe('official dates', () => {
  it('leading zero for day < 10 and for months 01, 02 only', () => {
    expect(formatDay(5)).toBe('05');
    expect(formatDay(10)).toBe('10');
    expect(formatMonth(1)).toBe('01');
    expect(formatMonth(2)).toBe('02');
    expect(formatMonth(3)).toBe('3');
    expect(formatMonth(11)).toBe('11');
  });

  it('formats the place-date line (ND30 examples)', () => {
    expect(formatPlaceDate('Hà Nội', '2020-01-05')).toBe('Hà Nội, ngày 05 tháng 01 năm 2020');
    expect(formatPlaceDate('Thành phố Hồ Chí Minh', { year: 2019, month: 6, day: 29 })).toBe(
      'Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019',
    );
    expect(formatPlaceDate('Bắc Kạn', '2024-03-05')).toBe('Bắc Kạn, ngày 05 tháng 3 năm 2024');
    expect(formatLongDate('2024-02-29')).toBe('ngày 29 tháng 02 năm 2024');
  });

  it('leaves blanks for an unsigned draft', () => {
    expect(formatLongDate({ year: 2019, month: 11 })).toBe('ngày       tháng 11 năm 2019');
    expect(formatLongDate({ year: 2019 })).toBe('ngày       tháng       năm 2019');
  });

  it('short form used inside text', () => {
    expect(formatShortDate('1930-02-03')).toBe('03/02/1930');
    expect(formatShortDate('1890-05-19')).toBe('19/5/1890');
    expect(formatShortDate('1945-09-02')).toBe('02/9/1945');
    expect(toIsoDate({ year: 2024, month: 3, day: 5 })).toBe('2024-03-05');
  });

  it('rejects impossible dates', () => {
    expect(() => toPartialDate('2023-02-29')).toThrow();
    expect(() => toPartialDate('2024-13-01')).toThrow();
    expect(() => toPartialDate('05/03/2024')).toThrow();
  });
});
