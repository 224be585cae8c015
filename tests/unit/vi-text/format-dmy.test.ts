import { describe, expect, it } from 'vitest';
import { formatDmy } from '../../../src/shared/vi-text/dates';
import { cellText } from '../../../src/main/core/spreadsheets/cells';

describe('formatDmy — the one dd/mm/yyyy formatter', () => {
  it('writes ISO dates and date-times as dd/mm/yyyy with leading zeros', () => {
    expect(formatDmy('2025-07-01')).toBe('01/07/2025');
    expect(formatDmy('1930-02-03T10:15:00.000Z')).toBe('03/02/1930');
    expect(formatDmy('2019-11-30')).toBe('30/11/2019');
  });

  it('leaves empty values empty and shows anything else as it came', () => {
    expect(formatDmy(null)).toBe('');
    expect(formatDmy(undefined)).toBe('');
    expect(formatDmy('')).toBe('');
    expect(formatDmy('tháng 11/2019')).toBe('tháng 11/2019');
  });

  it('is what spreadsheet date cells read as (UTC midnight from Excel)', () => {
    expect(cellText({ value: new Date(Date.UTC(2024, 2, 5)) } as never)).toBe('05/03/2024');
  });
});
