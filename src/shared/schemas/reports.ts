import { z } from 'zod';
import { cleanText } from '../vi-text/normalize';
import { id, isoDate, safeString } from './common';

/** One paragraph or line typed by the clerk: NFC, single-spaced; may be empty while drafting. */
const para = (label: string, max = 8000) =>
  safeString(label)
    .transform(cleanText)
    .pipe(z.string().max(max, `${label}: dài quá ${max} ký tự`));

export const reportSection = z.object({
  title: para('Tên phần', 300),
  paragraphs: z.array(para('Đoạn văn')).max(100, 'Tối đa 100 đoạn trong một phần').default([]),
});

export const reportBody = z.object({
  /** Upward reports carry Kính gửi. */
  addressees: z.array(para('Kính gửi', 300)).max(10).default([]),
  intro: z.array(para('Đoạn mở đầu')).max(50).default([]),
  sections: z.array(reportSection).max(20, 'Tối đa 20 phần').default([]),
  closing: z.array(para('Đoạn kết')).max(20).default([]),
  signer: z.object({ authority: para('Quyền hạn ký', 100), title: para('Chức vụ người ký', 100), name: para('Họ tên người ký', 100) }),
  recipients: z.object({ items: z.array(para('Nơi nhận', 300)).max(30).default([]), archive: para('Lưu', 200).default('VT') }),
});
export type ReportBody = z.output<typeof reportBody>;

const scope = {
  movementId: id('Phong trào'),
  /** null / absent: the whole movement. */
  phaseId: id('Đợt thi đua').nullable().optional().default(null),
};
export const reportScopeInput = z.object(scope);
export const movementInput = z.object({ movementId: id('Phong trào') });

export const listReportsInput = z.object({ movementId: id('Phong trào').optional() });

export const saveReportInput = z.object({
  id: id('Báo cáo'),
  /** The revision the clerk edited: a stale editor is refused instead of overwriting. */
  revision: z.number().int().min(1).optional(),
  subject: para('Trích yếu', 1000),
  plannedDate: isoDate('Ngày dự kiến ban hành').nullable().default(null),
  body: reportBody,
});

export const issueReportInput = z.object({
  id: id('Báo cáo'),
  date: isoDate('Ngày ban hành'),
  number: z.number({ error: 'Số văn bản phải là số' }).int('Số văn bản phải là số nguyên').min(1, 'Số văn bản phải từ 1 trở lên').max(99999, 'Số văn bản quá lớn').nullable().default(null),
});

export const REPORT_TABLES = ['units', 'phases', 'forms', 'lower'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];
export const REPORT_TABLE_LABELS: Record<ReportTable, string> = {
  units: 'Theo đơn vị',
  phases: 'Theo đợt',
  forms: 'Khen thưởng theo hình thức',
  lower: 'Báo cáo cấp dưới',
};
export const exportTableInput = z.object({
  ...scope,
  table: z.enum([...REPORT_TABLES, 'all'], { error: 'Bảng cần xuất không hợp lệ' }),
});

/** Paths this app wrote; anything else is refused. */
export const filePathInput = z.object({
  path: safeString('Đường dẫn tệp').pipe(z.string().min(1, 'Đường dẫn tệp: thiếu').max(4000, 'Đường dẫn tệp quá dài')),
});

export interface UnitFigures {
  organizationId: string;
  code: string;
  name: string;
  registered: boolean;
  individuals: number;
  works: number;
  /** Works the office approved for a plaque (approved, plaque attached or done). */
  worksApproved: number;
  plaques: number;
  collectivesAwarded: number;
  individualsAwarded: number;
  amount: number;
  /** "05/BC-LĐLĐ" when the unit's issued report reached this office. */
  reportNumber: string | null;
}

export interface FormFigures {
  formId: string;
  formName: string;
  kind: 'title' | 'form';
  level: string;
  collectives: number;
  individuals: number;
  amount: number;
}

export interface LowerReport {
  reportId: string;
  organizationId: string;
  organizationName: string;
  numberText: string;
  date: string | null;
  subject: string;
  totals: FigureTotals | null;
}

export interface FigureTotals {
  units: number;
  registered: number;
  notRegistered: number;
  individuals: number;
  works: number;
  worksApproved: number;
  plaques: number;
  collectivesAwarded: number;
  individualsAwarded: number;
  amount: number;
  reportsReceived: number;
}

/** Everything a phase report states, composed from the data. */
export interface PhaseFigures {
  movementId: string;
  movementName: string;
  year: number;
  phaseId: string | null;
  phaseName: string | null;
  units: UnitFigures[];
  forms: FormFigures[];
  lowerReports: LowerReport[];
  totals: FigureTotals;
  /** false when the commendation tables are not in this database (then the award columns are 0). */
  commendationsAvailable: boolean;
  composedAt: string;
}

export interface PhaseLine {
  phaseId: string | null;
  phaseName: string;
  endDate: string | null;
  reportDeadline: string | null;
  totals: FigureTotals;
}

export interface ReportSummary {
  id: string;
  movementId: string;
  movementName: string;
  phaseId: string | null;
  phaseName: string | null;
  organizationId: string;
  organizationName: string;
  /** true: this office's own report; false: received from a lower level. */
  own: boolean;
  subject: string;
  status: 'draft' | 'issued';
  numberText: string | null;
  issuedDate: string | null;
  updatedAt: string;
}

export interface ReportView extends ReportSummary {
  plannedDate: string | null;
  body: ReportBody;
  figures: PhaseFigures;
  revision: number;
}

export interface DashboardPhase {
  movementId: string;
  movementName: string;
  phaseId: string;
  phaseName: string;
  endDate: string | null;
  registrationDeadline: string | null;
  reportDeadline: string | null;
  /** Days from today to the nearest deadline still ahead (negative: overdue). */
  daysLeft: number | null;
  unitsTotal: number;
  notRegistered: { id: string; name: string }[];
  notReported: { id: string; name: string }[];
}

export interface DashboardDraft {
  kind: 'plan' | 'decision' | 'proposal' | 'phase-report';
  kindLabel: string;
  id: string;
  subject: string;
  updatedAt: string;
}

export interface DashboardPackage {
  packageId: string;
  kindLabel: string;
  senderName: string;
  created: string;
  /**
   * 'previewed': opened but not applied; 'stale': opened before the data was restored from a backup, to be
   * previewed again before it can be applied; 'undone': applied, then undone.
   */
  state: 'previewed' | 'stale' | 'undone';
}

export interface DashboardSummary {
  today: string;
  openPhases: DashboardPhase[];
  drafts: DashboardDraft[];
  packages: DashboardPackage[];
  lastBackup: { fileName: string; createdAt: string; reason: string } | null;
  /** true when the last backup is older than a day (or there is none). */
  backupStale: boolean;
}

export interface HostRequestResult {
  path: string;
}
