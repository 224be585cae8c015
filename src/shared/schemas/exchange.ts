import { z } from 'zod';
import { id, optionalText, safeString, uploadedFile } from './common';

/**
 * Package kinds: ONE typed table (label and direction per kind). "down" travels from an upper level to a
 * lower one (the sender is an upper level of the receiver), "up" the other way; a package of a kind is
 * refused from the wrong side, and the records it carries must be owned along that path (DESIGN.md,
 * "Exchange trust"). Adding a kind = one row here + its table specs in core/exchange/kinds.ts.
 */
export type PackageDirection = 'down' | 'up';
export const PACKAGE_KIND_TABLE = {
  directory: { label: 'Danh mục đơn vị', direction: 'down' },
  plan: { label: 'Kế hoạch, phong trào thi đua', direction: 'down' },
  registrations: { label: 'Đăng ký thi đua', direction: 'up' },
  nominations: { label: 'Đề nghị khen thưởng', direction: 'up' },
  decisions: { label: 'Quyết định khen thưởng', direction: 'down' },
  reports: { label: 'Báo cáo đợt thi đua', direction: 'up' },
  catalogue: { label: 'Danh mục khen thưởng (hình thức, hệ số, lương cơ sở, căn cứ)', direction: 'down' },
} as const satisfies Record<string, { label: string; direction: PackageDirection }>;
export type PackageKind = keyof typeof PACKAGE_KIND_TABLE;
export const PACKAGE_KINDS = Object.keys(PACKAGE_KIND_TABLE) as [PackageKind, ...PackageKind[]];
export const packageKind = z.enum(PACKAGE_KINDS, { error: 'Loại gói trao đổi không hợp lệ' });

export const PACKAGE_KIND_LABELS = Object.fromEntries(PACKAGE_KINDS.map((k) => [k, PACKAGE_KIND_TABLE[k].label])) as Record<PackageKind, string>;
export const kindDirection = (kind: PackageKind): PackageDirection => PACKAGE_KIND_TABLE[kind].direction;

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
  fingerprint: safeString('Mã nhận diện').pipe(z.string().min(1, 'Thiếu mã nhận diện đã xác nhận').max(40)),
});

/** The passphrase that protects the office's private key when it moves to a new PC (never stored). */
export const exportSecretKeyInput = z.object({
  // The same transform on export and import, so a passphrase pasted with an invisible character still opens the key.
  passphrase: safeString('Mật khẩu bảo vệ khóa').pipe(z.string().min(10, 'Mật khẩu bảo vệ khóa: ít nhất 10 ký tự').max(200, 'Mật khẩu bảo vệ khóa: tối đa 200 ký tự')),
});
export const importSecretKeyInput = uploadedFile.extend({ passphrase: safeString('Mật khẩu bảo vệ khóa').pipe(z.string().min(1, 'Thiếu mật khẩu bảo vệ khóa').max(200, 'Mật khẩu bảo vệ khóa: tối đa 200 ký tự')) });
export const revokeKeyInput = z.object({ officeId: id('Đơn vị trao đổi') });
/** This office revokes its own key (lost PC, key file copied): the reason is printed in the notice. */
export const revokeOwnKeyInput = z.object({ reason: optionalText('Lý do thu hồi', 500) });

/** Tables whose records travel and have one owning office (the read-only guard and the screens use it). */
export const OWNED_TABLES = [
  'organizations',
  'movements',
  'plans',
  'occasions',
  'registrations',
  'registration_individuals',
  'works',
  'people',
  'nominations',
  'commendation_proposals',
  'decisions',
  'decision_awardees',
  'phase_reports',
] as const;
export type OwnedTable = (typeof OWNED_TABLES)[number];
export const ownershipInput = z.object({ table: z.enum(OWNED_TABLES, { error: 'Loại bản ghi không hợp lệ' }), id: id('Bản ghi') });

/** Who owns a record, and whether this office may change it. */
export interface OwnershipView {
  /** null: this office */
  ownerId: string | null;
  ownerName: string | null;
  readOnly: boolean;
}

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
  /** When the clerk revoked this partner's current key (packages signed with it are refused), else null. */
  keyRevokedAt: string | null;
}

export interface RotatedKey {
  /** the rotation statement to send to every partner; null when the clerk cancelled (nothing changed) */
  path: string | null;
  fingerprint: string;
}

export interface KindView {
  kind: PackageKind;
  label: string;
  direction: PackageDirection;
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
