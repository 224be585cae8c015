import { describe, expect, it } from 'vitest';
import { cleanText, comparePersonNames, fold, personSortKey, viSortKey, compareVi } from '../../../src/shared/vi-text';

describe('fold', () => {
  it('removes tones and letter marks and maps đ to d', () => {
    expect(fold('Đặng Thị Thủy')).toBe('dang thi thuy');
    expect(fold('Thuỷ')).toBe(fold('Thủy'));
    expect(fold('ĐỖ ĐỨC ƯỚC')).toBe('do duc uoc');
    expect(fold('Nguyễn'.normalize('NFD'))).toBe('nguyen');
  });
  it('cleanText gives NFC with single spaces', () => {
    const nfd = '  Lê   Thị\tHoà '.normalize('NFD');
    const out = cleanText(nfd);
    expect(out).toBe('Lê Thị Hoà'.normalize('NFC'));
    expect(out.normalize('NFC')).toBe(out);
  });
});

describe('Vietnamese ordering', () => {
  it('sorts people by tên, then họ đệm (docs/rules.md §5.2 example)', () => {
    const names = ['Lê Thị Bình', 'Đỗ Đức Anh', 'Trần An', 'Nguyễn Văn An'];
    expect([...names].sort(comparePersonNames)).toEqual(['Nguyễn Văn An', 'Trần An', 'Đỗ Đức Anh', 'Lê Thị Bình']);
  });

  it('collator puts đ after d and tones in ngang-huyền-hỏi-ngã-sắc-nặng order', () => {
    const words = ['Đạt', 'da', 'dương', 'Dũng', 'bạ', 'bá', 'bã', 'bả', 'bà', 'ba'];
    expect([...words].sort(compareVi)).toEqual(['ba', 'bà', 'bả', 'bã', 'bá', 'bạ', 'da', 'Dũng', 'dương', 'Đạt']);
  });

  it('binary order of viSortKey agrees with Intl.Collator("vi") on a large random corpus', () => {
    const syllables = ['an', 'ân', 'ăn', 'anh', 'Ánh', 'bình', 'Bính', 'cường', 'Dũng', 'đạt', 'Đặng', 'hà', 'Hạ', 'hả', 'hã', 'hoà', 'hòa', 'Thủy', 'thuỷ', 'Ư', 'út', 'ơn', 'ôn', 'on', 'Yến', 'ý', 'Trần', 'trân', 'Lê', 'lệ', 'Nguyễn', 'nguyên', 'Văn', 'văn', 'Thị', 'thi', 'Zô', 'Kha', 'khá', 'Quý', 'quỳ'];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const corpus: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(rnd() * 3);
      corpus.push(Array.from({ length: n }, () => syllables[Math.floor(rnd() * syllables.length)]).join(' '));
    }
    const byCollator = [...corpus].sort(compareVi);
    const byKey = [...corpus].sort((a, b) => (viSortKey(a) < viSortKey(b) ? -1 : viSortKey(a) > viSortKey(b) ? 1 : 0));
    // Equal-comparing strings may come in any order; compare the sequences of keys' collation classes.
    for (let i = 0; i < corpus.length; i++) expect(compareVi(byCollator[i], byKey[i])).toBe(0);
  });

  it('personSortKey orders like comparePersonNames', () => {
    const people = ['Nguyễn Văn An', 'Trần An', 'Đỗ Đức Anh', 'Lê Thị Bình', 'Đặng Thị Ánh', 'Vi Văn Nghĩa', 'Hoàng Thị Hà', 'Hoàng Hà', 'Nông Văn Ân', 'Bế Thị Ăn'];
    const byKey = [...people].sort((a, b) => (personSortKey(a) < personSortKey(b) ? -1 : 1));
    expect(byKey).toEqual([...people].sort(comparePersonNames));
  });
});
