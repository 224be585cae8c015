import { z } from 'zod';
import { CONDITION_SHAPES } from '../../../shared/schemas/award-conditions';
import { bool01, cols, date, jsonText, owned, str, times, uuid } from './columns';
import { addTableSpec, type TableSpec } from './tables';

/**
 * Award conditions (migration 0010) on the wire, ready for the catalogue package of the upper level: the
 * conditions of the upper level's forms travel down with its catalogue, stay owned by it (read-only below,
 * services/commendations/conditions.ts) and are what a lower level's review checks for those forms.
 * Registered in the table registry when this module is imported. To ship it with the catalogue kind (branch paperwork,
 * exchange/tables-catalogue.ts): add `seeded` (the seeded rows' ids start with 00000000-0000-4000-8000-, migration 0010)
 * and put awardConditionsSpec in CATALOGUE_SPECS after awardFormsSpec (its rows refer to award_forms).
 */
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
  describe: (row) => `${String(row.label)} (từ ${String(row.valid_from)})`,
});
