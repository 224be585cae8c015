/** Lists of a movement phase to .xlsx: the tracker, the registered individuals, the works for plaques. */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { REGISTRATION_STATUS_LABELS, WORK_STATUS_LABELS } from '../../../shared/schemas/registrations';
import { comparePersonNames } from '../../../shared/vi-text';
import type { DB } from '../db/schema';
import { getRegistration, listRegistrations, tracker } from '../services/registrations';
import { listWorks } from '../services/works';
import { styleHeader } from './cells';
import { formatDmy } from '../../../shared/vi-text/dates';


function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width: number }[], rows: Record<string, unknown>[]) {
  const ws = wb.addWorksheet(name);
  ws.columns = columns;
  for (const r of rows) ws.addRow(r);
  styleHeader(ws);
  return ws;
}

export async function exportRegistrationList(
  db: Kysely<DB>,
  officeId: string,
  what: 'tracker' | 'individuals' | 'works',
  movementId: string,
  phaseId: string | null,
): Promise<{ bytes: Uint8Array; stem: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi đua Khen thưởng';
  if (what === 'tracker') {
    const t = await tracker(db, officeId, movementId, phaseId, false);
    sheet(
      wb,
      'Tình hình đăng ký',
      [
        { header: 'STT', key: 'no', width: 6 },
        { header: 'Mã đơn vị', key: 'code', width: 12 },
        { header: 'Đơn vị', key: 'name', width: 45 },
        { header: 'Tình trạng', key: 'status', width: 18 },
        { header: 'Ngày nhận', key: 'received', width: 12 },
        { header: 'Số cá nhân', key: 'people', width: 11 },
        { header: 'Số công trình', key: 'works', width: 12 },
      ],
      t.units.map((u, i) => ({
        no: i + 1,
        code: u.code,
        name: u.name,
        status: u.status ? REGISTRATION_STATUS_LABELS[u.status] : 'Chưa đăng ký',
        received: formatDmy(u.receivedOn),
        people: u.individualCount,
        works: u.workCount,
      })),
    );
    return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), stem: 'tinh-hinh-dang-ky' };
  }
  if (what === 'individuals') {
    const rows: Record<string, unknown>[] = [];
    for (const s of await listRegistrations(db, movementId, phaseId)) {
      const r = await getRegistration(db, s.id, officeId);
      for (const p of r.individuals) rows.push({ unit: r.organizationName, name: p.fullName, birthYear: p.birthYear ?? '', position: p.position, title: p.title });
    }
    // Name lists sort by tên, then họ đệm (domain rule 21).
    rows.sort((a, b) => comparePersonNames(String(a.name), String(b.name)));
    sheet(
      wb,
      'Cá nhân đăng ký',
      [
        { header: 'STT', key: 'no', width: 6 },
        { header: 'Họ và tên', key: 'name', width: 28 },
        { header: 'Năm sinh', key: 'birthYear', width: 10 },
        { header: 'Chức vụ', key: 'position', width: 28 },
        { header: 'Đơn vị', key: 'unit', width: 40 },
        { header: 'Danh hiệu đăng ký', key: 'title', width: 28 },
      ],
      rows.map((r, i) => ({ no: i + 1, ...r })),
    );
    return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), stem: 'ca-nhan-dang-ky' };
  }
  const works = await listWorks(db, { movementId, phaseId }, officeId);
  const ws = sheet(
    wb,
    'Công trình gắn biển',
    [
      { header: 'STT', key: 'no', width: 6 },
      { header: 'Tên công trình, sản phẩm', key: 'name', width: 40 },
      { header: 'Đơn vị', key: 'unit', width: 32 },
      { header: 'Chủ đầu tư / đơn vị thực hiện', key: 'implementer', width: 28 },
      { header: 'Giá trị (đồng)', key: 'value', width: 16 },
      { header: 'Ngày khởi công', key: 'start', width: 13 },
      { header: 'Ngày hoàn thành', key: 'finish', width: 13 },
      { header: 'Dịp gắn biển', key: 'occasion', width: 32 },
      { header: 'Tình trạng', key: 'status', width: 20 },
      { header: 'Ghi chú xét duyệt', key: 'note', width: 30 },
    ],
    works.map((w, i) => ({
      no: i + 1,
      name: w.name,
      unit: w.organizationName,
      implementer: w.implementer,
      value: w.valueDong ?? '',
      start: formatDmy(w.startDate),
      finish: formatDmy(w.finishDate),
      occasion: w.occasionName ?? '',
      status: WORK_STATUS_LABELS[w.status],
      note: w.reviewNote,
    })),
  );
  ws.getColumn('value').numFmt = '#,##0';
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), stem: 'cong-trinh-gan-bien' };
}
