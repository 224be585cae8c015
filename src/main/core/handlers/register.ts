import type { AreaHandlers } from '../registry';
import { mutator } from '../registry';
import { requireOffice } from '../services/office';
import { issueNumber, previewNumber, registerYear, registerYears } from '../services/register';
import { getDocumentLayout } from '../services/settings';

export const registerHandlers = {
  'register.list': async (input, ctx) => registerYear(ctx.db, input.issuerId ?? (await requireOffice(ctx.db)).organizationId, input.year),
  'register.years': async (input, ctx) => registerYears(ctx.db, input.issuerId ?? (await requireOffice(ctx.db)).organizationId),
  'register.preview': async (input, ctx) =>
    previewNumber(ctx.db, {
      issuerId: input.issuerId ?? (await requireOffice(ctx.db)).organizationId,
      kindAbbr: input.kindAbbr,
      date: input.date,
      number: input.number,
      // A công văn: the drafting unit typed on the document, else the office setting.
      ...(input.letterUnit !== undefined ? { letterUnit: input.letterUnit } : input.letter ? { letterUnit: (await getDocumentLayout(ctx.db)).letter.unitAbbr } : {}),
    }),
  'register.add': mutator('register', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    return issueNumber(ctx.db, { issuerId: office.organizationId, kindAbbr: input.kindAbbr, date: input.date, subject: input.subject, number: input.number });
  }),
} satisfies AreaHandlers<'register.'>;
