/**
 * This office's settings as JSON values in the app_meta key/value table (created by migration 0001):
 * local to the installation, carried by backups, never by exchange packages, so no migration is needed.
 * Every value is checked with its zod schema on the way in and on the way out; a stored value that no
 * longer parses (an older shape) falls back to the defaults rather than breaking every document.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  DEFAULT_CERTIFICATE_PRINTERS, DEFAULT_DOCUMENT_LAYOUT_SETTINGS, certificatePrinters, documentLayoutSettings,
  type CertificatePrinters, type DocumentLayoutSettings,
} from '../../../shared/schemas/settings';
import type { DB } from '../db/schema';

export const SETTING_KEYS = {
  documentLayout: 'settings.documentLayout',
  certificatePrinters: 'settings.certificatePrinters',
} as const;

async function readSetting<S extends z.ZodType>(db: Kysely<DB>, key: string, schema: S, fallback: z.output<S>): Promise<z.output<S>> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

async function writeSetting(db: Kysely<DB>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('app_meta')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}

export function getDocumentLayout(db: Kysely<DB>): Promise<DocumentLayoutSettings> {
  return readSetting(db, SETTING_KEYS.documentLayout, documentLayoutSettings, DEFAULT_DOCUMENT_LAYOUT_SETTINGS);
}

/** `value` is already validated by the contract. */
export async function setDocumentLayout(db: Kysely<DB>, value: DocumentLayoutSettings): Promise<DocumentLayoutSettings> {
  await writeSetting(db, SETTING_KEYS.documentLayout, value);
  return getDocumentLayout(db);
}

export function getCertificatePrinters(db: Kysely<DB>): Promise<CertificatePrinters> {
  return readSetting(db, SETTING_KEYS.certificatePrinters, certificatePrinters, DEFAULT_CERTIFICATE_PRINTERS);
}

export async function setCertificatePrinters(db: Kysely<DB>, value: CertificatePrinters): Promise<CertificatePrinters> {
  await writeSetting(db, SETTING_KEYS.certificatePrinters, value);
  return getCertificatePrinters(db);
}
