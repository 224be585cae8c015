import type { AreaHandlers } from '../registry';
import { basesInForce } from '../services/commendations/catalogue';
import { catalogueChanges } from '../services/commendations/catalogue-changes';

export const catalogueHandlers = {
  'catalogue.listLegalBases': (input, ctx) => basesInForce(ctx.db, input.date, input.appliesTo),
  'catalogue.listChanges': (input, ctx) => catalogueChanges(ctx.store.sqlite, input.limit),
} satisfies AreaHandlers<'catalogue.'>;
