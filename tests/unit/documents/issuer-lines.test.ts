import { describe, expect, it } from 'vitest';
import { issuerNameLines, wordGroups } from '../../../src/main/core/documents/layout/issuer-lines';

describe('issuer header lines', () => {
  it('finds the word groups of a union body name', () => {
    expect(wordGroups('CÔNG ĐOÀN CƠ SỞ CÔNG TY ĐIỆN LỰC BẮC KẠN')).toEqual([['CÔNG', 'ĐOÀN', 'CƠ', 'SỞ'], ['CÔNG', 'TY', 'ĐIỆN', 'LỰC', 'BẮC', 'KẠN']]);
    expect(wordGroups('CÔNG ĐOÀN NGÀNH BẢO HIỂM XÃ HỘI TỈNH LÂM ĐỒNG').map((g) => g.join(' '))).toEqual(['CÔNG ĐOÀN', 'NGÀNH BẢO HIỂM XÃ HỘI', 'TỈNH LÂM ĐỒNG']);
    expect(wordGroups('CÔNG ĐOÀN TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC').map((g) => g.join(' '))).toEqual(['CÔNG ĐOÀN', 'TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC']);
  });

  it('breaks only between word groups, never inside a place or company name', () => {
    expect(issuerNameLines('Liên đoàn Lao động tỉnh Bắc Kạn')).toEqual(['LIÊN ĐOÀN LAO ĐỘNG', 'TỈNH BẮC KẠN']);
    expect(issuerNameLines('Công đoàn Viên chức')).toEqual(['CÔNG ĐOÀN VIÊN CHỨC']);
    expect(issuerNameLines('Công đoàn cơ sở Công ty Điện lực Bắc Kạn')).toEqual(['CÔNG ĐOÀN CƠ SỞ', 'CÔNG TY ĐIỆN LỰC BẮC KẠN']);
    expect(issuerNameLines('Công đoàn ngành Y tế Lâm Đồng')).toEqual(['CÔNG ĐOÀN', 'NGÀNH Y TẾ LÂM ĐỒNG']);
    for (const name of ['Công đoàn cơ sở Trường Trung học phổ thông chuyên Thái Nguyên', 'Công đoàn các Khu công nghiệp tỉnh Thái Nguyên', 'Công đoàn ngành Tài nguyên và Môi trường tỉnh Lâm Đồng']) {
      const lines = issuerNameLines(name);
      expect(lines.join(' ')).toBe(name.toLocaleUpperCase('vi'));
      for (const l of lines.slice(0, -1)) {
        expect(l).not.toMatch(/(^| )(CÔNG|LÂM|THÁI|MÔI|CƠ)$/u);
        expect(l).not.toMatch(/(?<!MÔI) TRƯỜNG$/u);
      }
    }
  });

  it('keeps a manual break the clerk typed', () => {
    expect(issuerNameLines('Liên đoàn Lao động\ntỉnh Bắc Kạn mới')).toEqual(['LIÊN ĐOÀN LAO ĐỘNG', 'TỈNH BẮC KẠN MỚI']);
  });
});
