/**
 * Reads one worksheet of an .xlsx in a worker thread with exceljs's streaming reader: the core's event
 * loop (and so every other call) stays free while a 200,000-row sheet is read, memory holds rows rather
 * than exceljs's whole cell model, progress is reported as the file is consumed, and a cancel ends the
 * worker at once. The zip is checked (workbook-limits.ts) before the worker sees a byte.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { valueText } from './cells';
import { checkXlsxContainer, MAX_SHEET_ROWS } from './workbook-limits';

export interface SheetRead {
  sheetNames: string[];
  sheet: string;
  /** Text of each cell; row n of the sheet at index n - 1. */
  cells: string[][];
}

export interface ReadOptions {
  /** Worksheet name; default the first one. */
  sheet?: string;
  /** Rows allowed (header rows included); more refuses the file. */
  maxRows?: number;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

type WorkerMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'sheet'; name: string }
  | { type: 'rows'; rows: [number, ExcelJS.CellValue[]][] }
  | { type: 'tooMany' }
  | { type: 'done'; chosen: string | null }
  | { type: 'error'; message: string };

/**
 * The worker's body. It runs from its source text (`eval`), so it imports nothing: exceljs is required by
 * the absolute path the parent resolved (a packaged app's working folder is not the app's).
 */
function workerMain(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { parentPort, workerData } = require('node:worker_threads');
  const { Readable } = require('node:stream');
  const ExcelJS = require(workerData.exceljs);
  /* eslint-enable @typescript-eslint/no-require-imports */
  const bytes: Uint8Array = workerData.bytes;
  const CHUNK = 256 * 1024;
  let consumed = 0;
  let lastReport = 0;
  const input = Readable.from(
    (function* () {
      for (let o = 0; o < bytes.length; o += CHUNK) {
        consumed = Math.min(bytes.length, o + CHUNK);
        yield Buffer.from(bytes.buffer, bytes.byteOffset + o, Math.min(CHUNK, bytes.length - o));
      }
    })(),
  );
  (async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
    let chosen: string | null = null;
    let batch: [number, unknown[]][] = [];
    let count = 0;
    for await (const ws of reader) {
      parentPort.postMessage({ type: 'sheet', name: ws.name });
      const wanted = chosen === null && (workerData.sheet === undefined || workerData.sheet === ws.name);
      if (wanted) chosen = ws.name;
      for await (const row of ws) {
        if (!wanted) continue;
        if (++count > workerData.maxRows) {
          parentPort.postMessage({ type: 'tooMany' });
          return;
        }
        batch.push([row.number, row.values]);
        if (batch.length >= 5000) {
          parentPort.postMessage({ type: 'rows', rows: batch });
          batch = [];
        }
        if (consumed - lastReport > bytes.length / 50) {
          lastReport = consumed;
          parentPort.postMessage({ type: 'progress', fraction: consumed / bytes.length });
        }
      }
    }
    if (batch.length) parentPort.postMessage({ type: 'rows', rows: batch });
    parentPort.postMessage({ type: 'done', chosen });
  })().catch((e: unknown) => parentPort.postMessage({ type: 'error', message: String((e as Error)?.message ?? e) }));
}

let exceljsPath: string | null = null;

export function readSheet(bytes: Uint8Array, options: ReadOptions = {}): Promise<SheetRead> {
  checkXlsxContainer(bytes);
  exceljsPath ??= createRequire(__filename).resolve('exceljs');
  const maxRows = options.maxRows ?? MAX_SHEET_ROWS + 50;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(cancelled());
    const worker = new Worker(`(${workerMain.toString()})()`, {
      eval: true,
      workerData: { bytes, sheet: options.sheet, maxRows, exceljs: exceljsPath },
    });
    const sheetNames: string[] = [];
    const cells: string[][] = [];
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(cancelled()));
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') options.onProgress?.(m.fraction);
      else if (m.type === 'sheet') sheetNames.push(m.name);
      else if (m.type === 'rows') {
        for (const [n, values] of m.rows) cells[n - 1] = Array.from(values.slice(1), (v) => valueText(v));
      } else if (m.type === 'tooMany') {
        finish(() => reject(new AppError('BAD_FILE', `Trang tính có quá nhiều dòng: tối đa ${MAX_SHEET_ROWS.toLocaleString('vi-VN')} dòng dữ liệu mỗi lần nhập. Hãy chia tệp thành nhiều tệp nhỏ hơn. Dữ liệu không bị thay đổi.`)));
      } else if (m.type === 'done') {
        if (m.chosen === null) {
          finish(() => reject(new AppError('BAD_FILE', options.sheet ? `Tệp không có trang tính "${options.sheet}".` : 'Tệp Excel không có trang tính nào.')));
          return;
        }
        for (let i = 0; i < cells.length; i++) cells[i] ??= [];
        finish(() => resolve({ sheetNames, sheet: m.chosen!, cells }));
      } else {
        finish(() => reject(new AppError('BAD_FILE', 'Không đọc được tệp Excel: tệp không phải định dạng .xlsx hoặc đã bị hỏng. Dữ liệu không bị thay đổi.')));
      }
    });
    worker.on('error', () => finish(() => reject(new AppError('BAD_FILE', 'Không đọc được tệp Excel: tệp không phải định dạng .xlsx hoặc đã bị hỏng. Dữ liệu không bị thay đổi.'))));
    worker.on('exit', () => finish(() => reject(new AppError('BAD_FILE', 'Không đọc được tệp Excel (quá trình đọc dừng giữa chừng). Dữ liệu không bị thay đổi.'))));
  });
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'Đã hủy việc đọc tệp Excel. Dữ liệu không bị thay đổi.');
}
