import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { KeyFileView, OwnKeyView, PartnerView } from '../../../shared/schemas/exchange';
import { nowIso } from '../util/time';
import { FINGERPRINT, keyFileSchema, type KeyFile } from './format';
import { relationTo } from './trust';

/**
 * Each office signs its packages with its own Ed25519 key, made on first use and kept in the
 * database. The other level trusts the public key once, after reading the fingerprint aloud.
 */
export interface OfficeRef {
  id: string;
  name: string;
  level: string;
}

interface IdentityRow {
  office_id: string;
  public_key: string;
  private_key: string;
  fingerprint: string;
  created_at: string;
}

interface PartnerRow {
  office_id: string;
  office_name: string;
  level: string;
  public_key: string;
  fingerprint: string;
  confirmed_at: string;
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 16 base32 characters (80 bits) of SHA-256 of the raw key, in 4 groups: readable over the phone. */
export function fingerprintOf(publicKeyB64url: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKeyB64url, 'base64url')).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= 16) break;
  }
  return out.match(/.{4}/g)!.join('-');
}

export function publicKeyObject(publicKeyB64url: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKeyB64url }, format: 'jwk' });
}

export interface OwnKey {
  officeId: string;
  publicKey: string;
  privateKey: KeyObject;
  fingerprint: string;
  createdAt: string;
}

/** This office's key pair; generated and stored the first time it is needed. */
export function ownKey(sqlite: Database.Database, officeId: string): OwnKey {
  let row = sqlite.prepare('SELECT * FROM exchange_identity WHERE id = 1').get() as IdentityRow | undefined;
  if (!row) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const x = publicKey.export({ format: 'jwk' }).x!;
    row = {
      office_id: officeId,
      public_key: x,
      private_key: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      fingerprint: fingerprintOf(x),
      created_at: nowIso(),
    };
    sqlite
      .prepare('INSERT INTO exchange_identity (id, office_id, public_key, private_key, fingerprint, created_at) VALUES (1, @office_id, @public_key, @private_key, @fingerprint, @created_at)')
      .run(row);
  }
  return {
    officeId: row.office_id,
    publicKey: row.public_key,
    privateKey: createPrivateKey({ key: Buffer.from(row.private_key, 'base64'), format: 'der', type: 'pkcs8' }),
    fingerprint: row.fingerprint,
    createdAt: row.created_at,
  };
}

export function ownKeyView(sqlite: Database.Database, office: OfficeRef): OwnKeyView {
  const key = ownKey(sqlite, office.id);
  return { officeId: office.id, officeName: office.name, fingerprint: key.fingerprint, createdAt: key.createdAt };
}

export function ownKeyFile(sqlite: Database.Database, office: OfficeRef): KeyFile {
  const key = ownKey(sqlite, office.id);
  return {
    format: 'tdkt-key',
    formatVersion: 1,
    office: { id: office.id, name: office.name, level: office.level },
    publicKey: key.publicKey,
    fingerprint: key.fingerprint,
    created: key.createdAt,
  };
}

export function signBytes(key: OwnKey, data: Uint8Array): Buffer {
  return sign(null, data, key.privateKey);
}

export function verifyBytes(publicKeyB64url: string, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, data, publicKeyObject(publicKeyB64url), signature);
  } catch {
    return false;
  }
}

/** Reads and checks a .tdkt-key file; the fingerprint is recomputed, never trusted from the file. */
export function readKeyFile(bytes: Buffer, ownOfficeId: string): KeyFile {
  const bad = (why: string) => new AppError('BAD_FILE', `Tệp khóa không hợp lệ: ${why}`);
  if (bytes.length > 16 * 1024) throw bad('tệp quá lớn so với một tệp khóa (.tdkt-key).');
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw bad('không đọc được nội dung (không phải tệp khóa .tdkt-key).');
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw bad('thiếu hoặc sai thông tin (đơn vị, khóa công khai, mã nhận diện).');
  const file = parsed.data;
  try {
    publicKeyObject(file.publicKey);
  } catch {
    throw bad('khóa công khai hỏng.');
  }
  if (fingerprintOf(file.publicKey) !== file.fingerprint) throw bad('mã nhận diện ghi trong tệp không khớp với khóa (tệp đã bị sửa).');
  if (file.office.id === ownOfficeId) throw new AppError('VALIDATION', 'Đây là tệp khóa của chính đơn vị mình; hãy nhập tệp khóa của đơn vị cấp trên hoặc cấp dưới.');
  return file;
}

export function partnerRow(sqlite: Database.Database, officeId: string): PartnerRow | undefined {
  return sqlite.prepare('SELECT * FROM exchange_partners WHERE office_id = ?').get(officeId) as PartnerRow | undefined;
}

export function inspectKeyFile(sqlite: Database.Database, bytes: Buffer, ownOfficeId: string): KeyFileView {
  const file = readKeyFile(bytes, ownOfficeId);
  return {
    officeId: file.office.id,
    officeName: file.office.name,
    level: file.office.level,
    fingerprint: file.fingerprint,
    currentFingerprint: partnerRow(sqlite, file.office.id)?.fingerprint ?? null,
  };
}

const normalizeFingerprint = (s: string) => s.toUpperCase().replace(/[^A-Z2-7]/g, '').replace(/(.{4})(?=.)/g, '$1-');

/** Trusts a partner's key after the clerk confirmed its fingerprint; a changed key replaces the old one. */
export function trustKeyFile(sqlite: Database.Database, bytes: Buffer, confirmed: string, ownOfficeId: string): void {
  const file = readKeyFile(bytes, ownOfficeId);
  const typed = normalizeFingerprint(confirmed);
  if (!FINGERPRINT.test(typed) || typed !== file.fingerprint) {
    throw new AppError('VALIDATION', `Mã nhận diện xác nhận (${confirmed}) không khớp với mã của tệp khóa (${file.fingerprint}). Khóa chưa được tin cậy.`);
  }
  sqlite
    .prepare(
      `INSERT INTO exchange_partners (office_id, office_name, level, public_key, fingerprint, confirmed_at)
       VALUES (@id, @name, @level, @key, @fp, @at)
       ON CONFLICT(office_id) DO UPDATE SET office_name = excluded.office_name, level = excluded.level,
         public_key = excluded.public_key, fingerprint = excluded.fingerprint, confirmed_at = excluded.confirmed_at`,
    )
    .run({ id: file.office.id, name: file.office.name, level: file.office.level, key: file.publicKey, fp: file.fingerprint, at: nowIso() });
}

export function listPartners(sqlite: Database.Database, ownId: string): PartnerView[] {
  const rows = sqlite
    .prepare(
      `SELECT p.*, COALESCE(s.last_sequence, 0) AS sent,
         COALESCE((SELECT MAX(sequence) FROM exchange_imports i WHERE i.sender_id = p.office_id AND i.undone_at IS NULL), 0) AS received
       FROM exchange_partners p LEFT JOIN exchange_sequences s ON s.receiver_id = p.office_id ORDER BY p.office_name`,
    )
    .all() as (PartnerRow & { sent: number; received: number })[];
  return rows.map((r) => ({
    officeId: r.office_id,
    officeName: r.office_name,
    level: r.level,
    fingerprint: r.fingerprint,
    confirmedAt: r.confirmed_at,
    lower: relationTo(sqlite, ownId, r.office_id, r.level) === 'lower',
    lastSentSequence: r.sent,
    lastReceivedSequence: r.received,
  }));
}
