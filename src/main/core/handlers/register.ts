import { writeFile } from 'node:fs/promises';
import type { AreaHandlers } from '../registry';
import { renderSource } from '../documents/sources';
import { requireOffice } from '../services/office';
import { issueNumber, previewNumber, registerYear, registerYears } from '../services/register';

export const registerHandlers = {
  'register.list': async (input, ctx) => registerYear(ctx.db, input.issuerId ?? (await requireOffice(ctx.db)).organizationId, input.year),
  'register.years': async (input, ctx) => registerYears(ctx.db, input.issuerId ?? (await requireOffice(ctx.db)).organizationId),
  'register.preview': async (input, ctx) =>
    previewNumber(ctx.db, { issuerId: input.issuerId ?? (await requireOffice(ctx.db)).organizationId, kindAbbr: input.kindAbbr, date: input.date, number: input.number }),
  'register.add': async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    const entry = await ctx.db.transaction().execute((q) =>
      issueNumber(q, { issuerId: office.organizationId, kindAbbr: input.kindAbbr, date: input.date, subject: input.subject, number: input.number }),
    );
    ctx.emit('data.changed', { area: 'register' });
    return entry;
  },
} satisfies AreaHandlers<'register.'>;

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
