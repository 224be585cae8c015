import { describe, expect, test } from 'vitest';
import { isCanonicalLine } from '../../../src/main/core/exchange/canonical-line';
import { normalizeRecord } from '../../../src/main/core/exchange/records';
import { movementsSpec, occasionsSpec, organizationsSpec, type TableSpec } from '../../../src/main/core/exchange/tables';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ID = '0f0e2b8c-8a54-4f4e-9a43-2b7d1c0c9e11';
const OWNER = '3f2e1d0c-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const times = { created_at: '2026-11-30T10:00:00.000Z', updated_at: '2026-11-30T10:00:00.000Z' };
const org = (name: string, sort: number) => ({
  row: { id: ID, owner_id: OWNER, revision: 3, deleted_at: null, code: 'DV1', parent_id: null, level: 'grassroots', sort_order: sort, ended_on: null, successor_id: null, ...times },
  children: { organization_names: [{ organization_id: ID, valid_from: '1900-01-01', name, short_name: 'CĐ', abbreviation: 'CĐCS', place_name: 'Bắc Kạn', parent_line: 'LĐLĐ TỈNH BẮC KẠN' }] },
});
const occasion = { row: { id: ID, owner_id: OWNER, revision: 1, deleted_at: null, name: 'Ngày Quốc tế Phụ nữ 8/3', origin_date: '1910-03-08', kind: 'le', builtin: 0, ...times }, children: {} };

/** The canonical text of a line's record, as the sender writes it. */
const canonical = (spec: TableSpec, line: string) => {
  const v = JSON.parse(line) as { row: Record<string, unknown>; children?: Record<string, Record<string, unknown>[]> };
  return JSON.stringify(normalizeRecord(spec, v.row, v.children ?? {}));
};
/** The property that makes hashing the line safe: "canonical" is never said of a line that is not. */
const verdict = (spec: TableSpec, line: string) => {
  const yes = isCanonicalLine(spec, line, JSON.parse(line));
  if (yes) expect(line, 'said canonical').toBe(canonical(spec, line));
  return yes;
};

