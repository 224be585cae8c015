import type { TableSpec } from './tables';

/**
 * Whether a received ndjson line is, character for character, the canonical text of the record it parsed to
 * (JSON.stringify of normalizeRecord, as the sender writes it): then the SHA-256 of the line IS the record's
 * digest, and the import hashes the line instead of serialising the record again. Decided without
 * serialising, and only ever "no" when unsure (the caller then serialises):
 * - no backslash in the line: every string is written without escapes, exactly as JSON.stringify writes it
 *   (JSON.parse refuses raw control characters, and the UTF-8 decoder never yields a lone surrogate);
 * - the parsed value has the normalised shape: `row` then `children`, the spec's columns and child tables in
 *   spec order, at most one row per child table (several would need sorting), values null, strings or safe
 *   integers other than -0 (no true/false), so every number is an object member's value, right after `:`;
 * - the line is as long as the canonical text of that value. Every other way of writing a value (white space,
 *   `5.0`, a repeated key, an escape) makes the text longer; only an exponent can make it as short or shorter,
 *   and only for a value with two trailing zeros or more (`1e2` for 100, `12e3` for 12000: a mantissa, `e` and
 *   exponent E fit in the digits only when E ≥ 2). For a record holding such a value, the line is searched for
 *   an exponent after a `:` (a string that merely looks like one only sends the line to the slow path). So
 *   equal length leaves no difference at all, key order included.
 */
export function isCanonicalLine(spec: TableSpec, line: string, value: { row: Record<string, unknown>; children?: Record<string, unknown> }): boolean {
  if (line.includes('\\')) return false;
  const top = Object.keys(value);
  if (top.length !== 2 || top[0] !== 'row' || top[1] !== 'children') return false;
  const walk = { length: '{"row":,"children":}'.length, roundNumber: false };
  if (!addObject(walk, value.row, spec.columns)) return false;
  const children = value.children;
  if (typeof children !== 'object' || children === null || Array.isArray(children)) return false;
  const tables = Object.keys(children);
  if (tables.length !== spec.children.length) return false;
  walk.length += 2 + Math.max(0, tables.length - 1);
  for (let i = 0; i < tables.length; i++) {
    const ch = spec.children[i];
    if (tables[i] !== ch.table) return false;
    const rows = children[ch.table];
    if (!Array.isArray(rows) || rows.length > 1) return false;
    walk.length += ch.table.length + 3 + 2;
    if (rows.length && !addObject(walk, rows[0] as Record<string, unknown>, ch.columns)) return false;
  }
  return walk.length === line.length && !(walk.roundNumber && EXPONENT.test(line));
}

/** A member's value written with an exponent (white space allowed after the colon). */
const EXPONENT = /:\s*-?\d[\d.]*[eE]/;

/**
 * Adds the canonical length of an object with exactly these keys in this order; false if it has other keys,
 * another order or a value that is not null, a string or a safe integer other than -0.
 */
function addObject(walk: { length: number; roundNumber: boolean }, o: Record<string, unknown>, columns: readonly string[]): boolean {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
  const keys = Object.keys(o);
  if (keys.length !== columns.length) return false;
  let length = 2 + Math.max(0, keys.length - 1);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== columns[i]) return false;
    const v = o[keys[i]];
    let n: number;
    if (v === null) n = 4;
    else if (typeof v === 'string') n = v.length + 2;
    else if (typeof v === 'number' && Number.isSafeInteger(v) && !Object.is(v, -0)) {
      n = String(v).length;
      if (v !== 0 && v % 100 === 0) walk.roundNumber = true;
    } else return false;
    length += keys[i].length + 3 + n;
  }
  walk.length += length;
  return true;
}
