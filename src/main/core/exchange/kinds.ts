import type Database from 'better-sqlite3';
import { PACKAGE_KIND_LABELS, type KindView, type PackageKind } from '../../../shared/schemas/exchange';
import { TABLE_SPECS, type TableSpec } from './tables';
import { phaseReportsSpec } from './tables-reports';

/**
 * The kind registry. A kind names the tables it carries (referenced tables first: that is also
 * the apply order) and how to pick the rows for one receiver and scope. A kind whose tables are
 * not in this database yet is listed as unavailable. Adding decisions later:
 *   addTableSpec(decisionsSpec); KINDS.decisions = { ...tables: [{ spec: decisionsSpec, select: … }] }.
 */
export interface SelectContext {
  sqlite: Database.Database;
  senderId: string;
  receiverId: string;
  scope: { movementId?: string; phaseId?: string };
}

export interface KindTable {
  spec: TableSpec;
  /** ids of the root rows to consider for this package (changed-since-last is decided by pack.ts) */
  select(c: SelectContext): string[];
}

export interface KindSpec {
  kind: PackageKind;
  direction: 'down' | 'up';
  scope: 'none' | 'movement' | 'phase';
  tables: () => KindTable[];
}

const ids = (c: SelectContext, sql: string, ...params: unknown[]): string[] => c.sqlite.prepare(sql).pluck().all(...params) as string[];

/** Rows owned by the receiver never go back to it: it is their only writer. */
const notReceivers = 'COALESCE(owner_id, \'\') <> @receiver';

function movementScope(c: SelectContext): { where: string; params: Record<string, string> } {
  return c.scope.movementId ? { where: 'id = @movement', params: { movement: c.scope.movementId } } : { where: '1', params: {} };
}

export const KINDS: Partial<Record<PackageKind, KindSpec>> = {
  directory: {
    kind: 'directory',
    direction: 'down',
    scope: 'none',
    tables: () => [
      {
        spec: TABLE_SPECS.organizations,
        select: (c) => ids(c, `SELECT id FROM organizations WHERE ${notReceivers} ORDER BY id`, { receiver: c.receiverId }),
      },
    ],
  },
  plan: {
    kind: 'plan',
    direction: 'down',
    scope: 'movement',
    tables: () => [
      {
        spec: TABLE_SPECS.occasions,
        select: (c) => {
          const m = movementScope(c);
          return ids(
            c,
            `SELECT DISTINCT o.id FROM occasions o JOIN movement_occasions mo ON mo.occasion_id = o.id
             WHERE o.builtin = 0 AND COALESCE(o.owner_id, '') <> @receiver
               AND mo.movement_id IN (SELECT id FROM movements WHERE ${m.where}) ORDER BY o.id`,
            { receiver: c.receiverId, ...m.params },
          );
        },
      },
      {
        spec: TABLE_SPECS.movements,
        select: (c) => {
          const m = movementScope(c);
          return ids(c, `SELECT id FROM movements WHERE ${notReceivers} AND ${m.where} ORDER BY id`, { receiver: c.receiverId, ...m.params });
        },
      },
      {
        spec: TABLE_SPECS.register_entries,
        select: (c) =>
          ids(
            c,
            `SELECT DISTINCT register_entry_id FROM plans WHERE register_entry_id IS NOT NULL AND ${notReceivers}
             AND ${c.scope.movementId ? 'movement_id = @movement' : '1'} ORDER BY 1`,
            { receiver: c.receiverId, ...(c.scope.movementId ? { movement: c.scope.movementId } : {}) },
          ),
      },
      {
        spec: TABLE_SPECS.plans,
        select: (c) =>
          ids(c, `SELECT id FROM plans WHERE ${notReceivers} AND ${c.scope.movementId ? 'movement_id = @movement' : '1'} ORDER BY id`, {
            receiver: c.receiverId,
            ...(c.scope.movementId ? { movement: c.scope.movementId } : {}),
          }),
      },
    ],
  },
  reports: {
    kind: 'reports',
    direction: 'up',
    scope: 'phase',
    tables: () => {
      // The sender's own issued reports (and their register entries) in the chosen movement / đợt.
      const where = (c: SelectContext) =>
        `organization_id = @sender AND owner_id = @sender AND status = 'issued'${c.scope.movementId ? ' AND movement_id = @movement' : ''}${c.scope.phaseId ? ' AND phase_id = @phase' : ''}`;
      const params = (c: SelectContext) => ({ sender: c.senderId, ...(c.scope.movementId ? { movement: c.scope.movementId } : {}), ...(c.scope.phaseId ? { phase: c.scope.phaseId } : {}) });
      return [
        { spec: TABLE_SPECS.register_entries, select: (c) => ids(c, `SELECT DISTINCT register_entry_id FROM phase_reports WHERE ${where(c)} ORDER BY 1`, params(c)) },
        { spec: phaseReportsSpec, select: (c) => ids(c, `SELECT id FROM phase_reports WHERE ${where(c)} ORDER BY id`, params(c)) },
      ];
    },
  },
};

function tableExists(sqlite: Database.Database, table: string): boolean {
  return !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
}

export function kindAvailable(sqlite: Database.Database, kind: PackageKind): boolean {
  const spec = KINDS[kind];
  if (!spec) return false;
  return spec.tables().every((t) => tableExists(sqlite, t.spec.table) && t.spec.children.every((ch) => tableExists(sqlite, ch.table)));
}

const DIRECTIONS: Record<PackageKind, 'down' | 'up'> = {
  directory: 'down',
  plan: 'down',
  registrations: 'up',
  nominations: 'up',
  decisions: 'down',
  reports: 'up',
};

export function listKinds(sqlite: Database.Database): KindView[] {
  return (Object.keys(PACKAGE_KIND_LABELS) as PackageKind[]).map((kind) => ({
    kind,
    label: PACKAGE_KIND_LABELS[kind],
    direction: KINDS[kind]?.direction ?? DIRECTIONS[kind],
    scope: KINDS[kind]?.scope ?? 'none',
    available: kindAvailable(sqlite, kind),
  }));
}
