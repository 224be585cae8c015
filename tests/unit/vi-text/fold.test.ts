import { describe, expect, test } from 'vitest';
import { fold, foldSlow } from '../../../src/shared/vi-text';

/** A small deterministic generator: the same strings every run, many shapes. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Pieces that meet in real names and in attacks: Vietnamese letters in both forms, marks alone, spaces of
// every kind, đ/Đ, Greek (context-dependent lower case), Turkish İ, ß, emoji (surrogates), CJK.
const PIECES = [
  'Nguyễn', 'ĐẶNG', 'đ', 'Đ', 'Thị', 'Ánh', 'Trường Tiểu học', 'CĐCS', 'a\u0301', 'e\u0323\u0302', '\u0301', '\u0300\u0323',
  ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', 'ΟΔΟΣ', 'Σ', 'İ', 'ß', 'ẞ', 'ǅ', '😀', '漢', 'Ω', 'ﬁ', '½', 'ŉ',
  '-', '.', '0', 'Z', 'ư', 'Ư', 'ơ', 'Ơ', 'ỹ', 'Ỵ', '\u0000', 'ʼ',
];

describe('fold (table-driven) gives the same key as its definition', () => {
  test('every character of the table, alone and between letters', () => {
    for (const [from, to] of [
      [0, 0x370],
      [0x1e00, 0x1f00],
    ]) {
      for (let c = from; c < to; c++) {
        const ch = String.fromCharCode(c);
        for (const s of [ch, `a${ch}b`, ` ${ch} `, `Đ${ch}${ch}`]) expect(fold(s), `U+${c.toString(16)} in ${JSON.stringify(s)}`).toBe(foldSlow(s));
      }
    }
  });

  test('20,000 strings assembled from names, marks, spaces and foreign characters', () => {
    const next = random(16);
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      const n = 1 + Math.floor(next() * 8);
      for (let k = 0; k < n; k++) s += PIECES[Math.floor(next() * PIECES.length)];
      expect(fold(s), JSON.stringify(s)).toBe(foldSlow(s));
    }
  });

  test('examples', () => {
    expect(fold('  Công đoàn   cơ sở Trường THCS Đông Viên ')).toBe('cong doan co so truong thcs dong vien');
    expect(fold('Nguye\u0302\u0303n')).toBe('nguyen');
    expect(fold('ΟΔΟΣ Đà')).toBe(foldSlow('ΟΔΟΣ Đà'));
  });
});
