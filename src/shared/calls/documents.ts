import { z } from 'zod';
import { documentKind } from '../documents';
import { id } from '../schemas/common';
import { call } from './call';
import type { SavedFile } from './directory';

/** A record that a document is made from: { kind: 'plan', id }. */
export const documentRef = z.object({ kind: documentKind, id: id('Văn bản') });

export interface DocumentPreview {
  fileName: string;
  /** The generated .docx, base64: the preview shows exactly what prints. */
  dataBase64: string;
}

/** Generated documents: the same bytes for the preview and the exported file. */
export const documentCalls = {
  'documents.preview': call<typeof documentRef, DocumentPreview>(documentRef),
  'documents.export': call<typeof documentRef, SavedFile>(documentRef),
} as const;
