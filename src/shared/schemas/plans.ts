import { z } from 'zod';
import { itemWhere, sectionWhere } from '../plans/where';
import { cleanText } from '../vi-text/normalize';
import { id, isoDate, safeString, text } from './common';

/** A paragraph typed in the editor: NFC, single-spaced; may be empty while drafting. */
const para = (label: string, max = 8000) =>
  safeString(label)
    .transform(cleanText)
    .pipe(z.string().max(max, `${label}: dài quá ${max} ký tự`));

// Client-side keys (React lists, reordering); opaque to the core.
const key = safeString('Khóa').pipe(z.string().max(64)).optional();

/** "" = paragraph, "-" = bullet, "+" = sub-bullet under the "-" above it. */
export const CONTENT_MARKERS = ['', '-', '+'] as const;
export type ContentMarker = (typeof CONTENT_MARKERS)[number];

export const contentBlock = z.object({
  key,
  marker: z.enum(CONTENT_MARKERS, { error: 'Kiểu đoạn không hợp lệ' }),
  text: para('Đoạn văn'),
});
export type ContentBlock = z.output<typeof contentBlock>;

/** An item "1. …": titled ("1. Nội dung", bold) or untitled ("1. Động viên …"). */
export const planItem = z.object({
  key,
  title: para('Tiêu đề mục', 500).default(''),
  text: para('Nội dung mục').default(''),
  content: z.array(contentBlock).max(300).default([]),
  /** "phases": this item lists the movement's đợt and can be refilled from it. */
  role: z.enum(['', 'phases']).default(''),
});
export type PlanItem = z.output<typeof planItem>;

export const planSection = z.object({
  key,
  title: para('Tiêu đề phần', 300),
  content: z.array(contentBlock).max(300).default([]),
  items: z.array(planItem).max(100).default([]),
});
export type PlanSection = z.output<typeof planSection>;

export const RECIPIENT_PURPOSES = ['', 'b/c', 't/h'] as const;
export type RecipientPurpose = (typeof RECIPIENT_PURPOSES)[number];

export const recipient = z.object({
  key,
  name: para('Nơi nhận', 300),
  /** "(b/c)" báo cáo — upward; "(t/h)" thực hiện — downward. */
  purpose: z.enum(RECIPIENT_PURPOSES, { error: 'Mục đích gửi không hợp lệ' }).default(''),
});
export type Recipient = z.output<typeof recipient>;

export const recipientGroup = z.object({
  key,
  /** "Gửi bản điện tử:"; empty for a plain list. */
  label: para('Nhóm nơi nhận', 200).default(''),
  items: z.array(recipient).max(100).default([]),
});

export const planSigner = z.object({
  authority: para('Thẩm quyền ký', 120).transform((s) => s.toLocaleUpperCase('vi')),
  title: para('Chức vụ người ký', 120).transform((s) => s.toLocaleUpperCase('vi')),
  name: para('Họ tên người ký', 120),
});

function checkSubBullets(blocks: ContentBlock[], where: string, ctx: z.RefinementCtx, path: (string | number)[]) {
  let bulletAbove = false;
  blocks.forEach((b, i) => {
    if (b.marker === '+' && !bulletAbove) {
      ctx.addIssue({ code: 'custom', message: `${where}: ý “+” phải đứng sau một ý “-”`, path: [...path, i, 'marker'] });
    }
    if (b.marker === '-') bulletAbove = true;
    if (b.marker === '') bulletAbove = false;
  });
}

export const planBody = z
  .object({
    /** Kính gửi (optional on a plan): one addressee per entry. */
    addressees: z.array(para('Kính gửi', 300)).max(50).default([]),
    intro: z.array(para('Đoạn mở đầu')).max(50).default([]),
    sections: z.array(planSection).max(20, 'Tối đa 20 phần').default([]),
    closing: z.array(para('Đoạn kết')).max(20).default([]),
    recipients: z
      .object({
        groups: z.array(recipientGroup).max(10).default([]),
        /** What follows "Lưu:", e.g. "VT, Ban CTCS". */
        archive: para('Lưu', 200).default('VT'),
      })
      .default({ groups: [], archive: 'VT' }),
    signer: planSigner,
  })
  .superRefine((body, ctx) => {
    body.sections.forEach((s, si) => {
      checkSubBullets(s.content, sectionWhere(si), ctx, ['sections', si, 'content']);
      s.items.forEach((it, ii) => checkSubBullets(it.content, itemWhere(si, ii), ctx, ['sections', si, 'items', ii, 'content']));
    });
  });
export type PlanBody = z.output<typeof planBody>;
export type PlanBodyInput = z.input<typeof planBody>;

export const PLAN_STATUSES = ['draft', 'issued'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const createPlanInput = z.object({
  movementId: id('Phong trào').nullable().default(null),
  templateId: id('Mẫu kế hoạch').nullable().default(null),
});

export const savePlanInput = z.object({
  id: id('Kế hoạch'),
  movementId: id('Phong trào').nullable().default(null),
  subject: para('Trích yếu', 1000),
  /** Planned date; the issue date replaces it. */
  plannedDate: isoDate('Ngày dự kiến ban hành').nullable().default(null),
  body: planBody,
});

export const issuePlanInput = z.object({
  id: id('Kế hoạch'),
  date: isoDate('Ngày ban hành'),
  /** A free number of the register (e.g. filling a gap); default: the next one. */
  number: z.number({ error: 'Số văn bản phải là số' }).int('Số văn bản phải là số nguyên').min(1, 'Số văn bản phải từ 1 trở lên').max(99999, 'Số văn bản quá lớn').nullable().default(null),
});

export const planTemplateInput = z.object({
  planId: id('Kế hoạch'),
  name: text('Tên mẫu', 200),
});

export interface PlanSummary {
  id: string;
  subject: string;
  status: PlanStatus;
  movementId: string | null;
  movementName: string | null;
  plannedDate: string | null;
  issuedNumber: number | null;
  issuedDate: string | null;
  /** "31/KH-LĐLĐ", or "      /KH-LĐLĐ" for a draft. */
  numberText: string;
  updatedAt: string;
}

export interface PlanView extends PlanSummary {
  issuerId: string;
  body: PlanBody;
  revision: number;
}

export interface PlanTemplateView {
  id: string;
  name: string;
  subject: string;
  updatedAt: string;
}

