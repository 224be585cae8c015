import { writeFile } from 'node:fs/promises';
import type { Ctx } from '../context';
import type { CQ } from '../db/schema-commendations';
import type { AreaHandlers } from '../registry';
import { catalogue, deleteDated, saveBaseSalary, saveCoefficient, saveExclusion, saveForm, saveRounding } from '../services/commendations/catalogue';
import { printCertificates, printJobs } from '../services/commendations/certificates';
import { correctDecision, deleteDecision, getDecision, issueDecision, listDecisions, saveDecision } from '../services/commendations/decisions';
import { history, historyXlsx, statistics } from '../services/commendations/history';
import { moneyAt } from '../services/commendations/money';
import { checkNomination, deleteNomination, getNomination, listNominations, reviewNomination, saveNomination } from '../services/commendations/nominations';
import { getProposal, issueProposal, listProposals, saveProposal } from '../services/commendations/proposals';
import { requireOffice } from '../services/office';
import { todayIso } from '../util/time';

const db = (ctx: Ctx): CQ => ctx.db;

/** Every write in one transaction: a refused input leaves the database as it was. */
async function write<T>(ctx: Ctx, fn: (q: CQ, officeId: string) => Promise<T>): Promise<T> {
  const office = await requireOffice(ctx.db);
  const out = await ctx.db.transaction().execute((trx) => fn(trx, office.organizationId));
  ctx.emit('data.changed', { area: 'commendations' });
  return out;
}

const officeId = async (ctx: Ctx) => (await requireOffice(ctx.db)).organizationId;

export const commendationHandlers = {
  'commendations.catalogue': (_input, ctx) => catalogue(db(ctx)),
  'commendations.saveForm': (input, ctx) => write(ctx, (q, o) => saveForm(q, o, input)),
  'commendations.saveCoefficient': async (input, ctx) => (await write(ctx, (q, o) => saveCoefficient(q, o, input)), catalogue(db(ctx))),
  'commendations.saveBaseSalary': async (input, ctx) => (await write(ctx, (q, o) => saveBaseSalary(q, o, input)), catalogue(db(ctx))),
  'commendations.saveRounding': async (input, ctx) => (await write(ctx, (q, o) => saveRounding(q, o, input)), catalogue(db(ctx))),
  'commendations.saveExclusion': async (input, ctx) => (await write(ctx, (q, o) => saveExclusion(q, o, input)), catalogue(db(ctx))),
  'commendations.deleteDated': async (input, ctx) => (await write(ctx, (q, o) => deleteDated(q, input, o)), catalogue(db(ctx))),
  'commendations.money': (input, ctx) => moneyAt(db(ctx), input.formId, input.target, input.date),

  'commendations.listNominations': async (input, ctx) => listNominations(db(ctx), await officeId(ctx), input),
  'commendations.saveNomination': async (input, ctx) => {
    const id = await write(ctx, (q, o) => saveNomination(q, o, input));
    return getNomination(db(ctx), id, await officeId(ctx));
  },
  'commendations.deleteNomination': async (input, ctx) => (await write(ctx, (q, o) => deleteNomination(q, input.id, o)), null),
  'commendations.checkNomination': (input, ctx) => checkNomination(db(ctx), input.id, todayIso()),
  'commendations.review': async (input, ctx) => {
    await write(ctx, (q, o) => reviewNomination(q, o, input));
    return getNomination(db(ctx), input.nominationId, await officeId(ctx));
  },

  'commendations.listProposals': async (_input, ctx) => listProposals(db(ctx), await officeId(ctx)),
  'commendations.saveProposal': async (input, ctx) => {
    const id = await write(ctx, (q, o) => saveProposal(q, o, input));
    return getProposal(db(ctx), id, await officeId(ctx));
  },
  'commendations.issueProposal': async (input, ctx) => {
    await write(ctx, (q, o) => issueProposal(q, o, input));
    ctx.emit('data.changed', { area: 'register' });
    return getProposal(db(ctx), input.id, await officeId(ctx));
  },

  'commendations.listDecisions': (input, ctx) => listDecisions(db(ctx), input.periodYear),
  'commendations.getDecision': (input, ctx) => getDecision(db(ctx), input.id),
  'commendations.saveDecision': async (input, ctx) => getDecision(db(ctx), await write(ctx, (q, o) => saveDecision(q, o, input))),
  'commendations.deleteDecision': async (input, ctx) => (await write(ctx, (q) => deleteDecision(q, input.id)), null),
  'commendations.issueDecision': async (input, ctx) => {
    await write(ctx, (q, o) => issueDecision(q, o, input));
    ctx.emit('data.changed', { area: 'register' });
    return getDecision(db(ctx), input.id);
  },
  'commendations.correctDecision': async (input, ctx) => getDecision(db(ctx), await write(ctx, (q, o) => correctDecision(q, o, input.id))),

  'commendations.printCertificates': (input, ctx) => printCertificates(ctx.db, ctx.host, input),
  'commendations.printJobs': (input, ctx) => printJobs(ctx.db, input.decisionId),

  'commendations.history': (input, ctx) => history(db(ctx), input),
  'commendations.exportHistory': async (input, ctx) => {
    const bytes = await historyXlsx(await history(db(ctx), input));
    const path = await ctx.host.chooseSavePath(`Lich-su-khen-thuong-${todayIso()}.xlsx`, [{ name: 'Excel', extensions: ['xlsx'] }]);
    if (path) await writeFile(path, bytes);
    return { path };
  },
  'commendations.statistics': (input, ctx) => statistics(db(ctx), input),
} satisfies AreaHandlers<'commendations.'>;
