import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import { PACKAGE_KIND_LABELS, kindDirection, type ApplyResult, type ExportResult, type PackageKind, type PackagePreview } from '../../../shared/schemas/exchange';
import type { Ctx } from '../context';
import { backupDatabase } from '../db/backup';
import { requireOffice } from '../services/office';
import { todayIso } from '../util/time';
import { applyPackage } from './apply';
import { classify, countStatuses, previewRows, type Decision } from './classify';
import { totalChanges } from './transaction';
import { ownKey, partnerRow, signBytes, type OfficeRef } from './keys';
import { KINDS, kindAvailable } from './kinds';
import { buildPackage, recordSent } from './pack';
import { packageFileName } from './package-file-name';
import { relationTo } from './trust';
import { verifyPackage, type VerifiedPackage } from './verify';

/** Glue between the handlers and the exchange modules: office lookup, save dialog, backups, previews. */
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
  const key = ownKey(sqlite, office.id);
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
    await writeFile(path, built.bytes);
    recordSent(sqlite, req.receiverId, seq, built.sent);
  }
  return { path, packageId: built.manifest.packageId, sequence: seq, records: built.records };
}

interface Pending {
  dataDir: string;
  pkg: VerifiedPackage;
  decisions: Decision[];
  changes: number;
  at: number;
}
/** Verified packages waiting for "Áp dụng", by a random token; a few at most, for a short while. */
const pending = new Map<string, Pending>();

export async function previewPackage(ctx: Ctx, bytes: Uint8Array): Promise<PackagePreview> {
  const office = await currentOffice(ctx);
  const sqlite = ctx.store.sqlite;
  ownKey(sqlite, office.id);
  const pkg = verifyPackage(sqlite, bytes, office.id);
  const decisions = classify(sqlite, pkg, office.id);
  const token = randomBytes(16).toString('hex');
  for (const [k, v] of pending) if (pending.size >= 4 || Date.now() - v.at > 3_600_000) pending.delete(k);
  pending.set(token, { dataDir: ctx.dataDir, pkg, decisions, changes: totalChanges(sqlite), at: Date.now() });
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

/** Packages opened for preview in this data folder and not applied yet (the home dashboard lists them). */
export function pendingPreviews(dataDir: string): { packageId: string; kind: PackageKind; senderName: string; created: string }[] {
  return [...pending.values()]
    .filter((p) => p.dataDir === dataDir)
    .map((p) => ({ packageId: p.pkg.manifest.packageId, kind: p.pkg.manifest.kind, senderName: p.pkg.manifest.sender.name, created: p.pkg.manifest.created }));
}

export async function applyPreviewed(ctx: Ctx, token: string): Promise<ApplyResult> {
  const office = await currentOffice(ctx);
  const p = pending.get(token);
  if (!p || p.dataDir !== ctx.dataDir) throw new AppError('NOT_FOUND', 'Phiên xem trước đã hết hạn; hãy chọn lại tệp gói để xem trước.');
  const sqlite = ctx.store.sqlite;
  const changes = totalChanges(sqlite);
  const backup = await backupDatabase(sqlite, ctx.backupsDir, 'truoc-nhap');
  const { importId, counts } = applyPackage(sqlite, p.pkg, office.id, backup.fileName, p.changes === changes ? p : undefined);
  pending.delete(token);
  ctx.emit('data.changed', { area: 'all' });
  return { importId, packageId: p.pkg.manifest.packageId, counts, backupFile: backup.fileName };
}
