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
 * - no such number is written with an exponent (`:` then digits then e/E, searched over the whole line, so a
 *   string that merely looks like one only sends the line to the slow path);
 * - the line is as long as the canonical text of that value. Every other way of writing a value (white space,
 *   `5.0`, a repeated key, an escape) makes the text longer; only an exponent (`1e3`) makes it shorter, and it
 *   is excluded; so equal length leaves no difference at all, key order included.
 */
export function isCanonicalLine(spec: TableSpec, line: string, value: { row: Record<string, unknown>; children?: Record<string, unknown> }): boolean {
  if (ESCAPE_OR_EXPONENT.test(line)) return false;
  const top = Object.keys(value);
  if (top.length !== 2 || top[0] !== 'row' || top[1] !== 'children') return false;
  let length = '{"row":,"children":}'.length;
  const row = objectLength(value.row, spec.columns);
  if (row < 0) return false;
  length += row;
  const children = value.children;
  if (typeof children !== 'object' || children === null || Array.isArray(children)) return false;
  const tables = Object.keys(children);
  if (tables.length !== spec.children.length) return false;
  length += 2 + Math.max(0, tables.length - 1);
  for (let i = 0; i < tables.length; i++) {
    const ch = spec.children[i];
    if (tables[i] !== ch.table) return false;
    const rows = children[ch.table];
    if (!Array.isArray(rows) || rows.length > 1) return false;
    length += ch.table.length + 3 + 2;
    if (rows.length) {
      const r = objectLength(rows[0] as Record<string, unknown>, ch.columns);
      if (r < 0) return false;
      length += r;
    }
  }
  return length === line.length;
}

/** A backslash, or a member's value written with an exponent (white space allowed after the colon): one scan. */
const ESCAPE_OR_EXPONENT = /\\|:\s*-?\d[\d.]*[eE]/;

/** The canonical length of an object with exactly these keys in this order, or -1. */
function objectLength(o: Record<string, unknown>, columns: readonly string[]): number {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return -1;
  const keys = Object.keys(o);
  if (keys.length !== columns.length) return -1;
  let length = 2 + Math.max(0, keys.length - 1);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== columns[i]) return -1;
    const v = o[keys[i]];
    let n: number;
    if (v === null) n = 4;
    else if (typeof v === 'string') n = v.length + 2;
    else if (typeof v === 'number' && Number.isSafeInteger(v) && !Object.is(v, -0)) n = String(v).length;
    else return -1;
    length += keys[i].length + 3 + n;
  }
  return length;
}
