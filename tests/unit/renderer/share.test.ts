import { describe, expect, it } from 'vitest';
import { share } from '../../../src/renderer/src/lib/share';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, name: `Người ${i}`, formId: 'f1' }));

describe('share: an edit keeps the unchanged parts of the draft as the same objects', () => {
  it('removing the first of 2,000 keyed rows keeps the other 1,999 identical (matched by key, not position)', () => {
    const prev = { header: { year: 2026 }, rows: rows(2000) };
    const next = structuredClone(prev);
    next.rows.splice(0, 1);
    const out = share(prev, next);
    expect(out).not.toBe(prev);
    expect(out.header).toBe(prev.header);
    expect(out.rows).toHaveLength(1999);
    expect(out.rows.every((r, i) => r === prev.rows[i + 1])).toBe(true);
  });

  it('a changed row is a new object with its new value; the rows around it stay', () => {
    const prev = { rows: rows(5) };
    const next = structuredClone(prev);
    next.rows[2].formId = 'f2';
    const out = share(prev, next);
    expect(out.rows[2]).not.toBe(prev.rows[2]);
    expect(out.rows[2].formId).toBe('f2');
    expect([0, 1, 3, 4].every((i) => out.rows[i] === prev.rows[i])).toBe(true);
  });

  it('moving a keyed row keeps both rows as they were, in the new order', () => {
    const prev = { rows: rows(3) };
    const next = structuredClone(prev);
    next.rows.reverse();
    const out = share(prev, next);
    expect(out.rows.map((r) => r.key)).toEqual(['k2', 'k1', 'k0']);
    expect(out.rows[0]).toBe(prev.rows[2]);
    expect(out.rows[2]).toBe(prev.rows[0]);
  });

  it('an unchanged draft is returned as the previous object; lists without keys are matched by position', () => {
    const prev = { intro: ['a', 'b'], rows: rows(2) };
    expect(share(prev, structuredClone(prev))).toBe(prev);
    const next = structuredClone(prev);
    next.intro[1] = 'c';
    const out = share(prev, next);
    expect(out.intro).toEqual(['a', 'c']);
    expect(out.rows).toBe(prev.rows);
  });

  it('a new keyed row added in the middle is taken as it is', () => {
    const prev = { rows: rows(2) };
    const next = structuredClone(prev);
    next.rows.splice(1, 0, { key: 'new', name: 'Mới', formId: 'f1' });
    const out = share(prev, next);
    expect(out.rows[0]).toBe(prev.rows[0]);
    expect(out.rows[1]).toEqual({ key: 'new', name: 'Mới', formId: 'f1' });
    expect(out.rows[2]).toBe(prev.rows[1]);
  });
});
