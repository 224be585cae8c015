import { z } from 'zod';
import { id, isoDate, optionalText, safeString, text } from './common';

/** Union levels (Điều lệ Công đoàn Việt Nam, Điều 9), from the top down. */
export const ORG_LEVELS = ['central', 'province', 'sector', 'upper', 'grassroots', 'member'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  central: 'Tổng Liên đoàn',
  province: 'LĐLĐ tỉnh, thành phố',
  sector: 'Công đoàn ngành trung ương và tương đương',
  upper: 'Công đoàn cấp trên trực tiếp cơ sở',
  grassroots: 'Công đoàn cơ sở',
  member: 'Công đoàn cơ sở thành viên, công đoàn bộ phận',
};

/** Depth of each level: a child must sit lower than its parent. */
export const ORG_LEVEL_RANK: Record<OrgLevel, number> = {
  central: 0,
  province: 1,
  sector: 1,
  upper: 2,
  grassroots: 3,
  member: 4,
};

export const orgLevel = z.enum(ORG_LEVELS, { error: 'Cấp công đoàn không hợp lệ' });

/** Fields of one dated version of an organization's name. */
export const orgNameFields = {
  name: text('Tên đơn vị', 300),
  shortName: optionalText('Tên viết tắt', 200),
  abbreviation: optionalText('Chữ viết tắt trong số ký hiệu', 30),
  placeName: optionalText('Địa danh', 100),
  parentLine: optionalText('Dòng cơ quan chủ quản', 200),
};

export const orgCode = safeString('Mã đơn vị')
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().max(40, 'Mã đơn vị: dài quá 40 ký tự').regex(/^[\p{L}\p{N}._-]*$/u, 'Mã đơn vị chỉ gồm chữ, số và . _ -'));

export const createOrgInput = z.object({
  parentId: id('Đơn vị cấp trên').nullable().default(null),
  level: orgLevel,
  code: orgCode.optional().default(''),
  validFrom: isoDate('Ngày có hiệu lực').optional(),
  ...orgNameFields,
});

export const renameOrgInput = z.object({
  id: id('Đơn vị'),
  validFrom: isoDate('Ngày đổi tên'),
  ...orgNameFields,
});

export const moveOrgInput = z.object({
  id: id('Đơn vị'),
  newParentId: id('Đơn vị cấp trên mới').nullable(),
});

export const mergeOrgInput = z.object({
  ids: z.array(id('Đơn vị bị sáp nhập')).min(1, 'Chọn ít nhất một đơn vị để sáp nhập'),
  intoId: id('Đơn vị tiếp nhận'),
  date: isoDate('Ngày sáp nhập'),
});

export const treeInput = z.object({
  /** Names as they were on this date; default today. */
  at: isoDate('Ngày xem').optional(),
  includeEnded: z.boolean().optional().default(true),
});

export const searchOrgInput = z.object({
  query: safeString('Từ khóa').pipe(z.string().max(200, 'Từ khóa dài quá 200 ký tự')),
  limit: z.number().int().min(1).max(500).optional().default(50),
});

export interface OrgNameVersion {
  validFrom: string;
  name: string;
  shortName: string;
  abbreviation: string;
  placeName: string;
  parentLine: string;
}

export interface OrgNode extends OrgNameVersion {
  id: string;
  code: string;
  parentId: string | null;
  level: OrgLevel;
  sortOrder: number;
  endedOn: string | null;
  successorId: string | null;
}

export interface OrgEvent {
  kind: 'created' | 'renamed' | 'moved' | 'merged' | 'absorbed';
  onDate: string;
  text: string;
}

export interface OrgDetail extends OrgNode {
  names: OrgNameVersion[];
  events: OrgEvent[];
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}
