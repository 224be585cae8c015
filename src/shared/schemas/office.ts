import { z } from 'zod';
import { optionalText, text } from './common';
import { orgLevel, orgNameFields } from './organizations';

export const SIGNER_AUTHORITIES = ['TM.', 'KT.', 'Q.', 'TL.', 'TUQ.', ''] as const;

export const signerFields = {
  /** e.g. "TM. BAN THƯỜNG VỤ" */
  signerAuthority: optionalText('Thẩm quyền ký', 120).transform((s) => s.toLocaleUpperCase('vi')),
  /** e.g. "CHỦ TỊCH" */
  signerTitle: text('Chức vụ người ký', 120).transform((s) => s.toLocaleUpperCase('vi')),
  signerName: text('Họ tên người ký', 120),
};

export const setupOfficeInput = z.object({
  level: orgLevel,
  ...orgNameFields,
  ...signerFields,
});

export const updateOfficeInput = z.object(signerFields);

export interface OfficeView {
  organizationId: string;
  level: z.infer<typeof orgLevel>;
  name: string;
  shortName: string;
  abbreviation: string;
  placeName: string;
  parentLine: string;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
}
