import { describe, expect, it } from 'vitest';
import { anniversaryDate, anniversaryOf, roundAnniversaries } from '../../../src/shared/plans/anniversaries';
import { phaseBulletText, phaseLabel, phasesContent } from '../../../src/shared/plans/phases';
import { gapsOf } from '../../../src/main/core/services/register';
import { issuerNameLines } from '../../../src/main/core/documents/layout/issuer-lines';
import { toPlanContent } from '../../../src/main/core/services/plan-document';

describe('anniversaries', () => {
  it('writes the seed form with official short dates', () => {
    expect(anniversaryOf({ id: 'a', name: 'Ngày thành lập Đảng Cộng sản Việt Nam', originDate: '1930-02-03' }, 2020)!.fullText).toBe(
      'Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)',
    );
    expect(anniversaryOf({ id: 'a', name: 'X', originDate: '2020-01-01' }, 2020)).toBeNull();
  });

  it('proposes multiples of 5 in calendar order and flags multiples of 10', () => {
    const list = roundAnniversaries(
      [
        { id: 'q', name: 'Quốc khánh', originDate: '1945-09-02' },
        { id: 'p', name: 'Đảng', originDate: '1930-02-03' },
        { id: 'c', name: 'Công đoàn', originDate: '1929-07-28' },
      ],
      2025,
    );
    expect(list.map((a) => [a.occasionId, a.years, a.round])).toEqual([
      ['p', 95, false],
      ['q', 80, true],
    ]);
  });

  it('puts 29 February on 28 February in a common year', () => {
    expect(anniversaryDate('1960-02-29', 2025)).toBe('2025-02-28');
    expect(anniversaryDate('1960-02-29', 2024)).toBe('2024-02-29');
  });
});

describe('phases', () => {
  const base = { name: 'Đợt 1', startDate: '2019-11-01', startMonthOnly: true, endDate: '2020-03-31', endMonthOnly: false, description: 'Thi đua.' };
  it('writes the seed label, month-only starts included', () => {
    expect(phaseLabel(base)).toBe('Đợt 1, từ tháng 11/2019 đến 31/3/2020');
    expect(phaseLabel({ ...base, startDate: '2020-01-01', endDate: null })).toBe('Đợt 1, từ tháng 01/2020');
    expect(phaseLabel({ ...base, startDate: null })).toBe('Đợt 1, đến 31/3/2020');
    expect(phaseBulletText(base)).toBe('*Đợt 1, từ tháng 11/2019 đến 31/3/2020*: Thi đua.');
    expect(phasesContent([base, base])[0].text).toBe('Các phong trào thi đua được chia thành 02 đợt:');
  });
});

describe('plan document helpers', () => {
  it('lists the register gaps below the highest number', () => {
    expect(gapsOf([])).toEqual([]);
    expect(gapsOf([2, 5])).toEqual([1, 3, 4]);
  });

  it('wraps a long issuer name before the administrative unit', () => {
    expect(issuerNameLines('Liên đoàn Lao động tỉnh Bắc Kạn')).toEqual(['LIÊN ĐOÀN LAO ĐỘNG', 'TỈNH BẮC KẠN']);
    expect(issuerNameLines('Công đoàn Viên chức')).toEqual(['CÔNG ĐOÀN VIÊN CHỨC']);
  });

  it('turns flat editor blocks into bullets with their "+" children, skipping empty ones', () => {
    expect(
      toPlanContent([
        { marker: '', text: 'Mở đầu:' },
        { marker: '-', text: 'Một' },
        { marker: '+', text: 'Một a' },
        { marker: '-', text: '' },
        { marker: '-', text: 'Hai' },
      ]),
    ).toEqual(['Mở đầu:', { bullet: 'Một', children: ['Một a'] }, { bullet: 'Hai', children: [] }]);
  });
});
