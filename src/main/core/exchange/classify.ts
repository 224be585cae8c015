import type Database from 'better-sqlite3';
import type { PreviewRow, RecordStatus, StatusCounts } from '../../../shared/schemas/exchange';
import { kindDirection } from '../../../shared/schemas/exchange';
import { readRecords, recordDigest, type WireRecord } from './records';
import { quoteId, quoteIds, stmt } from './sql';
import { KINDS } from './kinds';
import type { TableSpec } from './tables';
import { OrgTree, ownerPathProblem } from './trust';
import type { VerifiedPackage } from './verify';

/** What the import will do with one record. */
export interface Decision {
  spec: TableSpec;
  record: WireRecord;
  id: string;
  status: RecordStatus;
  reason?: string;
  digest: string;
  local: WireRecord | null;
}

const OWN = 'Bản ghi do đơn vị mình quản lý; gói nhập không được thay đổi nó.';

/**
 * Decides per record, reading only. Single-writer rule: a record owned here (or made here before
 * ownership existed) is never changed, and a record is written only if its owner lies on the package's
 * path (trust.ts). Otherwise the higher (revision, digest) wins: a total order, so packages applied in
 * any order, or twice, end in the same state.
 */
export function classify(sqlite: Database.Database, pkg: VerifiedPackage, ownOfficeId: string): Decision[] {
  const decisions: Decision[] = [];
  const carried = new Set((KINDS[pkg.manifest.kind]?.tables() ?? []).filter((t) => t.carried).map((t) => t.spec.table));
  const direction = kindDirection(pkg.manifest.kind);
  const sender = pkg.manifest.sender.id;
  const tree = OrgTree.load(sqlite, pkg.tables.find((t) => t.table.spec.table === 'organizations')?.records.map((r) => r.row));
  for (const { table, records } of pkg.tables) {
    const spec = table.spec;
    // The local copies in bulk (one query per table and child table): most records of a big package are new.
    const present = readRecords(sqlite, spec, records.map((r) => r.row.id as string));
    for (const record of records) {
      const id = record.row.id as string;
      const digest = recordDigest(record);
      const local = present.get(id) ?? null;
      const d: Decision = { spec, record, id, digest, local, status: 'new' };
      if (spec.immutable) {
        d.status = local ? 'unchanged' : 'new';
      } else if (local) {
        const localDigest = recordDigest(local);
        // A seeded row (same id in every installation) is nobody's until the level above revises it.
        const seededHere = local.row.owner_id === null && !!spec.seeded?.(local.row);
        const localOwner = seededHere ? (record.row.owner_id as string) : (local.row.owner_id as string | null);
        if (localDigest === digest || sameButOwner(local, record)) d.status = 'unchanged';
        // Seeded in each installation (its own timestamps) and not revised above: nothing to take.
        else if (seededHere && (record.row.revision as number) <= (local.row.revision as number)) d.status = 'unchanged';
        else if (localOwner === null || localOwner === ownOfficeId) Object.assign(d, { status: 'refused', reason: OWN });
        else if (localOwner !== record.row.owner_id) {
          // Units read from an upper level's directory file are stamped as that level's (the file names no
          // owner); a directory coming down (units as its own content, not carried) may move such a unit only
          // to its true owner higher up the path.
          const up = direction === 'down' && !!spec.tree && !table.carried && typeof record.row.owner_id === 'string' && tree.isAbove(record.row.owner_id, localOwner);
          Object.assign(d, up ? { status: 'changed' } : { status: 'refused', reason: 'Đơn vị quản lý bản ghi trong gói khác với bản đang có; không thay đổi.' });
        } else {
          const lr = local.row.revision as number;
          const ir = record.row.revision as number;
          const newer = ir > lr || (ir === lr && digest > localDigest);
          d.status = newer ? 'changed' : 'unchanged';
          if (!newer) d.reason = ir < lr ? `Bản đang có mới hơn (lần sửa ${lr}, trong gói ${ir}).` : undefined;
        }
      } else if (record.row.owner_id === ownOfficeId) {
        Object.assign(d, { status: 'refused', reason: OWN });
      }
      // A row that came only because a record names it (a unit, a person) and is here already: ours stays as it is.
      if (d.status === 'refused' && local && carried.has(spec.table)) Object.assign(d, { status: 'unchanged', reason: 'Đã có ở máy này; giữ nguyên bản đang có.' });
      // A carried row (there only for what the kind's records refer to) that is already here stays as it is:
      // units change through the directory, not as a side effect of a plan or a decision.
      if (table.carried && local && d.status === 'changed') Object.assign(d, { status: 'unchanged', reason: undefined });
      if (d.status === 'new' || d.status === 'changed') {
        const reason = ownerPathProblem(tree, direction, sender, record.row[spec.ownerColumn ?? 'owner_id']);
        if (reason) Object.assign(d, { status: 'refused', reason });
      }
      if ((d.status === 'new' || d.status === 'changed') && spec.locked) {
        const reason = (local && spec.locked(sqlite, local.row)) || spec.locked(sqlite, record.row);
        if (reason) Object.assign(d, { status: 'refused', reason });
      }
      decisions.push(d);
    }
  }
  checkTrees(tree, decisions);
  checkReferences(sqlite, decisions, carried);
  checkUnique(sqlite, decisions);
  checkUniqueLive(sqlite, decisions);
  return decisions;
}

