import { z } from 'zod';
import { cleanText } from '../vi-text/normalize';
import { id, isoDate, optionalText, safeString, text } from './common';

/** Kinds of occasions in the catalogue (ngày lễ, kỷ niệm). */
export const OCCASION_KINDS = ['founding', 'birth', 'historic', 'national', 'international', 'local', 'other'] as const;
export type OccasionKind = (typeof OCCASION_KINDS)[number];
export const OCCASION_KIND_LABELS: Record<OccasionKind, string> = {
  founding: 'Ngày thành lập',
  birth: 'Ngày sinh',
  historic: 'Sự kiện lịch sử',
  national: 'Quốc khánh, ngày lễ quốc gia',
  international: 'Ngày quốc tế',
  local: 'Ngày của địa phương, ngành',
  other: 'Khác',
};

export const year = (label = 'Năm') =>
  z.number({ error: `${label}: phải là số` }).int(`${label}: phải là số nguyên`).min(1900, `${label}: không hợp lệ`).max(2200, `${label}: không hợp lệ`);

export const saveOccasionInput = z.object({
  id: id('Ngày kỷ niệm').optional(),
  name: text('Tên ngày kỷ niệm', 300),
  originDate: isoDate('Ngày gốc'),
  kind: z.enum(OCCASION_KINDS, { error: 'Loại ngày kỷ niệm không hợp lệ' }),
});

export interface OccasionView {
  id: string;
  name: string;
  originDate: string;
  kind: OccasionKind;
  builtin: boolean;
}

/** A list of short labels (themes, khối): NFC, trimmed, no empties, no duplicates. */
const labelList = (label: string) =>
  z
    .array(safeString(label).transform(cleanText).pipe(z.string().max(300, `${label}: dài quá 300 ký tự`)), {
      error: `${label}: phải là danh sách`,
    })
    .max(50, `${label}: tối đa 50 mục`)
    .transform((list) => [...new Set(list.filter(Boolean))]);

export const phaseInput = z
  .object({
    id: id('Đợt thi đua').optional(),
    name: text('Tên đợt', 200),
    startDate: isoDate('Ngày bắt đầu đợt').nullable().default(null),
    startMonthOnly: z.boolean().default(false),
    endDate: isoDate('Ngày kết thúc đợt').nullable().default(null),
    endMonthOnly: z.boolean().default(false),
    registrationDeadline: isoDate('Hạn đăng ký thi đua').nullable().default(null),
    reportDeadline: isoDate('Hạn báo cáo').nullable().default(null),
    description: optionalText('Nội dung đợt', 3000),
  })
  .refine((p) => !p.startDate || !p.endDate || p.startDate <= p.endDate, { message: 'Đợt thi đua: ngày kết thúc phải sau ngày bắt đầu', path: ['endDate'] });
export type PhaseInput = z.output<typeof phaseInput>;

export const saveMovementInput = z.object({
  id: id('Phong trào').optional(),
  year: year('Năm phát động'),
  /** The launching organization; defaults to this office. */
  organizationId: id('Đơn vị phát động').nullable().default(null),
  name: text('Tên phong trào', 500),
  themes: labelList('Chủ đề').default([]),
  sectors: labelList('Khối thi đua').default([]),
  phases: z.array(phaseInput).max(20, 'Tối đa 20 đợt thi đua').default([]),
  occasionIds: z.array(id('Ngày kỷ niệm')).max(100).default([]),
});

export interface PhaseView extends PhaseInput {
  id: string;
}

export interface MovementSummary {
  id: string;
  year: number;
  name: string;
  organizationId: string;
  organizationName: string;
  phaseCount: number;
  planCount: number;
  updatedAt: string;
}

export interface MovementView extends MovementSummary {
  themes: string[];
  sectors: string[];
  phases: PhaseView[];
  occasionIds: string[];
  revision: number;
}

export const listMovementsInput = z.object({ year: year().optional() });
export const anniversariesInput = z.object({
  year: year(),
  /** 5: every fifth year; 10: only "tròn" anniversaries. */
  step: z.union([z.literal(5), z.literal(10)]).default(5),
});
