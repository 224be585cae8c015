import type Database from 'better-sqlite3';
import { sha256Hex } from './digest';
import { quoteId, quoteIds, stmt } from './sql';
import type { ChildSpec, TableSpec } from './tables';

/** One record as it travels: the root row and, per child table, its rows. */
export interface WireRecord {
  row: Record<string, unknown>;
  children: Record<string, Record<string, unknown>[]>;
  /** Set on a received record whose line was its canonical text (canonical-line.ts): the SHA-256 of that line. */
  digest?: string;
}

/**
 * Root columns in spec order, children sorted by their text: JSON.stringify of the result is then
 * canonical (equal records give equal bytes), so the digest does not depend on how a row was built.
 */
export function normalizeRecord(spec: TableSpec, row: Record<string, unknown>, children: Record<string, Record<string, unknown>[]> = {}): WireRecord {
  const out: WireRecord = { row: pick(row, spec.columns), children: {} };
  for (const ch of spec.children) {
    const rows = (children[ch.table] ?? []).map((r) => pick(r, ch.columns));
    // Sorting by text costs a JSON.stringify per row: only when there is something to sort.
    out.children[ch.table] =
      rows.length < 2
        ? rows
        : rows
            .map((r) => [JSON.stringify(r), r] as const)
            .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
            .map(([, r]) => r);
  }
  return out;
}

function pick(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c] = row[c] ?? null;
  return out;
}

/** SHA-256 of the record's canonical text: known already for a received record whose line was that text. */
export const recordDigest = (rec: WireRecord): string => rec.digest ?? sha256Hex(JSON.stringify({ row: rec.row, children: rec.children }));

interface ReadSql {
  one: string;
  many: string;
  children: { table: string; one: string; many: string; parentKey: string }[];
}
const readSql = new WeakMap<TableSpec, ReadSql>();

/** The read SQL of a spec, built once (quoting 50,000 times showed in the profile). */
function readSqlFor(spec: TableSpec): ReadSql {
  let r = readSql.get(spec);
  if (!r) {
    const inIds = 'IN (SELECT value FROM json_each(?))';
    r = {
      one: `SELECT ${quoteIds(spec.columns)} FROM ${quoteId(spec.table)} WHERE id = ?`,
      many: `SELECT ${quoteIds(spec.columns)} FROM ${quoteId(spec.table)} WHERE id ${inIds}`,
      children: spec.children.map((ch) => ({
        table: ch.table,
        parentKey: ch.parentKey,
        one: `SELECT ${quoteIds(ch.columns)} FROM ${quoteId(ch.table)} WHERE ${quoteId(ch.parentKey)} = ?`,
        many: `SELECT ${quoteIds(ch.columns)} FROM ${quoteId(ch.table)} WHERE ${quoteId(ch.parentKey)} ${inIds}`,
      })),
    };
    readSql.set(spec, r);
  }
  return r;
}

export function readRecord(sqlite: Database.Database, spec: TableSpec, id: string): WireRecord | null {
  const sql = readSqlFor(spec);
  const row = stmt(sqlite, sql.one).get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const children: Record<string, Record<string, unknown>[]> = {};
  for (const ch of sql.children) children[ch.table] = stmt(sqlite, ch.one).all(id) as Record<string, unknown>[];
  return normalizeRecord(spec, row, children);
}

/** Many records at once: one query per table and child table per 20,000 ids (exports and imports read 50,000). */
export function readRecords(sqlite: Database.Database, spec: TableSpec, ids: readonly string[]): Map<string, WireRecord> {
  const sql = readSqlFor(spec);
  const out = new Map<string, WireRecord>();
  for (let i = 0; i < ids.length; i += 20_000) {
    const chunk = JSON.stringify(ids.slice(i, i + 20_000));
    const rows = stmt(sqlite, sql.many).all(chunk) as Record<string, unknown>[];
    // Children only of the roots found (a package's records are mostly new here: often none).
    if (!rows.length) continue;
    const found = rows.length === Math.min(20_000, ids.length - i) ? chunk : JSON.stringify(rows.map((r) => r.id));
    const kids = new Map<string, Record<string, Record<string, unknown>[]>>();
    for (const ch of sql.children) {
      for (const r of stmt(sqlite, ch.many).all(found) as Record<string, unknown>[]) {
        const parent = r[ch.parentKey] as string;
        let k = kids.get(parent);
        if (!k) kids.set(parent, (k = {}));
        (k[ch.table] ??= []).push(r);
      }
    }
    for (const row of rows) {
      const k = kids.get(row.id as string) ?? {};
      for (const ch of sql.children) k[ch.table] ??= [];
      out.set(row.id as string, normalizeRecord(spec, row, k));
    }
  }
  return out;
}

