import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../util/time';
import { keyOfficeSchema, keyRefSchema } from './format';
import type { KeyStore, StoredKey } from './key-store';
import { fingerprintOf, newStoredKey, ownKey, partnerRow, publicKeyObject, recordIdentity, signBytes, toOwnKey, verifyBytes, type OfficeRef, type OwnKey } from './keys';
import { badStatement, readKeyStatement } from './key-statement';
import { stmt } from './sql';

/**
 * Rotation and revocation (TUF-style): a new key is announced in a statement signed by the old key (and by
 * the new one, proving its holder has it); partners who trust the old key move to the new one without a
 * phone call, and the old key is refused from then on. Revocation is the clerk's act at the receiving side
 * (the partner phoned: its key was lost): packages signed with that key are refused until a new key file is
 * confirmed; an office may also announce the revocation of its own key (key-revocation.ts). Both kinds of
 * retired key are listed in exchange_revoked_keys and never trusted again.
 */
const statementSchema = z.strictObject({
  format: z.literal('tdkt-key-rotation'),
  formatVersion: z.literal(1),
  office: keyOfficeSchema,
  previous: keyRefSchema,
  next: keyRefSchema,
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

/** Prepares a rotation from `old`, the office's key (nothing is changed until `commitRotation`, after the statement file is saved). */
export function prepareRotation(old: OwnKey, office: OfficeRef): Rotation {
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

/** This office signs with `next` from now on; the key it replaces is retired here too (never trusted again). */
export function switchOwnKey(sqlite: Database.Database, keys: KeyStore, office: OfficeRef, next: StoredKey, reason: 'rotated' | 'revoked'): void {
  const old = ownKey(sqlite, keys, office.id);
  keys.write(next);
  sqlite.transaction(() => {
    recordIdentity(sqlite, toOwnKey(office.id, next));
    retire(sqlite, old.fingerprint, office.id, reason);
  })();
}

/** Retires a key for good; a revocation also overrides an earlier "rotated" (the key is known compromised). */
export function retire(sqlite: Database.Database, fingerprint: string, officeId: string, reason: 'rotated' | 'revoked'): void {
  stmt(
    sqlite,
    `INSERT INTO exchange_revoked_keys (fingerprint, office_id, reason, at) VALUES (?, ?, ?, ?)
     ON CONFLICT(fingerprint) DO UPDATE SET reason = 'revoked', at = excluded.at WHERE excluded.reason = 'revoked' AND exchange_revoked_keys.reason <> 'revoked'`,
  ).run(fingerprint, officeId, reason, nowIso());
}

export function revokedKey(sqlite: Database.Database, fingerprint: string): { reason: 'rotated' | 'revoked'; at: string; officeId: string } | undefined {
  return stmt(sqlite, 'SELECT reason, at, office_id AS officeId FROM exchange_revoked_keys WHERE fingerprint = ?').get(fingerprint) as { reason: 'rotated' | 'revoked'; at: string; officeId: string } | undefined;
}

/** A partner's rotation statement: checked against the key trusted now, then that key is replaced and retired. */
export function acceptRotation(sqlite: Database.Database, bytes: Buffer, ownOfficeId: string): { officeId: string; changed: boolean } {
  const bad = (why: string) => badStatement('Thông báo đổi khóa', why);
  const { file, statement: s } = readKeyStatement(bytes, rotationFileSchema, statementSchema, 'Thông báo đổi khóa');
  try {
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
