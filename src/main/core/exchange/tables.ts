import type Database from 'better-sqlite3';
import { z } from 'zod';
import { bool01, cols, date, int, jsonText, owned, stamp, str, times, uuid, year } from './columns';
import { ORG_LEVELS } from '../../../shared/schemas/organizations';
import { fold, formatDocIdentity, formatDocSerial, formatShortDate } from '../../../shared/vi-text';
import { quoteId, stmt } from './sql';

/**
 * What travels, table by table. A record is one root row (with id, owner, revision, tombstone)
 * plus its child rows (e.g. an organization's dated names), merged as a whole: higher revision wins.
 * Adding a table to the exchange = one spec here + naming it in a kind (kinds.ts).
 */
export interface ChildSpec {
  table: string;
  /** column holding the root id */
  parentKey: string;
  /** columns on the wire, in order */
  columns: readonly string[];
  schema: z.ZodType<Record<string, unknown>>;
  /** columns computed locally, not carried (e.g. folded search keys) */
  derive?: (row: Record<string, unknown>) => Record<string, unknown>;
  /** the columns derive() fills */
  derivedColumns?: readonly string[];
  refs?: Ref[];
}

export interface Ref {
  column: string;
  table: string;
  label: string;
}

export interface TableSpec {
  table: string;
  /** Vietnamese noun for messages and the preview ("Đơn vị") */
  label: string;
  columns: readonly string[];
  schema: z.ZodType<Record<string, unknown>>;
  children: ChildSpec[];
  refs: Ref[];
  /** columns that must stay unique among live rows (checked before writing, refused with a message) */
  unique?: { column: string; label: string }[];
  /** column sets unique among live rows (deleted_at IS NULL, NULL counted as a value; `all`: every row) */
  uniqueLive?: { columns: readonly string[]; label: string; all?: boolean }[];
  /** rows that are never changed once written (register entries): no owner, no revision */
  immutable?: boolean;
  /** the column naming the office that owns the row, when it is not owner_id (a register entry: its issuer) */
  ownerColumn?: string;
  /** a self-reference that forms a tree (upper unit): a package may not make a row its own ancestor */
  tree?: { column: string; label: string };
  /** columns computed locally for the root row, not carried (e.g. folded search keys) */
  derive?: (row: Record<string, unknown>) => Record<string, unknown>;
  derivedColumns?: readonly string[];
  /** rows of other tables that cascade from this one: an undo that would delete the record is refused */
  dependents?: { table: string; column: string; label: string }[];
  /** rows of another table in the same package that must all be accepted with it (an issued decision's list) */
  wholeWith?: { table: string; column: string; label: string }[];
  /** why this row may not be written or removed here (an issued decision), or null */
  locked?: (sqlite: Database.Database, row: Record<string, unknown>) => string | null;
  /** rows seeded with the same id in every installation (catalogue): the level above may revise them */
  seeded?: (row: Record<string, unknown>) => boolean;
  /** derived rows to rebuild once a package or its undo has written rows of this table (the person alias map) */
  afterWrite?: (sqlite: Database.Database) => void;
  /** `find` reads another row of the same package (a decision's register entry), when the caller has it */
  describe(row: Record<string, unknown>, children: Record<string, Record<string, unknown>[]>, find?: FindRow): string;
}

export type FindRow = (table: string, id: unknown) => Record<string, unknown> | undefined;

/** "Quyết định 02/QĐ-LĐLĐ ngày 30/11/2026": a document's identity from its register entry, else from its own number and date. */
export function documentIdentity(kindName: string, row: Record<string, unknown>, numberCol: string, dateCol: string, find?: FindRow): string {
  const entry = find?.('register_entries', row.register_entry_id);
  if (entry) return `${kindName} ${formatDocIdentity(Number(entry.number), String(entry.symbol), String(entry.doc_date))}`;
  const n = typeof row[numberCol] === 'number' ? (row[numberCol] as number) : null;
  const date = typeof row[dateCol] === 'string' ? (row[dateCol] as string) : null;
  return n === null ? `${kindName} (dự thảo)` : `${kindName} số ${formatDocSerial(n)}${date ? ` ngày ${formatShortDate(date)}` : ''}`;
}



const orgShape = {
  ...owned,
  code: str(40).min(1),
  parent_id: uuid.nullable(),
  level: z.enum(ORG_LEVELS),
  sort_order: int,
  ended_on: date.nullable(),
  successor_id: uuid.nullable(),
  ...times,
};
const orgNameShape = {
  organization_id: uuid,
  valid_from: date,
  name: str(500).min(1),
  short_name: str(500),
  abbreviation: str(100),
  place_name: str(200),
  parent_line: str(500),
};

export const organizationsSpec: TableSpec = {
  table: 'organizations',
  label: 'Đơn vị',
  columns: cols(orgShape),
  schema: z.strictObject(orgShape),
  children: [
    {
      table: 'organization_names',
      parentKey: 'organization_id',
      columns: cols(orgNameShape),
      schema: z.strictObject(orgNameShape),
      derive: (r) => ({ search_key: fold(`${r.name} ${r.short_name} ${r.abbreviation}`) }),
      derivedColumns: ['search_key'],
    },
  ],
  refs: [
    { column: 'parent_id', table: 'organizations', label: 'đơn vị cấp trên' },
    { column: 'successor_id', table: 'organizations', label: 'đơn vị tiếp nhận' },
  ],
  unique: [{ column: 'code', label: 'Mã đơn vị' }],
  tree: { column: 'parent_id', label: 'đơn vị cấp trên' },
  describe: (row, children) => {
    const names = (children.organization_names ?? []).slice().sort((a, b) => String(b.valid_from).localeCompare(String(a.valid_from)));
    return `${names[0]?.name ?? '(không tên)'} (${row.code})`;
  },
};

