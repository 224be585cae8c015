import type { AwardConditionTables } from './schema-award-conditions';
import type { Generated } from 'kysely';
import type { CommendationTables } from './schema-commendations';
/**
 * Kysely's view of the tables, hand-written; tests/integration/schema-guard.test.ts and tests/types/schema-columns.ts
 * hold it to the migrated schema (every table, every column, its nullability and storage type).
 */
export interface OrganizationsTable {
  id: string;
  code: string;
  parent_id: string | null;
  level: string;
  sort_order: number;
  ended_on: string | null;
  successor_id: string | null;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrganizationNamesTable {
  organization_id: string;
  valid_from: string;
  name: string;
  short_name: string;
  abbreviation: string;
  place_name: string;
  parent_line: string;
  search_key: string;
}

export interface OrganizationEventsTable {
  id: Generated<number>;
  organization_id: string;
  kind: string;
  on_date: string;
  detail: string;
  created_at: string;
}

export interface OfficeTable {
  id: number;
  organization_id: string;
  signer_authority: string;
  signer_title: string;
  signer_name: string;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: string;
  organization_id: string | null;
  full_name: string;
  birth_year: number | null;
  /** migration 0009: full birth date when known (yyyy-mm-dd) and CCCD (local only) */
  birth_date: string | null;
  id_number: string | null;
  gender: string;
  position: string;
  search_key: string;
  sort_key: string;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface OccasionsTable {
  id: string;
  name: string;
  origin_date: string;
  kind: string;
  builtin: number;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MovementsTable {
  id: string;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  year: number;
  organization_id: string;
  name: string;
  /** JSON string[] */
  themes: string;
  /** JSON string[] */
  sectors: string;
  created_at: string;
  updated_at: string;
}

export interface MovementPhasesTable {
  id: string;
  movement_id: string;
  position: number;
  name: string;
  start_date: string | null;
  start_month_only: number;
  end_date: string | null;
  end_month_only: number;
  registration_deadline: string | null;
  report_deadline: string | null;
  description: string;
}

export interface MovementOccasionsTable {
  movement_id: string;
  occasion_id: string;
}

export interface RegisterEntriesTable {
  id: string;
  issuer_id: string;
  year: number;
  number: number;
  kind_abbr: string;
  symbol: string;
  doc_date: string;
  subject: string;
  record_kind: string | null;
  record_id: string | null;
  created_at: string;
}

export interface DocumentOptionsTable {
  kind: string;
  record_id: string;
  addressees: string | null;
  recipients: string | null;
  deadline: string | null;
  updated_at: string;
}

export interface IssuedLettersTable {
  id: string;
  kind: string;
  scope_id: string;
  register_entry_id: string;
  snapshot: string;
  created_at: string;
}

export interface PlansTable {
  id: string;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  movement_id: string | null;
  issuer_id: string;
  subject: string;
  planned_date: string | null;
  /** JSON PlanBody */
  body: string;
  status: 'draft' | 'issued';
  register_entry_id: string | null;
  issued_number: number | null;
  issued_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanTemplatesTable {
  id: string;
  owner_id: string | null;
  name: string;
  subject: string;
  body: string;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RegistrationsTable {
  id: string;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  movement_id: string;
  phase_id: string | null;
  organization_id: string;
  commitments: string;
  targets: string;
  /** JSON string[] */
  collective_titles: string;
  member_count: number | null;
  status: 'draft' | 'submitted' | 'received';
  submitted_on: string | null;
  received_on: string | null;
  note: string;
  /** The registering unit's head who signs the Bản đăng ký (migration 0015). */
  signer_authority: string;
  signer_title: string;
  signer_name: string;
  created_at: string;
  updated_at: string;
}

export interface RegistrationIndividualsTable {
  id: string;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  registration_id: string;
  person_id: string;
  organization_id: string | null;
  position: string;
  title: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface WorksTable {
  id: string;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  registration_id: string;
  name: string;
  search_key: string;
  implementer: string;
  value_dong: number | null;
  start_date: string | null;
  finish_date: string | null;
  occasion_id: string | null;
  description: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface WorkReviewsTable {
  id: string;
  owner_id: string;
  revision: number;
  deleted_at: string | null;
  work_id: string;
  status: 'registered' | 'approved' | 'plaque_attached' | 'done' | 'refused';
  approved_on: string | null;
  plaque_on: string | null;
  done_on: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface PersonTitlesTable {
  id: string;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  person_id: string;
  year: number;
  title: string;
  reference: string;
  created_at: string;
  updated_at: string;
}

export interface XlsxMappingsTable {
  id: string;
  kind: string;
  name: string;
  header_key: string;
  /** JSON Record<field, header text> */
  mapping: string;
  created_at: string;
  updated_at: string;
}

/** A merged person id (alias) and the person it now reads as (migration 0009, local only). */
export interface PersonMergesTable {
  merged_id: string;
  survivor_id: string;
  merged_at: string;
}

/** A merge as the office that made it recorded it (migration 0017); travels, and person_merges is rebuilt from it. */
export interface PersonMergeRecordsTable {
  id: string;
  merged_id: string;
  survivor_id: string;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Dated căn cứ lines for decisions and tờ trình (migration 0009); travel down in the catalogue package. */
export interface LegalBasesTable {
  id: string;
  text: string;
  applies_to: 'decision' | 'proposal' | 'both';
  valid_from: string;
  valid_to: string | null;
  sort_order: number;
  source: string;
  needs_check: number;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PhaseReportsTable {
  id: string;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  movement_id: string;
  phase_id: string | null;
  organization_id: string;
  subject: string;
  /** JSON ReportBody */
  body: string;
  /** JSON PhaseFigures, frozen at issue */
  figures: string;
  planned_date: string | null;
  status: 'draft' | 'issued';
  register_entry_id: string | null;
  issued_number: number | null;
  issued_date: string | null;
  created_at: string;
  updated_at: string;
}

/** Files this installation wrote (local only): the only paths files.open / showInFolder accept. */
export interface ExportedFilesTable {
  path: string;
  created_at: string;
}

/** This office's Ed25519 key pair (one row). */
export interface ExchangeIdentityTable {
  id: number;
  office_id: string;
  public_key: string;
  private_key: string;
  fingerprint: string;
  created_at: string;
}

export interface ExchangePreviewsTable {
  token: string;
  package_id: string;
  kind: string;
  sender_id: string;
  sender_name: string;
  created: string;
  previewed_at: string;
  state: string;
  bytes: Buffer;
  /** app_meta['db.generation'] when the preview was made (migration 0018). */
  generation: string;
}

export interface ExchangeRevokedKeysTable {
  fingerprint: string;
  office_id: string;
  reason: 'rotated' | 'revoked';
  at: string;
}

export interface ExchangePartnersTable {
  office_id: string;
  office_name: string;
  level: string;
  public_key: string;
  fingerprint: string;
  confirmed_at: string;
}

export interface ExchangeImportsTable {
  id: Generated<number>;
  package_id: string;
  kind: string;
  sender_id: string;
  sender_name: string;
  sequence: number;
  created: string;
  imported_at: string;
  /** JSON counts per outcome */
  counts: string;
  backup_file: string;
  undone_at: string | null;
}

export interface ExchangeJournalTable {
  import_id: number;
  ord: number;
  table_name: string;
  record_id: string;
  /** JSON previous image; NULL when the import created the record */
  before: string | null;
  after_digest: string;
}

export interface ExchangeSentTable {
  receiver_id: string;
  table_name: string;
  record_id: string;
  digest: string;
}

export interface ExchangeSequencesTable {
  receiver_id: string;
  last_sequence: number;
}

/** Văn bản chung (migration 0014). */
export interface GeneralDocumentsTable {
  id: string;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  issuer_id: string;
  kind: 'HD' | 'TB' | 'CV' | 'GM' | 'TTr' | 'BC';
  subject: string;
  unit_abbr: string;
  planned_date: string | null;
  /** JSON GeneralBody */
  body: string;
  status: 'draft' | 'issued';
  register_entry_id: string | null;
  issued_number: number | null;
  issued_date: string | null;
  created_at: string;
  updated_at: string;
}

/** A meeting of the Hội đồng Thi đua – Khen thưởng (migration 0014). */
export interface CouncilMeetingsTable {
  id: string;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  movement_id: string | null;
  meeting_date: string;
  /** JSON CouncilMeetingBody */
  body: string;
  created_at: string;
  updated_at: string;
}

export interface CouncilMeetingNominationsTable {
  meeting_id: string;
  nomination_id: string;
  position: number;
}

/** Báo cáo thành tích of a nomination (migration 0014). */
export interface AchievementReportsTable {
  id: string;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  nomination_id: string;
  /** JSON AchievementBody */
  body: string;
  created_at: string;
  updated_at: string;
}

export interface DB extends CommendationTables, AwardConditionTables {
  organizations: OrganizationsTable;
  organization_names: OrganizationNamesTable;
  organization_events: OrganizationEventsTable;
  office: OfficeTable;
  people: PeopleTable;
  app_meta: AppMetaTable;
  occasions: OccasionsTable;
  movements: MovementsTable;
  movement_phases: MovementPhasesTable;
  movement_occasions: MovementOccasionsTable;
  register_entries: RegisterEntriesTable;
  document_options: DocumentOptionsTable;
  issued_letters: IssuedLettersTable;
  plans: PlansTable;
  plan_templates: PlanTemplatesTable;
  registrations: RegistrationsTable;
  registration_individuals: RegistrationIndividualsTable;
  works: WorksTable;
  work_reviews: WorkReviewsTable;
  person_titles: PersonTitlesTable;
  xlsx_mappings: XlsxMappingsTable;
  person_merges: PersonMergesTable;
  person_merge_records: PersonMergeRecordsTable;
  legal_bases: LegalBasesTable;
  phase_reports: PhaseReportsTable;
  exported_files: ExportedFilesTable;
  exchange_identity: ExchangeIdentityTable;
  exchange_partners: ExchangePartnersTable;
  exchange_previews: ExchangePreviewsTable;
  exchange_revoked_keys: ExchangeRevokedKeysTable;
  exchange_imports: ExchangeImportsTable;
  exchange_journal: ExchangeJournalTable;
  exchange_sent: ExchangeSentTable;
  exchange_sequences: ExchangeSequencesTable;
  general_documents: GeneralDocumentsTable;
  council_meetings: CouncilMeetingsTable;
  council_meeting_nominations: CouncilMeetingNominationsTable;
  achievement_reports: AchievementReportsTable;
}
