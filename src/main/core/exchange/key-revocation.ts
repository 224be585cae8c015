import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../util/time';
import { keyOfficeSchema, keyRefSchema } from './format';
import type { StoredKey } from './key-store';
import { retire, revokedKey } from './key-rotation';
import { badStatement, readKeyStatement } from './key-statement';
import { fingerprintOf, newStoredKey, partnerRow, signBytes, toOwnKey, verifyBytes, type OfficeRef, type OwnKey } from './keys';

/**
 * An office announces that its own key is compromised (a PC lost, the key file copied): a revocation notice
 * (PGP's revocation certificate) signed by that very key, so anyone holding the key can only ever revoke it —
 * a thief gains nothing by sending one. The office switches to a new key at once; partners who receive the
 * notice retire the key (its packages, rotation statements and manual trust are refused from then on) and
 * take the new key only from a key file confirmed by phone, never from the notice. When the revoked key is
 * one a partner had already left through a rotation statement, that rotation was signed by a compromised key,
 * so the key it led to is revoked as well (the office did not know of it: it revoked the key it was using).
 * The upper level cannot revoke for a lower office here: each office trusts only adjacent levels' keys, so an
 * upper-level notice would reach only offices that revoke by their own act anyway (revokePartnerKey).
 */
const statementSchema = z.strictObject({
  format: z.literal('tdkt-key-revocation'),
  formatVersion: z.literal(1),
  office: keyOfficeSchema,
  revoked: keyRefSchema,
  reason: z.string().max(500),
  created: z.string().datetime(),
});
/** Travels as the exact signed text, like a rotation statement. */
const noticeFileSchema = z.strictObject({ statement: z.string().max(4000), signature: z.string().max(200) });
export type RevocationNotice = z.output<typeof noticeFileSchema>;

export interface Revocation {
  file: RevocationNotice;
  revokedFingerprint: string;
  next: StoredKey;
  nextFingerprint: string;
}

/** Prepares the notice for `current`, the office's key, and the key that follows it (nothing changed yet). */
export function prepareRevocation(current: OwnKey, office: OfficeRef, reason: string): Revocation {
  const statement = JSON.stringify({
    format: 'tdkt-key-revocation',
    formatVersion: 1,
    office: { id: office.id, name: office.name, level: office.level },
    revoked: { publicKey: current.publicKey, fingerprint: current.fingerprint },
    reason,
    created: nowIso(),
  });
  const next = newStoredKey();
  return {
    file: { statement, signature: signBytes(current, Buffer.from(statement, 'utf8')).toString('base64') },
    revokedFingerprint: current.fingerprint,
    next,
    nextFingerprint: toOwnKey(office.id, next).fingerprint,
  };
}

/** A partner's notice: the key is retired as revoked (and the key a rotation from it led to). Idempotent. */
export function acceptRevocation(sqlite: Database.Database, bytes: Buffer, ownOfficeId: string): { officeId: string; revoked: string[] } {
  const bad = (why: string) => badStatement('Thông báo thu hồi khóa', why);
  const { file, statement: s } = readKeyStatement(bytes, noticeFileSchema, statementSchema, 'Thông báo thu hồi khóa');
  if (fingerprintOf(s.revoked.publicKey) !== s.revoked.fingerprint) throw bad('mã nhận diện không khớp với khóa (tệp đã bị sửa).');
  if (!verifyBytes(s.revoked.publicKey, Buffer.from(file.statement, 'utf8'), Buffer.from(file.signature, 'base64'))) throw bad('chữ ký số không đúng. Không thay đổi gì.');
  if (s.office.id === ownOfficeId) throw new AppError('VALIDATION', 'Đây là thông báo thu hồi khóa của chính đơn vị mình.');
  const partner = partnerRow(sqlite, s.office.id);
  if (!partner) throw new AppError('VALIDATION', `Chưa tin cậy khóa nào của “${s.office.name}”; thông báo thu hồi khóa không áp dụng ở máy này.`);
  const before = revokedKey(sqlite, s.revoked.fingerprint);
  // Only a key this office knows as that partner's: the current one, or one it retired earlier.
  if (partner.fingerprint !== s.revoked.fingerprint && before?.officeId !== partner.office_id) {
    throw new AppError('VALIDATION', `Khóa ${s.revoked.fingerprint} trong thông báo không phải khóa của “${partner.office_name}” mà máy này biết. Không thay đổi gì.`);
  }
  const revoked = [s.revoked.fingerprint];
  if (before?.reason === 'rotated' && partner.fingerprint !== s.revoked.fingerprint) revoked.push(partner.fingerprint);
  sqlite.transaction(() => {
    for (const fp of revoked) retire(sqlite, fp, partner.office_id, 'revoked');
  })();
  return { officeId: partner.office_id, revoked };
}
