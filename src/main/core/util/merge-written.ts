/**
 * A kept list in `compare` order with the rows written since replaced: the kept rows `isWritten` marks are
 * dropped and the rows read again (the written ones still in the list) put in at their places. `compare`
 * must be the list's total order (its ORDER BY, ties broken by a unique column), so the result is exactly
 * the list a fresh read gives. Places are found by binary search: a few rows written cost a copy of the
 * list, not a comparison per kept row.
 */
export function mergeWritten<T>(kept: readonly T[], isWritten: (row: T) => boolean, fresh: T[], compare: (a: T, b: T) => number): T[] {
  fresh.sort(compare);
  const places = fresh.map((row) => firstNotBefore(kept, row, compare));
  const out: T[] = [];
  let j = 0;
  for (let i = 0; i < kept.length; i++) {
    while (j < fresh.length && places[j] === i) out.push(fresh[j++]);
    if (!isWritten(kept[i])) out.push(kept[i]);
  }
  while (j < fresh.length) out.push(fresh[j++]);
  return out;
}

/** The index of the first kept row not before `row` (kept.length when every one is). */
function firstNotBefore<T>(kept: readonly T[], row: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(kept[mid], row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
