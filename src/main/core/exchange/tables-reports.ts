import { z } from 'zod';
import { cols, date, jsonText, owned, str, times, uuid } from './columns';
import { addTableSpec, lockedOnceIssued, type TableSpec } from './tables';

/** Phase reports travel up (kind "reports"): the lower unit's issued Báo cáo with its frozen figures. */

const reportShape = {
  ...owned,
  movement_id: uuid,
  phase_id: uuid.nullable(),
  organization_id: uuid,
  subject: str(2000),
  body: jsonText(2_000_000),
  figures: jsonText(5_000_000),
  planned_date: date.nullable(),
  status: z.enum(['draft', 'issued']),
  register_entry_id: uuid.nullable(),
  issued_number: z.number().int().min(1).nullable(),
  issued_date: date.nullable(),
  ...times,
};

export const phaseReportsSpec: TableSpec = addTableSpec({
  table: 'phase_reports',
  label: 'Báo cáo đợt thi đua',
  columns: cols(reportShape),
  schema: z
    .strictObject(reportShape)
    .refine((r) => (r.status === 'issued') === (r.register_entry_id !== null), 'báo cáo đã ban hành phải có số văn bản')
    // Only the reporting unit writes its report (DESIGN principle 6).
    .refine((r) => r.owner_id === r.organization_id, 'báo cáo phải do chính đơn vị báo cáo quản lý'),
  children: [],
  refs: [
    { column: 'movement_id', table: 'movements', label: 'phong trào' },
    { column: 'phase_id', table: 'movement_phases', label: 'đợt thi đua' },
    { column: 'organization_id', table: 'organizations', label: 'đơn vị báo cáo' },
    { column: 'register_entry_id', table: 'register_entries', label: 'số văn bản' },
  ],
  locked: lockedOnceIssued('phase_reports', 'Báo cáo đã ban hành ở máy này không thể thay đổi hay xóa.'),
  describe: (row) => String(row.subject || '(báo cáo chưa có trích yếu)'),
});
