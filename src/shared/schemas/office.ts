import { z } from 'zod';
import { id, optionalText, text } from './common';
import { orgLevel, orgNameFields } from './organizations';

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

/**
 * First run at a lower level: this office is a unit of the directory the upper level sent, so both
 * offices know it by the same id and exchange packages between them line up.
 */
export const setupFromDirectoryInput = z.object({
  organizationId: id('Đơn vị của mình'),
  ...signerFields,
});

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
