import { z } from 'zod';
import {
  checkConditionsInput,
  historyImportInput,
  ladderInput,
  saveConditionInput,
  saveInitiativeInput,
  type ConditionView,
  type HistoryImportPreview,
  type HistoryImportResult,
  type LadderView,
  type NominationConditions,
} from '../schemas/award-conditions';
import { empty, id } from '../schemas/common';
import { call } from './call';
import type { SavedFile } from './directory';

const byId = z.object({ id: id('Điều kiện') });

/** The conditions of each title/form (dated, editable) and the checks the review runs on them. */
export const awardRuleCalls = {
  'awardRules.list': call<typeof empty, ConditionView[]>(empty),
  'awardRules.save': call<typeof saveConditionInput, ConditionView>(saveConditionInput),
  /** Tombstones a condition row (its history stays in reviews already recorded). */
  'awardRules.delete': call<typeof byId, null>(byId),
  /** Each nomination's conditions, evaluated on the history, with what was looked at and found. */
  'awardRules.check': call<typeof checkConditionsInput, NominationConditions[]>(checkConditionsInput),
} as const;

/** Commendation history: the ladder of a person or unit, sáng kiến, import of past decisions from Excel. */
export const awardHistoryCalls = {
  'awardHistory.getLadder': call<typeof ladderInput, LadderView>(ladderInput),
  'awardHistory.saveInitiative': call<typeof saveInitiativeInput, null>(saveInitiativeInput),
  /** Reads the sheet, applies the mapping, checks every row; writes nothing. */
  'awardHistory.previewImport': call<typeof historyImportInput, HistoryImportPreview>(historyImportInput),
  /** Imports the whole sheet in one transaction (after a backup), or nothing when any row is wrong. */
  'awardHistory.import': call<typeof historyImportInput, HistoryImportResult>(historyImportInput),
  /** The ready .xlsx to fill. */
  'awardHistory.exportTemplate': call<typeof empty, SavedFile>(empty),
} as const;
