import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { OwnedTable, OwnershipView } from '../../../shared/schemas/exchange';
import type { DB } from '../db/schema';

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
  const row = (await sql<{ owner_id: string | null }>`SELECT owner_id FROM ${sql.table(table)} WHERE id = ${id}`.execute(db)).rows[0];
  if (!row) return null;
  const office = await db.selectFrom('office').select('organization_id').executeTakeFirst();
  if (!office || row.owner_id === null || row.owner_id === office.organization_id) return { ownerId: null, ownerName: null, readOnly: false };
  const readOnly = !(await isBelow(db, row.owner_id, office.organization_id)) || (await arrivedInPackage(db, table, id));
  return { ownerId: row.owner_id, ownerName: await ownerName(db, row.owner_id), readOnly };
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

async function isBelow(db: Kysely<DB>, unitId: string, officeId: string): Promise<boolean> {
  const r = await sql<{ hit: number }>`
    WITH RECURSIVE up(id, depth) AS (
      SELECT parent_id, 1 FROM organizations WHERE id = ${unitId}
      UNION ALL SELECT o.parent_id, up.depth + 1 FROM organizations o JOIN up ON o.id = up.id WHERE up.depth < 64
    )
    SELECT 1 AS hit FROM up WHERE id = ${officeId} LIMIT 1`.execute(db);
  return r.rows.length > 0;
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

/** Written by an import not undone: one journal row per changed record, or a batch (JSON array) of created ones. */
async function arrivedInPackage(db: Kysely<DB>, table: OwnedTable, id: string): Promise<boolean> {
  const r = await sql<{ hit: number }>`
    SELECT 1 AS hit FROM exchange_journal j JOIN exchange_imports i ON i.id = j.import_id
    WHERE i.undone_at IS NULL AND j.table_name = ${table} AND (j.record_id = ${id} OR (j.record_id LIKE '[%' AND instr(j.record_id, ${id}) > 0))
    LIMIT 1`.execute(db);
  return r.rows.length > 0;
}

async function ownerName(db: Kysely<DB>, orgId: string): Promise<string> {
  const r = await db.selectFrom('organization_names').select('name').where('organization_id', '=', orgId).orderBy('valid_from', 'desc').executeTakeFirst();
  return r?.name ?? 'đơn vị khác';
}
