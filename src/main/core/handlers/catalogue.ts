import { mutator, type AreaHandlers } from '../registry';
import { basesInForce, deleteLegalBasis, legalBasesView, retireLegalBasis, saveLegalBasis } from '../services/commendations/catalogue';
import { catalogueChanges } from '../exchange/catalogue-changes';
import { proposalDefaults } from '../services/commendations/proposal-defaults';
import { requireOffice } from '../services/office';

export const catalogueHandlers = {
  'catalogue.listLegalBases': (input, ctx) => basesInForce(ctx.db, input.date, input.appliesTo),
  'catalogue.getProposalDefaults': async (_input, ctx) => proposalDefaults(ctx.db, (await requireOffice(ctx.db)).organizationId),
  'catalogue.listChanges': (input, ctx) => catalogueChanges(ctx.store.sqlite, input.limit),
  'catalogue.getLegalBases': (_input, ctx) => legalBasesView(ctx.db),
  'catalogue.saveLegalBasis': mutator('commendations', async (input, ctx) => (await saveLegalBasis(ctx.db, (await requireOffice(ctx.db)).organizationId, input), legalBasesView(ctx.db))),
  'catalogue.retireLegalBasis': mutator('commendations', async (input, ctx) => (await retireLegalBasis(ctx.db, (await requireOffice(ctx.db)).organizationId, input), legalBasesView(ctx.db))),
  'catalogue.deleteLegalBasis': mutator('commendations', async (input, ctx) => (await deleteLegalBasis(ctx.db, (await requireOffice(ctx.db)).organizationId, input.id), legalBasesView(ctx.db))),
} satisfies AreaHandlers<'catalogue.'>;
