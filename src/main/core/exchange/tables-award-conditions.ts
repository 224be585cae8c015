import { z } from 'zod';
import { CONDITION_SHAPES } from '../../../shared/schemas/award-conditions';
import { SEEDED_CONDITIONS } from '../db/migrations/0010-award-conditions';
import { bool01, cols, date, jsonText, owned, str, times, uuid } from './columns';
import { addTableSpec, type TableSpec } from './tables';

/**
 * Award conditions (migration 0010) on the wire, in the catalogue package of the upper level: the
 * conditions of the upper level's forms travel down with its catalogue, stay owned by it (read-only below,
 * services/commendations/conditions.ts) and are what a lower level's review checks for those forms.
 * Part of the catalogue package (CATALOGUE_SPECS in tables-catalogue.ts); the seeded rows (same ids everywhere,
 * migration 0010) may be revised by the level above.
 */
const SEEDED_IDS = new Set(SEEDED_CONDITIONS.map((c) => c.id));

const conditionShape = {
  ...owned,
  form_id: uuid,
  target: z.enum(['individual', 'collective']),
  shape: z.enum(CONDITION_SHAPES),
  subject_form_ids: jsonText(2000, (v) => Array.isArray(v) && v.length <= 20 && v.every((x) => uuid.safeParse(x).success), 'danh sách danh hiệu được tính không hợp lệ'),
  years: z.number().int().min(1).max(30),
  min_count: z.number().int().min(0).max(30),
  share_pct: z.number().int().min(0).max(100),
  end_offset: bool01,
  no_discipline: bool01,
  label: str(500).min(1),
  valid_from: date,
  valid_to: date.nullable(),
  source: str(500),
  needs_check: bool01,
  sort_order: z.number().int().min(0).max(1_000_000),
  ...times,
};

export const awardConditionsSpec: TableSpec = addTableSpec({
  table: 'award_conditions',
  label: 'Điều kiện xét tặng',
  columns: cols(conditionShape),
  schema: z
    .strictObject(conditionShape)
    .refine((r) => r.valid_to === null || r.valid_from <= r.valid_to, 'ngày hết hiệu lực trước ngày áp dụng'),
  children: [],
  refs: [{ column: 'form_id', table: 'award_forms', label: 'danh hiệu, hình thức khen thưởng' }],
  seeded: (row) => SEEDED_IDS.has(String(row.id)),
  describe: (row) => `${String(row.label)} (từ ${String(row.valid_from)})`,
});
