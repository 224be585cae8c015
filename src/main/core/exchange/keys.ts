import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { KeyFileView, OwnKeyView, PartnerView } from '../../../shared/schemas/exchange';
import { nowIso } from '../util/time';
import { FINGERPRINT, keyFileSchema, type KeyFile } from './format';
import type { KeyStore, StoredKey } from './key-store';
import { stmt } from './sql';
import { relationTo } from './trust';

/**
 * Each office signs its packages with its own Ed25519 key, made on first use and kept in the key store
 * (key-store.ts), never in the database. The other level trusts the public key once, after reading the
 * fingerprint aloud.
 */
export interface OfficeRef {
  id: string;
  name: string;
  level: string;
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

export function toOwnKey(officeId: string, stored: StoredKey): OwnKey {
  const privateKey = createPrivateKey({ key: stored.pkcs8, format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey).export({ format: 'jwk' }).x!;
  return { officeId, publicKey, privateKey, fingerprint: fingerprintOf(publicKey), createdAt: stored.createdAt };
}

/** A new Ed25519 key pair, as stored. */
export function newStoredKey(): StoredKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { pkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }), createdAt: nowIso() };
}

/** The public half in the database (shown, compared with partners' copies); never the private key. */
export function recordIdentity(sqlite: Database.Database, key: OwnKey): void {
  sqlite
    .prepare(
      `INSERT INTO exchange_identity (id, office_id, public_key, private_key, fingerprint, created_at) VALUES (1, @officeId, @publicKey, '', @fingerprint, @createdAt)
       ON CONFLICT(id) DO UPDATE SET office_id = excluded.office_id, public_key = excluded.public_key, private_key = '', fingerprint = excluded.fingerprint, created_at = excluded.created_at`,
    )
    .run({ officeId: key.officeId, publicKey: key.publicKey, fingerprint: key.fingerprint, createdAt: key.createdAt });
}

/** This office's key pair, from the key store (made there the first time it is needed). */
export function ownKey(sqlite: Database.Database, keys: KeyStore, officeId: string): OwnKey {
  let stored = keys.read();
  if (!stored) {
    stored = newStoredKey();
    keys.write(stored);
  }
  const key = toOwnKey(officeId, stored);
  const row = sqlite.prepare('SELECT office_id, fingerprint FROM exchange_identity WHERE id = 1').get() as { office_id: string; fingerprint: string } | undefined;
  if (row?.fingerprint !== key.fingerprint || row.office_id !== officeId) recordIdentity(sqlite, key);
  return key;
}

/**
 * Start-up step for databases made before keys left the database: the private key still in the row is
 * written to the key store (unless one is there already), then wiped from the database with secure_delete
 * and a checkpoint, so neither the file nor the next backup holds it. Older backups are wiped the same way.
 * Returns true when something was moved.
 */
export function moveKeyOut(sqlite: Database.Database, keys: KeyStore, backupFiles: string[] = []): boolean {
  const row = sqlite.prepare("SELECT private_key, created_at FROM exchange_identity WHERE id = 1 AND private_key <> ''").get() as { private_key: string; created_at: string } | undefined;
  if (!row) return false;
  if (!keys.read()) keys.write({ pkcs8: Buffer.from(row.private_key, 'base64'), createdAt: row.created_at });
  wipePrivateKey(sqlite);
  for (const file of backupFiles) {
    try {
      const copy = new Database(file);
      try {
        const has = copy.prepare("SELECT 1 FROM sqlite_master WHERE name = 'exchange_identity'").get() && copy.prepare("SELECT 1 FROM exchange_identity WHERE private_key <> ''").get();
        if (has) {
          wipePrivateKey(copy);
          copy.exec('VACUUM');
        }
      } finally {
        copy.close();
      }
    } catch {
      // a damaged or foreign backup is left as it is; the restore screen judges it
    }
  }
  return true;
}

function wipePrivateKey(db: Database.Database): void {
  db.pragma('secure_delete = ON');
  db.prepare("UPDATE exchange_identity SET private_key = '' WHERE id = 1").run();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('secure_delete = OFF');
}

export function ownKeyView(sqlite: Database.Database, keys: KeyStore, office: OfficeRef): OwnKeyView {
  const key = ownKey(sqlite, keys, office.id);
  return { officeId: office.id, officeName: office.name, fingerprint: key.fingerprint, createdAt: key.createdAt };
}

export function ownKeyFile(sqlite: Database.Database, keys: KeyStore, office: OfficeRef): KeyFile {
  const key = ownKey(sqlite, keys, office.id);
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
  const retired = stmt(sqlite, 'SELECT reason FROM exchange_revoked_keys WHERE fingerprint = ?').pluck().get(file.fingerprint) as string | undefined;
  if (retired) throw new AppError('VALIDATION', `Khóa ${file.fingerprint} đã ${retired === 'revoked' ? 'bị thu hồi' : 'được thay bằng khóa mới'}; không thể tin cậy lại. Hãy nhận tệp khóa hiện hành của đơn vị.`);
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
      `SELECT p.*, COALESCE(s.last_sequence, 0) AS sent, r.at AS revoked_at,
         COALESCE((SELECT MAX(sequence) FROM exchange_imports i WHERE i.sender_id = p.office_id AND i.undone_at IS NULL), 0) AS received
       FROM exchange_partners p LEFT JOIN exchange_sequences s ON s.receiver_id = p.office_id
         LEFT JOIN exchange_revoked_keys r ON r.fingerprint = p.fingerprint AND r.reason = 'revoked' ORDER BY p.office_name`,
    )
    .all() as (PartnerRow & { sent: number; received: number; revoked_at: string | null })[];
  return rows.map((r) => ({
    officeId: r.office_id,
    officeName: r.office_name,
    level: r.level,
    fingerprint: r.fingerprint,
    confirmedAt: r.confirmed_at,
    lower: relationTo(sqlite, ownId, r.office_id, r.level) === 'lower',
    lastSentSequence: r.sent,
    lastReceivedSequence: r.received,
    keyRevokedAt: r.revoked_at,
  }));
}
