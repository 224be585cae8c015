/** Kysely's view of the tables (hand-written; tests/unit/db/schema.test.ts guards drift). */
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
  id: number | null;
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

export interface DB {
  organizations: OrganizationsTable;
  organization_names: OrganizationNamesTable;
  organization_events: OrganizationEventsTable;
  office: OfficeTable;
  people: PeopleTable;
  app_meta: AppMetaTable;
}
