import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { KeyVault } from '../host';
import { saveFileSync } from '../util/save-file';

/**
 * This office's private signing key, outside the database (so backups never carry it): one file in the data
 * folder, sealed by the host's vault (Electron: safeStorage, i.e. DPAPI / Keychain / libsecret; bridge and
 * tests: the bytes as they are, in a file only the user can read). Anyone holding a backup cannot sign.
 */
export interface StoredKey {
  /** Ed25519 private key, PKCS#8 DER */
  pkcs8: Buffer;
  createdAt: string;
}

export interface KeyStore {
  read(): StoredKey | null;
  write(key: StoredKey): void;
}

const KEY_DIR = 'khoa';
const KEY_FILE = 'khoa-ky-don-vi.json';

const sealedFile = z.strictObject({ format: z.literal('tdkt-office-private-key'), version: z.literal(1), vault: z.string().max(40), sealed: z.string().max(20_000) });
const plainKey = z.strictObject({ pkcs8: z.string().max(4000), createdAt: z.string().max(40) });

export function fileKeyStore(dataDir: string, vault: KeyVault): KeyStore {
  const dir = join(dataDir, KEY_DIR);
  const file = join(dir, KEY_FILE);
  return {
    read() {
      if (!existsSync(file)) return null;
      const outer = sealedFile.parse(JSON.parse(readFileSync(file, 'utf8')));
      if (outer.vault !== vault.kind) throw new AppError('BAD_FILE', 'Khóa ký của đơn vị được bảo vệ theo cách khác với máy này; hãy nhập lại tệp khóa bí mật đã xuất (có mật khẩu).');
      const inner = plainKey.parse(JSON.parse(vault.open(Buffer.from(outer.sealed, 'base64')).toString('utf8')));
      return { pkcs8: Buffer.from(inner.pkcs8, 'base64'), createdAt: inner.createdAt };
    },
    write(key) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const sealed = vault.seal(Buffer.from(JSON.stringify({ pkcs8: key.pkcs8.toString('base64'), createdAt: key.createdAt }), 'utf8'));
      // Written aside, flushed, then renamed: a crash or a power cut leaves the old key or the new one, never half a key.
      // The mode is given at creation: the key is never readable by others, not even for a moment.
      saveFileSync(file, JSON.stringify({ format: 'tdkt-office-private-key', version: 1, vault: vault.kind, sealed: sealed.toString('base64') }), { mode: 0o600 });
    },
  };
}

/** The bridge's and the tests' vault: the file's permissions (0600, user only) are the protection. */
export const fileOnlyVault: KeyVault = { kind: 'file', seal: (b) => Buffer.from(b), open: (b) => Buffer.from(b) };
