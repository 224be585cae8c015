import type Database from 'better-sqlite3';
import { PACKAGE_KIND_LABELS, PACKAGE_KINDS, kindDirection, type KindView, type PackageKind } from '../../../shared/schemas/exchange';
import { TABLE_SPECS, type TableSpec } from './tables';
import { awardeesSpec, decisionsSpec, nominationReviewsSpec, nominationsSpec, proposalsSpec } from './tables-commendations';
import { peopleSpec, registrationIndividualsSpec, registrationsSpec, workReviewsSpec, worksSpec } from './tables-registrations';
import { CATALOGUE_SPECS } from './tables-catalogue';
import { personMergesSpec } from './tables-person-merges';
import { phaseReportsSpec } from './tables-reports';

/**
 * The kind registry. A kind names the tables it carries (referenced tables first: that is also
 * the apply order) and how to pick the rows for one receiver and scope. A kind whose tables are
 * not in this database yet is listed as unavailable. A table listed with `select: none` carries only
 * what the kind's other records refer to (pack.ts adds references within the kind).
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
  /**
   * Rows that travel only because a record of the package names them (the people, units and nominations
   * of a decision): written only together with a record that names them, held back with it otherwise.
   */
  carried?: boolean;
}

export interface KindSpec {
  kind: PackageKind;
  scope: 'none' | 'movement' | 'phase';
  tables: () => KindTable[];
}

const ids = (c: SelectContext, sql: string, ...params: unknown[]): string[] => c.sqlite.prepare(sql).pluck().all(...params) as string[];

/** Rows owned by the receiver never go back to it: it is their only writer. */
const notReceivers = 'COALESCE(owner_id, \'\') <> @receiver';

const none = (): string[] => [];

/** `AND movement_id = @movement AND phase_id = @phase` for the chosen scope (alias optional). */
function scopeWhere(c: SelectContext, alias = ''): { where: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  let where = '';
  if (c.scope.movementId) {
    where += ` AND ${alias}movement_id = @movement`;
    params.movement = c.scope.movementId;
  }
  if (c.scope.phaseId) {
    // Records for the whole movement (no đợt) cover every đợt, so they belong to each đợt's package too.
    where += ` AND (${alias}phase_id = @phase OR ${alias}phase_id IS NULL)`;
    params.phase = c.scope.phaseId;
  }
  return { where, params };
}

/** The unit and every unit below it (relay: a level passes on what its lower units sent or received). */
const subtree = (param: string) =>
  `WITH RECURSIVE sub(id) AS (SELECT ${param} UNION SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id)`;

/** Rows the sender writes: its own, or made here before ownership existed (pack.ts stamps the sender). */
const sendersOwn = (alias = '') => `COALESCE(${alias}owner_id, @sender) = @sender`;

/**
 * Relaying (trust.ts): an up package carries the sender's subtree (what its lower units sent it, what it typed
 * in for them), a down package what the sender or its upper levels issued. Spelled as SQL over the unit tree.
 */
const SUBTREE = `(${subtree('@sender')} SELECT id FROM sub)`;
const SENDER_AND_ABOVE = `(WITH RECURSIVE up(id) AS (SELECT @sender UNION SELECT o.parent_id FROM organizations o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL) SELECT id FROM up)`;
/** Owned by the sender or a unit below it (a row made here before ownership existed counts as the sender's). */
const subtreeOwns = (alias = '') => `COALESCE(${alias}owner_id, @sender) IN ${SUBTREE}`;


/**
 * Person merges ride every kind that carries people, in its direction and within the owner-path rule:
 * up, those made in the sender's subtree; down, those made by the sender or above it that name someone
 * at or below the receiver. The two people travel with each merge as its references.
 */
const mergesUp: KindTable = {
  spec: personMergesSpec,
  select: (c) => ids(c, `SELECT id FROM person_merge_records WHERE ${subtreeOwns()} AND COALESCE(owner_id, @sender) <> @receiver ORDER BY id`, { sender: c.senderId, receiver: c.receiverId }),
};
const mergesDown: KindTable = {
  spec: personMergesSpec,
  select: (c) =>
    ids(
      c,
      `SELECT r.id FROM person_merge_records r
       WHERE COALESCE(r.owner_id, @sender) IN ${SENDER_AND_ABOVE} AND COALESCE(r.owner_id, @sender) <> @receiver
         AND EXISTS (${subtree('@receiver')} SELECT 1 FROM people p WHERE p.id IN (r.merged_id, r.survivor_id) AND p.organization_id IN (SELECT id FROM sub))
       ORDER BY r.id`,
      { sender: c.senderId, receiver: c.receiverId },
    ),
};

