/** A stored general document → the general composer's input (issuer as on the document's date). */
import type { Kysely } from 'kysely';
import { GENERAL_KINDS } from '../../../shared/schemas/general-documents';
import type { PartialDate } from '../../../shared/vi-text/dates';
import type { DB } from '../db/schema';
import { documentFileName } from '../documents/file-name';
import { composeGeneral } from '../documents/kinds/general';
import type { OfficialDocument } from '../documents/model';
import { getGeneral } from './general-documents';
import { issuerAt } from './issuer';
import { recipientsInputOf, signerInputOf } from './plan-document';
import { todayIso } from '../util/time';

/** An issued document prints its number and date; a draft leaves both blank for the hand-written ones. */
export async function generalDocument(q: Kysely<DB>, id: string): Promise<{ document: OfficialDocument; fileName: string }> {
  const doc = await getGeneral(q, id);
  const at = doc.issuedDate ?? doc.plannedDate ?? todayIso();
  const [y, m] = at.split('-').map(Number);
  const date: PartialDate | string = doc.issuedDate ?? { year: y, month: m };
  const kind = GENERAL_KINDS[doc.kind];
  const document = composeGeneral({
    typeAbbr: doc.kind,
    kindName: kind.kindName,
    issuer: await issuerAt(q, doc.issuerId, at),
    number: doc.issuedNumber,
    date,
    subject: doc.subject,
    unitAbbr: doc.unitAbbr || undefined,
    addressees: doc.body.addressees,
    blocks: doc.body.blocks,
    pointStyle: doc.body.pointStyle,
    signer: signerInputOf(doc.body.signer),
    recipients: recipientsInputOf(doc.body.recipients),
  });
  const stem = doc.issuedNumber ? `${kind.label} ${doc.identity.replace(/\//g, ' ')}` : `Du thao ${kind.label} ${todayIso()}`;
  return { document, fileName: documentFileName(stem) };
}