/** Our row made before ownership existed (a seeded occasion) and the same row stamped with the sender: no change. */
function sameButOwner(local: WireRecord, incoming: WireRecord): boolean {
  if (local.row.owner_id !== null) return false;
  return recordDigest({ row: { ...local.row, owner_id: incoming.row.owner_id }, children: local.children }) === recordDigest(incoming);
}

/**
 * No row may become its own ancestor (a self-parent, or a cycle through rows already here): every row on
 * such a loop that the package would write is refused, repeated until the tree it leaves is loop-free.
 */
function checkTrees(tree: OrgTree, decisions: Decision[]): void {
  const writing = decisions.filter((d) => d.spec.tree && (d.status === 'new' || d.status === 'changed'));
  if (!writing.length || !hasLoop(tree, writing)) return;
  for (let changed = true; changed; ) {
    changed = false;
    const parents = new Map<string, string | null>();
    for (const id of tree.ids()) parents.set(id, tree.parentOf(id));
    for (const d of writing) if (d.status !== 'refused') parents.set(d.id, (d.record.row[d.spec.tree!.column] as string | null) ?? null);
    const after = new OrgTree(parents);
    for (const d of writing) {
      if (d.status === 'refused') continue;
      const parent = parents.get(d.id) ?? null;
      if (parent === d.id || (parent !== null && after.ancestors(parent).includes(d.id))) {
        Object.assign(d, { status: 'refused', reason: `${d.spec.label} không thể là ${d.spec.tree!.label} của chính nó (vòng lặp trong cây đơn vị); không nhận.` });
        changed = true;
      }
    }
  }
}

/**
 * Whether the tree as the package would leave it has a loop through a written row (or one it leads to): one
 * walk up from each written row that is some unit's parent, every unit visited once (a unit reached by an
 * earlier walk is known to end at a root). The common case — no loop — costs one pass instead of one copy of
 * the whole tree and one ancestor list per row. Rows new here are in `tree` already with the package's parent
 * (OrgTree.load); only rows that move are looked up apart.
 */
function hasLoop(tree: OrgTree, writing: Decision[]): boolean {
  const moved = new Map<string, string | null>();
  for (const d of writing) {
    // A unit new here is in the tree with the package's parent already (OrgTree.load).
    if (d.local === null && d.spec.table === 'organizations') continue;
    const parent = (d.record.row[d.spec.tree!.column] as string | null) ?? null;
    if (!tree.has(d.id) || tree.parentOf(d.id) !== parent) moved.set(d.id, parent);
  }
  const parentOf = (id: string) => (moved.has(id) ? moved.get(id)! : tree.parentOf(id));
  // Every unit on a loop is the parent of the next one: walks start only from written rows that are a parent
  // (a handful of upper units in a directory of 50,000, rather than every row).
  const parents = tree.parentIds();
  for (const p of moved.values()) if (p !== null) parents.add(p);
  const starts = writing.filter((d) => parents.has(d.id));
  const walkOf = new Map<string, number>();
  for (let walk = 0; walk < starts.length; walk++) {
    for (let id: string | null = starts[walk].id; id !== null; id = parentOf(id)) {
      const seen = walkOf.get(id);
      if (seen === walk) return true;
      if (seen !== undefined) break;
      walkOf.set(id, walk);
    }
  }
  return false;
}

/** The subset of `ids` present in `table`, read in chunks through json_each (no per-id query). */
function existingIds(sqlite: Database.Database, table: string, ids: string[]): Set<string> {
  const found = new Set<string>();
  const query = stmt(sqlite, `SELECT id FROM ${quoteId(table)} WHERE id IN (SELECT value FROM json_each(?))`).pluck();
  for (let i = 0; i < ids.length; i += 20_000) for (const id of query.all(JSON.stringify(ids.slice(i, i + 20_000))) as string[]) found.add(id);
  return found;
}

