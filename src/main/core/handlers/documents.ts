import { isOptionKind } from '../../../shared/calls/documents';
import { AppError } from '../../../shared/errors';
import type { Ctx } from '../context';
import { mutator, type AreaHandlers } from '../registry';
import { writeOptions } from '../services/document-options';
import { documentOptionsView, renderSource } from '../services/document-sources';
import { issueReminder } from '../services/reminder-letter';
import { saveFile } from '../util/save-file';

const read = (ctx: Ctx) => ({ db: ctx.db });

/** Generated documents: preview and export render the same bytes; the clerk's choices and issued letters are writes. */
export const documentHandlers = {
  'documents.preview': async (input, ctx) => {
    const { bytes, fileName } = await renderSource(read(ctx), input.kind, input.id);
    return { fileName, dataBase64: Buffer.from(bytes).toString('base64') };
  },
  'documents.export': async (input, ctx) => {
    const { bytes, fileName } = await renderSource(read(ctx), input.kind, input.id);
    const path = await ctx.host.chooseSavePath(fileName, [{ name: 'Word', extensions: ['docx'] }]);
    if (path) await saveFile(path, bytes);
    return { path };
  },
  'documents.getOptions': async (input, ctx) => {
    const kind = input.kind;
    if (!isOptionKind(kind)) {
      throw new AppError('VALIDATION', 'Kính gửi, Nơi nhận của loại văn bản này sửa ngay trong trình soạn thảo của nó.');
    }
    return documentOptionsView(read(ctx), kind, input.id);
  },
  'documents.saveOptions': mutator('documents', async (input, ctx) => {
    await writeOptions(ctx.db, input.kind, input.id, { addressees: input.addressees, recipients: input.recipients, deadline: input.deadline });
    return documentOptionsView(read(ctx), input.kind, input.id);
  }),
  'documents.issueLetter': mutator(['documents', 'register'], async (input, ctx) => issueReminder(read(ctx), input)),
} satisfies AreaHandlers<'documents.'>;
