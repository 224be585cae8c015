import type { Handlers } from '../registry';
import { awardHistoryHandlers, awardRuleHandlers } from './award-rules';
import { catalogueHandlers } from './catalogue';
import { commendationHandlers } from './commendations';
import { appHandlers, backupHandlers, officeHandlers } from './core';
import { exchangeHandlers } from './exchange';
import { organizationHandlers } from './organizations';
import { peopleHandlers } from './people';
import { movementHandlers, occasionHandlers, planHandlers } from './plans';
import { documentHandlers } from './documents';
import { dossierHandlers } from './dossier';
import { generalDocumentHandlers } from './general-documents';
import { registerHandlers } from './register';
import { registrationHandlers } from './registrations';
import { reportAreaHandlers } from './reports';
import { settingsHandlers } from './settings';

/** Every handler of the contract, one area per file; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...officeHandlers,
  ...backupHandlers,
  ...organizationHandlers,
  ...exchangeHandlers,
  ...peopleHandlers,
  ...occasionHandlers,
  ...movementHandlers,
  ...planHandlers,
  ...registerHandlers,
  ...documentHandlers,
  ...generalDocumentHandlers,
  ...dossierHandlers,
  ...registrationHandlers,
  ...commendationHandlers,
  ...awardRuleHandlers,
  ...awardHistoryHandlers,
  ...catalogueHandlers,
  ...reportAreaHandlers,
  ...settingsHandlers,
};
