/** Kysely's view of the commendation tables (migration 0005); part of the one `DB` type in schema.ts. */

/** Columns every travelling record carries (DESIGN principle 6). */
export interface Travel {
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AwardFormsTable extends Travel {
  id: string;
  kind: 'title' | 'form';
  name: string;
  targets: 'individual' | 'collective' | 'both';
  issuing_level: string;
  required_share_pct: number;
  sort_order: number;
  note: string;
}

export interface AwardCoefficientsTable extends Travel {
  id: string;
  form_id: string;
  target: 'individual' | 'collective';
  coefficient_milli: number;
  valid_from: string;
  source: string;
  needs_check: number;
}

export interface BaseSalariesTable extends Travel {
  id: string;
  amount: number;
  valid_from: string;
  source: string;
  needs_check: number;
}

export interface RoundingRulesTable extends Travel {
  id: string;
  valid_from: string;
  mode: 'ceil' | 'nearest' | 'floor' | 'none';
  step: number;
  source: string;
}

export interface CommendationExclusionsTable extends Travel {
  id: string;
  person_id: string | null;
  organization_id: string | null;
  form_id: string | null;
  reason: string;
  valid_from: string;
  valid_to: string | null;
}

export interface NominationsTable extends Travel {
  id: string;
  movement_id: string | null;
  phase_id: string | null;
  period_year: number;
  source_org_id: string;
  target: 'individual' | 'collective';
  person_id: string | null;
  organization_id: string | null;
  display_name: string;
  search_key: string;
  position_unit: string;
  achievement: string;
  proposed_form_id: string;
  status: 'proposed' | 'approved' | 'rejected';
}

export interface NominationReviewsTable extends Travel {
  id: string;
  nomination_id: string;
  reviewed_on: string;
  council_size: number;
  votes_for: number;
  required_share_pct: number;
  result: 'approved' | 'rejected';
  reason: string;
  checks: string;
  /** Migration 0010: the council's reason for approving despite unmet conditions ('' = none). */
  override_reason: string;
}

export interface CommendationProposalsTable extends Travel {
  id: string;
  issuer_id: string;
  form_id: string;
  addressee: string;
  superior: string;
  achievement: string;
  bases: string;
  planned_date: string | null;
  status: 'draft' | 'issued';
  register_entry_id: string | null;
  issued_number: number | null;
  issued_date: string | null;
}

export interface CommendationProposalItemsTable {
  proposal_id: string;
  nomination_id: string;
  sort_order: number;
}

export interface DecisionsTable extends Travel {
  id: string;
  issuer_id: string;
  movement_id: string | null;
  phase_id: string | null;
  period_year: number;
  decision_date: string;
  subject: string;
  achievement: string;
  bases: string;
  proposal_line: string;
  executors: string;
  funding_source: string;
  status: 'draft' | 'issued';
  register_entry_id: string | null;
  issued_number: number | null;
  base_salary: number | null;
  rounding_mode: string | null;
  rounding_step: number | null;
  total_amount: number | null;
  corrects_decision_id: string | null;
}

export interface DecisionAwardeesTable extends Travel {
  id: string;
  decision_id: string;
  nomination_id: string | null;
  target: 'individual' | 'collective';
  person_id: string | null;
  organization_id: string | null;
  name: string;
  search_key: string;
  position_unit: string;
  form_id: string;
  coefficient_milli: number | null;
  amount: number | null;
  gold_book_number: string | null;
  note: string;
  sort_order: number;
}

export interface GoldBookEntriesTable {
  id: string;
  issuer_id: string;
  year: number;
  number: number;
  awardee_id: string;
  created_at: string;
}

export interface CertificatePrintJobsTable {
  id: string;
  decision_id: string;
  from_row: number;
  to_row: number;
  offset_x: number;
  offset_y: number;
  file_path: string | null;
  created_at: string;
}

export type CommendationTables = {
  award_forms: AwardFormsTable;
  award_coefficients: AwardCoefficientsTable;
  base_salaries: BaseSalariesTable;
  rounding_rules: RoundingRulesTable;
  commendation_exclusions: CommendationExclusionsTable;
  nominations: NominationsTable;
  nomination_reviews: NominationReviewsTable;
  commendation_proposals: CommendationProposalsTable;
  commendation_proposal_items: CommendationProposalItemsTable;
  decisions: DecisionsTable;
  decision_awardees: DecisionAwardeesTable;
  gold_book_entries: GoldBookEntriesTable;
  certificate_print_jobs: CertificatePrintJobsTable;
};
