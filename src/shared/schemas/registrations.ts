import { z } from 'zod';
import { cleanText } from '../vi-text/normalize';
import { id, isoDate, optionalText, pageFields, safeString, text, uploadedFile, type Page } from './common';
import { year } from './movements';
import type { PersonView } from './people';

/** draft: being typed; submitted: the unit sent it; received: the upper level has it. */
export const REGISTRATION_STATUSES = ['draft', 'submitted', 'received'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đơn vị đã gửi',
  received: 'Đã nhận',
};

/** registered → approved (for a plaque) → plaque_attached → done (reported finished); refused at any step before the plaque. */
export const WORK_STATUSES = ['registered', 'approved', 'plaque_attached', 'done', 'refused'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];
export const WORK_STATUS_LABELS: Record<WorkStatus, string> = {
  registered: 'Đã đăng ký',
  approved: 'Được duyệt gắn biển',
  plaque_attached: 'Đã gắn biển',
  done: 'Đã báo cáo hoàn thành',
  refused: 'Không duyệt',
};

export const WORK_ACTIONS = ['approve', 'attach', 'done', 'refuse', 'reset'] as const;
export type WorkAction = (typeof WORK_ACTIONS)[number];

const para = (label: string, max = 8000) =>
  safeString(label)
    .transform((s) => s.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[^\S\n]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim())
    .pipe(z.string().max(max, `${label}: dài quá ${max} ký tự`));

const titleList = z
  .array(safeString('Danh hiệu tập thể').transform(cleanText).pipe(z.string().max(200, 'Danh hiệu tập thể: dài quá 200 ký tự')), {
    error: 'Danh hiệu tập thể: phải là danh sách',
  })
  .max(20, 'Danh hiệu tập thể: tối đa 20 mục')
  .transform((list) => [...new Set(list.filter(Boolean))]);

const money = z
  .number({ error: 'Giá trị: phải là số' })
  .int('Giá trị: phải là số đồng nguyên')
  .min(0, 'Giá trị: không được âm')
  .max(1e15, 'Giá trị: quá lớn');

export const individualInput = z.object({
  /** An existing person; when absent the person is matched (name + birth year + unit) or created. */
  personId: id('Cá nhân').nullable().default(null),
  fullName: text('Họ và tên', 120),
  birthYear: z.number({ error: 'Năm sinh: phải là số' }).int('Năm sinh: phải là số nguyên').min(1900, 'Năm sinh: không hợp lệ').max(2100, 'Năm sinh: không hợp lệ').nullable().default(null),
  /** The person's unit; defaults to the registering unit. */
  organizationId: id('Đơn vị của cá nhân').nullable().default(null),
  position: optionalText('Chức vụ', 200),
  title: text('Danh hiệu đăng ký', 200),
});
export type IndividualInput = z.output<typeof individualInput>;

export const workInput = z
  .object({
    id: id('Công trình').optional(),
    name: text('Tên công trình, sản phẩm', 500),
    implementer: optionalText('Chủ đầu tư / đơn vị thực hiện', 300),
    valueDong: money.nullable().default(null),
    startDate: isoDate('Ngày khởi công').nullable().default(null),
    finishDate: isoDate('Ngày hoàn thành').nullable().default(null),
    occasionId: id('Dịp gắn biển').nullable().default(null),
    description: optionalText('Mô tả', 2000),
  })
  .refine((w) => !w.startDate || !w.finishDate || w.startDate <= w.finishDate, {
    message: 'Ngày hoàn thành: phải sau ngày khởi công',
    path: ['finishDate'],
  });
export type WorkInput = z.output<typeof workInput>;