interface WriteSql {
  insert: string;
  upsert: string;
  /** the columns bound, in placeholder order: the wire columns, then the derived ones */
  columns: readonly string[];
  derived: readonly string[];
  children: { spec: ChildSpec; del: string; insert: string; columns: readonly string[]; derived: readonly string[] }[];
}
const writeSql = new WeakMap<TableSpec, WriteSql>();

/** The SQL of a spec, built once (not per record: imports write 50,000 of them). */
function sqlFor(spec: TableSpec): WriteSql {
  let w = writeSql.get(spec);
  if (!w) {
    const cols = [...spec.columns, ...(spec.derivedColumns ?? [])];
    const updates = cols.filter((c) => c !== 'id').map((c) => `${quoteId(c)} = excluded.${quoteId(c)}`).join(', ');
    const insert = `INSERT INTO ${quoteId(spec.table)} (${quoteIds(cols)}) VALUES (${cols.map(() => '?').join(', ')})`;
    w = {
      insert,
      upsert: `${insert} ON CONFLICT(id) DO UPDATE SET ${updates}`,
      columns: spec.columns,
      derived: spec.derivedColumns ?? [],
      children: spec.children.map((ch) => {
        const all = [...ch.columns, ...(ch.derivedColumns ?? [])];
        return {
          spec: ch,
          del: `DELETE FROM ${quoteId(ch.table)} WHERE ${quoteId(ch.parentKey)} = ?`,
          insert: `INSERT INTO ${quoteId(ch.table)} (${quoteIds(all)}) VALUES (${all.map(() => '?').join(', ')})`,
          columns: ch.columns,
          derived: ch.derivedColumns ?? [],
        };
      }),
    };
    writeSql.set(spec, w);
  }
  return w;
}

/**
 * The values of a row in placeholder order, passed as arguments. Positional, not named: binding by name (or
 * from an array) looked every value up from native code, and a derived row was first spread into a new
 * object (50,000 times per import).
 */
function bindValues(row: Record<string, unknown>, columns: readonly string[], derive: ((row: Record<string, unknown>) => Record<string, unknown>) | undefined, derived: readonly string[]): unknown[] {
  const values: unknown[] = new Array(columns.length + derived.length);
  for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]];
  if (derive) {
    const extra = derive(row);
    for (let i = 0; i < derived.length; i++) values[columns.length + i] = extra[derived[i]];
  }
  return values;
}

/** Upsert of the root (never DELETE+INSERT: that would cascade) and replacement of its children. */
export function writeRecord(sqlite: Database.Database, spec: TableSpec, rec: WireRecord, existed = true): void {
  const w = sqlFor(spec);
  // A record known to be new takes the plain INSERT (a row that appeared meanwhile still fails loudly).
  stmt(sqlite, existed ? w.upsert : w.insert).run(...bindValues(rec.row, w.columns, spec.derive, w.derived));
  const id = rec.row.id as string;
  for (const c of w.children) {
    if (existed) stmt(sqlite, c.del).run(id);
    const rows = rec.children[c.spec.table];
    if (!rows?.length) continue;
    const insert = stmt(sqlite, c.insert);
    for (const r of rows) insert.run(...bindValues(r, c.columns, c.spec.derive, c.derived));
  }
}

export function deleteRecord(sqlite: Database.Database, spec: TableSpec, id: string): void {
  for (const ch of spec.children) stmt(sqlite, `DELETE FROM ${quoteId(ch.table)} WHERE ${quoteId(ch.parentKey)} = ?`).run(id);
  stmt(sqlite, `DELETE FROM ${quoteId(spec.table)} WHERE id = ?`).run(id);
}
