import { z } from 'zod';
import { empty, id } from '../schemas/common';
import {
  deleteDatedInput,
  historyInput,
  issueInput,
  listDecisionsInput,
  listNominationsInput,
  moneyPreviewInput,
  previewMoneyInput,
  printCertificatesInput,
  reviewInput,
  saveBaseSalaryInput,
  saveCoefficientInput,
  saveDecisionInput,
  saveExclusionInput,
  saveFormInput,
  saveNominationInput,
  saveProposalInput,
  saveRoundingInput,
  statisticsInput,
  type AwardFormView,
  type CatalogueView,
  type DecisionSummary,
  type DecisionView,
  type HistoryRow,
  type MoneyComputation,
  type NominationView,
  type PairMoney,
  type PrintJobView,
  type PrintResult,
  type ProposalView,
  type RuleCheck,
  type StatisticsView,
} from '../schemas/commendations';
import { call } from './call';
import type { SavedFile } from './directory';

const byId = (label: string) => z.object({ id: id(label) });
type ById = ReturnType<typeof byId>;
const decisionId = z.object({ decisionId: id('Quyết định') });

/** Commendations (khen thưởng): catalogue and dated money tables, nominations, bình xét, tờ trình, decisions, Giấy khen, history. */
export const commendationCalls = {
  'commendations.catalogue': call<typeof empty, CatalogueView>(empty),
  'commendations.saveForm': call<typeof saveFormInput, AwardFormView>(saveFormInput),
  'commendations.saveCoefficient': call<typeof saveCoefficientInput, CatalogueView>(saveCoefficientInput),
  'commendations.saveBaseSalary': call<typeof saveBaseSalaryInput, CatalogueView>(saveBaseSalaryInput),
  'commendations.saveRounding': call<typeof saveRoundingInput, CatalogueView>(saveRoundingInput),
  'commendations.saveExclusion': call<typeof saveExclusionInput, CatalogueView>(saveExclusionInput),
  /** Tombstones one dated row (coefficient, lương cơ sở, rounding, exclusion). */
  'commendations.deleteDated': call<typeof deleteDatedInput, CatalogueView>(deleteDatedInput),
  /** Coefficient × lương cơ sở in force on a date, rounded as configured, with the words. */
  'commendations.money': call<typeof moneyPreviewInput, MoneyComputation>(moneyPreviewInput),
  /** The same for every (form, target) pair of a list on one date, in the order asked; a pair that fails says why. */
  'commendations.previewMoney': call<typeof previewMoneyInput, PairMoney[]>(previewMoneyInput),

  'commendations.listNominations': call<typeof listNominationsInput, NominationView[]>(listNominationsInput),
  'commendations.saveNomination': call<typeof saveNominationInput, NominationView>(saveNominationInput),
  'commendations.deleteNomination': call<ById, null>(byId('Đề nghị')),
  /** The rule checks a review would run now, each with its explanation. */
  'commendations.checkNomination': call<ById, RuleCheck[]>(byId('Đề nghị')),
  /** Bình xét: votes against the council size and the form's required share; approve or reject with a reason. */
  'commendations.review': call<typeof reviewInput, NominationView>(reviewInput),

  'commendations.listProposals': call<typeof empty, ProposalView[]>(empty),
  'commendations.saveProposal': call<typeof saveProposalInput, ProposalView>(saveProposalInput),
  'commendations.issueProposal': call<typeof issueInput, ProposalView>(issueInput),

  'commendations.listDecisions': call<typeof listDecisionsInput, DecisionSummary[]>(listDecisionsInput),
  'commendations.getDecision': call<ById, DecisionView>(byId('Quyết định')),
  'commendations.saveDecision': call<typeof saveDecisionInput, DecisionView>(saveDecisionInput),
  'commendations.deleteDecision': call<ById, null>(byId('Quyết định')),
  /** Number from the register, money frozen at the decision date, số sổ vàng; the decision is locked afterwards. */
  'commendations.issueDecision': call<typeof issueInput, DecisionView>(issueInput),
  /** A new draft decision that corrects (đính chính) an issued one, starting from its list. */
  'commendations.correctDecision': call<ById, DecisionView>(byId('Quyết định')),

  /** One .docx, one Giấy khen per page, from a given row (resume after a paper jam). */
  'commendations.printCertificates': call<typeof printCertificatesInput, PrintResult>(printCertificatesInput),
  'commendations.printJobs': call<typeof decisionId, PrintJobView[]>(decisionId),

  'commendations.history': call<typeof historyInput, HistoryRow[]>(historyInput),
  'commendations.exportHistory': call<typeof historyInput, SavedFile>(historyInput),
  'commendations.statistics': call<typeof statisticsInput, StatisticsView>(statisticsInput),
} as const;
