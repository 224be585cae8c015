import ExcelJS from 'exceljs';
import { BAC_KAN_OFFICE, type TestCore } from './core';

/** An office with three lower units and a movement of two phases: what the registration tests start from. */
export async function seedRegistrationWorld(core: TestCore) {
  const office = await core.call('office.setup', BAC_KAN_OFFICE);
  const unit = (name: string, code: string) => core.call('organizations.create', { parentId: office.organizationId, level: 'upper', name, code });
  const baBe = await unit('Liên đoàn Lao động huyện Ba Bể', 'BABE');
  const choDon = await unit('Liên đoàn Lao động huyện Chợ Đồn', 'CHODON');
  const nganhGd = await unit('Công đoàn ngành Giáo dục', 'GIAODUC');
  const movement = await core.call('movements.save', {
    year: 2020,
    name: 'Phong trào thi đua chào mừng các ngày lễ lớn trong năm 2020',
    phases: [
      { name: 'Đợt 1', startDate: '2020-01-01', endDate: '2020-05-19', registrationDeadline: '2020-02-15' },
      { name: 'Đợt 2', startDate: '2020-05-20', endDate: '2020-12-31' },
    ],
  });
  return { office, baBe, choDon, nganhGd, movement, phase1: movement.phases[0].id, phase2: movement.phases[1].id };
}

/** An .xlsx with a title line, a header row and data rows, as units send them. */
export async function sheetOf(header: string[], rows: (string | number | Date | null)[][], opts: { title?: string } = {}): Promise<{ fileName: string; dataBase64: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  if (opts.title) ws.addRow([opts.title]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: 'dang-ky.xlsx', dataBase64: buf.toString('base64') };
}

export const PEOPLE_HEADER = ['STT', 'Đơn vị', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Danh hiệu đăng ký'];
export const WORKS_HEADER = ['STT', 'Đơn vị', 'Tên công trình, sản phẩm', 'Chủ đầu tư/đơn vị thực hiện', 'Giá trị (đồng)', 'Ngày khởi công', 'Ngày hoàn thành', 'Dịp gắn biển'];
