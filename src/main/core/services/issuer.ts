/**
 * The issuer of a document as it was on the document's date: dated name, abbreviation, place and chủ quản
 * line (organization_names), with the name cut into header lines by the layout.
 */
import type { Kysely, Transaction } from 'kysely';
import type { IssuerInput } from '../documents/kinds/common';
import { issuerNameLines } from '../documents/layout/issuer-lines';
import type { DB } from '../db/schema';
import { getNode } from './organizations';

type Q = Kysely<DB> | Transaction<DB>;

export async function issuerAt(q: Q, organizationId: string, date: string): Promise<IssuerInput> {
  const org = await getNode(q, organizationId, date);
  return {
    parentLines: org.parentLine ? [org.parentLine] : [],
    nameLines: issuerNameLines(org.name),
    name: org.name,
    abbreviation: org.abbreviation,
    place: org.placeName,
  };
}
