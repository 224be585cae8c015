import { join } from 'node:path';
import type { Handlers } from '../registry';
import { backupDatabase, checkBackup, listBackups, replaceDatabaseFile } from '../db/backup';
import { getOffice, setupOffice, updateOffice } from '../services/office';
import { createPerson, searchPeople } from '../services/people';
import { organizationHandlers } from './organizations';

/** Every handler of the contract; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  'app.info': (_input, ctx) => ({
    version: ctx.host.appVersion,
    schemaVersion: ctx.store.schemaVersion,
    dataDir: ctx.dataDir,
    transport: ctx.host.transport,
  }),

  'office.get': (_input, ctx) => getOffice(ctx.db),
  'office.setup': (input, ctx) => setupOffice(ctx.db, input),
  'office.update': (input, ctx) => updateOffice(ctx.db, input),

  ...organizationHandlers,

  'people.create': (input, ctx) => createPerson(ctx.db, input),
  'people.search': (input, ctx) => searchPeople(ctx.db, input),

  'backup.create': (_input, ctx) => backupDatabase(ctx.store.sqlite, ctx.backupsDir, 'thu-cong'),
  'backup.list': (_input, ctx) => listBackups(ctx.backupsDir),
  'backup.restore': async (input, ctx) => {
    const path = join(ctx.backupsDir, input.fileName);
    checkBackup(path, ctx.store.schemaVersion);
    await backupDatabase(ctx.store.sqlite, ctx.backupsDir, 'truoc-khoi-phuc');
    await ctx.reopen(async (file) => replaceDatabaseFile(path, file));
    ctx.emit('data.changed', { area: 'all' });
    return { restoredFrom: input.fileName };
  },
};
