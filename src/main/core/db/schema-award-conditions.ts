/** Kysely's view of the award-condition tables (migration 0010); part of the one `DB` type in schema.ts. */
import type { Travel } from './schema-commendations';

export type ConditionShape = 'title_each_year' | 'title_k_of_n' | 'form_not_within' | 'initiative' | 'collective_share' | 'ladder_gap';

export interface AwardConditionsTable extends Travel {
  id: string;
  form_id: string;
  target: 'individual' | 'collective';
  shape: ConditionShape;
  /** JSON string[] of award_forms ids. */
  subject_form_ids: string;
  years: number;
  min_count: number;
  share_pct: number;
  end_offset: number;
  no_discipline: number;
  label: string;
  valid_from: string;
  valid_to: string | null;
  source: string;
  needs_check: number;
  sort_order: number;
}

export interface AwardHistoryTable extends Travel {
  id: string;
  target: 'individual' | 'collective';
  person_id: string | null;
  organization_id: string | null;
  name: string;
  search_key: string;
  form_id: string;
  year: number;
  decision_number: string;
  decision_date: string | null;
  issuer: string;
  origin: 'imported';
  file_name: string;
  import_key: string;
}

export interface InitiativesTable extends Travel {
  id: string;
  person_id: string | null;
  organization_id: string | null;
  year: number;
  name: string;
  recognised_by: string;
}

export type AwardConditionTables = {
  award_conditions: AwardConditionsTable;
  award_history: AwardHistoryTable;
  initiatives: InitiativesTable;
};
