import type { Kysely } from 'kysely';
import type { AppEvents, EventName } from '../../shared/contract';
import type { DB } from './db/schema';
import type { Store } from './db/open';
import type { Host } from './host';
import type { Logger } from './log';

/** What every handler gets besides its input. */
export interface Ctx {
  readonly db: Kysely<DB>;
  readonly store: Store;
  readonly host: Host;
  readonly dataDir: string;
  readonly backupsDir: string;
  /** The log file; unexpected (INTERNAL) errors are written there. */
  readonly log?: Logger;
  emit<E extends EventName>(event: E, payload: AppEvents[E]): void;
  /** Closes the database, runs fn, reopens it (restore). */
  reopen(fn: (file: string) => Promise<void>): Promise<void>;
}
