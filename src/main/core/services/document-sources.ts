/**
 * Where documents come from: each document kind (src/shared/documents.ts) maps to the loader that turns
 * one stored record into an OfficialDocument. The table is a Record over the enum, so a kind without a
 * loader is a compile error. The office's layout settings apply to every document rendered here.
 */
import type { Kysely } from 'kysely';
import type { DocumentKind } from '../../../shared/documents';
import type { DB } from '../db/schema';
import { renderDocx } from '../documents/layout/render';
import { layoutOverridesOf, withLetterSettings } from '../documents/office-settings';
import { decisionDocument, proposalDocument } from './commendations/documents';
import type { DocumentLoader } from './document-source';
import { planDocument } from './plan-document';
import { registrationDocument, reminderDocument, worksListDocument } from './registration-documents';
import { reportDocument } from './reports/document';
import { getDocumentLayout } from './settings';

export const documentLoaders: Record<DocumentKind, DocumentLoader> = {
  plan: planDocument,
  registration: registrationDocument,
  'works-list': worksListDocument,
  'registration-reminder': reminderDocument,
  decision: decisionDocument,
  'commendation-proposal': proposalDocument,
  'phase-report': reportDocument,
};

export async function renderSource(db: Kysely<DB>, kind: DocumentKind, id: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { document, fileName } = await documentLoaders[kind](db, id);
  const settings = await getDocumentLayout(db);
  return { bytes: await renderDocx(withLetterSettings(document, settings), layoutOverridesOf(settings)), fileName };
}
