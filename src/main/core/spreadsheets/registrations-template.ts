/**
 * The ready .xlsx a unit fills for a registration import: the import's own column titles (recognised by
 * the import without mapping), an example row, every column as text (a CCCD keeps its leading zeros, a
 * date stays dd/mm/yyyy), and a sheet with the units' names and codes.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { ImportKind } from '../../../shared/schemas/registrations';
import type { DB } from '../db/schema';
import { listTree } from '../services/organizations';
import { styleHeader } from './cells';
import { IMPORT_FIELDS } from './column-mapping';

const EXAMPLES: Record<ImportKind, Record<string, string>> = {
  units: { collectiveTitles: 'Tập thể lao động xuất sắc', memberCount: '45', targets: '100% đoàn viên đăng ký thi đua', commitments: 'Hoàn thành chỉ tiêu năm' },
  individuals: { fullName: 'Nguyễn Văn A', birthYear: '', birthDate: '05/03/1985', idNumber: '001085012345', position: 'Đoàn viên', title: 'Lao động tiên tiến' },
  works: { name: 'Nhà văn hóa công nhân', implementer: 'Công đoàn cơ sở', value: '1.500.000.000', startDate: '01/02/2026', finishDate: '30/09/2026', occasion: '' },
};

export const TEMPLATE_FILE_NAMES: Record<ImportKind, string> = {
  units: 'Mau-dang-ky-don-vi.xlsx',
  individuals: 'Mau-dang-ky-ca-nhan.xlsx',
  works: 'Mau-dang-ky-cong-trinh.xlsx',
};

export async function registrationTemplate(q: Kysely<DB>, kind: ImportKind): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đăng ký');
  const fields = IMPORT_FIELDS[kind];
  ws.columns = fields.map((f) => ({ header: f.label, key: f.key, width: Math.max(14, Math.min(40, f.label.length + 4)) }));
  styleHeader(ws);
  const units = (await listTree(q)).filter((n) => !n.endedOn);
  ws.addRow({ ...EXAMPLES[kind], unit: units[0]?.code ?? '' });
  // Text cells: Excel must not drop a CCCD's leading zeros or turn a date into a number.
  for (const c of ws.columns) c.numFmt = '@';
  const list = wb.addWorksheet('Đơn vị');
  list.columns = [
    { header: 'Mã đơn vị', key: 'code', width: 14 },
    { header: 'Tên đơn vị', key: 'name', width: 60 },
  ];
  styleHeader(list);
  for (const u of units) list.addRow({ code: u.code, name: u.name });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
