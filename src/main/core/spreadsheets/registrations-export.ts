/** Lists of a movement phase to .xlsx: the tracker, the registered individuals, the works for plaques. */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { REGISTRATION_STATUS_LABELS, WORK_STATUS_LABELS } from '../../../shared/schemas/registrations';
import { comparePersonNames } from '../../../shared/vi-text';
import type { DB } from '../db/schema';
import { getRegistration, listRegistrations, tracker } from '../services/registrations';
import { listWorks } from '../services/works';
import { formatDmy } from '../../../shared/vi-text/dates';
import { styleHeader } from './cells';

type Row = Record<string, string | number>;
interface ListSheet {
  sheet: string;
  stem: string;
  /** Columns after STT, which every list starts with. */
  columns: { header: string; key: string; width: number; numFmt?: string }[];
  rows(db: Kysely<DB>, officeId: string, movementId: string, phaseId: string | null): Promise<Row[]>;
}

/** The three lists of a movement (or đợt), one sheet each. */
const LISTS: Record<'tracker' | 'individuals' | 'works', ListSheet> = {
  tracker: {
    sheet: 'Tình hình đăng ký',
    stem: 'tinh-hinh-dang-ky',
    columns: [
      { header: 'Mã đơn vị', key: 'code', width: 12 },
      { header: 'Đơn vị', key: 'name', width: 45 },
      { header: 'Tình trạng', key: 'status', width: 18 },
      { header: 'Ngày nhận', key: 'received', width: 12 },
      { header: 'Số cá nhân', key: 'people', width: 11 },
      { header: 'Số công trình', key: 'works', width: 12 },
    ],
    async rows(db, officeId, movementId, phaseId) {
      const t = await tracker(db, officeId, movementId, phaseId, false);
      return t.units.map((u) => ({
        code: u.code,
        name: u.name,
        status: u.status ? REGISTRATION_STATUS_LABELS[u.status] : 'Chưa đăng ký',
        received: formatDmy(u.receivedOn),
        people: u.individualCount,
        works: u.workCount,
      }));
    },
  },
  individuals: {
    sheet: 'Cá nhân đăng ký',
    stem: 'ca-nhan-dang-ky',
    columns: [
      { header: 'Họ và tên', key: 'name', width: 28 },
      { header: 'Năm sinh', key: 'birthYear', width: 10 },
      { header: 'Chức vụ', key: 'position', width: 28 },
      { header: 'Đơn vị', key: 'unit', width: 40 },
      { header: 'Danh hiệu đăng ký', key: 'title', width: 28 },
    ],
    async rows(db, officeId, movementId, phaseId) {
      const rows: Row[] = [];
      for (const s of await listRegistrations(db, movementId, phaseId)) {
        const r = await getRegistration(db, s.id, officeId);
        for (const p of r.individuals) rows.push({ unit: r.organizationName, name: p.fullName, birthYear: p.birthYear ?? '', position: p.position, title: p.title });
      }
      // Name lists sort by tên, then họ đệm (docs/rules.md §5.2).
      return rows.sort((a, b) => comparePersonNames(String(a.name), String(b.name)));
    },
  },
  works: {
    sheet: 'Công trình gắn biển',
    stem: 'cong-trinh-gan-bien',
    columns: [
      { header: 'Tên công trình, sản phẩm', key: 'name', width: 40 },
      { header: 'Đơn vị', key: 'unit', width: 32 },
      { header: 'Chủ đầu tư / đơn vị thực hiện', key: 'implementer', width: 28 },
      { header: 'Giá trị (đồng)', key: 'value', width: 16, numFmt: '#,##0' },
      { header: 'Ngày khởi công', key: 'start', width: 13 },
      { header: 'Ngày hoàn thành', key: 'finish', width: 13 },
      { header: 'Dịp gắn biển', key: 'occasion', width: 32 },
      { header: 'Tình trạng', key: 'status', width: 20 },
      { header: 'Ghi chú xét duyệt', key: 'note', width: 30 },
    ],
    async rows(db, officeId, movementId, phaseId) {
      return (await listWorks(db, { movementId, phaseId }, officeId)).map((w) => ({
        name: w.name,
        unit: w.organizationName,
        implementer: w.implementer,
        value: w.valueDong ?? '',
        start: formatDmy(w.startDate),
        finish: formatDmy(w.finishDate),
        occasion: w.occasionName ?? '',
        status: WORK_STATUS_LABELS[w.status],
        note: w.reviewNote,
      }));
    },
  },
};

export async function exportRegistrationList(
  db: Kysely<DB>,
  officeId: string,
  what: keyof typeof LISTS,
  movementId: string,
  phaseId: string | null,
): Promise<{ bytes: Uint8Array; stem: string }> {
  const list = LISTS[what];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi đua Khen thưởng';
  const ws = wb.addWorksheet(list.sheet);
  ws.columns = [{ header: 'STT', key: 'no', width: 6 }, ...list.columns.map(({ header, key, width }) => ({ header, key, width }))];
  const rows = await list.rows(db, officeId, movementId, phaseId);
  rows.forEach((r, i) => ws.addRow({ no: i + 1, ...r }));
  for (const c of list.columns) if (c.numFmt) ws.getColumn(c.key).numFmt = c.numFmt;
  styleHeader(ws);
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), stem: list.stem };
}
