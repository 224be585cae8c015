import { candidatesInput, duplicatesInput, mergeInput, type DuplicateGroup, type MergeResult, type PersonCandidate } from '../schemas/person-identity';
import { call } from './call';

/** One person, one identity across levels: candidates on entry and import, merge keeping both ids. */
export const identityCalls = {
  'people.listCandidates': call<typeof candidatesInput, PersonCandidate[]>(candidatesInput),
  'people.listDuplicates': call<typeof duplicatesInput, DuplicateGroup[]>(duplicatesInput),
  'people.merge': call<typeof mergeInput, MergeResult>(mergeInput),
} as const;
