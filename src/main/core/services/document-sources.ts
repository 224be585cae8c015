/**
 * Where documents come from: each document kind (src/shared/documents.ts) maps to the loader that turns
 * one stored record into an OfficialDocument. The table is a Record over the enum, so a kind without a
 * loader is a compile error. The office's layout settings apply to every document rendered here.
 */
import type { DocumentOptionsView, OptionKind } from '../../../shared/calls/documents';
import type { DocumentKind } from '../../../shared/documents';
import { renderDocx } from '../documents/layout/render';
import { layoutOverridesOf, withOfficeSettings } from '../documents/office-settings';
import { decisionDocument, proposalDocument } from './commendations/documents';
import { achievementReportDocument, ballotCountDocument, ballotDocument, councilMinutesDocument } from './commendations/dossier-documents';
import { defaultArchive, NO_OPTIONS, readOptions } from './document-options';
import type { DocumentLoader } from './document-source';
import { generalDocument } from './general-document-loader';
import { planDocument } from './plan-document';
import { issuedLetters, reminderDocument } from './reminder-letter';
import { registrationDocument, scopeOf, worksListDocument } from './registration-documents';
import type { ReadCtx } from './document-source';
import { reportDocument } from './reports/document';
import { getDocumentLayout } from './settings';

export const documentLoaders: Record<DocumentKind, DocumentLoader> = {
  plan: (c, id) => planDocument(c.db, id),
  registration: registrationDocument,
  'works-list': worksListDocument,
  'registration-reminder': reminderDocument,
  decision: decisionDocument,
  'commendation-proposal': proposalDocument,
  'phase-report': (c, id) => reportDocument(c.db, id),
  general: (c, id) => generalDocument(c.db, id),
  'council-minutes': (c, id) => councilMinutesDocument(c.db, id),
  'council-ballot': (c, id) => ballotDocument(c.db, id),
  'ballot-count': (c, id) => ballotCountDocument(c.db, id),
  'achievement-report': (c, id) => achievementReportDocument(c.db, id),
};

export async function renderSource(c: ReadCtx, kind: DocumentKind, id: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const settings = await getDocumentLayout(c.db);
  const options = await readOptions(c.db, kind, id);
  const { document, fileName } = await documentLoaders[kind]({ ...c, options, settings }, id);
  return { bytes: await renderDocx(withOfficeSettings(document, settings), layoutOverridesOf(settings)), fileName };
}

const unpunctuate = (s: string) => s.trim().replace(/^-\s*/, '').replace(/[;.]+$/, '');

/**
 * The Kính gửi / Nơi nhận the clerk edits, beside the kind's defaults — read back from the document the
 * kind composes with no choice stored, so the defaults shown are exactly what would print.
 */
export async function documentOptionsView(c: ReadCtx, kind: OptionKind, id: string): Promise<DocumentOptionsView> {
  const settings = await getDocumentLayout(c.db);
  const stored = await readOptions(c.db, kind, id);
  const { document } = await documentLoaders[kind]({ ...c, options: { ...NO_OPTIONS, deadline: stored.deadline }, settings }, id);
  const lines = (document.recipients?.groups ?? []).flatMap((g) => g.items).map(unpunctuate);
  const archive = lines.length && /^Lưu:/.test(lines[lines.length - 1]) ? lines.pop()!.replace(/^Lưu:\s*/, '') : defaultArchive(settings);
  const defaults: DocumentOptionsView['defaults'] = { addressees: (document.addressees?.items ?? []).map(unpunctuate), recipients: { items: lines, archive }, deadline: null };
  if (kind === 'registration-reminder') {
    const { phaseId } = await scopeOf(c.db, id);
    defaults.deadline = phaseId ? ((await c.db.selectFrom('movement_phases').select('registration_deadline').where('id', '=', phaseId).executeTakeFirst())?.registration_deadline ?? null) : null;
  }
  return {
    kind,
    id,
    addressees: stored.addressees ?? defaults.addressees,
    recipients: stored.recipients ?? defaults.recipients,
    deadline: stored.deadline ?? defaults.deadline,
    defaults,
    customized: !!(stored.addressees || stored.recipients || stored.deadline),
    letters: kind === 'registration-reminder' ? await issuedLetters(c.db, id) : [],
  };
}