function movementScope(c: SelectContext): { where: string; params: Record<string, string> } {
  return c.scope.movementId ? { where: 'id = @movement', params: { movement: c.scope.movementId } } : { where: '1', params: {} };
}

export const KINDS: Partial<Record<PackageKind, KindSpec>> = {
  directory: {
    kind: 'directory',
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
    scope: 'phase',
    tables: () => {
      // The sender's own issued reports (and their register entries) in the chosen movement / đợt.
      const where = (c: SelectContext) =>
        `organization_id IN ${SUBTREE} AND owner_id = organization_id AND status = 'issued'${c.scope.movementId ? ' AND movement_id = @movement' : ''}${c.scope.phaseId ? ' AND phase_id = @phase' : ''}`;
      const params = (c: SelectContext) => ({ sender: c.senderId, ...(c.scope.movementId ? { movement: c.scope.movementId } : {}), ...(c.scope.phaseId ? { phase: c.scope.phaseId } : {}) });
      return [
        { spec: TABLE_SPECS.register_entries, select: (c) => ids(c, `SELECT DISTINCT register_entry_id FROM phase_reports WHERE ${where(c)} ORDER BY 1`, params(c)) },
        { spec: phaseReportsSpec, select: (c) => ids(c, `SELECT id FROM phase_reports WHERE ${where(c)} ORDER BY id`, params(c)) },
      ];
    },
  },
  registrations: {
    kind: 'registrations',
    scope: 'phase',
    tables: () => {
      // Registrations of the sender and of every unit below it (relayed: the province reviews CĐCS members),
      // never the receiver's own; their individuals and works, and the people named.
      const regs = (c: SelectContext) => {
        const s = scopeWhere(c);
        return {
          sql: `SELECT id FROM registrations WHERE organization_id IN (${subtree('@sender')} SELECT id FROM sub)
                AND COALESCE(owner_id, @sender) <> @receiver AND (owner_id IS NOT NULL OR organization_id = @sender)${s.where}`,
          params: { sender: c.senderId, receiver: c.receiverId, ...s.params },
        };
      };
      const under = (table: string) => (c: SelectContext) => {
        const r = regs(c);
        return ids(c, `SELECT id FROM ${table} WHERE COALESCE(owner_id, @sender) <> @receiver AND registration_id IN (${r.sql}) ORDER BY id`, r.params);
      };
      return [
        {
          spec: peopleSpec,
          select: (c) => {
            const r = regs(c);
            return ids(
              c,
              `SELECT DISTINCT p.id FROM people p JOIN registration_individuals i ON i.person_id = p.id
               WHERE i.registration_id IN (${r.sql}) AND COALESCE(p.owner_id, @sender) <> @receiver ORDER BY p.id`,
              r.params,
            );
          },
        },
        mergesUp,
        { spec: registrationsSpec, select: (c) => { const r = regs(c); return ids(c, `${r.sql} ORDER BY id`, r.params); } },
        { spec: registrationIndividualsSpec, select: under('registration_individuals') },
        { spec: worksSpec, select: under('works') },
      ];
    },
  },
  nominations: {
    kind: 'nominations',
    scope: 'phase',
    tables: () => {
      // The sender's nominations in scope and its issued tờ trình (whose lists may name its lower units' nominations),
      // with the bình xét of the sender's (and its lower levels') councils on them: the override reasons the upper reads.
      const noms = (c: SelectContext) => {
        const s = scopeWhere(c);
        return { sql: `SELECT id FROM nominations WHERE source_org_id IN ${SUBTREE} AND ${subtreeOwns()}${s.where}`, params: { sender: c.senderId, ...s.params } };
      };
      const proposals = `SELECT id FROM commendation_proposals WHERE issuer_id IN ${SUBTREE} AND ${subtreeOwns()} AND status = 'issued'`;
      return [
        { spec: peopleSpec, select: none },
        mergesUp,
        { spec: nominationsSpec, select: (c) => { const n = noms(c); return ids(c, `${n.sql} ORDER BY id`, n.params); } },
        { spec: TABLE_SPECS.register_entries, select: (c) => ids(c, `SELECT register_entry_id FROM commendation_proposals WHERE id IN (${proposals}) ORDER BY 1`, { sender: c.senderId }) },
        {
          spec: proposalsSpec,
          select: (c) => {
            if (!c.scope.movementId && !c.scope.phaseId) return ids(c, `${proposals} ORDER BY id`, { sender: c.senderId });
            // In a scope: the tờ trình listing at least one nomination of that scope.
            const n = noms(c);
            return ids(c, `${proposals} AND id IN (SELECT proposal_id FROM commendation_proposal_items WHERE nomination_id IN (${n.sql})) ORDER BY id`, n.params);
          },
        },
        {
          spec: nominationReviewsSpec,
          select: (c) => {
            const n = noms(c);
            return ids(c, `SELECT id FROM nomination_reviews WHERE ${subtreeOwns()} AND nomination_id IN (${n.sql}) ORDER BY id`, n.params);
          },
        },
      ];
    },
  },
  catalogue: {
    kind: 'catalogue',
    scope: 'none',
    // What this office keeps (its own rows, the seeded ones and those its upper level sent: relay), tombstones included: the
    // level below then computes money and căn cứ from the same dated values. Never the receiver's own rows.
    tables: () =>
      CATALOGUE_SPECS.map((spec) => ({
        spec,
        select: (c: SelectContext) => ids(c, `SELECT id FROM ${spec.table} WHERE COALESCE(owner_id, @sender) <> @receiver ORDER BY id`, { sender: c.senderId, receiver: c.receiverId }),
      })),
  },
  decisions: {
    kind: 'decisions',
    scope: 'phase',
    tables: () => {
      // Issued decisions of the sender, and those of the levels above that name someone of the receiver or
      // below (relay: province → district → CĐCS). Each goes whole: its register entry, awardees, and every
      // nomination, person and unit it names (typed from paper at the upper level, they exist nowhere else).
      // Also the sender's own bình xét of the receiver's nominations and duyệt of the receiver's works.
      const decs = (c: SelectContext) => {
        const s = scopeWhere(c);
        return {
          sql: `SELECT id FROM decisions WHERE status = 'issued'${s.where} AND (
                  (issuer_id = @sender AND ${sendersOwn()})
                  OR (COALESCE(owner_id, @sender) NOT IN (@sender, @receiver) AND id IN (
                    ${subtree('@receiver')} SELECT a.decision_id FROM decision_awardees a LEFT JOIN people p ON p.id = a.person_id
                    WHERE a.organization_id IN (SELECT id FROM sub) OR p.organization_id IN (SELECT id FROM sub))))`,
          params: { sender: c.senderId, receiver: c.receiverId, ...s.params },
        };
      };
      return [
        { spec: TABLE_SPECS.organizations, select: none, carried: true },
        { spec: peopleSpec, select: none, carried: true },
        mergesDown,
        { spec: nominationsSpec, select: none, carried: true },
        { spec: TABLE_SPECS.register_entries, carried: true, select: (c) => { const d = decs(c); return ids(c, `SELECT register_entry_id FROM decisions WHERE id IN (${d.sql}) ORDER BY 1`, d.params); } },
        // Awardees before their decision: an issued decision's list is locked by a trigger once the decision is there.
        { spec: awardeesSpec, select: (c) => { const d = decs(c); return ids(c, `SELECT id FROM decision_awardees WHERE decision_id IN (${d.sql}) ORDER BY id`, d.params); } },
        { spec: decisionsSpec, select: (c) => { const d = decs(c); return ids(c, `${d.sql} ORDER BY id`, d.params); } },
        {
          spec: nominationReviewsSpec,
          select: (c) => {
            const s = scopeWhere(c, 'n.');
            return ids(
              c,
              `SELECT r.id FROM nomination_reviews r JOIN nominations n ON n.id = r.nomination_id
               WHERE r.owner_id IN ${SENDER_AND_ABOVE} AND n.source_org_id = @receiver${s.where} ORDER BY r.id`,
              { sender: c.senderId, receiver: c.receiverId, ...s.params },
            );
          },
        },
        {
          spec: workReviewsSpec,
          select: (c) => {
            const s = scopeWhere(c, 'g.');
            return ids(
              c,
              `SELECT v.id FROM work_reviews v JOIN works w ON w.id = v.work_id JOIN registrations g ON g.id = w.registration_id
               WHERE v.owner_id IN ${SENDER_AND_ABOVE} AND g.organization_id = @receiver${s.where} ORDER BY v.id`,
              { sender: c.senderId, receiver: c.receiverId, ...s.params },
            );
          },
        },
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

export function listKinds(sqlite: Database.Database): KindView[] {
  return PACKAGE_KINDS.map((kind) => ({
    kind,
    label: PACKAGE_KIND_LABELS[kind],
    direction: kindDirection(kind),
    scope: KINDS[kind]?.scope ?? 'none',
    available: kindAvailable(sqlite, kind),
  }));
}
