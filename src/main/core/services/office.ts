import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { OfficeView } from '../../../shared/schemas/office';
import type { OrgLevel } from '../../../shared/schemas/organizations';
import type { DB } from '../db/schema';
import { nowIso } from '../util/time';
import { createOrg, getNode, getOrgRow, type NameFields } from './organizations';

export interface Signer {
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
}

export async function getOffice(db: Kysely<DB>): Promise<OfficeView | null> {
  const row = await db.selectFrom('office').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return null;
  const org = await getNode(db, row.organization_id);
  return {
    organizationId: org.id,
    level: org.level,
    name: org.name,
    shortName: org.shortName,
    abbreviation: org.abbreviation,
    placeName: org.placeName,
    parentLine: org.parentLine,
    signerAuthority: row.signer_authority,
    signerTitle: row.signer_title,
    signerName: row.signer_name,
  };
}

export async function requireOffice(db: Kysely<DB>): Promise<OfficeView> {
  const office = await getOffice(db);
  if (!office) throw new AppError('NOT_SET_UP', 'Chưa thiết lập đơn vị sử dụng phần mềm. Hãy hoàn tất bước thiết lập ban đầu.');
  return office;
}

/**
 * Both first-run paths: refuse a second setup, let `pickOrg` name this office's organization, record the
 * signer defaults (the caller's transaction makes it all or nothing).
 */
async function setUp(trx: Kysely<DB>, signer: Signer, pickOrg: (trx: Kysely<DB>) => Promise<string>): Promise<OfficeView> {
  const existing = await trx.selectFrom('office').select('id').executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', 'Đơn vị sử dụng đã được thiết lập; hãy sửa trong mục Cài đặt.');
  const organizationId = await pickOrg(trx);
  const now = nowIso();
  await trx
    .insertInto('office')
    .values({
      id: 1,
      organization_id: organizationId,
      signer_authority: signer.signerAuthority,
      signer_title: signer.signerTitle,
      signer_name: signer.signerName,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return (await getOffice(trx))!;
}

/** First run: this installation's own organization and its signer defaults. */
export function setupOffice(db: Kysely<DB>, input: NameFields & Signer & { level: OrgLevel }): Promise<OfficeView> {
  return setUp(db, input, async (trx) => {
    const org = await createOrg(trx, { ...input, parentId: null, code: '' });
    await trx.updateTable('organizations').set({ owner_id: org.id }).where('id', '=', org.id).execute();
    return org.id;
  });
}

/** First run from the upper level's directory: this office is an existing unit (same id on both sides). */
export function setupOfficeFromDirectory(db: Kysely<DB>, input: Signer & { organizationId: string }): Promise<OfficeView> {
  return setUp(db, input, async (trx) => {
    const org = await getOrgRow(trx, input.organizationId);
    if (org.ended_on) throw new AppError('VALIDATION', 'Đơn vị này đã sáp nhập hoặc giải thể; hãy chọn đơn vị đang hoạt động.');
    // Every unit in the file is the upper level's record, not this office's: stamp them so, or the upper's
    // directory packages would be refused as "owned here" and the units editable here (DESIGN, exchange trust).
    if (org.parent_id) await trx.updateTable('organizations').set({ owner_id: org.parent_id }).where('owner_id', 'is', null).execute();
    return org.id;
  });
}

export async function updateOffice(db: Kysely<DB>, input: Signer): Promise<OfficeView> {
  await requireOffice(db);
  await db
    .updateTable('office')
    .set({ signer_authority: input.signerAuthority, signer_title: input.signerTitle, signer_name: input.signerName, updated_at: nowIso() })
    .where('id', '=', 1)
    .execute();
  return (await getOffice(db))!;
}
