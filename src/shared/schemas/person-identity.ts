import { z } from 'zod';
import { id, isoDate, text } from './common';

/** CCCD: 12 digits (căn cước công dân); older 9-digit CMND numbers are accepted too. */
export const idNumber = z
  .string({ error: 'Số CCCD: phải là chuỗi ký tự' })
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^(\d{9}|\d{12})$/, 'Số CCCD: phải gồm 12 chữ số (hoặc 9 chữ số CMND cũ)'));

export const candidatesInput = z.object({
  fullName: text('Họ và tên', 120),
  organizationId: id('Đơn vị').nullable().default(null),
  birthYear: z.number({ error: 'Năm sinh phải là số' }).int('Năm sinh phải là số nguyên').min(1900, 'Năm sinh không hợp lệ').max(2100, 'Năm sinh không hợp lệ').nullable().default(null),
  birthDate: isoDate('Ngày sinh').nullable().default(null),
  idNumber: idNumber.nullable().default(null),
  /** the person being edited, never its own candidate */
  excludeId: id('Cá nhân').optional(),
});

export const duplicatesInput = z.object({ limit: z.number().int().min(1).max(500).optional().default(100) });

export const mergeInput = z
  .object({ survivorId: id('Cá nhân giữ lại'), mergedId: id('Cá nhân gộp vào') })
  .refine((v) => v.survivorId !== v.mergedId, 'Không thể hợp nhất một cá nhân với chính mình');

export interface PersonCandidate {
  id: string;
  fullName: string;
  organizationId: string | null;
  organizationName: string | null;
  birthYear: number | null;
  birthDate: string | null;
  /** the CCCD matched (shown masked: only the last 4 digits) */
  idNumberTail: string | null;
  /** recorded here, or received from another office (its name) */
  ownerName: string | null;
  /** why it is a candidate, in Vietnamese ("cùng họ tên, cùng đơn vị, năm sinh 1985") */
  reason: string;
  awards: number;
  registrations: number;
}

/** People that may be one person: shown side by side with a merge action. */
export interface DuplicateGroup {
  key: string;
  people: PersonCandidate[];
}

export interface MergeResult {
  survivorId: string;
  mergedIds: string[];
}
