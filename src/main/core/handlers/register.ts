import { writeFile } from 'node:fs/promises';
import { mutator, type AreaHandlers } from '../registry';
import { renderSource } from '../documents/sources';
import { requireOffice } from '../services/office';
import { issueNumber, registerYear, registerYears } from '../services/register';

export const registerHandlers = {
  'register.list': async (input, ctx) => registerYear(ctx.db, input.issuerId ?? (await requireOffice(ctx.db)).organizationId, input.year),
  'register.years': async (input, ctx) => registerYears(ctx.db, input.issuerId ?? (await requireOffice(ctx.db)).organizationId),
  'register.add': mutator('register', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    return issueNumber(ctx.db, { issuerId: office.organizationId, kindAbbr: input.kindAbbr, date: input.date, subject: input.subject, number: input.number });
  }),
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
