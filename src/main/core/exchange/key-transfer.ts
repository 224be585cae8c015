import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type Database from 'better-sqlite3';
import type { KeyStore, StoredKey } from './key-store';
import { revokedKey } from './key-rotation';
import { recordIdentity, toOwnKey, type OfficeRef, type OwnKey } from './keys';

/**
 * Moving an office to a new PC: its private key leaves in a file protected by a passphrase (scrypt, a
 * memory-hard KDF, then AES-256-GCM, an AEAD; salt, parameters and nonce beside the ciphertext, as
 * OpenSSH/age keys do). The office and fingerprint are bound as associated data, so a file cannot be
 * relabelled for another office.
 */
const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;
const MAXMEM = 128 * 1024 * 1024;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(8000);
export const secretKeyFileSchema = z.strictObject({
  format: z.literal('tdkt-office-secret-key'),
  version: z.literal(1),
  office: z.strictObject({ id: z.string().uuid(), name: z.string().min(1).max(500) }),
  fingerprint: z.string().max(40),
  kdf: z.strictObject({ name: z.literal('scrypt'), N: z.literal(SCRYPT.N), r: z.literal(SCRYPT.r), p: z.literal(SCRYPT.p), salt: b64 }),
  cipher: z.literal('aes-256-gcm'),
  nonce: b64,
  tag: b64,
  data: b64,
});
export type SecretKeyFile = z.output<typeof secretKeyFileSchema>;

const derive = (passphrase: string, salt: Buffer) => scryptSync(passphrase.normalize('NFC'), salt, 32, { ...SCRYPT, maxmem: MAXMEM });
const aad = (f: { office: { id: string }; fingerprint: string }) => Buffer.from(`tdkt-office-secret-key:${f.office.id}:${f.fingerprint}`, 'utf8');

export function sealSecretKey(key: StoredKey, office: { id: string; name: string }, fingerprint: string, passphrase: string): SecretKeyFile {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const header = { office: { id: office.id, name: office.name }, fingerprint };
  const cipher = createCipheriv('aes-256-gcm', derive(passphrase, salt), nonce);
  cipher.setAAD(aad(header));
  const data = Buffer.concat([cipher.update(JSON.stringify({ pkcs8: key.pkcs8.toString('base64'), createdAt: key.createdAt }), 'utf8'), cipher.final()]);
  return {
    format: 'tdkt-office-secret-key',
    version: 1,
    ...header,
    kdf: { name: 'scrypt', ...SCRYPT, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    nonce: nonce.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

const inner = z.strictObject({ pkcs8: b64, createdAt: z.string().max(40) });

/** Opens a secret key file; a wrong passphrase and a tampered file give the same refusal (GCM cannot tell them apart). */
export function openSecretKey(bytes: Buffer, passphrase: string): { file: SecretKeyFile; key: StoredKey } {
  const bad = (why: string) => new AppError('BAD_FILE', `Tệp khóa bí mật không dùng được: ${why}`);
  if (bytes.length > 32 * 1024) throw bad('tệp quá lớn so với một tệp khóa bí mật.');
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw bad('không đọc được nội dung (không phải tệp khóa bí mật của phần mềm).');
  }
  const parsed = secretKeyFileSchema.safeParse(json);
  if (!parsed.success) throw bad('thiếu hoặc sai thông tin.');
  const file = parsed.data;
  try {
    const decipher = createDecipheriv('aes-256-gcm', derive(passphrase, Buffer.from(file.kdf.salt, 'base64')), Buffer.from(file.nonce, 'base64'));
    decipher.setAAD(aad(file));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(file.data, 'base64')), decipher.final()]);
    const k = inner.parse(JSON.parse(plain.toString('utf8')));
    return { file, key: { pkcs8: Buffer.from(k.pkcs8, 'base64'), createdAt: k.createdAt } };
  } catch {
    throw new AppError('VALIDATION', 'Mật khẩu không đúng hoặc tệp khóa bí mật đã bị sửa. Khóa chưa được nhập.');
  }
}

/** Installs an exported key on this PC (the same office only); a rotated or revoked key is refused. */
export function importSecretKey(sqlite: Database.Database, keys: KeyStore, office: OfficeRef, bytes: Buffer, passphrase: string): OwnKey {
  const { file, key } = openSecretKey(bytes, passphrase);
  if (file.office.id !== office.id) throw new AppError('VALIDATION', `Tệp khóa bí mật này là của “${file.office.name}”, không phải của đơn vị đang dùng phần mềm. Khóa chưa được nhập.`);
  const own = toOwnKey(office.id, key);
  if (own.fingerprint !== file.fingerprint) throw new AppError('BAD_FILE', 'Tệp khóa bí mật không dùng được: mã nhận diện không khớp với khóa.');
  const retired = revokedKey(sqlite, own.fingerprint);
  if (retired) throw new AppError('VALIDATION', `Khóa ${own.fingerprint} đã ${retired.reason === 'revoked' ? 'bị thu hồi' : 'được thay bằng khóa mới'}; không nhập lại được.`);
  keys.write(key);
  recordIdentity(sqlite, own);
  return own;
}
