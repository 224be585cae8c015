/** Up to this many rows written, the kept list is changed in place (a splice each); past it, copied once. */
const SPLICE_UP_TO = 32;

/**
 * A kept list in `compare` order with the rows written since replaced: the kept rows `isWritten` marks are
 * dropped and the rows read again (the written ones still in the list) put in at their places. `compare`
 * must be the list's total order (its ORDER BY, ties broken by a unique column), so the result is exactly
 * the list a fresh read gives. `keptWritten`, when the caller knows them, are the kept rows that were
 * written (as kept): they are found by binary search instead of a scan. A few rows change the kept array
 * itself (splices): no copy of 100,000 rows per person saved. The caller owns `kept` (untilNextWrite runs
 * one patch of a list at a time).
 */
export function mergeWritten<T>(kept: T[], isWritten: (row: T) => boolean, fresh: T[], compare: (a: T, b: T) => number, keptWritten?: readonly T[]): T[] {
  fresh.sort(compare);
  const dropped = (keptWritten && placesOf(kept, keptWritten, compare)) ?? scan(kept, isWritten);
  if (dropped.length + fresh.length <= SPLICE_UP_TO) {
    for (let d = dropped.length - 1; d >= 0; d--) kept.splice(dropped[d], 1);
    for (const row of fresh) kept.splice(firstNotBefore(kept, row, compare), 0, row);
    return kept;
  }
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

function scan<T>(kept: readonly T[], isWritten: (row: T) => boolean): number[] {
  const dropped: number[] = [];
  for (let i = 0; i < kept.length; i++) if (isWritten(kept[i])) dropped.push(i);
  return dropped;
}

/** Where these kept rows are, in ascending order, found by binary search; null when one is not there as given. */
function placesOf<T>(kept: readonly T[], rows: readonly T[], compare: (a: T, b: T) => number): number[] | null {
  const places: number[] = [];
  for (const row of rows) {
    const i = firstNotBefore(kept, row, compare);
    if (i === kept.length || compare(kept[i], row) !== 0) return null;
    places.push(i);
  }
  return places.sort((a, b) => a - b);
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
