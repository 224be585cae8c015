import type { AreaHandlers } from '../registry';
import { basesInForce } from '../services/commendations/catalogue';
import { catalogueChanges } from '../services/commendations/catalogue-changes';

export const catalogueHandlers = {
  'catalogue.legalBases': (input, ctx) => basesInForce(ctx.db, input.date, input.appliesTo),
  'catalogue.changes': (input, ctx) => catalogueChanges(ctx.store.sqlite, input.limit),
} satisfies AreaHandlers<'catalogue.'>;
