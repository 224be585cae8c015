import { describe, expect, it } from 'vitest';
import { packageFileName } from '../../../src/main/core/exchange/package-file-name';

describe('packageFileName', () => {
  it('names kind, number to the receiver, year and receiver, in characters every file system accepts', () => {
    expect(packageFileName('decisions', 3, 2026, 'Liên đoàn Lao động huyện Ba Bể')).toBe('quyet-dinh-khen-thuong-so-03-2026-gui-Lien-doan-Lao-dong-huyen-Ba-Be.tdkt');
    expect(packageFileName('plan', 12, 2026, 'Công đoàn Trường THPT "Chuyên" / Bắc Kạn')).toBe('ke-hoach-so-12-2026-gui-Cong-doan-Truong-THPT-Chuyen-Bac-Kan.tdkt');
    // Two receivers, same kind and number: two names.
    expect(packageFileName('catalogue', 1, 2026, 'A')).not.toBe(packageFileName('catalogue', 1, 2026, 'B'));
  });
});
