import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { OfficialDocument } from '../documents/model';

/** How one stored record becomes a document: loaded by its id, composed, named for the save dialog. */
export type DocumentLoader = (db: Kysely<DB>, id: string) => Promise<{ document: OfficialDocument; fileName: string }>;
