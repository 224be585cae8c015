/**
 * The issuer of a document as it was on the document's date: dated name, abbreviation, place and chủ quản
 * line (organization_names), with the name cut into header lines by the layout. A unit that has no place
 * of its own (a CĐCS) writes its upper unit's địa danh, and one without a chủ quản line prints its direct
 * upper unit's name there (docs/rules.md §1.5, §2.2), so no document prints ", ngày …" or an empty ô 1.
 */
import type { Kysely } from 'kysely';
import { upperVi } from '../../../shared/vi-text/caps';
import { fold } from '../../../shared/vi-text/normalize';
import type { IssuerInput } from '../documents/kinds/common';
import { issuerNameLines } from '../documents/layout/issuer-lines';
import type { DB } from '../db/schema';
import { getNode, getOrgRow } from './organizations';
import { getDocumentLayout } from './settings';


/** Upper units of `organizationId`, nearest first, as named on `date`. */
async function uppers(q: Kysely<DB>, organizationId: string, date: string) {
  const out: Awaited<ReturnType<typeof getNode>>[] = [];
  let parentId = (await getOrgRow(q, organizationId)).parent_id;
  for (let guard = 0; parentId && guard < 20; guard++) {
    const node = await getNode(q, parentId, date);
    out.push(node);
    parentId = (await getOrgRow(q, parentId)).parent_id;
  }
  return out;
}

/** The office's own manual header break (Cài đặt → Văn bản), while it still spells the name in force. */
async function manualLines(q: Kysely<DB>, organizationId: string, name: string): Promise<string[] | null> {
  const office = await q.selectFrom('office').select('organization_id').executeTakeFirst();
  if (office?.organization_id !== organizationId) return null;
  const lines = (await getDocumentLayout(q)).issuerLines.split('\n').filter(Boolean);
  return lines.length && fold(lines.join(' ')) === fold(name) ? lines.map(upperVi) : null;
}

export async function issuerAt(q: Kysely<DB>, organizationId: string, date: string): Promise<IssuerInput> {
  const org = await getNode(q, organizationId, date);
  const up = !org.placeName || !org.parentLine ? await uppers(q, organizationId, date) : [];
  // ND30 allows the chủ quản's name abbreviated: its short name ("LĐLĐ tỉnh Bắc Kạn") when it has one.
  const parentLine = org.parentLine || (up[0] ? upperVi(up[0].shortName || up[0].name) : '');
  return {
    parentLines: parentLine ? issuerNameLines(parentLine, { bold: false }) : [],
    nameLines: (await manualLines(q, organizationId, org.name)) ?? issuerNameLines(org.name),
    name: org.name,
    abbreviation: org.abbreviation,
    place: org.placeName || up.find((u) => u.placeName)?.placeName || '',
  };
}

/** "Ban Thường vụ <upper unit>" as named on `date`: the default Kính gửi of what goes up; null at the top. */
export async function upperAddressee(q: Kysely<DB>, organizationId: string, date: string): Promise<string | null> {
  const parentId = (await getOrgRow(q, organizationId)).parent_id;
  if (!parentId) return null;
  return `Ban Thường vụ ${(await getNode(q, parentId, date)).name}`;
}
