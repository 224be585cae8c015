import { z } from 'zod';
import { documentKind, type DocumentKind } from '../documents';
import { id, isoDate, safeString, text } from '../schemas/common';
import { cleanText } from '../vi-text/normalize';
import { call } from './call';
import type { SavedFile } from './directory';

/** A record that a document is made from: { kind: 'plan', id }. */
export const documentRef = z.object({ kind: documentKind, id: id('Văn bản') });

export interface DocumentPreview {
  fileName: string;
  /** The generated .docx, base64: the preview shows exactly what prints. */
  dataBase64: string;
}


const line = (label: string) => text(label, 300);

/** Nơi nhận as the clerk edits it: one line per recipient, then what follows "Lưu:" ("VT, Ban TC-KT"). */
export const recipientsValue = z.object({
  items: z.array(safeString('Nơi nhận').transform(cleanText)).max(40, 'Nơi nhận: tối đa 40 dòng').transform((a) => a.map((s) => s.replace(/^[-–]\s*/, '').replace(/[;.]+$/, '')).filter(Boolean)),
  archive: line('Lưu').transform((s) => s.replace(/^Lưu:\s*/i, '').replace(/[;.]+$/, '')).refine((s) => /^VT\b/.test(s), 'Lưu: bắt đầu bằng "VT" (ví dụ: VT, Ban TC-KT)'),
});
export type RecipientsValue = z.output<typeof recipientsValue>;

/** Kinds whose Kính gửi / Nơi nhận are set here; a plan and a báo cáo carry theirs in their own editor. */
export const OPTION_KINDS = ['registration', 'works-list', 'registration-reminder', 'decision', 'commendation-proposal'] as const satisfies readonly DocumentKind[];
export type OptionKind = (typeof OPTION_KINDS)[number];

/** Kinds whose Kính gửi / Nơi nhận are chosen in the document options panel (the others have their own editor). */
export function isOptionKind(kind: DocumentKind): kind is OptionKind {
  return (OPTION_KINDS as readonly string[]).includes(kind);
}

export const saveDocumentOptionsInput = z.object({
  kind: z.enum(OPTION_KINDS, { error: 'Kính gửi, Nơi nhận của loại văn bản này sửa trong trình soạn thảo của nó' }),
  id: id('Văn bản'),
  /** null: the kind's default. */
  addressees: z.array(line('Kính gửi')).min(1, 'Kính gửi: ít nhất một nơi').max(60, 'Kính gửi: tối đa 60 nơi').nullable(),
  recipients: recipientsValue.nullable(),
  /** Công văn đôn đốc: the new deadline; a passed one is refused at save and at issue. */
  deadline: isoDate('Hạn gửi bản đăng ký').nullable().optional().default(null),
}).refine((v) => v.kind === 'registration-reminder' || !v.deadline, { message: 'Hạn gửi bản đăng ký: chỉ dùng cho công văn đôn đốc đăng ký', path: ['deadline'] });

export interface DocumentOptionsView {
  kind: DocumentKind;
  id: string;
  addressees: string[];
  recipients: RecipientsValue;
  deadline: string | null;
  /** What the kind prints when the clerk sets nothing. */
  defaults: { addressees: string[]; recipients: RecipientsValue; deadline: string | null };
  customized: boolean;
  /** Công văn already issued for this đợt: number, date, deadline. */
  letters: { id: string; numberText: string; date: string; deadline: string | null }[];
}

export const issueLetterInput = z.object({
  kind: z.literal('registration-reminder', { error: 'Chỉ công văn đôn đốc đăng ký được lấy số tại đây' }),
  id: id('Đợt thi đua'),
  date: isoDate('Ngày ban hành'),
  number: z.number({ error: 'Số văn bản phải là số' }).int().min(1, 'Số văn bản phải từ 1 trở lên').max(99999).nullable().optional().default(null),
});

export interface IssuedLetterView {
  id: string;
  numberText: string;
  date: string;
}

export const optionCalls = {
  'documents.getOptions': call<typeof documentRef, DocumentOptionsView>(documentRef),
  'documents.saveOptions': call<typeof saveDocumentOptionsInput, DocumentOptionsView>(saveDocumentOptionsInput),
  'documents.issueLetter': call<typeof issueLetterInput, IssuedLetterView>(issueLetterInput),
} as const;

/** Generated documents: the same bytes for the preview and the exported file. */
export const documentCalls = {
  'documents.preview': call<typeof documentRef, DocumentPreview>(documentRef),
  'documents.export': call<typeof documentRef, SavedFile>(documentRef),
  ...optionCalls,
} as const;
