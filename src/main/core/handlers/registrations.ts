import { writeFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Ctx } from '../context';
import { backupDatabase } from '../db/backup';
import type { DB } from '../db/schema';
import type { AreaHandlers } from '../registry';
import { requireOffice } from '../services/office';
import { addPersonTitle, personHistory } from '../services/person-history';
import { deleteRegistration, getRegistration, listRegistrations, saveRegistration, tracker } from '../services/registrations';
import { listWorks, reviewWork } from '../services/works';
import { exportRegistrationList } from '../spreadsheets/registrations-export';
import { importRegistrationSheet, parseRegistrationSheet, type ImportRequest } from '../spreadsheets/registrations-import';
import { todayIso } from '../util/time';

/** Every write in one transaction: a refused input leaves the database as it was. */
function inTx<T>(ctx: Ctx, fn: (q: Kysely<DB>) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute((trx) => fn(trx));
}

function importRequest(input: { movementId: string; phaseId: string | null; kind: ImportRequest['kind']; file: { fileName: string; dataBase64: string }; sheet?: string; headerRow?: number; mapping?: Record<string, string> }): ImportRequest {
  return {
    movementId: input.movementId,
    phaseId: input.phaseId,
    kind: input.kind,
    bytes: Buffer.from(input.file.dataBase64, 'base64'),
    fileName: input.file.fileName,
    sheet: input.sheet,
    headerRow: input.headerRow,
    mapping: input.mapping,
  };
}

export const registrationHandlers = {
  'registrations.list': (input, ctx) => listRegistrations(ctx.db, input.movementId, input.phaseId, input.query),
  'registrations.get': async (input, ctx) => getRegistration(ctx.db, input.id, (await requireOffice(ctx.db)).organizationId),
  'registrations.save': async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    const id = await inTx(ctx, (q) => saveRegistration(q, input));
    ctx.emit('data.changed', { area: 'registrations' });
    return getRegistration(ctx.db, id, office.organizationId);
  },
  'registrations.delete': async (input, ctx) => {
    await inTx(ctx, (q) => deleteRegistration(q, input.id));
    ctx.emit('data.changed', { area: 'registrations' });
    return null;
  },
  'registrations.tracker': async (input, ctx) => tracker(ctx.db, (await requireOffice(ctx.db)).organizationId, input.movementId, input.phaseId, input.allLevels),
  'registrations.previewImport': async (input, ctx) => (await parseRegistrationSheet(ctx.db, importRequest(input))).preview,
  'registrations.import': async (input, ctx) => {
    await requireOffice(ctx.db);
    const result = await importRegistrationSheet(ctx.db, {
      ...importRequest(input),
      saveMapping: input.saveMapping,
      // DESIGN: a backup before each import (once the sheet is valid), so a wrong sheet can be undone from Cài đặt.
      beforeWrite: () => backupDatabase(ctx.store.sqlite, ctx.backupsDir, 'truoc-nhap'),
    });
    ctx.emit('data.changed', { area: 'registrations' });
    ctx.emit('data.changed', { area: 'people' });
    return result;
  },
  'registrations.exportXlsx': async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    const { bytes, stem } = await exportRegistrationList(ctx.db, office.organizationId, input.what, input.movementId, input.phaseId);
    const path = await ctx.host.chooseSavePath(`${stem}-${todayIso()}.xlsx`, [{ name: 'Excel', extensions: ['xlsx'] }]);
    if (path) await writeFile(path, bytes);
    return { path };
  },
  'registrations.works': async (input, ctx) => listWorks(ctx.db, input, (await requireOffice(ctx.db)).organizationId),
  'registrations.reviewWork': async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    await inTx(ctx, (q) => reviewWork(q, office.organizationId, input));
    ctx.emit('data.changed', { area: 'registrations' });
    const [work] = await listWorks(ctx.db, { workId: input.workId }, office.organizationId);
    return work;
  },
  'registrations.personHistory': (input, ctx) => personHistory(ctx.db, input.personId),
  'registrations.addPersonTitle': async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    return inTx(ctx, (q) => addPersonTitle(q, office.organizationId, input));
  },
} satisfies AreaHandlers<'registrations.'>;