export const saveRegistrationInput = z
  .object({
    id: id('Bản đăng ký').optional(),
    movementId: id('Phong trào'),
    /** null: the whole movement. */
    phaseId: id('Đợt thi đua').nullable().default(null),
    organizationId: id('Đơn vị đăng ký'),
    commitments: para('Nội dung cam kết').default(''),
    targets: para('Chỉ tiêu đăng ký').default(''),
    collectiveTitles: titleList.default([]),
    memberCount: z.number({ error: 'Số đoàn viên: phải là số' }).int('Số đoàn viên: phải là số nguyên').min(0, 'Số đoàn viên: không được âm').max(1_000_000, 'Số đoàn viên: quá lớn').nullable().default(null),
    status: z.enum(REGISTRATION_STATUSES, { error: 'Trạng thái đăng ký không hợp lệ' }).default('received'),
    submittedOn: isoDate('Ngày đơn vị gửi').nullable().default(null),
    receivedOn: isoDate('Ngày nhận').nullable().default(null),
    note: optionalText('Ghi chú', 2000),
    /** The unit's head who signs the Bản đăng ký; blank: the default (the office's signer for its own). */
    signerAuthority: optionalText('Quyền hạn ký', 100),
    signerTitle: optionalText('Chức vụ người ký', 100),
    signerName: optionalText('Họ tên người ký', 100),
    individuals: z.array(individualInput).max(2000, 'Tối đa 2000 cá nhân').default([]),
    works: z.array(workInput).max(500, 'Tối đa 500 công trình, sản phẩm').default([]),
  })
  .superRefine((r, ctx) => {
    const seen = new Map<string, number>();
    r.individuals.forEach((p, i) => {
      const key = p.personId ?? `${p.fullName.toLocaleLowerCase('vi')}|${p.birthYear ?? ''}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `Cá nhân thứ ${i + 1} (${p.fullName}): trùng với cá nhân thứ ${seen.get(key)! + 1}`, path: ['individuals', i] });
      else seen.set(key, i);
    });
  });
export type SaveRegistrationInput = z.output<typeof saveRegistrationInput>;

export const phaseScope = {
  movementId: id('Phong trào'),
  /** null: registrations for the whole movement. */
  phaseId: id('Đợt thi đua').nullable().default(null),
};

export const listRegistrationsInput = z.object({
  ...phaseScope,
  query: safeString('Từ khóa').pipe(z.string().max(200, 'Từ khóa dài quá 200 ký tự')).default(''),
  ...pageFields,
});

export const trackerInput = z.object({
  ...phaseScope,
  /** false: the office's direct lower units (those it sends plans to); true: every unit below it. */
  allLevels: z.boolean().default(false),
  /** Folded search over unit names and codes. */
  query: safeString('Từ khóa').pipe(z.string().max(200, 'Từ khóa dài quá 200 ký tự')).default(''),
  /** Absent: every unit (exports, documents); the screen asks for one page. */
  limit: z.number().int().min(1).max(500).optional(),
  offset: z.number().int().min(0).optional().default(0),
});

export const listWorksInput = z.object({
  movementId: id('Phong trào').optional(),
  /** undefined: every phase; null: registrations for the whole movement. */
  phaseId: id('Đợt thi đua').nullable().optional(),
  status: z.enum(WORK_STATUSES, { error: 'Trạng thái không hợp lệ' }).optional(),
  organizationId: id('Đơn vị').optional(),
  occasionId: id('Dịp gắn biển').optional(),
  query: safeString('Từ khóa').pipe(z.string().max(200, 'Từ khóa dài quá 200 ký tự')).default(''),
  ...pageFields,
});

export const reviewWorkInput = z.object({
  workId: id('Công trình'),
  action: z.enum(WORK_ACTIONS, { error: 'Thao tác không hợp lệ' }),
  date: isoDate('Ngày'),
  note: optionalText('Ghi chú xét duyệt', 2000),
});

export const IMPORT_KINDS = ['units', 'individuals', 'works'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  units: 'Đơn vị đăng ký (danh hiệu tập thể, chỉ tiêu, cam kết)',
  individuals: 'Cá nhân đăng ký danh hiệu',
  works: 'Công trình, sản phẩm đăng ký gắn biển',
};

/** field → the header text of the sheet column that holds it. */
export const columnMapping = z.record(
  z.string().regex(/^[a-zA-Z]{1,40}$/, 'Tên trường không hợp lệ'),
  safeString('Tên cột').transform(cleanText).pipe(z.string().max(300, 'Tên cột dài quá 300 ký tự')),
);

/**
 * The clerk's answer per person row of a sheet (sheet row number → an existing person's id, or "new"):
 * exactly what the import does with that row. A row without an answer takes the preview's suggestion.
 * Shared by the registration and the history imports.
 */
export const personChoices = z
  .record(
    z.string().regex(/^\d{1,7}$/, 'Số dòng không hợp lệ'),
    z.union([z.literal('new'), id('Cá nhân đã chọn')], { error: 'Lựa chọn cá nhân không hợp lệ (mã cá nhân hoặc "new")' }),
  )
  .refine((r) => Object.keys(r).length <= 200_000, 'Quá nhiều lựa chọn cá nhân')
  .optional();

export const importSheetInput = z.object({
  ...phaseScope,
  kind: z.enum(IMPORT_KINDS, { error: 'Loại dữ liệu nhập không hợp lệ' }),
  file: uploadedFile,
  /** Worksheet name; default the first one. */
  sheet: safeString('Tên trang tính').pipe(z.string().max(100, 'Tên trang tính dài quá 100 ký tự')).optional(),
  /** 1-based row holding the column titles; default: found automatically. */
  headerRow: z.number().int().min(1).max(50).optional(),
  /** Absent: the mapping saved for this sheet layout, else a suggestion from the column titles. */
  mapping: columnMapping.optional(),
  /** Keep the mapping for the next file with the same columns. */
  saveMapping: z.boolean().default(true),
  personChoices,
});

export const importTemplateInput = z.object({ kind: z.enum(IMPORT_KINDS, { error: 'Loại dữ liệu nhập không hợp lệ' }) });

export const personHistoryInput = z.object({ personId: id('Cá nhân') });

export const addPersonTitleInput = z.object({
  personId: id('Cá nhân'),
  year: year('Năm'),
  title: text('Danh hiệu', 200),
  reference: optionalText('Căn cứ (số quyết định)', 300),
});

export const exportListInput = z.object({
  ...phaseScope,
  what: z.enum(['tracker', 'individuals', 'works'], { error: 'Loại danh sách không hợp lệ' }),
});

// ---- Views ----

export interface IndividualView {
  id: string;
  personId: string;
  fullName: string;
  birthYear: number | null;
  organizationId: string | null;
  organizationName: string | null;
  position: string;
  title: string;
}

export interface WorkView {
  id: string;
  registrationId: string;
  organizationId: string;
  organizationName: string;
  movementId: string;
  phaseId: string | null;
  name: string;
  implementer: string;
  valueDong: number | null;
  startDate: string | null;
  finishDate: string | null;
  occasionId: string | null;
  occasionName: string | null;
  description: string;
  status: WorkStatus;
  approvedOn: string | null;
  plaqueOn: string | null;
  doneOn: string | null;
  reviewNote: string;
}

export interface RegistrationSummary {
  id: string;
  movementId: string;
  phaseId: string | null;
  organizationId: string;
  organizationName: string;
  status: RegistrationStatus;
  submittedOn: string | null;
  receivedOn: string | null;
  collectiveTitles: string[];
  individualCount: number;
  workCount: number;
  updatedAt: string;
}

export type RegistrationPage = Page<RegistrationSummary>;
export type WorkPage = Page<WorkView>;

export interface RegistrationView extends RegistrationSummary {
  commitments: string;
  targets: string;
  memberCount: number | null;
  note: string;
  /** Who signs the Bản đăng ký ("TM. BAN CHẤP HÀNH", "CHỦ TỊCH", the name). */
  signer: { authority: string; title: string; name: string };
  individuals: IndividualView[];
  works: WorkView[];
  revision: number;
}

export interface TrackerUnit {
  organizationId: string;
  code: string;
  name: string;
  registrationId: string | null;
  status: RegistrationStatus | null;
  receivedOn: string | null;
  individualCount: number;
  workCount: number;
}

export interface TrackerView {
  movementId: string;
  phaseId: string | null;
  movementName: string;
  phaseName: string | null;
  registrationDeadline: string | null;
  /** The units matching the query (all of them without `limit`, else one page). */
  units: TrackerUnit[];
  /** Units matching the query, for paging. */
  unitTotal: number;
  /** Over every tracked unit, whatever the query. */
  registeredCount: number;
  missingCount: number;
}

export interface ImportField {
  key: string;
  label: string;
  required: boolean;
}

export interface ImportRowPreview {
  /** Row number in the sheet, as Excel shows it. */
  row: number;
  values: Record<string, string>;
  errors: string[];
  /** What importing this row would do. */
  action: 'new' | 'update' | 'unchanged' | 'error';
  /** The existing person this row was matched to (individuals). */
  matchedPerson: string | null;
  /** People already here this row may be (individuals): by CCCD, else folded name + birth + unit. */
  candidates?: ImportPersonCandidate[];
  /** The candidate the row goes to unless the clerk chooses otherwise; null = a new person. */
  suggestedPersonId?: string | null;
}

export interface ImportPersonCandidate {
  id: string;
  /** "Nguyễn Văn An (1985) — CĐCS Trường A" */
  label: string;
  /** why it may be the same person: "cùng số CCCD", "cùng họ tên, năm sinh 1985, cùng đơn vị" */
  reason: string;
}

export interface ImportPreview {
  sheetNames: string[];
  sheet: string;
  headerRow: number;
  headers: string[];
  fields: ImportField[];
  mapping: Record<string, string>;
  mappingSource: 'given' | 'saved' | 'suggested';
  /** Old 8-bit encoding detected and converted in the file, if any. */
  legacyEncoding: 'tcvn3' | 'vni' | null;
  convertedCells: number;
  /** The checked rows stay in the core under this id: pages come through `registrations.previewRows`. */
  previewId: string;
  /** Rows checked (data rows of the sheet). */
  rowCount: number;
  /** The first page of rows, in sheet order. */
  rows: ImportRowPreview[];
  /** The first problems, each with its row number (at most PREVIEW_ERRORS_LISTED). */
  errors: string[];
  errorCount: number;
  counts: { new: number; update: number; unchanged: number; error: number };
}

/** Rows sent with a preview, and problems listed; the rest stays in the core (a sheet may have 200,000 rows). */
export const PREVIEW_FIRST_ROWS = 50;
export const PREVIEW_ERRORS_LISTED = 300;

export const previewRowsInput = z.object({
  previewId: id('Bản xem trước'),
  /** Only the rows with a problem. */
  onlyErrors: z.boolean().default(false),
  ...pageFields,
});

export interface ImportResult {
  registrationsCreated: number;
  peopleCreated: number;
  peopleMatched: number;
  created: number;
  updated: number;
  unchanged: number;
  legacyEncoding: 'tcvn3' | 'vni' | null;
  convertedCells: number;
}

export interface PersonHistoryEntry {
  year: number;
  movementId: string;
  movementName: string;
  phaseName: string | null;
  organizationName: string | null;
  position: string;
  title: string;
  registrationStatus: RegistrationStatus;
}

export interface PersonTitleView {
  id: string;
  year: number;
  title: string;
  reference: string;
}

export interface PersonHistory {
  person: PersonView;
  registrations: PersonHistoryEntry[];
  titles: PersonTitleView[];
}
