import { z } from 'zod';
import { id, isoDate, optionalText, text } from './common';

/** One row a catalogue package from the upper level wrote here (Cài đặt → Khen thưởng → "Thay đổi từ cấp trên"). */
export interface CatalogueChange {
  importId: number;
  importedAt: string;
  senderName: string;
  table: string;
  tableLabel: string;
  id: string;
  change: 'new' | 'changed' | 'removed';
  /** the row as it read before the import (null when the package created it) */
  before: string | null;
  after: string;
  /** the date the value applies from (dated tables), null for forms */
  validFrom: string | null;
}

/** A new tờ trình's defaults: the office's real upper level and the căn cứ in force today. */
export interface ProposalDefaults {
  addressee: string;
  superior: string;
  /** the upper unit's name, or null when the directory has none above this office */
  upperName: string | null;
  bases: string[];
}

export const LEGAL_BASIS_USES = ['decision', 'proposal', 'both'] as const;
export const LEGAL_BASIS_USE_LABELS: Record<(typeof LEGAL_BASIS_USES)[number], string> = { decision: 'Quyết định', proposal: 'Tờ trình', both: 'Quyết định, tờ trình' };

/** A căn cứ line as the clerk types it: the text a document cites, where, and from/until when it is in force. */
export const saveLegalBasisInput = z
  .object({
    id: id('Căn cứ').optional(),
    text: text('Nội dung căn cứ', 1000),
    appliesTo: z.enum(LEGAL_BASIS_USES, { error: 'Dùng cho: không hợp lệ' }),
    validFrom: isoDate('Áp dụng từ ngày'),
    validTo: isoDate('Ngày cuối cùng áp dụng').nullable().default(null),
    source: optionalText('Nguồn', 500).default(''),
    needsCheck: z.boolean().default(false),
  })
  .refine((v) => v.validTo === null || v.validTo >= v.validFrom, { message: 'Ngày hết hiệu lực không được trước ngày áp dụng', path: ['validTo'] });

/** Retire a line: it stops being cited by documents dated after `validTo` (the last day it applies). */
export const retireLegalBasisInput = z.object({ id: id('Căn cứ'), validTo: isoDate('Ngày cuối cùng áp dụng') });
