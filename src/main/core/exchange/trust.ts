import type Database from 'better-sqlite3';
import { ORG_LEVEL_RANK } from '../../../shared/schemas/organizations';
import { PACKAGE_KIND_LABELS, kindDirection, type PackageDirection, type PackageKind } from '../../../shared/schemas/exchange';
import { stmt } from './sql';

/**
 * The trust model of the union hierarchy (DESIGN.md, "Exchange trust"). Authority over a subtree is
 * delegated downward, as in a directory: an office speaks for itself, relays upward what its lower units
 * own, and relays downward what its upper levels own — nothing else. The hierarchy is the receiver's own
 * unit tree (organizations.parent_id), so a package cannot widen its sender's authority by what it carries.
 */

/** Parent of each unit, as this office knows it. */
export class OrgTree {
  constructor(private readonly parents: Map<string, string | null>) {}

  /**
   * The receiver's tree; units the package brings that are NEW here are added with their parent (the first
   * directory a lower office receives names its upper units), but a unit already here keeps its parent for
   * the authority check: a package cannot move units to give its sender authority over them.
   */
  static load(sqlite: Database.Database, incoming: readonly Record<string, unknown>[] = []): OrgTree {
    const parents = new Map<string, string | null>();
    for (const r of stmt(sqlite, 'SELECT id, parent_id FROM organizations').all() as { id: string; parent_id: string | null }[]) parents.set(r.id, r.parent_id);
    for (const r of incoming) {
      const id = r.id as string;
      if (!parents.has(id)) parents.set(id, typeof r.parent_id === 'string' ? r.parent_id : null);
    }
    return new OrgTree(parents);
  }

  ids(): IterableIterator<string> {
    return this.parents.keys();
  }

  parentOf(id: string): string | null {
    return this.parents.get(id) ?? null;
  }

  has(id: string): boolean {
    return this.parents.has(id);
  }

  /** Every unit that is the parent of some unit. */
  parentIds(): Set<string> {
    const out = new Set<string>();
    for (const p of this.parents.values()) if (p !== null) out.add(p);
    return out;
  }

  /** Upper units of `id`, nearest first; stops at a cycle (never loops). */
  ancestors(id: string): string[] {
    const out: string[] = [];
    const seen = new Set([id]);
    for (let p = this.parents.get(id) ?? null; p !== null && !seen.has(p); p = this.parents.get(p) ?? null) {
      out.push(p);
      seen.add(p);
    }
    return out;
  }

  isAbove(upper: string, lower: string): boolean {
    return this.ancestors(lower).includes(upper);
  }

  rootOf(id: string): string {
    const a = this.ancestors(id);
    return a.length ? a[a.length - 1] : id;
  }
}

/** What the sender is to this office. */
export type Relation = 'upper' | 'lower' | 'none';

const rank = (level: string | undefined): number | undefined => (level === undefined ? undefined : (ORG_LEVEL_RANK as Record<string, number>)[level]);

/**
 * From the unit tree when it links both offices; a sibling in the same tree is neither. When the tree does
 * not hold both (an office set up on its own, before any directory), the levels of the confirmed key files.
 */
export function senderRelation(tree: OrgTree, ownId: string, ownLevel: string | undefined, senderId: string, senderLevel: string | undefined): Relation {
  if (tree.isAbove(senderId, ownId)) return 'upper';
  if (tree.isAbove(ownId, senderId)) return 'lower';
  if (tree.has(ownId) && tree.has(senderId) && tree.rootOf(ownId) === tree.rootOf(senderId)) return 'none';
  const own = rank(ownLevel);
  const other = rank(senderLevel);
  if (own === undefined || other === undefined || own === other) return 'none';
  return other < own ? 'upper' : 'lower';
}

/** What office `otherId` (a partner, whose confirmed key file gave `otherLevel`) is to this office. */
export function relationTo(sqlite: Database.Database, ownId: string, otherId: string, otherLevel: string): Relation {
  const ownLevel = stmt(sqlite, 'SELECT level FROM organizations WHERE id = ?').pluck().get(ownId) as string | undefined;
  return senderRelation(OrgTree.load(sqlite), ownId, ownLevel, otherId, otherLevel);
}

/** The side a package of this kind must come from; null when it does. */
export function directionProblem(kind: PackageKind, relation: Relation, senderName: string): string | null {
  const direction = kindDirection(kind);
  const wanted: Relation = direction === 'down' ? 'upper' : 'lower';
  if (relation === wanted) return null;
  const side = direction === 'down' ? 'chỉ được gửi từ cấp trên xuống' : 'chỉ được gửi từ cấp dưới lên';
  return `Gói “${PACKAGE_KIND_LABELS[kind]}” ${side}; “${senderName}” không phải ${direction === 'down' ? 'cấp trên' : 'cấp dưới'} của đơn vị mình. Gói bị từ chối.`;
}

/**
 * The owner-path rule for one record a package would create or change: owned by the sender itself; or,
 * travelling up, by a unit below the sender (it relays its subtree); or, travelling down, by a unit above
 * the sender (it relays what its own upper levels issued). Null when allowed, else the reason.
 */
export function ownerPathProblem(tree: OrgTree, direction: PackageDirection, senderId: string, ownerId: unknown): string | null {
  if (typeof ownerId !== 'string') return 'Bản ghi trong gói không ghi đơn vị quản lý; không nhận.';
  if (ownerId === senderId) return null;
  if (!tree.has(ownerId)) return `Đơn vị quản lý bản ghi (mã ${ownerId}) không có trong danh mục đơn vị ở máy này; không nhận.`;
  if (direction === 'up' && tree.isAbove(senderId, ownerId)) return null;
  if (direction === 'down' && tree.isAbove(ownerId, senderId)) return null;
  return direction === 'up'
    ? 'Bản ghi thuộc một đơn vị không trực thuộc đơn vị gửi; gói gửi lên chỉ được chuyển dữ liệu của đơn vị gửi và cấp dưới của nó.'
    : 'Bản ghi thuộc một đơn vị không phải cấp trên của đơn vị gửi; gói gửi xuống chỉ được chuyển dữ liệu của đơn vị gửi và cấp trên của nó.';
}
