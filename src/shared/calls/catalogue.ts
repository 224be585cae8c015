import { z } from 'zod';
import type { CatalogueChange, ProposalDefaults } from '../schemas/catalogue';
import { empty } from '../schemas/common';
import { legalBasesInput } from '../schemas/commendations';
import { call } from './call';

const changesInput = z.object({ limit: z.number().int().min(1).max(2000).optional().default(500) });

/** The shared catalogue: căn cứ in force on a date, and what the upper level's packages changed. */
export const catalogueCalls = {
  'catalogue.listLegalBases': call<typeof legalBasesInput, string[]>(legalBasesInput),
  'catalogue.getProposalDefaults': call<typeof empty, ProposalDefaults>(empty),
  'catalogue.listChanges': call<typeof changesInput, CatalogueChange[]>(changesInput),
} as const;
