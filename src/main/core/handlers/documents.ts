import { writeFile } from 'node:fs/promises';
import type { AreaHandlers } from '../registry';
import { renderSource } from '../services/document-sources';

/** Generated documents: preview and export render the same bytes; neither writes to the database. */
export const documentHandlers = {
  'documents.preview': async (input, ctx) => {
    const { bytes, fileName } = await renderSource(ctx.db, input.kind, input.id);
    return { fileName, dataBase64: Buffer.from(bytes).toString('base64') };
  },
  'documents.export': async (input, ctx) => {
    const { bytes, fileName } = await renderSource(ctx.db, input.kind, input.id);
    const path = await ctx.host.chooseSavePath(fileName, [{ name: 'Word', extensions: ['docx'] }]);
    if (path) await writeFile(path, bytes);
    return { path };
  },
} satisfies AreaHandlers<'documents.'>;
