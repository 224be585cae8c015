import type { Ctx } from '../context';
import { backupDatabase } from '../db/backup';
import type { Job } from '../jobs';
import { mutator, stagedMutator, type AreaHandlers } from '../registry';
import { requireOffice } from '../services/office';
import { addPersonTitle, personHistory } from '../services/person-history';
import { deleteRegistration, getRegistration, pageRegistrations, saveRegistration, tracker } from '../services/registrations';
import { listWorks, pageWorks, reviewWork } from '../services/works';
import { exportRegistrationList } from '../spreadsheets/registrations-export';
import { previewRowsPage } from '../spreadsheets/kept-previews';
import { sheetRequest } from '../spreadsheets/sheet-request';
import { checkRegistrationSheet, clientPreview, parseRegistrationSheet, writeRegistrationSheet, type ImportRequest } from '../spreadsheets/registrations-import';
import { TEMPLATE_FILE_NAMES, registrationTemplate } from '../spreadsheets/registrations-template';
import { todayIso } from '../util/time';
import { saveFile } from '../util/save-file';

function withJob<T>(ctx: Ctx, name: string, body: (job: Job | undefined) => Promise<T>): Promise<T> {
  return ctx.jobs ? ctx.jobs.run(name, body) : body(undefined);
}

function importRequest(input: { movementId: string; phaseId: string | null; kind: ImportRequest['kind']; file: { fileName: string; dataBase64: string }; sheet?: string; headerRow?: number; mapping?: Record<string, string>; personChoices?: Record<string, string> }): ImportRequest {
  return { ...sheetRequest(input), movementId: input.movementId, phaseId: input.phaseId, kind: input.kind };
}

export const registrationHandlers = {
  'registrations.list': (input, ctx) => pageRegistrations(ctx.db, input),
  'registrations.get': async (input, ctx) => getRegistration(ctx.db, input.id, (await requireOffice(ctx.db)).organizationId),
  'registrations.save': mutator('registrations', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    return getRegistration(ctx.db, await saveRegistration(ctx.db, input), office.organizationId);
  }),
  'registrations.delete': mutator('registrations', async (input, ctx) => {
    await deleteRegistration(ctx.db, input.id);
    return null;
  }),
  'registrations.tracker': async (input, ctx) =>
    tracker(ctx.db, (await requireOffice(ctx.db)).organizationId, input.movementId, input.phaseId, input.allLevels, {
      query: input.query,
      limit: input.limit ?? Number.MAX_SAFE_INTEGER,
      offset: input.offset,
    }),
  // Runs outside the call queue (app.ts): reading a large sheet takes seconds and must not hold up other calls.
  'registrations.previewImport': async (input, ctx) =>
    clientPreview((await withJob(ctx, 'registrations.previewImport', (job) => parseRegistrationSheet(ctx.db, importRequest(input), job))).preview),
  'registrations.previewRows': (input) => previewRowsPage(input.previewId, input.onlyErrors, input.limit, input.offset),
  'registrations.import': stagedMutator(
    ['registrations', 'people'],
    async (input, ctx) => {
      await requireOffice(ctx.db);
      const req = { ...importRequest(input), saveMapping: input.saveMapping };
      const checked = await withJob(ctx, 'registrations.import', (job) => checkRegistrationSheet(ctx.db, req, job));
      // DESIGN: a backup before each import (once the sheet is valid), so a wrong sheet can be undone from Cài đặt.
      await backupDatabase(ctx.store.sqlite, ctx.backupsDir, 'truoc-nhap');
      return { req, checked };
    },
    ({ req, checked }, _input, ctx) => writeRegistrationSheet(ctx.db, req, checked),
  ),
  'registrations.exportXlsx': async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    const { bytes, stem } = await exportRegistrationList(ctx.db, office.organizationId, input.what, input.movementId, input.phaseId);
    const path = await ctx.host.chooseSavePath(`${stem}-${todayIso()}.xlsx`, [{ name: 'Excel', extensions: ['xlsx'] }]);
    if (path) await saveFile(path, bytes);
    return { path };
  },
  'registrations.exportTemplate': async (input, ctx) => {
    const bytes = await registrationTemplate(ctx.db, input.kind);
    const path = await ctx.host.chooseSavePath(TEMPLATE_FILE_NAMES[input.kind], [{ name: 'Excel', extensions: ['xlsx'] }]);
    if (path) await saveFile(path, bytes);
    return { path };
  },
  'registrations.works': async (input, ctx) => pageWorks(ctx.db, input, (await requireOffice(ctx.db)).organizationId),
  'registrations.reviewWork': mutator('registrations', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    await reviewWork(ctx.db, office.organizationId, input);
    const [work] = await listWorks(ctx.db, { workId: input.workId }, office.organizationId);
    return work;
  }),
  'registrations.personHistory': (input, ctx) => personHistory(ctx.db, input.personId),
  'registrations.addPersonTitle': mutator('people', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    return addPersonTitle(ctx.db, office.organizationId, input);
  }),
} satisfies AreaHandlers<'registrations.'>;
