import { z } from 'zod';
import { id } from '../schemas/common';
import {
  createGeneralInput, issueGeneralInput, listGeneralInput, saveGeneralInput, type GeneralSummary, type GeneralView,
} from '../schemas/general-documents';
import { call } from './call';

const byId = z.object({ id: id('Văn bản') });

/** General documents (văn bản chung): Hướng dẫn, Thông báo, Công văn, Giấy mời, Tờ trình, Báo cáo. */
export const generalDocumentCalls = {
  'generalDocs.list': call<typeof listGeneralInput, GeneralSummary[]>(listGeneralInput),
  'generalDocs.get': call<typeof byId, GeneralView>(byId),
  'generalDocs.create': call<typeof createGeneralInput, GeneralView>(createGeneralInput),
  'generalDocs.save': call<typeof saveGeneralInput, GeneralView>(saveGeneralInput),
  'generalDocs.delete': call<typeof byId, null>(byId),
  'generalDocs.duplicate': call<typeof byId, GeneralView>(byId),
  'generalDocs.issue': call<typeof issueGeneralInput, GeneralView>(issueGeneralInput),
} as const;
