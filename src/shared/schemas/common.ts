import { z } from 'zod';
import { cleanText } from '../vi-text/normalize';
import { findRefusedChar, stripInvisible } from '../vi-text/unsafe-chars';

/**
 * The one entry of every string that crosses the contract (forms, files, IPC payloads): control and
 * bidi-override characters are refused with the field's name, invisible format characters are stripped
 * (vi-text/unsafe-chars.ts). Every other string schema builds on it; a unit test keeps it that way.
 */
export const safeString = (label: string) =>
  z
    .string({ error: `${label}: phải là chuỗi ký tự` })
    .superRefine((s, ctx) => {
      const bad = findRefusedChar(s);
      if (bad) {
        ctx.addIssue({
          code: 'custom',
          message: `${label}: có ký tự điều khiển hoặc ký tự đảo chiều văn bản (${bad}) không được phép; hãy xóa và gõ lại đoạn này`,
        });
      }
    })
    .transform(stripInvisible);

/** Free text from a form or file: NFC, trimmed, single-spaced. */
export const text = (label: string, max = 500) =>
  safeString(label)
    .transform(cleanText)
    .pipe(z.string().min(1, `${label}: không được để trống`).max(max, `${label}: dài quá ${max} ký tự`));

export const optionalText = (label: string, max = 500) =>
  safeString(label)
    .transform(cleanText)
    .pipe(z.string().max(max, `${label}: dài quá ${max} ký tự`))
    .optional()
    .default('');

/** Calendar date as YYYY-MM-DD (the UI shows dd/mm/yyyy). */
export const isoDate = (label: string) =>
  z
    .string({ error: `${label}: thiếu ngày` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: ngày không hợp lệ`)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, `${label}: ngày không tồn tại`);

export const id = (label = 'Mã bản ghi') => z.string({ error: `${label}: thiếu` }).uuid(`${label}: không hợp lệ`);

export const empty = z.object({}).strict();

/** A page of a long list: the server counts, sorts and cuts, the screen asks for one page at a time. */
export const pageFields = {
  limit: z.number().int().min(1).max(500).optional().default(50),
  offset: z.number().int().min(0).optional().default(0),
};

export interface Page<T> {
  total: number;
  items: T[];
}

/** File bytes travel as base64 in JSON; 20 MB is far above any directory or registration sheet. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const uploadedFile = z.object({
  fileName: text('Tên tệp', 260),
  dataBase64: z
    .string()
    .max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4, 'Tệp quá lớn (tối đa 20 MB)')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp không hợp lệ'),
});
