import type { DocumentLayoutSettings } from '../../../shared/schemas/settings';
import type { OfficialDocument } from '../documents/model';
import type { DocumentOptions } from './document-options';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** What a document service reads through. */
export interface ReadCtx {
  db: Kysely<DB>;
}

/**
 * What a loader gets: the database, the clerk's
 * Kính gửi / Nơi nhận / deadline for this document, and the office's document settings.
 */
export interface LoadCtx extends ReadCtx {
  options: DocumentOptions;
  settings: DocumentLayoutSettings;
}

/** How one stored record becomes a document: loaded by its id, composed, named for the save dialog. */
export type DocumentLoader = (c: LoadCtx, id: string) => Promise<{ document: OfficialDocument; fileName: string }>;
