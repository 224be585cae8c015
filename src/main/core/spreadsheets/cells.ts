import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { cleanText } from '../../../shared/vi-text';
import { formatDmy } from '../../../shared/vi-text/dates';

/** A cell as clean NFC text, whatever Excel stored (rich text, numbers, formulas, hyperlinks). */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return toDmy(v);
  if (typeof v === 'object') {
    if ('richText' in v) return cleanText(v.richText.map((r) => r.text).join(''));
    if ('result' in v) return cleanText(String(v.result ?? ''));
    if ('text' in v) return cleanText(String(v.text));
    return '';
  }
  return cleanText(String(v));
}

/** Excel date cells arrive as UTC midnights. */
const toDmy = (d: Date): string => formatDmy(d.toISOString());

/** dd/mm/yyyy (also d/m/yyyy) → YYYY-MM-DD, or null when it is not a real date. */
export function parseDmy(s: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Header row styling shared by every exported sheet. */
export function styleHeader(sheet: ExcelJS.Worksheet): void {
  const row = sheet.getRow(1);
  row.font = { bold: true, name: 'Times New Roman', size: 12 };
  row.alignment = { vertical: 'middle', wrapText: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Opens an uploaded .xlsx, or refuses it with a Vietnamese message (nothing has been written yet). */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(new Uint8Array(bytes).buffer); // a copy: exceljs reads a whole ArrayBuffer, not a view
  } catch {
    throw new AppError('BAD_FILE', 'Không đọc được tệp Excel: tệp không phải định dạng .xlsx hoặc đã bị hỏng. Dữ liệu không bị thay đổi.');
  }
  return wb;
}
