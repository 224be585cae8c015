import { z } from 'zod';
import { id } from '../schemas/common';
import { registerAddInput, registerListInput, registerPreviewInput, type NumberPreview, type RegisterEntryView, type RegisterYearView } from '../schemas/register';
import { call } from './call';
import type { SavedFile } from './directory';

const yearsInput = z.object({ issuerId: id('Đơn vị ban hành').optional() });

/** A record that a document is made from: { kind: 'plan', id }; decisions and reports plug in later. */
const documentRef = z.object({
  kind: z.string({ error: 'Loại văn bản: thiếu' }).regex(/^[a-z][a-z-]{0,39}$/, 'Loại văn bản không hợp lệ'),
  id: id('Văn bản'),
});

export interface DocumentPreview {
  fileName: string;
  /** The generated .docx, base64: the preview shows exactly what prints. */
  dataBase64: string;
}

/** The outgoing-document register (sổ văn bản đi) and generated documents. */
export const registerCalls = {
  'register.list': call<typeof registerListInput, RegisterYearView>(registerListInput),
  'register.years': call<typeof yearsInput, number[]>(yearsInput),
  'register.preview': call<typeof registerPreviewInput, NumberPreview>(registerPreviewInput),
  'register.add': call<typeof registerAddInput, RegisterEntryView>(registerAddInput),

  'documents.preview': call<typeof documentRef, DocumentPreview>(documentRef),
  'documents.export': call<typeof documentRef, SavedFile>(documentRef),
} as const;
