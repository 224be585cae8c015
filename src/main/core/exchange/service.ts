import { AppError } from '../../../shared/errors';
import { PACKAGE_KIND_LABELS, kindDirection, type ApplyResult, type ExportResult, type PackageKind, type PackagePreview } from '../../../shared/schemas/exchange';
import type { Ctx } from '../context';
import { backupDatabase } from '../db/backup';
import { requireOffice } from '../services/office';
import { todayIso } from '../util/time';
import { applyPackage } from './apply';
import { classify, countStatuses, previewRows, type Decision } from './classify';
import { dropPreviews, exactMemo, loadPreview, previewState, savePreview } from './previews';
import { totalChanges } from './transaction';
import { ownKey, partnerRow, signBytes, type OfficeRef } from './keys';
import { fileKeyStore, type KeyStore } from './key-store';
import { KINDS, kindAvailable } from './kinds';
import { buildPackage, recordSent } from './pack';
import { packageFileName } from './package-file-name';
import { relationTo } from './trust';
import { verifyPackage, type VerifiedPackage } from './verify';
import { saveFile } from '../util/save-file';

/** Glue between the handlers and the exchange modules: office lookup, save dialog, backups, previews. */
export const officeKeys = (ctx: Ctx): KeyStore => fileKeyStore(ctx.dataDir, ctx.host.keyVault);

export async function currentOffice(ctx: Ctx): Promise<OfficeRef> {
  const office = await requireOffice(ctx.db);
  return { id: office.organizationId, name: office.name, level: office.level };
}

export interface ExportRequest {
  kind: PackageKind;
  receiverId: string;
  movementId?: string;
  phaseId?: string;
  full: boolean;
}

export async function exportPackage(ctx: Ctx, req: ExportRequest): Promise<ExportResult> {
  const office = await currentOffice(ctx);
  const sqlite = ctx.store.sqlite;
  const kind = KINDS[req.kind];
  if (!kind || !kindAvailable(sqlite, req.kind)) throw new AppError('VALIDATION', `Loại gói “${PACKAGE_KIND_LABELS[req.kind]}” chưa được hỗ trợ trong phiên bản này.`);
  const partner = partnerRow(sqlite, req.receiverId);
  if (!partner) throw new AppError('VALIDATION', 'Chưa có khóa của đơn vị nhận. Hãy trao đổi tệp khóa và xác nhận mã nhận diện trước khi gửi gói.');
  const relation = relationTo(sqlite, office.id, req.receiverId, partner.level);
  if (kindDirection(req.kind) === 'down' && relation !== 'lower') throw new AppError('VALIDATION', `Gói “${PACKAGE_KIND_LABELS[req.kind]}” chỉ gửi xuống cấp dưới; “${partner.office_name}” không phải cấp dưới của đơn vị mình.`);
  if (kindDirection(req.kind) === 'up' && relation !== 'upper') throw new AppError('VALIDATION', `Gói “${PACKAGE_KIND_LABELS[req.kind]}” chỉ gửi lên cấp trên; “${partner.office_name}” không phải cấp trên của đơn vị mình.`);
  const key = ownKey(sqlite, officeKeys(ctx), office.id);
  const scope = { ...(req.movementId ? { movementId: req.movementId } : {}), ...(req.phaseId ? { phaseId: req.phaseId } : {}) };
  const built = buildPackage(
    sqlite,
    {
      kind: req.kind,
      sender: { id: office.id, name: office.name, keyFingerprint: key.fingerprint },
      receiverId: req.receiverId,
      scope,
      full: req.full,
      appVersion: ctx.host.appVersion,
      schemaVersion: ctx.store.schemaVersion,
    },
    (data) => signBytes(key, data),
  );
  const seq = built.manifest.sequence;
  const fileName = packageFileName(req.kind, seq, Number(todayIso().slice(0, 4)), partner.office_name);
  const path = await ctx.host.chooseSavePath(fileName, [{ name: 'Gói trao đổi dữ liệu', extensions: ['tdkt'] }]);
  if (path) {
    await saveFile(path, built.bytes);
    recordSent(sqlite, req.receiverId, seq, built.sent);
  }
  return { path, packageId: built.manifest.packageId, sequence: seq, records: built.records };
}

