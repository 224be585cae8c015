import type { AreaHandlers } from '../registry';
import { basesInForce } from '../services/commendations/catalogue';
import { catalogueChanges } from '../exchange/catalogue-changes';
import { proposalDefaults } from '../services/commendations/proposal-defaults';
import { requireOffice } from '../services/office';

export const catalogueHandlers = {
  'catalogue.listLegalBases': (input, ctx) => basesInForce(ctx.db, input.date, input.appliesTo),
  'catalogue.getProposalDefaults': async (_input, ctx) => proposalDefaults(ctx.db, (await requireOffice(ctx.db)).organizationId),
  'catalogue.listChanges': (input, ctx) => catalogueChanges(ctx.store.sqlite, input.limit),
} satisfies AreaHandlers<'catalogue.'>;
