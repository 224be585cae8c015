import { describe, expect, it } from 'vitest';
import { groupThousands, scopeLabel, withYear } from '../../../src/main/core/documents/wording';
import { columnWidths, fitColumnWidths } from '../../../src/main/core/documents/layout/tables';

describe('document wording', () => {
  it('never writes the year twice', () => {
    expect(withYear('Phong trào thi đua lao động giỏi năm 2026', 2026)).toBe('Phong trào thi đua lao động giỏi năm 2026');
    expect(withYear('Phong trào thi đua lao động giỏi', 2026)).toBe('Phong trào thi đua lao động giỏi năm 2026');
    expect(withYear('Phong trào chào mừng 20260 ngày', 2026)).toBe('Phong trào chào mừng 20260 ngày năm 2026');
    expect(scopeLabel('Phong trào thi đua năm 2026', 'Đợt 1', 2026)).toBe('Đợt 1 phong trào thi đua năm 2026');
    expect(scopeLabel('Phong trào thi đua', null, 2025)).toBe('phong trào thi đua năm 2025');
  });

  it('puts thousands dots in free-text numbers but leaves years, document numbers, dates and codes', () => {
    expect(groupThousands('đạt 1250 đoàn viên, 47 người mới, 1500000 đồng')).toBe('đạt 1.250 đoàn viên, 47 người mới, 1.500.000 đồng');
    expect(groupThousands('Kế hoạch số 1203/KH-LĐLĐ ngày 05/3/2026 năm 2026')).toBe('Kế hoạch số 1203/KH-LĐLĐ ngày 05/3/2026 năm 2026');
    expect(groupThousands('mã QL1234, 2.500 đã có dấu, 3,5 lần, 1899 và 2101')).toBe('mã QL1234, 2.500 đã có dấu, 3,5 lần, 1.899 và 2.101');
  });
});

describe('table column widths', () => {
  it('widens a column to what it cannot wrap, taking room from columns with spare', () => {
    const base = columnWidths(10_000, [0.5, 3, 1, 1]);
    const fitted = fitColumnWidths(10_000, [0.5, 3, 1, 1], [1200, 2000, 1500, 1500]);
    expect(base[0]).toBeLessThan(1200);
    expect(fitted[0]).toBeGreaterThanOrEqual(1200);
    expect(fitted.slice(2).every((w) => w >= 1500)).toBe(true);
    expect(fitted.reduce((a, b) => a + b, 0)).toBe(10_000);
    // Nothing to give: the weights stand.
    expect(fitColumnWidths(1000, [1, 1], [900, 900])).toEqual(columnWidths(1000, [1, 1]));
  });
});
