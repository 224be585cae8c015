import type Database from 'better-sqlite3';

export interface ColumnDump {
  name: string;
  type: string;
  notnull: boolean;
  pk: number;
}
export interface IndexDump {
  name: string;
  unique: boolean;
  partial: boolean;
  columns: string[];
}
export interface ForeignKeyDump {
  columns: string[];
  table: string;
  to: string[];
  onDelete: string;
}
export interface TableDump {
  columns: ColumnDump[];
  indexes: IndexDump[];
  foreignKeys: ForeignKeyDump[];
}
export interface SchemaDump {
  tables: Record<string, TableDump>;
  /** FTS5 tables: their columns are kept, their shadow tables are SQLite's business. */
  virtualTables: Record<string, string[]>;
  triggers: string[];
}

interface MasterRow {
  type: string;
  name: string;
  sql: string | null;
}

/** The migrated schema as plain data, in a stable order, for the committed snapshot and the checks. */
export function dumpSchema(db: Database.Database): SchemaDump {
  const master = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as MasterRow[];
  const virtual = master.filter((m) => m.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(m.sql ?? ''));
  const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v.name}_`));
  const tables: Record<string, TableDump> = {};
  const virtualTables: Record<string, string[]> = {};
  for (const v of virtual) {
    virtualTables[v.name] = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(v.name) as { name: string }[]).map((c) => c.name);
  }
  for (const m of master) {
    if (m.type !== 'table' || virtual.includes(m) || shadow(m.name)) continue;
    const columns = (db.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid').all(m.name) as { name: string; type: string; notnull: number; pk: number }[])
      .map((c) => ({ name: c.name, type: c.type.toUpperCase(), notnull: c.notnull === 1, pk: c.pk }));
    const indexes = (db.prepare('SELECT name, "unique", partial FROM pragma_index_list(?) ORDER BY name').all(m.name) as { name: string; unique: number; partial: number }[])
      .map((i) => ({
        name: i.name,
        unique: i.unique === 1,
        partial: i.partial === 1,
        columns: (db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(i.name) as { name: string | null }[]).map((c) => c.name ?? '<expr>'),
      }));
    const fkRows = db.prepare('SELECT id, seq, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(m.name) as {
      id: number; seq: number; table: string; from: string; to: string | null; on_delete: string;
    }[];
    const byId = new Map<number, ForeignKeyDump>();
    for (const r of fkRows) {
      const fk = byId.get(r.id) ?? { columns: [], table: r.table, to: [], onDelete: r.on_delete };
      fk.columns.push(r.from);
      fk.to.push(r.to ?? '<pk>');
      byId.set(r.id, fk);
    }
    const foreignKeys = [...byId.values()].sort((a, b) => a.columns.join(',').localeCompare(b.columns.join(',')));
    tables[m.name] = { columns, indexes, foreignKeys };
  }
  const triggers = master.filter((m) => m.type === 'trigger').map((m) => m.name);
  return { tables, virtualTables, triggers };
}

/**
 * Foreign keys no index starts with: SQLite then scans the whole child table for every delete or key change
 * of a parent row. The primary key counts as an index on its columns; a partial index does not (SQLite cannot use
 * it for the lookup a foreign-key check makes).
 */
export function unindexedForeignKeys(schema: SchemaDump): string[] {
  const missing: string[] = [];
  for (const [name, t] of Object.entries(schema.tables)) {
    const leading = t.indexes.filter((i) => !i.partial).map((i) => i.columns);
    const pk = t.columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    if (pk.length) leading.push(pk);
    for (const fk of t.foreignKeys) {
      const covered = leading.some((cols) => fk.columns.every((c, i) => cols[i] === c));
      if (!covered) missing.push(`${name}(${fk.columns.join(', ')}) → ${fk.table}`);
    }
  }
  return missing.sort();
}

/** The TypeScript type better-sqlite3 reads a column as (declared type affinity, null unless NOT NULL or key). */
function columnType(c: ColumnDump): string {
  const t = c.type;
  const base = /INT/.test(t) ? 'number' : /CHAR|CLOB|TEXT/.test(t) ? 'string' : /BLOB/.test(t) ? 'Uint8Array' : /REAL|FLOA|DOUB|NUM/.test(t) ? 'number' : 'unknown';
  return c.notnull || c.pk > 0 ? base : `${base} | null`;
}

/** tests/types/schema-columns.ts: every migrated table and column as a type, for the type-level check. */
export function columnTypesSource(schema: SchemaDump): string {
  const lines = [
    '// GENERATED from the migrated schema by tests/integration/schema-guard.test.ts — do not edit.',
    '// Regenerate: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/integration/schema-guard.test.ts',
    'export interface MigratedTables {',
  ];
  for (const [name, t] of Object.entries(schema.tables)) {
    lines.push(`  ${name}: {`);
    for (const c of t.columns) lines.push(`    ${c.name}: ${columnType(c)};`);
    lines.push('  };');
  }
  lines.push('}', '');
  return lines.join('\n');
}

/** SQLite's plan for a statement, one step per line ("SEARCH t USING INDEX i (c=?)"), to assert an index is used. */
export function queryPlan(db: Database.Database, statement: string, ...params: unknown[]): string {
  const steps = db.prepare(`EXPLAIN QUERY PLAN ${statement}`).all(...params) as { detail: string }[];
  return steps.map((s) => s.detail).join('\n');
}
