/**
 * What a sheet preview leaves in the core, so a 200,000-row sheet never travels whole to the renderer nor
 * is read twice: the checked rows of the last previews (the screen pages through them), and the cells of
 * the last sheet read, keyed by the SHA-256 of the file's bytes — the import of the same file reuses them,
 * a changed file has another hash and is read again. Only the latest few are kept (memory).
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { ImportRowPreview } from '../../../shared/schemas/registrations';

const KEEP_PREVIEWS = 2;
const previews = new Map<string, ImportRowPreview[]>();

/** Keeps the checked rows of a preview; returns the id the screen pages with. */
export function keepPreviewRows(rows: ImportRowPreview[]): string {
  const id = randomUUID();
  previews.set(id, rows);
  while (previews.size > KEEP_PREVIEWS) previews.delete(previews.keys().next().value!);
  return id;
}

/** One page of a kept preview (all rows, or only those with a problem). */
export function previewRowsPage(id: string, onlyErrors: boolean, limit: number, offset: number): Page<ImportRowPreview> {
  const rows = previews.get(id);
  if (!rows) throw new AppError('NOT_FOUND', 'Bản xem trước không còn (đã xem tệp khác). Hãy chọn lại tệp Excel.');
  const list = onlyErrors ? rows.filter((r) => r.action === 'error') : rows;
  return { total: list.length, items: list.slice(offset, offset + limit) };
}

let lastSheet: { key: string; value: unknown } | null = null;

/**
 * The result of reading (and converting) a sheet, computed once per file content and sheet: the key is
 * the SHA-256 of the bytes, so the same bytes give the same cells and any change reads the file again.
 * The value must not be changed by the caller.
 */
export async function readOnce<T>(bytes: Uint8Array, sheet: string | undefined, read: () => Promise<T>): Promise<T> {
  const key = `${createHash('sha256').update(bytes).digest('hex')} ${sheet ?? ''}`;
  if (lastSheet?.key === key) return lastSheet.value as T;
  lastSheet = null; // free the previous sheet before reading the next
  const value = await read();
  lastSheet = { key, value };
  return value;
}
