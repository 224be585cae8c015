import type { Ctx } from '../context';
import { mutator, stagedMutator, type AreaHandlers } from '../registry';
import { catalogue, deleteDated, saveBaseSalary, saveCoefficient, saveExclusion, saveForm, saveRounding } from '../services/commendations/catalogue';
import { printCertificates, printJobs, recordPrintJob } from '../services/commendations/certificates';
import { correctDecision, deleteDecision, getDecision, issueDecision, listDecisions, saveDecision } from '../services/commendations/decisions';
import { history, historyXlsx, statistics } from '../services/commendations/history';
import { moneyAt, moneyOfPairs } from '../services/commendations/money';
import { checkNomination, deleteNomination, getNomination, listNominations, reviewNomination, saveNomination } from '../services/commendations/nominations';
import { getProposal, issueProposal, listProposals, saveProposal } from '../services/commendations/proposals';
import { requireOffice } from '../services/office';
import { todayIso } from '../util/time';
import { saveFile } from '../util/save-file';

const officeId = async (ctx: Ctx) => (await requireOffice(ctx.db)).organizationId;

export const commendationHandlers = {
  'commendations.catalogue': (_input, ctx) => catalogue(ctx.db),
  'commendations.saveForm': mutator('commendations', async (input, ctx) => saveForm(ctx.db, await officeId(ctx), input)),
  'commendations.saveCoefficient': mutator('commendations', async (input, ctx) => (await saveCoefficient(ctx.db, await officeId(ctx), input), catalogue(ctx.db))),
  'commendations.saveBaseSalary': mutator('commendations', async (input, ctx) => (await saveBaseSalary(ctx.db, await officeId(ctx), input), catalogue(ctx.db))),
  'commendations.saveRounding': mutator('commendations', async (input, ctx) => (await saveRounding(ctx.db, await officeId(ctx), input), catalogue(ctx.db))),
  'commendations.saveExclusion': mutator('commendations', async (input, ctx) => (await saveExclusion(ctx.db, await officeId(ctx), input), catalogue(ctx.db))),
  'commendations.deleteDated': mutator('commendations', async (input, ctx) => (await deleteDated(ctx.db, input, await officeId(ctx)), catalogue(ctx.db))),
  'commendations.money': (input, ctx) => moneyAt(ctx.db, input.formId, input.target, input.date),
  'commendations.previewMoney': (input, ctx) => moneyOfPairs(ctx.db, input.pairs, input.date),

  'commendations.listNominations': async (input, ctx) => listNominations(ctx.db, await officeId(ctx), input),
  'commendations.saveNomination': mutator('commendations', async (input, ctx) => {
    const me = await officeId(ctx);
    return getNomination(ctx.db, await saveNomination(ctx.db, me, input), me);
  }),
  'commendations.deleteNomination': mutator('commendations', async (input, ctx) => (await deleteNomination(ctx.db, input.id, await officeId(ctx)), null)),
  'commendations.checkNomination': (input, ctx) => checkNomination(ctx.db, input.id, todayIso()),
  'commendations.review': mutator('commendations', async (input, ctx) => {
    const me = await officeId(ctx);
    await reviewNomination(ctx.db, me, input);
    return getNomination(ctx.db, input.nominationId, me);
  }),

  'commendations.listProposals': async (_input, ctx) => listProposals(ctx.db, await officeId(ctx)),
  'commendations.saveProposal': mutator('commendations', async (input, ctx) => {
    const me = await officeId(ctx);
    return getProposal(ctx.db, await saveProposal(ctx.db, me, input), me);
  }),
  'commendations.issueProposal': mutator(['commendations', 'register'], async (input, ctx) => {
    const me = await officeId(ctx);
    await issueProposal(ctx.db, me, input);
    return getProposal(ctx.db, input.id, me);
  }),

  'commendations.listDecisions': (input, ctx) => listDecisions(ctx.db, input.periodYear),
  'commendations.getDecision': (input, ctx) => getDecision(ctx.db, input.id),
  'commendations.saveDecision': mutator('commendations', async (input, ctx) => getDecision(ctx.db, await saveDecision(ctx.db, await officeId(ctx), input))),
  'commendations.deleteDecision': mutator('commendations', async (input, ctx) => (await deleteDecision(ctx.db, input.id), null)),
  'commendations.issueDecision': mutator(['commendations', 'register'], async (input, ctx) => {
    await issueDecision(ctx.db, await officeId(ctx), input);
    return getDecision(ctx.db, input.id);
  }),
  'commendations.correctDecision': mutator('commendations', async (input, ctx) => getDecision(ctx.db, await correctDecision(ctx.db, await officeId(ctx), input.id))),

  // The save dialog and the file come first; the job row is written only for a saved file.
  'commendations.printCertificates': stagedMutator(
    'commendations',
    (input, ctx) => printCertificates(ctx.db, ctx.host, input),
    (batch, _input, ctx) => recordPrintJob(ctx.db, batch),
  ),
  'commendations.printJobs': (input, ctx) => printJobs(ctx.db, input.decisionId),

  'commendations.history': (input, ctx) => history(ctx.db, input),
  'commendations.exportHistory': async (input, ctx) => {
    const bytes = await historyXlsx(await history(ctx.db, input));
    const path = await ctx.host.chooseSavePath(`Lich-su-khen-thuong-${todayIso()}.xlsx`, [{ name: 'Excel', extensions: ['xlsx'] }]);
    if (path) await saveFile(path, bytes);
    return { path };
  },
  'commendations.statistics': (input, ctx) => statistics(ctx.db, input),
} satisfies AreaHandlers<'commendations.'>;