export interface CheckedPackage {
  bytes: Uint8Array;
  pkg: VerifiedPackage;
  decisions: Decision[];
}

/** The heavy part of a preview, before any write: signature, hashes, inflate, then one decision per record. */
export async function checkPackage(ctx: Ctx, bytes: Uint8Array): Promise<CheckedPackage> {
  const office = await currentOffice(ctx);
  const sqlite = ctx.store.sqlite;
  ownKey(sqlite, officeKeys(ctx), office.id);
  const pkg = verifyPackage(sqlite, bytes, office.id);
  return { bytes, pkg, decisions: classify(sqlite, pkg, office.id) };
}

/** Stores the checked package as a pending preview (the dashboard lists it) and describes it for the clerk. */
export function storePreview(ctx: Ctx, { bytes, pkg, decisions }: CheckedPackage): PackagePreview {
  const sqlite = ctx.store.sqlite;
  const token = savePreview(sqlite, bytes, pkg, decisions);
  const m = pkg.manifest;
  const lastSequence = (sqlite.prepare('SELECT MAX(sequence) FROM exchange_imports WHERE sender_id = ? AND undone_at IS NULL').pluck().get(m.sender.id) as number | null) ?? 0;
  return {
    token,
    packageId: m.packageId,
    kind: m.kind,
    kindLabel: PACKAGE_KIND_LABELS[m.kind],
    senderId: m.sender.id,
    senderName: m.sender.name,
    senderFingerprint: m.sender.keyFingerprint,
    created: m.created,
    sequence: m.sequence,
    lastSequence,
    counts: countStatuses(decisions),
    ...previewRows(decisions),
  };
}

export async function applyPreviewed(ctx: Ctx, token: string): Promise<ApplyResult> {
  const office = await currentOffice(ctx);
  const sqlite = ctx.store.sqlite;
  const stored = loadPreview(sqlite, token);
  if (!stored) throw new AppError('NOT_FOUND', 'Phiên xem trước đã hết hạn hoặc gói đã được áp dụng; hãy chọn lại tệp gói để xem trước.');
  // A refusal writes nothing (the preview stays listed): previewing the package again replaces it.
  if (stored.stale) {
    throw new AppError('CONFLICT', 'Dữ liệu ở máy này đã được khôi phục từ bản sao lưu sau khi xem trước gói này. Hãy xem trước lại gói trước khi áp dụng; chưa có gì được ghi.');
  }
  let exact = exactMemo(sqlite, token);
  if (!exact) {
    // After a restart or other writes: check the package again and decide again; the preview holds only if
    // every decision and every local copy it saw are still the same.
    const pkg = verifyPackage(sqlite, stored.bytes, office.id);
    const decisions = classify(sqlite, pkg, office.id);
    if (previewState(decisions) !== stored.state) {
      throw new AppError('CONFLICT', 'Dữ liệu ở máy này đã thay đổi từ lúc xem trước gói (nhập gói khác hoặc sửa trên máy). Hãy xem trước lại gói trước khi áp dụng; chưa có gì được ghi.');
    }
    exact = { sqlite, changes: totalChanges(sqlite), pkg, decisions };
  }
  const backup = await backupDatabase(sqlite, ctx.backupsDir, 'truoc-nhap');
  const { importId, counts } = applyPackage(sqlite, exact.pkg, office.id, backup.fileName, exact);
  dropPreviews(sqlite, exact.pkg.manifest.packageId);
  return { importId, packageId: exact.pkg.manifest.packageId, counts, backupFile: backup.fileName };
}
