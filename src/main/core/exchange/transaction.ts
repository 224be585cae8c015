import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { withoutWriteCounts } from '../db/table-writes';

/** Turns a failed deferred foreign key at COMMIT into a clear message; the transaction is gone either way. */
export function runInTransaction<T>(sqlite: Database.Database, fn: () => T, fkMessage: string): T {
  try {
    // Tens of thousands of rows: written without the per-row write counts (every kept list is dropped after).
    return withoutWriteCounts(sqlite, () =>
      sqlite.transaction(() => {
        // References may point forward within the package; they are checked once, at COMMIT.
        sqlite.pragma('defer_foreign_keys = ON');
        return fn();
      })(),
    );
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new AppError('CONFLICT', fkMessage);
    throw e;
  }
}


/** Rows written through this connection so far: unchanged means the preview is still exact. */
export const totalChanges = (sqlite: Database.Database): number => sqlite.prepare('SELECT total_changes()').pluck().get() as number;
