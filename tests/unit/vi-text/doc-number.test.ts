import { describe, expect, it } from 'vitest';
import {
  formatDocCitation, formatDocIdentity, formatDocNumber, formatDocSymbol, formatNumberLine, identityOfNumberText, parseDocNumber,
} from '../../../src/shared/vi-text';

describe('số, ký hiệu', () => {
  it('leading zero below 10, no spaces around "-"', () => {
    expect(formatNumberLine(5, { typeAbbr: 'QĐ', issuerAbbr: 'LĐLĐ' })).toBe('Số: 05/QĐ-LĐLĐ');
    expect(formatNumberLine(31, { typeAbbr: 'KH', issuerAbbr: 'LĐLĐ' })).toBe('Số: 31/KH-LĐLĐ');
    expect(formatNumberLine(148, { typeAbbr: 'TTr', issuerAbbr: 'LĐLĐ' })).toBe('Số: 148/TTr-LĐLĐ');
    expect(formatDocNumber(10, { typeAbbr: 'BC', issuerAbbr: 'CĐCS' })).toBe('10/BC-CĐCS');
  });

  it('công văn: issuer then drafting unit', () => {
    expect(formatDocSymbol({ issuerAbbr: 'BNV', unitAbbr: 'VP' })).toBe('BNV-VP');
    expect(formatNumberLine(5, { issuerAbbr: 'BNV', unitAbbr: 'VP' })).toBe('Số: 05/BNV-VP');
  });

  it('drafts leave the number blank', () => {
    expect(formatNumberLine(null, { typeAbbr: 'KH', issuerAbbr: 'LĐLĐ' })).toMatch(/^Số: {2,}\/KH-LĐLĐ$/);
  });

  it('rejects bad numbers and abbreviations', () => {
    expect(() => formatDocNumber(0, { typeAbbr: 'KH', issuerAbbr: 'LĐLĐ' })).toThrow();
    expect(() => formatDocSymbol({ typeAbbr: 'K H', issuerAbbr: 'LĐLĐ' })).toThrow();
    expect(() => formatDocSymbol({ typeAbbr: 'KH', issuerAbbr: 'LĐ-LĐ' })).toThrow();
  });

  it('parses and cites', () => {
    expect(parseDocNumber('Số: 05/QĐ-LĐLĐ')).toEqual({ number: 5, symbol: 'QĐ-LĐLĐ' });
    expect(parseDocNumber('Số: 31 /KH - LĐLĐ')).toBeNull();
    expect(formatDocCitation(12, { typeAbbr: 'QĐ', issuerAbbr: 'LĐLĐ' }, '2024-03-05')).toBe(
      'số 12/QĐ-LĐLĐ ngày 05/3/2024',
    );
    expect(formatDocCitation(12, { typeAbbr: 'QĐ', issuerAbbr: 'LĐLĐ' }, '2024-01-05', 'long')).toBe(
      'số 12/QĐ-LĐLĐ ngày 05 tháng 01 năm 2024',
    );
  });
});

describe('formatDocIdentity', () => {
  it('writes a document as a clerk reads it: number with a leading zero, ký hiệu, short date', () => {
    expect(formatDocIdentity(2, 'QĐ-LĐLĐ', '2026-11-30')).toBe('02/QĐ-LĐLĐ ngày 30/11/2026');
    expect(formatDocIdentity(31, 'KH-LĐLĐ', '2024-03-05')).toBe('31/KH-LĐLĐ ngày 05/3/2024');
    expect(formatDocIdentity(1, 'TTr-CĐCS', null)).toBe('01/TTr-CĐCS');
    expect(formatDocIdentity(null, 'QĐ-LĐLĐ', null)).toBe('Dự thảo QĐ-LĐLĐ');
  });

  it('reads a view’s stored number: the same identity, a draft as null, a number typed by hand as it is', () => {
    expect(identityOfNumberText('02/QĐ-LĐLĐ', '2026-11-30')).toBe('02/QĐ-LĐLĐ ngày 30/11/2026');
    expect(identityOfNumberText('12/TTr-LĐLĐ', null)).toBe('12/TTr-LĐLĐ');
    expect(identityOfNumberText(null, '2026-11-30')).toBeNull();
    expect(identityOfNumberText('15 QĐ/CĐ', '2019-12-20')).toBe('15 QĐ/CĐ ngày 20/12/2019');
  });
});
