/**
 * General official documents (văn bản hành chính chung) the commendation cycle needs besides the fixed kinds:
 * Hướng dẫn, Thông báo, Công văn, Giấy mời, Tờ trình, Báo cáo. The body is a free outline: a flat list of
 * blocks, each with a level, numbered when the document is composed (A./B., I./II., 1./2., a) or a., -/+),
 * so a clerk can move, insert and delete without renumbering by hand.
 */
import { z } from 'zod';
import { cleanText } from '../vi-text/normalize';
import { id, isoDate, safeString } from './common';
import { planSigner, recipientGroup } from './plans';

/**
 * The kinds, one typed table: ký hiệu (ND30 Phụ lục III), tên loại as printed ('' for a công văn, which has
 * none and prints its "V/v …" trích yếu under Số), and whether Kính gửi is usual for the kind.
 */
export const GENERAL_KINDS = {
  HD: { label: 'Hướng dẫn', kindName: 'HƯỚNG DẪN', addressees: false },
  TB: { label: 'Thông báo', kindName: 'THÔNG BÁO', addressees: false },
  CV: { label: 'Công văn', kindName: '', addressees: true },
  GM: { label: 'Giấy mời', kindName: 'GIẤY MỜI', addressees: true },
  TTr: { label: 'Tờ trình', kindName: 'TỜ TRÌNH', addressees: true },
  BC: { label: 'Báo cáo', kindName: 'BÁO CÁO', addressees: false },
} as const satisfies Record<string, { label: string; kindName: string; addressees: boolean }>;
export type GeneralKind = keyof typeof GENERAL_KINDS;
export const GENERAL_KIND_CODES = Object.keys(GENERAL_KINDS) as GeneralKind[];

/**
 * Outline levels, outermost first. Headed levels (part … point) are numbered; a block with a title prints the
 * title bold after its number (then its text as a paragraph), a block without one prints "1. text" in one line.
 */
export const OUTLINE_LEVELS = ['part', 'section', 'clause', 'point', 'paragraph', 'bullet', 'sub'] as const;
export type OutlineLevel = (typeof OUTLINE_LEVELS)[number];
export const OUTLINE_LEVEL_LABELS: Record<OutlineLevel, string> = {
  part: 'Phần A., B.',
  section: 'Mục I., II.',
  clause: 'Mục 1., 2.',
  point: 'Điểm a), b)',
  paragraph: 'Đoạn văn',
  bullet: 'Ý “-”',
  sub: 'Ý “+”',
};
/** How points are numbered: "a)" (ND30 default) or "a." as some offices write. */
export const POINT_STYLES = ['a)', 'a.'] as const;

const para = (label: string, max = 8000) =>
  safeString(label)
    .transform(cleanText)
    .pipe(z.string().max(max, `${label}: dài quá ${max.toLocaleString('vi-VN')} ký tự`));
const key = safeString('Khóa').pipe(z.string().max(64)).optional();

export const outlineBlock = z.object({
  key,
  level: z.enum(OUTLINE_LEVELS, { error: 'Cấp của đoạn không hợp lệ' }),
  /** Bold heading after the number; '' for an untitled block. */
  title: para('Tiêu đề', 500).default(''),
  /** Text with *nghiêng*, **đậm**, __gạch chân__ marks. */
  text: para('Nội dung').default(''),
});
export type OutlineBlock = z.output<typeof outlineBlock>;
export type OutlineBlockInput = z.input<typeof outlineBlock>;

export const generalBody = z
  .object({
    /** Kính gửi, one addressee per entry. */
    addressees: z.array(para('Kính gửi', 300)).max(50).default([]),
    blocks: z.array(outlineBlock).max(3000, 'Tối đa 3.000 đoạn').default([]),
    pointStyle: z.enum(POINT_STYLES).default('a)'),
    recipients: z
      .object({ groups: z.array(recipientGroup).max(10).default([]), archive: para('Lưu', 200).default('VT') })
      .default({ groups: [], archive: 'VT' }),
    signer: planSigner,
  })
  .superRefine((body, ctx) => {
    let bulletAbove = false;
    body.blocks.forEach((b, i) => {
      if (b.level === 'sub' && !bulletAbove) {
        ctx.addIssue({ code: 'custom', message: `Đoạn ${i + 1}: ý “+” phải đứng sau một ý “-”`, path: ['blocks', i, 'level'] });
      }
      if (b.level !== 'sub') bulletAbove = b.level === 'bullet';
    });
  });
export type GeneralBody = z.output<typeof generalBody>;
export type GeneralBodyInput = z.input<typeof generalBody>;

export const generalKind = z.enum(GENERAL_KIND_CODES as [GeneralKind, ...GeneralKind[]], { error: 'Loại văn bản không hợp lệ' });

export const createGeneralInput = z.object({ kind: generalKind });

export const saveGeneralInput = z.object({
  id: id('Văn bản'),
  subject: para('Trích yếu', 1000),
  plannedDate: isoDate('Ngày dự kiến ban hành').nullable().default(null),
  /** Drafting unit of a công văn's ký hiệu ("VP" → 05/LĐLĐ-VP); '' = the office setting. */
  unitAbbr: para('Đơn vị soạn thảo', 20).default(''),
  body: generalBody,
});

export const issueGeneralInput = z.object({
  id: id('Văn bản'),
  date: isoDate('Ngày ban hành'),
  number: z.number({ error: 'Số văn bản phải là số' }).int('Số văn bản phải là số nguyên').min(1, 'Số văn bản phải từ 1 trở lên').max(99999, 'Số văn bản quá lớn').nullable().default(null),
});

export const listGeneralInput = z.object({ year: z.number().int().min(1900).max(2200).optional() });

export interface GeneralSummary {
  id: string;
  kind: GeneralKind;
  subject: string;
  status: 'draft' | 'issued';
  plannedDate: string | null;
  issuedNumber: number | null;
  issuedDate: string | null;
  /** "05/HD-CĐ ngày 12/3/2026", or "Dự thảo" for a draft. */
  identity: string;
  updatedAt: string;
}

export interface GeneralView extends GeneralSummary {
  issuerId: string;
  unitAbbr: string;
  body: GeneralBody;
  revision: number;
}
