import type ExcelJS from 'exceljs';
import { cleanText } from '../../../shared/vi-text';
import { formatDmy } from '../../../shared/vi-text/dates';

/** A cell as clean NFC text, whatever Excel stored (rich text, numbers, formulas, hyperlinks). */
export function cellText(cell: ExcelJS.Cell): string {
  return valueText(cell.value);
}

/** The same for a bare value (as the streaming reader gives them). */
export function valueText(v: ExcelJS.CellValue | undefined): string {
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
