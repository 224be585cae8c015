/**
 * The ready .xlsx to fill with past decisions: the import's columns (titles the import recognises by
 * itself), two example rows, and a sheet listing the catalogue's titles and forms and the units' codes,
 * so what the clerk types matches the data.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { listTree } from '../services/organizations';
import { styleHeader } from './cells';
import { HISTORY_FIELDS } from './history-import';

export async function historyTemplate(q: Kysely<DB>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lịch sử khen thưởng');
  ws.columns = HISTORY_FIELDS.map((f) => ({ header: f.label, key: f.key, width: Math.max(14, Math.min(40, f.label.length + 4)) }));
  styleHeader(ws);
  const units = (await listTree(q)).filter((n) => !n.endedOn);
  const unit = units[0];
  ws.addRow({ decisionNumber: '12/QĐ-LĐLĐ', decisionDate: '20/12/2024', issuer: 'Ban Thường vụ LĐLĐ tỉnh', form: 'Lao động tiên tiến', year: '2024', target: 'Cá nhân', fullName: 'Nguyễn Văn A', birthYear: '', birthDate: '05/03/1985', idNumber: '001085012345', unit: unit?.code ?? '' });
  ws.addRow({ decisionNumber: '12/QĐ-LĐLĐ', decisionDate: '20/12/2024', issuer: 'Ban Thường vụ LĐLĐ tỉnh', form: 'Giấy khen', year: '2024', target: 'Tập thể', fullName: '', birthYear: '', birthDate: '', idNumber: '', unit: unit?.code ?? '' });
  // Text cells: Excel must not turn "12/2024" or a year into a number or a date.
  for (const c of ws.columns) c.numFmt = '@';
  const forms = await q.selectFrom('award_forms').select(['name', 'kind', 'targets']).where('deleted_at', 'is', null).orderBy('sort_order').execute();
  const list = wb.addWorksheet('Danh mục');
  list.columns = [
    { header: 'Danh hiệu / hình thức (ghi đúng tên)', key: 'name', width: 50 },
    { header: 'Loại', key: 'kind', width: 22 },
    { header: 'Đối tượng', key: 'targets', width: 20 },
    { header: 'Mã đơn vị', key: 'code', width: 14 },
    { header: 'Tên đơn vị', key: 'unit', width: 50 },
  ];
  styleHeader(list);
  const rows = Math.max(forms.length, units.length);
  for (let i = 0; i < rows; i++) {
    const f = forms[i];
    const u = units[i];
    list.addRow({
      name: f?.name ?? '',
      kind: f ? (f.kind === 'title' ? 'Danh hiệu thi đua' : 'Hình thức khen thưởng') : '',
      targets: f ? { individual: 'Cá nhân', collective: 'Tập thể', both: 'Cá nhân, tập thể' }[f.targets] : '',
      code: u?.code ?? '',
      unit: u?.name ?? '',
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
