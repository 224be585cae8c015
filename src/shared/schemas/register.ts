import { z } from 'zod';
import { id, isoDate, safeString, text } from './common';
import { year } from './movements';

/** Type abbreviations of Nghị định 30/2020 Phụ lục III that the app issues (more can be added). */
export const KIND_ABBR = /^[\p{L}\p{N}]{1,10}$/u;

export const registerListInput = z.object({
  year: year(),
  /** Default: this office. */
  issuerId: id('Đơn vị ban hành').optional(),
});

/** A document issued outside the app (on paper) still takes its number from the register. */
export const registerAddInput = z.object({
  kindAbbr: safeString('Ký hiệu loại văn bản').transform((s) => s.normalize('NFC').trim()).pipe(z.string().regex(KIND_ABBR, 'Ký hiệu loại văn bản không hợp lệ (ví dụ: KH, QĐ, TTr, BC)')),
  date: isoDate('Ngày văn bản'),
  subject: text('Trích yếu', 1000),
  number: z.number({ error: 'Số văn bản phải là số' }).int('Số văn bản phải là số nguyên').min(1, 'Số văn bản phải từ 1 trở lên').max(99999).nullable().default(null),
});

/** Which number would be taken for a document of this kind on this date (nothing is taken). */
export const registerPreviewInput = z.object({
  kindAbbr: registerAddInput.shape.kindAbbr,
  date: isoDate('Ngày văn bản'),
  number: registerAddInput.shape.number,
  issuerId: id('Đơn vị ban hành').optional(),
  /** A công văn: ký hiệu {issuer}-{drafting unit} ('' = the issuer alone); kindAbbr only files it. */
  letterUnit: safeString('Đơn vị soạn thảo').transform((s) => s.normalize('NFC').trim()).pipe(z.string().regex(/^[\p{L}\p{N}]{0,10}$/u, 'Ký hiệu đơn vị soạn thảo không hợp lệ')).optional(),
  /** A công văn: ký hiệu {issuer}-{drafting unit of the office settings}, no type abbreviation. */
  letter: z.boolean().optional().default(false),
});

export interface NumberPreview {
  year: number;
  number: number;
  /** "KH-LĐLĐ" */
  symbol: string;
  /** "31/KH-LĐLĐ" */
  numberText: string;
  date: string;
}

export interface RegisterEntryView {
  id: string;
  issuerId: string;
  year: number;
  number: number;
  kindAbbr: string;
  /** "KH-LĐLĐ" */
  symbol: string;
  /** "31/KH-LĐLĐ" */
  numberText: string;
  date: string;
  subject: string;
  recordKind: string | null;
  recordId: string | null;
  createdAt: string;
}

export interface RegisterYearView {
  year: number;
  issuerId: string;
  entries: RegisterEntryView[];
  /** Numbers below the highest one that were never used. */
  gaps: number[];
  nextNumber: number;
}
