import { z } from 'zod';
import { id, uploadedFile } from './common';

/** Package kinds. "down" goes from an upper level to a lower one, "up" the other way. */
export const PACKAGE_KINDS = ['directory', 'plan', 'registrations', 'nominations', 'decisions', 'reports', 'catalogue'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];
export const packageKind = z.enum(PACKAGE_KINDS, { error: 'Loại gói trao đổi không hợp lệ' });

export const PACKAGE_KIND_LABELS: Record<PackageKind, string> = {
  directory: 'Danh mục đơn vị',
  plan: 'Kế hoạch, phong trào thi đua',
  registrations: 'Đăng ký thi đua',
  nominations: 'Đề nghị khen thưởng',
  decisions: 'Quyết định khen thưởng',
  reports: 'Báo cáo đợt thi đua',
  catalogue: 'Danh mục khen thưởng (hình thức, hệ số, lương cơ sở, căn cứ)',
};

export const exportPackageInput = z.object({
  kind: packageKind,
  receiverId: id('Đơn vị nhận'),
  movementId: id('Phong trào').optional(),
  phaseId: id('Đợt thi đua').optional(),
  /** Ignore what was already sent: every record again (e.g. after the receiver restored a backup). */
  full: z.boolean().optional().default(false),
});

export const trustKeyInput = uploadedFile.extend({
  /** The fingerprint the clerk confirmed (read over the phone); must match the file. */
  fingerprint: z.string().min(1, 'Thiếu mã nhận diện đã xác nhận').max(40),
});

export const applyPackageInput = z.object({ token: z.string().regex(/^[a-f0-9]{32}$/, 'Mã phiên xem trước không hợp lệ') });
export const undoImportInput = z.object({ importId: z.number().int().positive('Mã lần nhập không hợp lệ') });

export interface OwnKeyView {
  officeId: string;
  officeName: string;
  fingerprint: string;
  createdAt: string;
}

export interface KeyFileView {
  officeId: string;
  officeName: string;
  level: string;
  fingerprint: string;
  /** The fingerprint trusted so far for this office, if any (a change must be confirmed). */
  currentFingerprint: string | null;
}

export interface PartnerView {
  officeId: string;
  officeName: string;
  level: string;
  fingerprint: string;
  confirmedAt: string;
  /** true when this partner is at a lower level than this office */
  lower: boolean;
  lastSentSequence: number;
  lastReceivedSequence: number;
}

export interface KindView {
  kind: PackageKind;
  label: string;
  direction: 'down' | 'up';
  scope: 'none' | 'movement' | 'phase';
  available: boolean;
}

export interface ExportResult {
  path: string | null;
  packageId: string;
  sequence: number;
  records: number;
}

export type RecordStatus = 'new' | 'changed' | 'unchanged' | 'refused';

export interface PreviewRow {
  table: string;
  tableLabel: string;
  id: string;
  label: string;
  status: RecordStatus;
  reason?: string;
}

export interface StatusCounts {
  new: number;
  changed: number;
  unchanged: number;
  refused: number;
}

export interface PackagePreview {
  token: string;
  packageId: string;
  kind: PackageKind;
  kindLabel: string;
  senderId: string;
  senderName: string;
  senderFingerprint: string;
  created: string;
  sequence: number;
  /** Highest sequence imported so far from this sender (0 if none). */
  lastSequence: number;
  counts: StatusCounts;
  /** Refused rows first, then the others; capped (see omitted). */
  rows: PreviewRow[];
  omitted: number;
}

export interface ApplyResult {
  importId: number;
  packageId: string;
  counts: StatusCounts;
  backupFile: string;
}

export interface JournalEntry {
  importId: number;
  packageId: string;
  kind: PackageKind;
  kindLabel: string;
  senderName: string;
  sequence: number;
  created: string;
  importedAt: string;
  counts: StatusCounts;
  undoneAt: string | null;
}
