import type { Kysely } from 'kysely';
import type { AppError } from '../../shared/errors';
import type { AppEvents, EventName } from '../../shared/contract';
import type { DB } from './db/schema';
import type { Store } from './db/open';
import type { Host } from './host';
import type { Jobs } from './jobs';
import type { Logger } from './log';

/** What every handler gets besides its input. */
export interface Ctx {
  readonly db: Kysely<DB>;
  /** The open database; throws the start-up refusal when there is none. */
  readonly store: Store;
  /** Why the data could not be opened at start or after a restore (null when it is open). */
  readonly refusal: AppError | null;
  readonly host: Host;
  readonly dataDir: string;
  readonly backupsDir: string;
  /** The log file; unexpected (INTERNAL) errors are written there. */
  readonly log?: Logger;
  /** Long jobs with progress and cancel (absent in tests that build a bare context). */
  readonly jobs?: Jobs;
  emit<E extends EventName>(event: E, payload: AppEvents[E]): void;
  /** Closes the database, runs fn, reopens it (restore); throws the refusal if it cannot be reopened. */
  reopen(fn: (file: string) => Promise<void>): Promise<void>;
}
