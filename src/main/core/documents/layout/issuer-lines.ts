/**
 * The issuing body's name (ô 2, bold UPPER) split into the lines of the header's left cell. A line breaks
 * only between word groups — before the word that names a unit's type or place ("LIÊN ĐOÀN LAO ĐỘNG /
 * TỈNH BẮC KẠN", "CÔNG ĐOÀN CƠ SỞ / CÔNG TY ĐIỆN LỰC …") — never inside a group, so a place name such as
 * "LÂM ĐỒNG" or "CÔNG TY" is never cut. A clerk's manual break (a line break in the given lines) wins.
 * The chủ quản line above it (regular weight) is cut the same way.
 */
import { upperVi } from '../../../../shared/vi-text/caps';
import { CELL_PADDING, headerGeometry } from './header';
import { textWidthMm } from './measure';
import { resolveLayoutOptions } from './options';
import { textWidthTwips, twipsToMm } from './page';

/** Words that open a new group; longest first so "TỔNG CÔNG TY" is one start, not "CÔNG TY" inside it. */
const GROUP_STARTS = [
  'TỔNG LIÊN ĐOÀN', 'LIÊN ĐOÀN', 'CÔNG ĐOÀN', 'TỔNG CÔNG TY', 'CÔNG TY', 'CÁC KHU', 'KHU', 'THÀNH PHỐ', 'THỊ XÃ', 'ĐẶC KHU',
  'TỈNH', 'HUYỆN', 'QUẬN', 'XÃ', 'PHƯỜNG', 'NGÀNH', 'TRƯỜNG', 'BỆNH VIỆN', 'TRUNG TÂM', 'BAN', 'VĂN PHÒNG', 'NGÂN HÀNG',
]
  .map((s) => s.split(' '))
  .sort((a, b) => b.length - a.length);

/** Phrases that contain a start word but never open a group ("BẢO HIỂM XÃ HỘI", "MÔI TRƯỜNG"). */
const NOT_STARTS = ['XÃ HỘI', 'MÔI TRƯỜNG', 'THỊ TRƯỜNG', 'QUẢNG TRƯỜNG', 'CÁC BAN'].map((s) => s.split(' '));

const at = (words: string[], i: number, phrase: string[]) => phrase.every((w, k) => words[i + k] === w);

/** Word groups of an UPPER name: [["LIÊN","ĐOÀN","LAO","ĐỘNG"],["TỈNH","BẮC","KẠN"]]. */
export function wordGroups(upper: string): string[][] {
  const words = upper.split(/\s+/).filter(Boolean);
  const groups: string[][] = [];
  for (let i = 0; i < words.length; ) {
    const not = NOT_STARTS.find((p) => at(words, i, p));
    const start = not ? undefined : GROUP_STARTS.find((p) => at(words, i, p));
    const len = (not ?? start)?.length ?? 1;
    if (start || groups.length === 0) groups.push(words.slice(i, i + len));
    else groups[groups.length - 1].push(...words.slice(i, i + len));
    i += len;
  }
  return groups;
}

/** Widest line in mm, or Infinity when a line does not fit. */
function worst(lines: string[], fits: (s: string) => boolean, width: (s: string) => number): number {
  return lines.every(fits) ? Math.max(...lines.map(width)) : Infinity;
}

/** Every way to cut `items` into `k` consecutive runs. */
function* cuts(n: number, k: number, from = 0): Generator<number[]> {
  if (k === 1) {
    yield [n];
    return;
  }
  for (let end = from + 1; end <= n - (k - 1); end++) for (const rest of cuts(n, k - 1, end)) yield [end, ...rest];
}

function joinRuns(groups: string[][], ends: number[]): string[] {
  let start = 0;
  return ends.map((end) => {
    const line = groups.slice(start, end).flat().join(' ');
    start = end;
    return line;
  });
}

/**
 * Fewest lines that fit the cell, cut at group boundaries, the most even among them. Only a single group
 * wider than the cell is cut between words (greedy), since no boundary can help it.
 */
export function issuerNameLines(name: string, opts: { sizePt?: number; bold?: boolean } = {}): string[] {
  const o = resolveLayoutOptions();
  const size = opts.sizePt ?? o.sizes.issuer;
  const bold = opts.bold ?? true;
  const g = headerGeometry({ o, width: textWidthTwips(o) }, { header: { parent: [], issuer: [] } });
  const max = twipsToMm(g.left - 2 * CELL_PADDING);
  const width = (s: string) => textWidthMm(s, size, bold);
  const fits = (s: string) => width(s) <= max;
  const manual = name.split(/\r?\n/).map((l) => upperVi(l.replace(/\s+/g, ' ').trim())).filter(Boolean);
  if (manual.length > 1) return manual;
  const upper = manual[0] ?? '';
  if (fits(upper)) return upper ? [upper] : [];
  const groups = wordGroups(upper);
  for (let k = 2; k <= Math.min(groups.length, 4); k++) {
    let best: string[] | null = null;
    for (const ends of cuts(groups.length, k)) {
      const lines = joinRuns(groups, ends);
      if (worst(lines, fits, width) < (best ? worst(best, fits, width) : Infinity)) best = lines;
    }
    if (best) return best;
  }
  // A group wider than the cell: groups still start lines (or join the line before when they fit), and
  // inside a long group the last two words (a place name: "THÁI NGUYÊN") stay together.
  const lines: string[] = [];
  let line = '';
  for (const group of groups) {
    const whole = group.join(' ');
    if (line && fits(`${line} ${whole}`)) {
      line = `${line} ${whole}`;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    const tokens = group.length > 2 ? [...group.slice(0, -2), group.slice(-2).join(' ')] : [whole];
    for (const t of tokens) {
      if (line && !fits(`${line} ${t}`)) {
        lines.push(line);
        line = t;
      } else line = line ? `${line} ${t}` : t;
    }
  }
  if (line) lines.push(line);
  return lines;
}
