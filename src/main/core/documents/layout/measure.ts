/**
 * Text widths in Times New Roman, for sizing the header columns and the rules.
 * Advance widths (1/1000 em) of the Adobe Times metrics, which Times New Roman and
 * Liberation Serif share; Vietnamese letters take the width of their base letter.
 * Checked against docs/rules.md §1.6: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" bold 12 pt = 88.3 mm.
 */
import { twipsToMm } from './page';

const REGULAR: Record<string, number> = {};
const BOLD: Record<string, number> = {};

function fill(table: Record<string, number>, chars: string, widths: number[]) {
  [...chars].forEach((c, i) => (table[c] = widths[i]));
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
fill(REGULAR, UPPER, [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611]);
fill(REGULAR, LOWER, [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444]);
fill(BOLD, UPPER, [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667]);
fill(BOLD, LOWER, [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444]);
for (const t of [REGULAR, BOLD]) {
  fill(t, '0123456789', Array(10).fill(500));
  fill(t, ' .,;-/()', [250, 250, 250, t === BOLD ? 333 : 278, 333, 278, 333, 333]);
  t[':'] = t === BOLD ? 333 : 278;
}
REGULAR['Đ'] = REGULAR['D'];
BOLD['Đ'] = BOLD['D'];
REGULAR['đ'] = REGULAR['d'];
BOLD['đ'] = BOLD['d'];

/** Width of one line of text in millimetres. */
export function textWidthMm(text: string, sizePt: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) units += table[ch] ?? 556;
  return twipsToMm((units / 1000) * sizePt * 20);
}
