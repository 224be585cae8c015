import { describe, expect, it } from 'vitest';
import { organizationNameCase, sentenceCase, titleCaseVi, upperVi } from '../../../src/shared/vi-text';

describe('capitalisation', () => {
  it('upper case for headers', () => {
    expect(upperVi('Liên đoàn Lao động tỉnh Bắc Kạn')).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN');
    expect(upperVi('Tổng LĐLĐ Việt Nam')).toBe('TỔNG LĐLĐ VIỆT NAM');
  });

  it('sentence and title case', () => {
    expect(sentenceCase('PHÁT ĐỘNG PHONG TRÀO THI ĐUA')).toBe('Phát động phong trào thi đua');
    expect(titleCaseVi('bắc kạn')).toBe('Bắc Kạn');
    expect(titleCaseVi('ĐIỆN BIÊN PHỦ')).toBe('Điện Biên Phủ');
  });

  it.each([
    ['LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN', 'Liên đoàn Lao động tỉnh Bắc Kạn'],
    ['TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM', 'Tổng Liên đoàn Lao động Việt Nam'],
    ['BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI NGUYÊN', 'Ban Thường vụ Liên đoàn Lao động tỉnh Thái Nguyên'],
    ['LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HỒ CHÍ MINH', 'Liên đoàn Lao động Thành phố Hồ Chí Minh'],
    ['LIÊN ĐOÀN LAO ĐỘNG QUẬN 1', 'Liên đoàn Lao động Quận 1'],
    ['ỦY BAN NHÂN DÂN TỈNH BẮC KẠN', 'Ủy ban nhân dân tỉnh Bắc Kạn'],
    ['CÔNG ĐOÀN XÃ CHỢ MỚI', 'Công đoàn xã Chợ Mới'],
  ])('organisation case: %s', (upper, expected) => {
    expect(organizationNameCase(upper)).toBe(expected);
  });

  it('accepts extra phrases and proper names', () => {
    expect(organizationNameCase('CÔNG ĐOÀN NGÂN HÀNG VIỆT NAM', { properNames: ['Ngân hàng'] })).toBe(
      'Công đoàn Ngân hàng Việt Nam',
    );
  });
});