/**
 * A record whose reference is neither here nor accepted in the package is refused (repeated until stable).
 * A record of a `carried` table (a decision's people, units, nominations, register entry) is written only
 * with a record that names it: when that record is held back, so is everything that came for it.
 */
function checkReferences(sqlite: Database.Database, decisions: Decision[], carried: Set<string>): void {
  const namedBy = new Map<string, Decision[]>();
  for (const d of carried.size ? decisions : []) {
    forEachRef(d, (table, id) => {
      if (!carried.has(table)) return;
      const key = `${table}:${id}`;
      if (!namedBy.has(key)) namedBy.set(key, []);
      namedBy.get(key)!.push(d);
    });
  }
  // Which referenced rows are already here: one bulk read per referenced table.
  const wanted = new Map<string, Set<string>>();
  for (const d of decisions) {
    if (d.status !== 'new' && d.status !== 'changed') continue;
    forEachRef(d, (table, id) => {
      if (!wanted.has(table)) wanted.set(table, new Set());
      wanted.get(table)!.add(id);
    });
  }
  const here = new Map<string, Set<string>>();
  for (const [table, set] of wanted) here.set(table, existingIds(sqlite, table, [...set]));
  // table of a part → the parent tables that must be written whole with their parts
  const partOf = new Map<string, { parent: string; column: string }[]>();
  for (const spec of new Set(decisions.map((d) => d.spec))) {
    for (const w of spec.wholeWith ?? []) partOf.set(w.table, [...(partOf.get(w.table) ?? []), { parent: spec.table, column: w.column }]);
  }
  for (let changed = true; changed; ) {
    changed = false;
    // Accepted rows of the package that something refers to (only those are ever asked for: `wanted`).
    const incoming = new Map<string, Set<string>>();
    for (const d of decisions) {
      if (d.status === 'refused' || !wanted.get(d.spec.table)?.has(d.id)) continue;
      if (!incoming.has(d.spec.table)) incoming.set(d.spec.table, new Set());
      incoming.get(d.spec.table)!.add(d.id);
    }
    const exists = (table: string, id: string) => !!(incoming.get(table)?.has(id) || here.get(table)?.has(id));
    // Parents with a refused part (a decision with a refused awardee): written whole or not at all.
    const refusedParts = new Set<string>();
    for (const d of partOf.size ? decisions : []) {
      if (d.status !== 'refused') continue;
      for (const w of partOf.get(d.spec.table) ?? []) refusedParts.add(`${w.parent}:${String(d.record.row[w.column])}`);
    }
    for (const d of decisions) {
      if (d.status !== 'new' && d.status !== 'changed') continue;
      const missing = missingRef(d, exists);
      if (missing) {
        d.status = 'refused';
        d.reason = `Thiếu ${missing.label} (mã ${missing.id}); hãy nhập gói chứa dữ liệu đó trước rồi nhập lại gói này.`;
        changed = true;
      } else if (d.spec.wholeWith && refusedParts.has(`${d.spec.table}:${d.id}`)) {
        d.status = 'refused';
        d.reason = `Có ${d.spec.wholeWith.map((w) => w.label).join(', ')} trong gói bị từ chối; bản ghi chỉ được ghi khi đủ cả danh sách.`;
        changed = true;
      } else if (carried.has(d.spec.table)) {
        const by = namedBy.get(`${d.spec.table}:${d.id}`) ?? [];
        // Needed only by a record being written (or kept) for itself, not by a carried row that stays as it is.
        if (!by.some((b) => b.status !== 'refused' && !(carried.has(b.spec.table) && b.status === 'unchanged'))) {
          const held = by.find((b) => b.status === 'refused' && !carried.has(b.spec.table)) ?? by[0];
          d.status = 'refused';
          d.reason = held
            ? `Đi kèm ${held.spec.label.toLowerCase()} “${held.spec.describe(held.record.row, held.record.children)}” đang bị giữ lại: ${held.reason ?? ''}`.trim()
            : 'Không có bản ghi nào trong gói cần đến bản ghi này; không ghi.';
          changed = true;
        }
      }
    }
  }
}

function forEachRef(d: Decision, fn: (table: string, id: string) => void): void {
  for (const ref of d.spec.refs) {
    const v = d.record.row[ref.column];
    if (typeof v === 'string') fn(ref.table, v);
  }
  for (const ch of d.spec.children) {
    for (const ref of ch.refs ?? []) {
      for (const r of d.record.children[ch.table] ?? []) {
        const v = r[ref.column];
        if (typeof v === 'string') fn(ref.table, v);
      }
    }
  }
}

