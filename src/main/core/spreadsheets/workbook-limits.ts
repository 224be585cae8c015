/**
 * An .xlsx is a zip: before any spreadsheet library inflates it, its central directory is checked with the
 * same code and kinds of limits as exchange packages (exchange/safe-unzip.ts, the one home of zip checks),
 * sized for spreadsheets. A 1 MiB file that inflates to 1 GiB is refused in milliseconds, unread.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { MAX_UPLOAD_BYTES } from '../../../shared/schemas/common';
import { inflateEntry, readZipDirectory, type UnzipLimits } from '../exchange/safe-unzip';

export const XLSX_LIMITS: UnzipLimits = {
  maxPackageBytes: MAX_UPLOAD_BYTES,
  // A 200,000-row sheet is ~50 MB of XML, its shared strings ~7 MB (measured).
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 400 * 1024 * 1024,
  maxEntries: 500,
  // Real sheets compress 5–20×; deflate cannot exceed ~1030×, which only crafted files approach.
  maxRatio: 200,
};

/** Data rows a sheet may have (header rows aside): stated to the clerk when refused. */
export const MAX_SHEET_ROWS = 200_000;

/** The package wording of safe-unzip's refusals, said of an Excel file. */
function asSpreadsheet(message: string): string {
  return message
    .replace(/^Tệp không phải gói trao đổi \.tdkt hợp lệ hoặc đã bị hỏng.*$/, 'Không đọc được tệp Excel: tệp không phải định dạng .xlsx hoặc đã bị hỏng.')
    .replace(/Tệp gói/g, 'Tệp Excel')
    .replace(/trong gói/g, 'trong tệp Excel')
    .replace(/của gói/g, 'của tệp Excel')
    .replace(/Gói/g, 'Tệp Excel');
}

/** Refuses an .xlsx whose zip structure, sizes or ratios are not those of a real spreadsheet. */
export function checkXlsxContainer(bytes: Uint8Array): void {
  try {
    // Declared sizes first; then every entry is inflated once by zlib, capped at its declared size, so a
    // header that lies about its size is caught here and never reaches the spreadsheet library's inflater.
    for (const entry of readZipDirectory(bytes, () => true, XLSX_LIMITS).values()) inflateEntry(entry);
  } catch (e) {
    if (e instanceof AppError) throw new AppError('BAD_FILE', `${asSpreadsheet(e.message)} Dữ liệu không bị thay đổi.`);
    throw e;
  }
}

/** A whole workbook in memory, for small files (the directory); checked first. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  checkXlsxContainer(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(new Uint8Array(bytes).buffer); // a copy: exceljs reads a whole ArrayBuffer, not a view
  } catch {
    throw new AppError('BAD_FILE', 'Không đọc được tệp Excel: tệp không phải định dạng .xlsx hoặc đã bị hỏng. Dữ liệu không bị thay đổi.');
  }
  return wb;
}
