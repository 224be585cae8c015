/** How the clerk sees a place in a plan ("Phần I, mục 1"): messages name it exactly as the editor shows it. */

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}

/** 0 → "Phần I". */
export function sectionWhere(si: number): string {
  return `Phần ${roman(si + 1)}`;
}

/** 0, 0 → "Phần I, mục 1". */
export function itemWhere(si: number, ii: number): string {
  return `${sectionWhere(si)}, mục ${ii + 1}`;
}
