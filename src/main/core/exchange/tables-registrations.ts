import { z } from 'zod';
import { cols, date, int, jsonText, owned, str, times, uuid } from './columns';
import { GENDERS } from '../../../shared/schemas/people';
import { fold, personSortKey } from '../../../shared/vi-text';
import { addTableSpec, type TableSpec } from './tables';

/**
 * Registrations travel up (kind "registrations"): the registering unit's registration, its individuals
 * and works, and the people they name. Individuals and works are root records of their own (never child
 * rows): a child is deleted and re-inserted on change, and a work's delete would cascade to the upper
 * level's work_reviews.
 */
const jsonStringArray = jsonText(20_000, (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'), 'không phải danh sách JSON hợp lệ');

const personShape = {
  ...owned,
  organization_id: uuid.nullable(),
  full_name: str(300).min(1),
  birth_year: z.number().int().min(1900).max(2200).nullable(),
  gender: z.enum(GENDERS),
  position: str(500),
  ...times,
};
/** A person travels with the record that names them; search and sort keys are computed here. */
export const peopleSpec: TableSpec = addTableSpec({
  table: 'people',
  label: 'Cá nhân',
  columns: cols(personShape),
  schema: z.strictObject(personShape),
  children: [],
  refs: [{ column: 'organization_id', table: 'organizations', label: 'đơn vị của cá nhân' }],
  derive: (r) => ({ search_key: fold(String(r.full_name)), sort_key: personSortKey(String(r.full_name)) }),
  derivedColumns: ['search_key', 'sort_key'],
  // A merge made since names the person: undoing the package that brought them is refused.
  dependents: [
    { table: 'person_merge_records', column: 'merged_id', label: 'hợp nhất cá nhân' },
    { table: 'person_merge_records', column: 'survivor_id', label: 'hợp nhất cá nhân' },
  ],
  describe: (row) => String(row.full_name),
});

const registrationShape = {
  ...owned,
  movement_id: uuid,
  phase_id: uuid.nullable(),
  organization_id: uuid,
  commitments: str(20_000),
  targets: str(20_000),
  collective_titles: jsonStringArray,
  member_count: z.number().int().min(0).max(10_000_000).nullable(),
  status: z.enum(['draft', 'submitted', 'received']),
  submitted_on: date.nullable(),
  received_on: date.nullable(),
  note: str(5000),
  // Packages written before migration 0015 have no signer: blank, and the document prints the default.
  signer_authority: str(100).default(''),
  signer_title: str(100).default(''),
  signer_name: str(100).default(''),
  ...times,
};
export const registrationsSpec: TableSpec = addTableSpec({
  table: 'registrations',
  label: 'Đăng ký thi đua',
  columns: cols(registrationShape),
  // Only the registering unit writes its registration (DESIGN principle 6).
  schema: z.strictObject(registrationShape).refine((r) => r.owner_id === r.organization_id, 'đăng ký phải do chính đơn vị đăng ký quản lý'),
  children: [],
  refs: [
    { column: 'movement_id', table: 'movements', label: 'phong trào' },
    { column: 'phase_id', table: 'movement_phases', label: 'đợt thi đua' },
    { column: 'organization_id', table: 'organizations', label: 'đơn vị đăng ký' },
  ],
  uniqueLive: [{ columns: ['movement_id', 'phase_id', 'organization_id'], label: 'Đơn vị đã có một bản đăng ký khác cho phong trào / đợt này' }],
  describe: (row) => `Đăng ký thi đua (${String(row.status)})`,
});

const individualShape = {
  ...owned,
  registration_id: uuid,
  person_id: uuid,
  organization_id: uuid.nullable(),
  position: str(500),
  title: str(200).min(1),
  sort_order: int,
  ...times,
};
export const registrationIndividualsSpec: TableSpec = addTableSpec({
  table: 'registration_individuals',
  label: 'Cá nhân đăng ký',
  columns: cols(individualShape),
  schema: z.strictObject(individualShape),
  children: [],
  refs: [
    { column: 'registration_id', table: 'registrations', label: 'bản đăng ký' },
    { column: 'person_id', table: 'people', label: 'cá nhân' },
    { column: 'organization_id', table: 'organizations', label: 'đơn vị của cá nhân' },
  ],
  uniqueLive: [{ columns: ['registration_id', 'person_id'], label: 'Cá nhân đã có trong bản đăng ký này' }],
  describe: (row) => `${String(row.title)} (${String(row.position) || 'cá nhân'})`,
});

const workShape = {
  ...owned,
  registration_id: uuid,
  name: str(2000).min(1),
  implementer: str(2000),
  value_dong: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
  start_date: date.nullable(),
  finish_date: date.nullable(),
  occasion_id: uuid.nullable(),
  description: str(20_000),
  sort_order: int,
  ...times,
};
export const worksSpec: TableSpec = addTableSpec({
  table: 'works',
  label: 'Công trình, sản phẩm',
  columns: cols(workShape),
  schema: z
    .strictObject(workShape)
    .refine((r) => r.start_date === null || r.finish_date === null || r.start_date <= r.finish_date, 'ngày khởi công sau ngày hoàn thành'),
  children: [],
  refs: [
    { column: 'registration_id', table: 'registrations', label: 'bản đăng ký' },
    { column: 'occasion_id', table: 'occasions', label: 'ngày lễ, kỷ niệm' },
  ],
  derive: (r) => ({ search_key: fold(String(r.name)) }),
  derivedColumns: ['search_key'],
  // The upper level's reviews cascade from a work: an undo that would delete the work must not take them.
  dependents: [{ table: 'work_reviews', column: 'work_id', label: 'ý kiến duyệt công trình' }],
  describe: (row) => String(row.name),
});

const workReviewShape = {
  ...owned,
  work_id: uuid,
  status: z.enum(['registered', 'approved', 'plaque_attached', 'done', 'refused']),
  approved_on: date.nullable(),
  plaque_on: date.nullable(),
  done_on: date.nullable(),
  note: str(5000),
  ...times,
};
/** The upper level's own review of a lower unit's work: travels down with decisions. */
export const workReviewsSpec: TableSpec = addTableSpec({
  table: 'work_reviews',
  label: 'Duyệt công trình, sản phẩm',
  columns: cols(workReviewShape),
  schema: z.strictObject(workReviewShape),
  children: [],
  refs: [{ column: 'work_id', table: 'works', label: 'công trình, sản phẩm' }],
  uniqueLive: [{ columns: ['work_id', 'owner_id'], label: 'Công trình đã có ý kiến duyệt khác của cùng đơn vị', all: true }],
  describe: (row) => `Duyệt công trình: ${String(row.status)}`,
});