const occasionShape = {
  ...owned,
  name: str(500).min(1),
  origin_date: date,
  kind: str(40),
  builtin: bool01,
  ...times,
};
export const occasionsSpec: TableSpec = {
  table: 'occasions',
  label: 'Ngày lễ, kỷ niệm',
  // The eight seeded occasions (migration 0002) have the same ids everywhere; the level above may revise them.
  seeded: (row) => row.builtin === 1,
  columns: cols(occasionShape),
  schema: z.strictObject(occasionShape),
  children: [],
  refs: [],
  describe: (row) => String(row.name),
};

const movementShape = {
  ...owned,
  year,
  organization_id: uuid,
  name: str(1000).min(1),
  themes: jsonText(20_000),
  sectors: jsonText(20_000),
  ...times,
};
const phaseShape = {
  id: uuid,
  movement_id: uuid,
  position: int,
  name: str(500),
  start_date: date.nullable(),
  start_month_only: bool01,
  end_date: date.nullable(),
  end_month_only: bool01,
  registration_deadline: date.nullable(),
  report_deadline: date.nullable(),
  description: str(5000),
};
const movementOccasionShape = { movement_id: uuid, occasion_id: uuid };
export const movementsSpec: TableSpec = {
  table: 'movements',
  label: 'Phong trào thi đua',
  columns: cols(movementShape),
  schema: z.strictObject(movementShape),
  children: [
    { table: 'movement_phases', parentKey: 'movement_id', columns: cols(phaseShape), schema: z.strictObject(phaseShape) },
    {
      table: 'movement_occasions',
      parentKey: 'movement_id',
      columns: cols(movementOccasionShape),
      schema: z.strictObject(movementOccasionShape),
      refs: [{ column: 'occasion_id', table: 'occasions', label: 'ngày lễ, kỷ niệm' }],
    },
  ],
  refs: [{ column: 'organization_id', table: 'organizations', label: 'đơn vị phát động' }],
  describe: (row) => `${row.name} (${row.year})`,
};

const registerShape = {
  id: uuid,
  issuer_id: uuid,
  year,
  number: z.number().int().min(1).max(1_000_000),
  kind_abbr: str(20),
  symbol: str(200),
  doc_date: date,
  subject: str(2000),
  record_kind: str(40).nullable(),
  record_id: str(40).nullable(),
  created_at: stamp,
};
/** The sender's register entry of an issued document travels with it (plans need it); never changed. */
export const registerEntriesSpec: TableSpec = {
  table: 'register_entries',
  label: 'Số văn bản',
  columns: cols(registerShape),
  schema: z.strictObject(registerShape),
  children: [],
  refs: [{ column: 'issuer_id', table: 'organizations', label: 'đơn vị ban hành' }],
  immutable: true,
  ownerColumn: 'issuer_id',
  describe: (row) => `Văn bản ${formatDocIdentity(Number(row.number), String(row.symbol), String(row.doc_date))}`,
};

const planShape = {
  ...owned,
  movement_id: uuid.nullable(),
  issuer_id: uuid,
  subject: str(2000),
  planned_date: date.nullable(),
  body: jsonText(2_000_000),
  status: z.enum(['draft', 'issued']),
  register_entry_id: uuid.nullable(),
  issued_number: z.number().int().min(1).nullable(),
  issued_date: date.nullable(),
  ...times,
};
export const plansSpec: TableSpec = {
  table: 'plans',
  label: 'Kế hoạch',
  columns: cols(planShape),
  schema: z.strictObject(planShape).refine((r) => (r.status === 'issued') === (r.register_entry_id !== null), 'kế hoạch đã ban hành phải có số văn bản'),
  children: [],
  refs: [
    { column: 'movement_id', table: 'movements', label: 'phong trào' },
    { column: 'issuer_id', table: 'organizations', label: 'đơn vị ban hành' },
    { column: 'register_entry_id', table: 'register_entries', label: 'số văn bản' },
  ],
  // Issued plans are locked at the issuer (plans.save refuses them); the same holds at every receiver.
  locked: lockedOnceIssued('plans', 'Kế hoạch đã ban hành ở máy này không thể thay đổi hay xóa; cấp ban hành phải ban hành kế hoạch mới.'),
  describe: (row, _c, find) => `${documentIdentity('Kế hoạch', row, 'issued_number', 'issued_date', find)}: ${String(row.subject || '(chưa có trích yếu)')}`,
};

/** A `locked` check: the row is issued here (a plan, a decision, a report), so no package may change or remove it. */
export function lockedOnceIssued(table: string, message: string): (sqlite: Database.Database, row: Record<string, unknown>) => string | null {
  return (sqlite, row) => (stmt(sqlite, `SELECT 1 FROM ${quoteId(table)} WHERE id = ? AND status = 'issued'`).get(row.id) !== undefined ? message : null);
}

export const TABLE_SPECS: Record<string, TableSpec> = Object.fromEntries(
  [organizationsSpec, occasionsSpec, movementsSpec, registerEntriesSpec, plansSpec].map((s) => [s.table, s]),
);

/** Registers a table spec from another area (registrations, decisions…) once its migration exists. */
export function addTableSpec(spec: TableSpec): TableSpec {
  TABLE_SPECS[spec.table] = spec;
  return spec;
}
