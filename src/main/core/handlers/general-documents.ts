import { mutator, type AreaHandlers } from '../registry';
import {
  createGeneral, deleteGeneral, duplicateGeneral, getGeneral, issueGeneral, listGeneral, saveGeneral,
} from '../services/general-documents';
import { requireOffice } from '../services/office';
import { getDocumentLayout } from '../services/settings';

export const generalDocumentHandlers = {
  'generalDocs.list': async (input, ctx) => listGeneral(ctx.db, (await requireOffice(ctx.db)).organizationId, input.year),
  'generalDocs.get': (input, ctx) => getGeneral(ctx.db, input.id),
  'generalDocs.create': mutator('documents', async (input, ctx) => getGeneral(ctx.db, await createGeneral(ctx.db, await requireOffice(ctx.db), input.kind))),
  // Autosave: the editor holds the draft; the list refreshes when the clerk goes back to it.
  'generalDocs.save': mutator([], async (input, ctx) => {
    await saveGeneral(ctx.db, input);
    return getGeneral(ctx.db, input.id);
  }),
  'generalDocs.delete': mutator('documents', async (input, ctx) => {
    await deleteGeneral(ctx.db, input.id);
    return null;
  }),
  'generalDocs.duplicate': mutator('documents', async (input, ctx) => getGeneral(ctx.db, await duplicateGeneral(ctx.db, input.id))),
  'generalDocs.issue': mutator(['documents', 'register'], async (input, ctx) => {
    const layout = await getDocumentLayout(ctx.db);
    await issueGeneral(ctx.db, input, layout.letter.unitAbbr);
    return getGeneral(ctx.db, input.id);
  }),
} satisfies AreaHandlers<'generalDocs.'>;
