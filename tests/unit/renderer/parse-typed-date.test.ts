import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../../src/renderer/src/lib/parseTypedDate';

const ok = (t: string) => {
  const r = parseTypedDate(t);
  return r.kind === 'ok' ? r.date.format('DD/MM/YYYY') : r.kind;
};

describe('parseTypedDate: what a clerk types as a date', () => {
  it('reads d/m/yyyy with any of / . - and 8 digits', () => {
    expect(ok('13/11/2019')).toBe('13/11/2019');
    expect(ok('1/2/2019')).toBe('01/02/2019');
    expect(ok('03.02.1930')).toBe('03/02/1930');
    expect(ok('29-02-2020')).toBe('29/02/2020');
    expect(ok('13112019')).toBe('13/11/2019');
    expect(ok('  ')).toBe('empty');
  });

  it('refuses days and months that do not exist, never rolling over, naming the problem', () => {
    for (const [t, words] of [
      ['32/13/2019', 'không có tháng 13'],
      ['30/02/1930', 'tháng 2/1930 chỉ có 28 ngày'],
      ['29/02/2019', 'tháng 2/2019 chỉ có 28 ngày'],
      ['31/04/2020', 'tháng 4/2020 chỉ có 30 ngày'],
      ['00/01/2020', 'chỉ có 31 ngày'],
    ]) {
      const r = parseTypedDate(t);
      expect(r.kind, t).toBe('invalid');
      expect(r.kind === 'invalid' && r.message, t).toContain(words);
    }
  });

  it('tells unfinished typing from finished garbage', () => {
    expect(parseTypedDate('12/0').kind).toBe('partial');
    expect(parseTypedDate('12/05/20').kind).toBe('partial');
    expect(parseTypedDate('ngày mai').kind).toBe('invalid');
    expect(parseTypedDate('12/05/20199').kind).toBe('invalid');
  });
});
