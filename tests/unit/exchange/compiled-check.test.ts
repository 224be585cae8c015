import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { compileCheck } from '../../../src/main/core/exchange/compiled-check';
import { KINDS } from '../../../src/main/core/exchange/kinds';
import { TABLE_SPECS } from '../../../src/main/core/exchange/tables';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Values of every JSON kind near each column's limits: the generator keeps, per column, those zod accepts
// and mixes in the others, so both verdicts are reached often.
const POOL: unknown[] = [
  null, 0, 1, -1, 2, 1.5, 1900, 2026, 2201, 1_000_000_000, 1_000_000_001, -1_000_000_001, 2 ** 53, -(2 ** 53), 1e300,
  true, false, [], {}, [1], { a: 1 }, '', ' ', 'x', 'Công đoàn', 'a'.repeat(40), 'a'.repeat(41), 'a'.repeat(100), 'a'.repeat(101),
  'a'.repeat(500), 'a'.repeat(501), 'a'.repeat(2000), 'a'.repeat(2001), '2026-11-30', '2026-1-30', '2026-11-30T10:00:00.000Z',
  '123456789', '1234567890', '0f0e2b8c-8a54-4f4e-9a43-2b7d1c0c9e11', '0F0E2B8C-8A54-4F4E-9A43-2B7D1C0C9E11', '0f0e2b8c-8a54-9f4e-9a43-2b7d1c0c9e11',
  '00000000-0000-0000-0000-000000000000', 'grassroots', 'district', 'province', 'draft', 'issued', '{}', '[]', '{"a":1}', '0', '1',
];

function schemas(): [string, z.ZodType][] {
  void KINDS; // every area's table specs are registered on import
  const out: [string, z.ZodType][] = [];
  for (const spec of Object.values(TABLE_SPECS)) {
    out.push([spec.table, spec.schema]);
    for (const ch of spec.children) out.push([`${spec.table}/${ch.table}`, ch.schema]);
  }
  return out;
}

describe('compiled checks of the exchange schemas', () => {
  test('the hot tables compile (a unit and its names, people)', () => {
    const compiled = new Set(schemas().filter(([, s]) => compileCheck(s)).map(([n]) => n));
    expect(compiled).toContain('organizations');
    expect(compiled).toContain('organizations/organization_names');
  });

  test('agree with zod on generated rows of every table: never looser, and as often passing', () => {
    const next = random(20);
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
    let checked = 0;
    let accepted = 0;
    for (const [name, schema] of schemas()) {
      const fast = compileCheck(schema);
      if (!fast) continue;
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
      const good = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, POOL.filter((v) => s.safeParse(v).success)]));
      for (let i = 0; i < 3000; i++) {
        const row: Record<string, unknown> = {};
        for (const k of Object.keys(shape)) {
          const r = next();
          if (r < 0.02) continue; // a missing column
          row[k] = r < 0.9 && good[k].length ? pick(good[k]) : pick(POOL);
        }
        if (next() < 0.02) row.extra = 'x';
        const input = next() < 0.01 ? pick(POOL) : row;
        const verdict = schema.safeParse(input).success;
        expect(fast(input), `${name}: ${JSON.stringify(input)}`).toBe(verdict);
        checked++;
        if (verdict) accepted++;
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(accepted).toBeGreaterThan(checked / 10);
  });

  test('what it does not understand stays with zod', () => {
    expect(compileCheck(z.strictObject({ a: z.string().refine((s) => s.length > 1) }))).toBeNull();
    expect(compileCheck(z.object({ a: z.string() }))).toBeNull();
    expect(compileCheck(z.strictObject({ a: z.string().trim() }))).toBeNull();
    expect(compileCheck(z.strictObject({ a: z.string().email() }))).toBeNull();
    expect(compileCheck(z.strictObject({ a: z.coerce.number() }))).toBeNull();
    expect(compileCheck(z.strictObject({ a: z.string().optional() }))).toBeNull();
  });
});
