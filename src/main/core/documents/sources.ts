/**
 * Where documents come from: each kind of record (plan, later decision, nomination, report…) registers
 * how to turn one stored record into an OfficialDocument. documents.preview and documents.export use
 * this one table, so a new kind plugs in with one line.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { DB } from '../db/schema';
import { commendationSources } from '../services/commendations/documents';
import { planDocument } from '../services/plan-document';
import { registrationSources } from '../services/registration-documents';
import { reportDocument } from '../services/reports/document';
import { getDocumentLayout } from '../services/settings';
import type { OfficialDocument } from './model';
import { renderDocx } from './layout/render';
import { layoutOverridesOf, withLetterSettings } from './office-settings';

export interface DocumentSource {
  /** What the clerk reads in messages, e.g. "kế hoạch". */
  label: string;
  load(db: Kysely<DB>, id: string): Promise<{ document: OfficialDocument; fileName: string }>;
}

export const documentSources: Record<string, DocumentSource> = {
  plan: { label: 'kế hoạch', load: planDocument },
  ...registrationSources,
  ...commendationSources,
  'phase-report': { label: 'báo cáo', load: reportDocument },
};

export async function renderSource(db: Kysely<DB>, kind: string, id: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const source = Object.prototype.hasOwnProperty.call(documentSources, kind) ? documentSources[kind] : undefined;
  if (!source) throw new AppError('VALIDATION', `Loại văn bản "${kind}" chưa được hỗ trợ.`);
  const { document, fileName } = await source.load(db, id);
  // The office's layout settings apply to every document it prints.
  const settings = await getDocumentLayout(db);
  return { bytes: await renderDocx(withLetterSettings(document, settings), layoutOverridesOf(settings)), fileName };
}