function missingRef(d: Decision, exists: (table: string, id: string) => boolean): { label: string; id: string } | null {
  for (const ref of d.spec.refs) {
    const v = d.record.row[ref.column];
    if (typeof v === 'string' && !exists(ref.table, v)) return { label: ref.label, id: v };
  }
  for (const ch of d.spec.children) {
    for (const ref of ch.refs ?? []) {
      for (const r of d.record.children[ch.table] ?? []) {
        const v = r[ref.column];
        if (typeof v === 'string' && !exists(ref.table, v)) return { label: ref.label, id: v };
      }
    }
  }
  return null;
}

function checkUnique(sqlite: Database.Database, decisions: Decision[]): void {
  // One read of each unique column, not one query per record: packages can hold 50,000 records.
  // Keyed by the spec's own entry (no key string built per record).
  const owners = new Map<object, Map<unknown, string>>();
  const ownerOf = (table: string, u: { column: string }) => {
    let map = owners.get(u);
    if (!map) {
      const rows = stmt(sqlite, `SELECT ${quoteId(u.column)} AS v, id FROM ${quoteId(table)}`).all() as { v: unknown; id: string }[];
      owners.set(u, (map = new Map(rows.map((r) => [r.v, r.id]))));
    }
    return map;
  };
  for (const d of decisions) {
    if ((d.status !== 'new' && d.status !== 'changed') || !d.spec.unique) continue;
    for (const u of d.spec.unique) {
      const value = d.record.row[u.column];
      const other = ownerOf(d.spec.table, u).get(value);
      if (other && other !== d.id) {
        d.status = 'refused';
        d.reason = `${u.label} “${String(value)}” đã được dùng cho một bản ghi khác ở máy này.`;
        break;
      }
    }
  }
}

/**
 * Column sets unique among live rows (one registration per unit and đợt…): refused with a message
 * instead of failing the whole transaction on the index. Also between two records of the package.
 */
function checkUniqueLive(sqlite: Database.Database, decisions: Decision[]): void {
  const taken = new Map<string, Map<string, string>>();
  const keyOf = (row: Record<string, unknown>, columns: readonly string[]) => JSON.stringify(columns.map((c) => row[c] ?? null));
  for (const d of decisions) {
    if ((d.status !== 'new' && d.status !== 'changed') || !d.spec.uniqueLive) continue;
    for (const [i, u] of d.spec.uniqueLive.entries()) {
      if (!u.all && d.record.row.deleted_at !== null) continue;
      const name = `${d.spec.table}#${i}`;
      if (!taken.has(name)) {
        const rows = stmt(sqlite, `SELECT id, ${quoteIds(u.columns)} FROM ${quoteId(d.spec.table)}${u.all ? '' : ' WHERE deleted_at IS NULL'}`).all() as Record<string, unknown>[];
        taken.set(name, new Map(rows.map((r) => [keyOf(r, u.columns), r.id as string])));
      }
      const map = taken.get(name)!;
      const key = keyOf(d.record.row, u.columns);
      const other = map.get(key);
      if (other && other !== d.id) {
        d.status = 'refused';
        d.reason = `${u.label}; bản ghi trong gói không được ghi.`;
        break;
      }
      map.set(key, d.id);
    }
  }
}

export function countStatuses(decisions: Decision[]): StatusCounts {
  const c: StatusCounts = { new: 0, changed: 0, unchanged: 0, refused: 0 };
  for (const d of decisions) c[d.status]++;
  return c;
}

const STATUS_ORDER: readonly RecordStatus[] = ['refused', 'new', 'changed', 'unchanged'];

export function previewRows(decisions: Decision[], cap = 2000): { rows: PreviewRow[]; omitted: number } {
  // Refused first, then new, changed, unchanged, each in package order (a stable sort, without sorting 50,000).
  const picked: Decision[] = [];
  for (const status of STATUS_ORDER) {
    for (const d of decisions) {
      if (picked.length >= cap) break;
      if (d.status === status) picked.push(d);
    }
  }
  // Rows a label may name (a decision's register entry, the people of a merge), indexed once and only if asked.
  let index: Map<string, Record<string, unknown>> | null = null;
  const find = (table: string, id: unknown) => {
    index ??= new Map(decisions.filter((d) => d.spec.table === 'register_entries' || d.spec.table === 'people').map((d) => [`${d.spec.table}:${d.id}`, d.record.row]));
    return index.get(`${table}:${String(id)}`);
  };
  const rows = picked.map((d) => ({
    table: d.spec.table,
    tableLabel: d.spec.label,
    id: d.id,
    label: d.spec.describe(d.record.row, d.record.children, find),
    status: d.status,
    ...(d.reason ? { reason: d.reason } : {}),
  }));
  return { rows, omitted: Math.max(0, decisions.length - cap) };
}

