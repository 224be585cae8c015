import { z } from 'zod';
import { retireLegalBasisInput, saveLegalBasisInput, type CatalogueChange, type ProposalDefaults } from '../schemas/catalogue';
import { empty, id } from '../schemas/common';
import { legalBasesInput, type LegalBasisView } from '../schemas/commendations';
import { call } from './call';

const legalBasisId = z.object({ id: id('Căn cứ') });
const changesInput = z.object({ limit: z.number().int().min(1).max(2000).optional().default(500) });

/** The shared catalogue: căn cứ in force on a date, and what the upper level's packages changed. */
export const catalogueCalls = {
  'catalogue.listLegalBases': call<typeof legalBasesInput, string[]>(legalBasesInput),
  'catalogue.getProposalDefaults': call<typeof empty, ProposalDefaults>(empty),
  'catalogue.listChanges': call<typeof changesInput, CatalogueChange[]>(changesInput),
  /** Every căn cứ line (retired ones too), to view and edit as dated data. */
  'catalogue.getLegalBases': call<typeof empty, LegalBasisView[]>(empty),
  'catalogue.saveLegalBasis': call<typeof saveLegalBasisInput, LegalBasisView[]>(saveLegalBasisInput),
  'catalogue.retireLegalBasis': call<typeof retireLegalBasisInput, LegalBasisView[]>(retireLegalBasisInput),
  'catalogue.deleteLegalBasis': call<typeof legalBasisId, LegalBasisView[]>(legalBasisId),
} as const;