describe('a received line is taken as its canonical text only when it is', () => {
  test('lines written as the sender writes them are recognised', () => {
    for (const [spec, rec] of [
      [organizationsSpec, org('Công đoàn cơ sở Trường Tiểu học số 1 huyện Chợ Đồn', 7)],
      [organizationsSpec, org('Dấu ngoặc, dấu hai chấm: và {ngoặc} [vuông] 1e3 .5 + 2', -12)],
      [occasionsSpec, occasion],
    ] as const) {
      const line = JSON.stringify(normalizeRecord(spec, rec.row, rec.children));
      expect(verdict(spec, line)).toBe(true);
    }
  });

  test('a canonical line with an escaped character, or two child rows to sort, takes the slow path (still correct)', () => {
    const quoted = org('Công đoàn "Cơ sở"', 1);
    expect(verdict(organizationsSpec, JSON.stringify(normalizeRecord(organizationsSpec, quoted.row, quoted.children)))).toBe(false);
    const two = org('Tên mới', 1);
    two.children.organization_names.push({ ...two.children.organization_names[0], valid_from: '2020-01-01' });
    expect(verdict(organizationsSpec, JSON.stringify(normalizeRecord(organizationsSpec, two.row, two.children)))).toBe(false);
  });

  test('every other way of writing the same record is sent to the slow path', () => {
    const c = JSON.stringify(normalizeRecord(organizationsSpec, org('Tên', 100).row, org('Tên', 100).children));
    const variants = [
      c.replace('"sort_order":100', '"sort_order":1e2,'.slice(0, -1)), // shorter number, same value
      c.replace('"sort_order":100', '"sort_order":1E2 '), // exponent, padded back to the same length
      c.replace('"sort_order":100', '"sort_order":100.0'),
      c.replace('"revision":3', '"revision":3 ').replace('"sort_order":100', '"sort_order":1e2'),
      c.replace('"code":"DV1"', '"code":"\\u0044V1"'),
      c.replace('"code":"DV1"', '"code":"D\\/1"').replace('"place_name"', '"place_name"'),
      c.replace('{"row":', '{ "row":'),
      c.replace('"deleted_at":null,', '').replace('"id":', '"deleted_at":null,"id":'), // key order
      c.replace('"code":"DV1"', '"code":"XX","code":"DV1"'), // a repeated key
      c.replace(',"children":{"organization_names":[', ',"children":{"organization_names":[').replace('"level":"grassroots"', '"level":"grassroots"\n'),
      c.replace('"sort_order":100', '"sort_order":-0').replace('"code":"DV1"', '"code":"DV"'),
      c.replace(/,"children":.*\}$/, '}'), // children missing
      c.replace('"abbreviation":"CĐCS"', '"abbreviation":"CĐCS","abbreviation":"CĐCS"'),
    ];
    for (const v of variants) {
      expect(() => JSON.parse(v), v).not.toThrow();
      expect(v).not.toBe(c);
      expect(verdict(organizationsSpec, v), v).toBe(false);
    }
  });

  test('every exponent spelling of a number, padded back to the canonical length, is refused', () => {
    for (const v of [5, 10, 100, 120, 1000, 1200, 12000, 12345, 1_000_000, 900_000_000, -100, -12000]) {
      const rec = org('Tên', v);
      const c = JSON.stringify(normalizeRecord(organizationsSpec, rec.row, rec.children));
      const digits = String(Math.abs(v));
      const spellings: string[] = [];
      for (let e = 0; e <= digits.length + 1; e++) {
        const mantissa = Math.abs(v) / 10 ** e;
        for (const m of [String(mantissa), mantissa.toFixed(1)]) for (const E of ['e', 'E']) for (const sign of ['', '+']) spellings.push(`${v < 0 ? '-' : ''}${m}${E}${sign}${e}`);
      }
      for (const sp of spellings) {
        const token = `"sort_order":${sp}`;
        let line = c.replace(`"sort_order":${v}`, token);
        if (line.length < c.length) line = line.replace(token, token + ' '.repeat(c.length - line.length));
        if (line === c || JSON.parse(line).row.sort_order !== v) continue;
        expect(verdict(organizationsSpec, line), line).toBe(false);
      }
    }
  });

  test('20,000 random edits of canonical lines: never "canonical" unless identical', () => {
    const next = random(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    const bases = [
      [organizationsSpec, JSON.stringify(normalizeRecord(organizationsSpec, org('Công đoàn Trường THPT Chuyên', 12345).row, org('Công đoàn Trường THPT Chuyên', 12345).children))],
      [occasionsSpec, JSON.stringify(normalizeRecord(occasionsSpec, occasion.row, occasion.children))],
      [
        movementsSpec,
        JSON.stringify({
          row: { id: ID, owner_id: OWNER, revision: 1, deleted_at: null, year: 2026, organization_id: OWNER, name: 'Phong trào', themes: '[]', sectors: '[]', ...times },
          children: { movement_phases: [], movement_occasions: [] },
        }),
      ],
    ] as const;
    const edits = [' ', '\n', '\t', '1e0', '1E1', '.0', '0', '-', '+', '\\u0041', '\\"', '"', ',', ':', 'null', 'true', '{}', '[]', '"a":1,', 'e', '00'];
    let accepted = 0;
    let parsed = 0;
    for (let i = 0; i < 20_000; i++) {
      const [spec, base] = pick(bases);
      let line: string = base;
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
        const at = Math.floor(next() * (line.length + 1));
        const r = next();
        if (r < 0.45) line = line.slice(0, at) + pick(edits) + line.slice(at);
        else if (r < 0.8) line = line.slice(0, at) + line.slice(at + 1 + Math.floor(next() * 3));
        else {
          // Swap two adjacent "key":value pairs of the row.
          const pairs = line.match(/"[a-z_]+":("[^"]*"|-?\d+|null)/g) ?? [];
          if (pairs.length > 1) {
            const j = Math.floor(next() * (pairs.length - 1));
            line = line.replace(`${pairs[j]},${pairs[j + 1]}`, `${pairs[j + 1]},${pairs[j]}`);
          }
        }
      }
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        continue;
      }
      if (typeof value !== 'object' || value === null || !('row' in value)) continue;
      parsed++;
      if (isCanonicalLine(spec, line, value as { row: Record<string, unknown> })) {
        accepted++;
        expect(line, 'said canonical').toBe(canonical(spec, line));
      }
    }
    // Both verdicts are reached: edits that parse, and a few that rebuild the same canonical text.
    expect(parsed).toBeGreaterThan(2000);
    expect(accepted).toBeGreaterThan(0);
  });
});
