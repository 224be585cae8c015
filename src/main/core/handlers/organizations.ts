import { mutator, stagedMutator, type AreaHandlers } from '../registry';
import { createOrg, getDetail, listTree, mergeOrgs, moveOrg, renameOrg, searchOrgs } from '../services/organizations';
import { checkOrganizationsImport, exportOrganizationsXlsx, writeOrganizationsImport } from '../spreadsheets/organizations-xlsx';
import { todayIso } from '../util/time';
import { backupDatabase } from '../db/backup';
import { requireOffice } from '../services/office';
import { saveFile } from '../util/save-file';

export const organizationHandlers = {
  'organizations.tree': (input, ctx) => listTree(ctx.db, input.at ?? todayIso(), input.includeEnded),
  'organizations.get': (input, ctx) => getDetail(ctx.db, input.id, input.at ?? todayIso()),
  'organizations.create': mutator('organizations', async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    return createOrg(ctx.db, { ...input, ownerId: office.organizationId });
  }),
  'organizations.rename': mutator('organizations', (input, ctx) => {
    const { id, validFrom, ...fields } = input;
    return renameOrg(ctx.db, id, validFrom, fields);
  }),
  'organizations.move': mutator('organizations', (input, ctx) => moveOrg(ctx.db, input.id, input.newParentId)),
  'organizations.merge': mutator('organizations', (input, ctx) => mergeOrgs(ctx.db, input.ids, input.intoId, input.date)),
  'organizations.search': (input, ctx) => searchOrgs(ctx.db, input.query, input.limit),
  'organizations.exportXlsx': async (_input, ctx) => {
    const bytes = await exportOrganizationsXlsx(ctx.db);
    const path = await ctx.host.chooseSavePath(`danh-muc-don-vi-${todayIso()}.xlsx`, [{ name: 'Excel', extensions: ['xlsx'] }]);
    if (path) await saveFile(path, bytes);
    return { path };
  },
  // The file is checked completely first; only a valid file earns a backup and a write.
  'organizations.importXlsx': stagedMutator(
    'organizations',
    async (input, ctx) => {
      const plan = await checkOrganizationsImport(ctx.db, Buffer.from(input.dataBase64, 'base64'));
      await backupDatabase(ctx.store.sqlite, ctx.backupsDir, 'truoc-nhap');
      return plan;
    },
    (plan, _input, ctx) => writeOrganizationsImport(ctx.db, plan),
  ),
} satisfies AreaHandlers<'organizations.'>;
