/**
 * Structural sharing after an edit: every part of `next` that equals the same part of `prev` is
 * replaced by the old object, so memoised editor parts that did not change do not re-render.
 * Rows of a list that carry a `key` (awardees, sections, items) are matched by key, not by position:
 * removing the first of 2,000 rows leaves the other 1,999 the same objects.
 */
export function share<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const byKey = prev.length > 0 && prev.every(hasKey) ? new Map(prev.map((x: Keyed) => [x.key, x])) : null;
    const out = next.map((x, i) => {
      const before = byKey ? (hasKey(x) ? byKey.get(x.key) : undefined) : i < prev.length ? prev[i] : undefined;
      return before === undefined ? x : share(before, x);
    });
    return (out.length === prev.length && out.every((x, i) => x === prev[i]) ? prev : out) as T;
  }
  if (prev && next && typeof prev === 'object' && typeof next === 'object' && !Array.isArray(prev) && !Array.isArray(next)) {
    const p = prev as Record<string, unknown>;
    const n = next as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    let same = Object.keys(p).length === Object.keys(n).length;
    for (const k of Object.keys(n)) {
      out[k] = k in p ? share(p[k], n[k]) : n[k];
      if (out[k] !== p[k]) same = false;
    }
    return (same ? prev : out) as T;
  }
  return next;
}

type Keyed = { key: string };
const hasKey = (x: unknown): x is Keyed => !!x && typeof x === 'object' && typeof (x as { key?: unknown }).key === 'string';
