import { z } from 'zod';
import { packageKind } from '../../../shared/schemas/exchange';

/** The package format this build writes, and the newest it can read. */
export const FORMAT = 'tdkt-package';
/** 2: each data file's stored (deflated) bytes are hashed in the manifest, so nothing is inflated before the signature holds */
export const FORMAT_VERSION = 2;
export const READER_VERSION = 2;
/** The manifest is stored uncompressed and small: it is read before anything is trusted. */
export const MAX_MANIFEST_BYTES = 256 * 1024;

export const MANIFEST_NAME = 'manifest.json';
export const SIGNATURE_NAME = 'signature.sig';
/** data/<table>.ndjson: one record (a root row plus its child rows) per line. */
export const DATA_NAME = /^data\/([a-z_]{1,40})\.ndjson$/;
export const dataName = (table: string) => `data/${table}.ndjson`;

const uuid = z.string().uuid();
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const FINGERPRINT = /^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/;

export const manifestFile = z.strictObject({
  name: z.string().regex(DATA_NAME),
  sha256: hex64,
  size: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  /** the entry as stored in the zip: checked against the signed manifest before it is inflated */
  stored: z.strictObject({ method: z.union([z.literal(0), z.literal(8)]), size: z.number().int().nonnegative(), sha256: hex64 }),
});

export const manifestSchema = z.strictObject({
  format: z.literal(FORMAT),
  formatVersion: z.number().int().positive(),
  packageId: uuid,
  kind: packageKind,
  sender: z.strictObject({ id: uuid, name: z.string().min(1).max(500), keyFingerprint: z.string().regex(FINGERPRINT) }),
  receiverId: uuid,
  created: z.string().datetime(),
  appVersion: z.string().max(50),
  schemaVersion: z.number().int().nonnegative(),
  minReaderVersion: z.number().int().positive(),
  /** 1, 2, 3… per sender → receiver: lets the receiver see a gap or an older package. */
  sequence: z.number().int().positive(),
  scope: z.strictObject({ movementId: uuid.optional(), phaseId: uuid.optional() }),
  files: z.array(manifestFile).max(32),
});
export type Manifest = z.output<typeof manifestSchema>;

/** Ed25519 public key, raw 32 bytes, base64url (the JWK "x"). */
export const publicKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
/** The office a key file or key statement speaks for. */
export const keyOfficeSchema = z.strictObject({ id: uuid, name: z.string().min(1).max(500), level: z.string().max(40) });
/** A key named in a statement: the key and its fingerprint (checked to match). */
export const keyRefSchema = z.strictObject({ publicKey: publicKeySchema, fingerprint: z.string().regex(FINGERPRINT) });

/** Public key file (.tdkt-key) handed once to the other level. */
export const keyFileSchema = z.strictObject({
  format: z.literal('tdkt-key'),
  formatVersion: z.literal(1),
  office: keyOfficeSchema,
  publicKey: publicKeySchema,
  fingerprint: z.string().regex(FINGERPRINT),
  created: z.string().datetime(),
});
export type KeyFile = z.output<typeof keyFileSchema>;

/** One ndjson line. Column-level validation is per table (tables.ts). */
export const lineSchema = z.strictObject({
  row: z.record(z.string(), z.unknown()),
  children: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The same check as lineSchema, written out: it runs once per line of a 50,000-line package, and the
 * generic record schemas copied every row once more before the table schema copied it again.
 */
export function readLine(json: unknown): { row: Record<string, unknown>; children?: Record<string, Record<string, unknown>[]> } | null {
  if (!isRecord(json)) return null;
  for (const key of Object.keys(json)) if (key !== 'row' && key !== 'children') return null;
  const { row, children } = json;
  if (!isRecord(row)) return null;
  if (children === undefined) return { row };
  if (!isRecord(children)) return null;
  for (const list of Object.values(children)) {
    if (!Array.isArray(list)) return null;
    for (const r of list) if (!isRecord(r)) return null;
  }
  return { row, children: children as Record<string, Record<string, unknown>[]> };
}
