import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../util/time';
import { FINGERPRINT } from './format';
import type { KeyStore, StoredKey } from './key-store';
import { fingerprintOf, newStoredKey, ownKey, partnerRow, publicKeyObject, recordIdentity, signBytes, toOwnKey, verifyBytes, type OfficeRef } from './keys';
import { stmt } from './sql';

/**
 * Rotation and revocation (TUF-style): a new key is announced in a statement signed by the old key (and by
 * the new one, proving its holder has it); partners who trust the old key move to the new one without a
 * phone call, and the old key is refused from then on. Revocation is the clerk's act at the receiving side
 * (the partner phoned: its key was lost): packages signed with that key are refused until a new key file is
 * confirmed. Both kinds of retired key are listed in exchange_revoked_keys and never trusted again.
 */
const publicKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const statementSchema = z.strictObject({
  format: z.literal('tdkt-key-rotation'),
  formatVersion: z.literal(1),
  office: z.strictObject({ id: z.string().uuid(), name: z.string().min(1).max(500), level: z.string().max(40) }),
  previous: z.strictObject({ publicKey, fingerprint: z.string().regex(FINGERPRINT) }),
  next: z.strictObject({ publicKey, fingerprint: z.string().regex(FINGERPRINT) }),
  created: z.string().datetime(),
});
/** The statement travels as the exact signed text, so no re-serialisation can change what was signed. */
const rotationFileSchema = z.strictObject({
  statement: z.string().max(4000),
  signatures: z.strictObject({ previous: z.string().max(200), next: z.string().max(200) }),
});
export type RotationFile = z.output<typeof rotationFileSchema>;

export interface Rotation {
  file: RotationFile;
  next: StoredKey;
  nextFingerprint: string;
}

/** Prepares a rotation (nothing is changed until `commitRotation`, after the statement file is saved). */
export function prepareRotation(sqlite: Database.Database, keys: KeyStore, office: OfficeRef): Rotation {
  const old = ownKey(sqlite, keys, office.id);
  const next = newStoredKey();
  const nextKey = toOwnKey(office.id, next);
  const statement = JSON.stringify({
    format: 'tdkt-key-rotation',
    formatVersion: 1,
    office: { id: office.id, name: office.name, level: office.level },
    previous: { publicKey: old.publicKey, fingerprint: old.fingerprint },
    next: { publicKey: nextKey.publicKey, fingerprint: nextKey.fingerprint },
    created: nowIso(),
  });
  const text = Buffer.from(statement, 'utf8');
  return {
    file: { statement, signatures: { previous: signBytes(old, text).toString('base64'), next: signBytes(nextKey, text).toString('base64') } },
    next,
    nextFingerprint: nextKey.fingerprint,
  };
}

export function commitRotation(sqlite: Database.Database, keys: KeyStore, office: OfficeRef, rotation: Rotation): void {
  const old = ownKey(sqlite, keys, office.id);
  keys.write(rotation.next);
  sqlite.transaction(() => {
    recordIdentity(sqlite, toOwnKey(office.id, rotation.next));
    retire(sqlite, old.fingerprint, office.id, 'rotated');
  })();
}

function retire(sqlite: Database.Database, fingerprint: string, officeId: string, reason: 'rotated' | 'revoked'): void {
  stmt(sqlite, 'INSERT INTO exchange_revoked_keys (fingerprint, office_id, reason, at) VALUES (?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING').run(fingerprint, officeId, reason, nowIso());
}

export function revokedKey(sqlite: Database.Database, fingerprint: string): { reason: 'rotated' | 'revoked'; at: string } | undefined {
  return stmt(sqlite, 'SELECT reason, at FROM exchange_revoked_keys WHERE fingerprint = ?').get(fingerprint) as { reason: 'rotated' | 'revoked'; at: string } | undefined;
}

/** A partner's rotation statement: checked against the key trusted now, then that key is replaced and retired. */
export function acceptRotation(sqlite: Database.Database, bytes: Buffer, ownOfficeId: string): { officeId: string; changed: boolean } {
  const bad = (why: string) => new AppError('BAD_FILE', `Thông báo đổi khóa không hợp lệ: ${why}`);
  if (bytes.length > 16 * 1024) throw bad('tệp quá lớn.');
  let file: RotationFile;
  let s: z.output<typeof statementSchema>;
  try {
    file = rotationFileSchema.parse(JSON.parse(bytes.toString('utf8')));
    s = statementSchema.parse(JSON.parse(file.statement));
    publicKeyObject(s.next.publicKey);
  } catch {
    throw bad('không đọc được nội dung hoặc thiếu thông tin.');
  }
  if (fingerprintOf(s.previous.publicKey) !== s.previous.fingerprint || fingerprintOf(s.next.publicKey) !== s.next.fingerprint) throw bad('mã nhận diện không khớp với khóa (tệp đã bị sửa).');
  if (s.office.id === ownOfficeId) throw new AppError('VALIDATION', 'Đây là thông báo đổi khóa của chính đơn vị mình.');
  const partner = partnerRow(sqlite, s.office.id);
  if (!partner) throw new AppError('VALIDATION', `Chưa tin cậy khóa nào của “${s.office.name}”; hãy nhận tệp khóa (.tdkt-key) và xác nhận mã nhận diện qua điện thoại.`);
  if (partner.fingerprint === s.next.fingerprint) return { officeId: partner.office_id, changed: false };
  const revoked = revokedKey(sqlite, s.previous.fingerprint);
  if (revoked?.reason === 'revoked') throw new AppError('VALIDATION', `Khóa cũ (${s.previous.fingerprint}) đã bị thu hồi; thông báo ký bằng khóa đó không được nhận. Hãy nhận tệp khóa mới và xác nhận qua điện thoại.`);
  if (partner.fingerprint !== s.previous.fingerprint) throw new AppError('VALIDATION', `Thông báo đổi khóa không xuất phát từ khóa đang tin cậy của “${partner.office_name}” (${partner.fingerprint}). Không thay đổi gì.`);
  const text = Buffer.from(file.statement, 'utf8');
  if (!verifyBytes(s.previous.publicKey, text, Buffer.from(file.signatures.previous, 'base64')) || !verifyBytes(s.next.publicKey, text, Buffer.from(file.signatures.next, 'base64'))) {
    throw bad('chữ ký số không đúng; thông báo không do khóa đang tin cậy ký. Không thay đổi gì.');
  }
  if (revokedKey(sqlite, s.next.fingerprint)) throw new AppError('VALIDATION', 'Khóa mới trong thông báo đã bị thu hồi trước đây; không nhận.');
  sqlite.transaction(() => {
    stmt(sqlite, 'UPDATE exchange_partners SET public_key = ?, fingerprint = ?, confirmed_at = ? WHERE office_id = ?').run(s.next.publicKey, s.next.fingerprint, nowIso(), partner.office_id);
    retire(sqlite, s.previous.fingerprint, partner.office_id, 'rotated');
  })();
  return { officeId: partner.office_id, changed: true };
}

/** The clerk revokes a partner's current key (lost, stolen): its packages are refused until a new key is confirmed. */
export function revokePartnerKey(sqlite: Database.Database, officeId: string): void {
  const partner = partnerRow(sqlite, officeId);
  if (!partner) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị trao đổi này.');
  retire(sqlite, partner.fingerprint, officeId, 'revoked');
}
