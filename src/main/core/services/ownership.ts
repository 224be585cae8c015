import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { OwnedTable, OwnershipView } from '../../../shared/schemas/exchange';
import type { DB } from '../db/schema';
import { unitNames } from './organizations';

/**
 * The one guard for records owned by another office (DESIGN principle 6, "Exchange trust"). Each write path of a
 * travelling record calls it once. A record is read-only here when its owner is another office and either
 * - the owner is not below this office (an upper level's plan, a unit the upper level maintains), or
 * - it is below, but the record came from that office's own installation in a package (a lower unit's
 *   registration as it sent it); what this office typed in for a lower unit from paper stays editable.
 * Travelling tables only (OWNED_TABLES, a zod enum where a name comes from a call); never built from data.
 */
export type { OwnedTable };

export async function ownershipOf(db: Kysely<DB>, table: OwnedTable, id: string): Promise<OwnershipView | null> {
  return (await ownershipsOf(db, table, [id])).get(id) ?? null;
}

/** This office's own record (or one nobody owns). */
export const OWN_RECORD: OwnershipView = Object.freeze({ ownerId: null, ownerName: null, readOnly: false });

/**
 * The same answer for many records of one table in a few queries (lists show it per row): the units below this
 * office are read once, the journal once, the owners' names once. Missing ids are left out of the map.
 */
export async function ownershipsOf(db: Kysely<DB>, table: OwnedTable, ids: readonly string[]): Promise<Map<string, OwnershipView>> {
  const out = new Map<string, OwnershipView>();
  if (!ids.length) return out;
  const rows = (await sql<{ id: string; owner_id: string | null }>`SELECT id, owner_id FROM ${sql.table(table)} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db)).rows;
  const office = await db.selectFrom('office').select('organization_id').executeTakeFirst();
  const foreign = rows.filter((r) => office && r.owner_id !== null && r.owner_id !== office.organization_id);
  for (const r of rows) out.set(r.id, OWN_RECORD);
  if (!foreign.length || !office) return out;
  const below = await unitsBelow(db, office.organization_id);
  const fromBelow = foreign.filter((r) => below.has(r.owner_id!)).map((r) => r.id);
  const arrived = fromBelow.length ? await arrivedInPackage(db, table, fromBelow) : new Set<string>();
  const names = await unitNames(db, foreign.map((r) => r.owner_id));
  for (const r of foreign) {
    const ownerId = r.owner_id!;
    out.set(r.id, { ownerId, ownerName: names.get(ownerId) ?? 'đơn vị khác', readOnly: !below.has(ownerId) || arrived.has(r.id) });
  }
  return out;
}

/** Refuses a write to a record another office owns, naming that office. */
export async function assertOwnRecord(db: Kysely<DB>, table: OwnedTable, id: string): Promise<void> {
  const o = await ownershipOf(db, table, id);
  if (o?.readOnly) {
    throw new AppError(
      'CONFLICT',
      `Bản ghi này do “${o.ownerName}” quản lý; ở đơn vị mình chỉ xem, không sửa hay xóa được. Thay đổi phải do “${o.ownerName}” thực hiện và gửi gói trao đổi.`,
    );
  }
}

/** Every unit under this office, at any depth (UNION stops at a unit already seen). */
async function unitsBelow(db: Kysely<DB>, officeId: string): Promise<Set<string>> {
  const r = await sql<{ id: string }>`
    WITH RECURSIVE down(id) AS (
      SELECT id FROM organizations WHERE parent_id = ${officeId}
      UNION SELECT o.id FROM organizations o JOIN down ON o.parent_id = down.id
    )
    SELECT id FROM down`.execute(db);
  return new Set(r.rows.map((x) => x.id));
}

/** The office and every level above it in the unit tree (whose councils' reviews decide a nomination here). */
export async function officeAndAbove(db: Kysely<DB>, officeId: string): Promise<Set<string>> {
  const r = await sql<{ id: string }>`
    WITH RECURSIVE up(id, depth) AS (
      SELECT ${officeId}, 0
      UNION ALL SELECT o.parent_id, up.depth + 1 FROM organizations o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL AND up.depth < 64
    )
    SELECT id FROM up`.execute(db);
  return new Set(r.rows.map((x) => x.id));
}

/** Those of `ids` written by an import not undone: one journal row per changed record, or a batch (JSON array) of created ones. */
async function arrivedInPackage(db: Kysely<DB>, table: OwnedTable, ids: string[]): Promise<Set<string>> {
  const wanted = new Set(ids);
  const r = await sql<{ record_id: string }>`
    SELECT j.record_id FROM exchange_journal j JOIN exchange_imports i ON i.id = j.import_id
    WHERE i.undone_at IS NULL AND j.table_name = ${table}
      AND (j.record_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) OR j.record_id LIKE '[%')`.execute(db);
  const hit = new Set<string>();
  for (const { record_id } of r.rows) {
    for (const id of record_id.startsWith('[') ? (JSON.parse(record_id) as string[]) : [record_id]) if (wanted.has(id)) hit.add(id);
  }
  return hit;
}
