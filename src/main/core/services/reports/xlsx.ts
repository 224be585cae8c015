/** The report tables as .xlsx (exceljs): one sheet per table, numbers as numbers, money with thousands. */
import ExcelJS from 'exceljs';
import { REPORT_TABLE_LABELS, type PhaseFigures, type PhaseLine, type ReportTable } from '../../../../shared/schemas/reports';
import { scopeLabel } from './text';
import { formatDmy } from '../../../../shared/vi-text/dates';

interface Column {
  header: string;
  width: number;
  money?: boolean;
}

function sheet(wb: ExcelJS.Workbook, name: string, title: string, columns: Column[], rows: (string | number)[][]): void {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const r of rows) ws.addRow(r);
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.money) col.numFmt = '#,##0';
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
}

const TOTAL_COLUMNS: Column[] = [
  { header: 'Số đơn vị', width: 10 }, { header: 'Đã đăng ký', width: 10 }, { header: 'Chưa đăng ký', width: 10 }, { header: 'Cá nhân đăng ký', width: 12 },
  { header: 'Công trình', width: 10 }, { header: 'Được chấp thuận', width: 12 }, { header: 'Đã gắn biển', width: 10 },
  { header: 'Tập thể được khen', width: 12 }, { header: 'Cá nhân được khen', width: 12 }, { header: 'Tiền thưởng (đồng)', width: 16, money: true }, { header: 'Báo cáo đã nhận', width: 12 },
];

export async function reportTablesXlsx(f: PhaseFigures, phases: PhaseLine[], which: ReportTable | 'all'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const scope = scopeLabel(f);
  const want = (t: ReportTable) => which === 'all' || which === t;
  if (want('units')) {
    sheet(
      wb, REPORT_TABLE_LABELS.units, `Kết quả theo đơn vị — ${scope}`,
      [
        { header: 'STT', width: 6 }, { header: 'Mã đơn vị', width: 12 }, { header: 'Đơn vị', width: 40 }, { header: 'Đăng ký', width: 12 }, { header: 'Cá nhân đăng ký', width: 12 },
        { header: 'Công trình', width: 10 }, { header: 'Được chấp thuận', width: 12 }, { header: 'Đã gắn biển', width: 10 }, { header: 'Tập thể được khen', width: 12 },
        { header: 'Cá nhân được khen', width: 12 }, { header: 'Tiền thưởng (đồng)', width: 16, money: true }, { header: 'Báo cáo', width: 16 },
      ],
      f.units.map((u, i) => [i + 1, u.code, u.name, u.registered ? 'Đã đăng ký' : 'Chưa đăng ký', u.individuals, u.works, u.worksApproved, u.plaques, u.collectivesAwarded, u.individualsAwarded, u.amount, u.reportNumber ?? 'Chưa báo cáo']),
    );
  }
  if (want('phases')) {
    sheet(
      wb, REPORT_TABLE_LABELS.phases, `Kết quả theo đợt — ${f.movementName}`,
      [{ header: 'Đợt', width: 30 }, { header: 'Kết thúc', width: 12 }, { header: 'Hạn báo cáo', width: 12 }, ...TOTAL_COLUMNS],
      phases.map((p) => {
        const t = p.totals;
        return [p.phaseName, p.endDate ? formatDmy(p.endDate) : '', p.reportDeadline ? formatDmy(p.reportDeadline) : '', t.units, t.registered, t.notRegistered, t.individuals, t.works, t.worksApproved, t.plaques, t.collectivesAwarded, t.individualsAwarded, t.amount, t.reportsReceived];
      }),
    );
  }
  if (want('forms')) {
    sheet(
      wb, 'Khen thưởng', `Khen thưởng theo hình thức — ${scope}`,
      [{ header: 'STT', width: 6 }, { header: 'Hình thức, danh hiệu', width: 40 }, { header: 'Cấp', width: 30 }, { header: 'Tập thể', width: 10 }, { header: 'Cá nhân', width: 10 }, { header: 'Tiền thưởng (đồng)', width: 16, money: true }],
      f.forms.map((fm, i) => [i + 1, fm.formName, fm.level, fm.collectives, fm.individuals, fm.amount]),
    );
  }
  if (want('lower')) {
    sheet(
      wb, REPORT_TABLE_LABELS.lower, `Báo cáo của cấp dưới — ${scope}`,
      [{ header: 'STT', width: 6 }, { header: 'Đơn vị', width: 40 }, { header: 'Số báo cáo', width: 16 }, { header: 'Ngày', width: 12 }, { header: 'Trích yếu', width: 50 }, ...TOTAL_COLUMNS],
      f.lowerReports.map((r, i) => {
        const t = r.totals;
        return [i + 1, r.organizationName, r.numberText, r.date ? formatDmy(r.date) : '', r.subject, ...(t ? [t.units, t.registered, t.notRegistered, t.individuals, t.works, t.worksApproved, t.plaques, t.collectivesAwarded, t.individualsAwarded, t.amount, t.reportsReceived] : [])];
      }),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
