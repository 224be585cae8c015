import { join } from 'node:path';
import { mutator, stagedMutator, type AreaHandlers } from '../registry';
import { backupDatabase, checkBackup, listBackups } from '../db/backup';
import { latestVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { restoreDatabaseFile, setAsideUnusable } from '../db/restore';
import { getOffice, setupOffice, setupOfficeFromDirectory, updateOffice } from '../services/office';

export const appHandlers = {
  'app.info': (_input, ctx) => ({
    version: ctx.host.appVersion,
    schemaVersion: latestVersion(migrations),
    dataDir: ctx.dataDir,
    transport: ctx.host.transport,
  }),
  'app.cancelJob': mutator([], (input, ctx) => ({ cancelled: ctx.jobs?.cancel(input.job) ?? false })),
  'app.getStartupState': (_input, ctx) =>
    ctx.refusal ? { status: 'refused' as const, error: ctx.refusal.toInfo(), backups: listBackups(ctx.backupsDir) } : { status: 'ready' as const },
} satisfies AreaHandlers<'app.'>;

export const officeHandlers = {
  'office.get': (_input, ctx) => getOffice(ctx.db),
  'office.setup': mutator(['office', 'organizations'], (input, ctx) => setupOffice(ctx.db, input)),
  'office.setupFromDirectory': mutator(['office', 'organizations'], (input, ctx) => setupOfficeFromDirectory(ctx.db, input)),
  'office.update': mutator('office', (input, ctx) => updateOffice(ctx.db, input)),
} satisfies AreaHandlers<'office.'>;

export const backupHandlers = {
  'backup.create': (_input, ctx) => backupDatabase(ctx.store.sqlite, ctx.backupsDir, 'thu-cong'),
  'backup.list': (_input, ctx) => listBackups(ctx.backupsDir),
  // The file is replaced before the (empty) write step, so everything is reloaded from the restored database.
  'backup.restore': stagedMutator(
    'all',
    async (input, ctx) => {
      const path = join(ctx.backupsDir, input.fileName);
      checkBackup(path, latestVersion(migrations));
      // From the start-up refusal there is no usable database to back up: it is kept aside instead.
      const unusable = ctx.refusal !== null;
      if (!unusable) await backupDatabase(ctx.store.sqlite, ctx.backupsDir, 'truoc-khoi-phuc');
      await ctx.reopen(async (file) => {
        if (unusable) setAsideUnusable(file);
        restoreDatabaseFile(path, file);
      });
    },
    (_done, input) => ({ restoredFrom: input.fileName }),
  ),
} satisfies AreaHandlers<'backup.'>;
