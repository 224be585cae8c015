/**
 * Structural sharing after an edit: every part of `next` that equals the same part of `prev` is
 * replaced by the old object, so memoised editor parts that did not change do not re-render.
 */
export function share<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const out = next.map((x, i) => (i < prev.length ? share(prev[i], x) : x));
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
