import { documentFileName } from '../documents/file-name';
import { mutator, type AreaHandlers } from '../registry';
import { getAchievement, saveAchievement } from '../services/commendations/achievement-reports';
import { deleteMeeting, getMeeting, listMeetings, saveMeeting } from '../services/commendations/council-meetings';
import { dossierFiles, zipFiles } from '../services/commendations/dossier-export';
import { getNominationRow } from '../services/commendations/nominations';
import { requireOffice } from '../services/office';
import { saveFile } from '../util/save-file';

export const dossierHandlers = {
  'dossier.listMeetings': (_input, ctx) => listMeetings(ctx.db),
  'dossier.getMeeting': (input, ctx) => getMeeting(ctx.db, input.id),
  'dossier.saveMeeting': mutator('commendations', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    return getMeeting(ctx.db, await saveMeeting(ctx.db, office.organizationId, input));
  }),
  'dossier.deleteMeeting': mutator('commendations', async (input, ctx) => {
    await deleteMeeting(ctx.db, input.id);
    return null;
  }),
  'dossier.getAchievement': (input, ctx) => getAchievement(ctx.db, input.nominationId),
  'dossier.saveAchievement': mutator('commendations', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    await saveAchievement(ctx.db, office.organizationId, input.nominationId, input.body);
    return getAchievement(ctx.db, input.nominationId);
  }),
  'dossier.export': async (input, ctx) => {
    const files = await dossierFiles({ db: ctx.db }, input.nominationId);
    const n = await getNominationRow(ctx.db, input.nominationId);
    const path = await ctx.host.chooseSavePath(documentFileName(`Ho so de nghi khen thuong ${n.display_name}`, 'zip'), [{ name: 'Tệp nén', extensions: ['zip'] }]);
    if (path) await saveFile(path, zipFiles(files));
    return { path, files: files.map((f) => f.name) };
  },
} satisfies AreaHandlers<'dossier.'>;
