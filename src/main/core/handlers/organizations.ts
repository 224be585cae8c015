import { writeFile } from 'node:fs/promises';
import type { AreaHandlers, Handler } from '../registry';
import { createOrg, getDetail, listTree, mergeOrgs, moveOrg, renameOrg, searchOrgs } from '../services/organizations';
import { exportOrganizationsXlsx, importOrganizationsXlsx } from '../spreadsheets/organizations-xlsx';
import { todayIso } from '../util/time';
import { backupDatabase } from '../db/backup';
import { requireOffice } from '../services/office';

const tx = <T>(ctx: Parameters<Handler<'app.info'>>[1], fn: (q: typeof ctx.db) => Promise<T>) =>
  ctx.db.transaction().execute((trx) => fn(trx as unknown as typeof ctx.db));

export const organizationHandlers = {
  'organizations.tree': (input, ctx) => listTree(ctx.db, input.at ?? todayIso(), input.includeEnded),
  'organizations.get': (input, ctx) => getDetail(ctx.db, input.id, input.at ?? todayIso()),
  'organizations.create': async (input, ctx) => {
    const office = await requireOffice(ctx.db);
    const node = await tx(ctx, (q) => createOrg(q, { ...input, ownerId: office.organizationId }));
    ctx.emit('data.changed', { area: 'organizations' });
    return node;
  },
  'organizations.rename': async (input, ctx) => {
    const { id, validFrom, ...fields } = input;
    const node = await tx(ctx, (q) => renameOrg(q, id, validFrom, fields));
    ctx.emit('data.changed', { area: 'organizations' });
    return node;
  },
  'organizations.move': async (input, ctx) => {
    const node = await tx(ctx, (q) => moveOrg(q, input.id, input.newParentId));
    ctx.emit('data.changed', { area: 'organizations' });
    return node;
  },
  'organizations.merge': async (input, ctx) => {
    const node = await tx(ctx, (q) => mergeOrgs(q, input.ids, input.intoId, input.date));
    ctx.emit('data.changed', { area: 'organizations' });
    return node;
  },
  'organizations.search': (input, ctx) => searchOrgs(ctx.db, input.query, input.limit),
  'organizations.exportXlsx': async (_input, ctx) => {
    const bytes = await exportOrganizationsXlsx(ctx.db);
    const path = await ctx.host.chooseSavePath(`danh-muc-don-vi-${todayIso()}.xlsx`, [{ name: 'Excel', extensions: ['xlsx'] }]);
    if (path) await writeFile(path, bytes);
    return { path };
  },
  'organizations.importXlsx': async (input, ctx) => {
    const bytes = Buffer.from(input.dataBase64, 'base64');
    // The file is checked completely first; only a valid file earns a backup and a write.
    const summary = await importOrganizationsXlsx(ctx.db, bytes, async () => {
      await backupDatabase(ctx.store.sqlite, ctx.backupsDir, 'truoc-nhap');
    });
    ctx.emit('data.changed', { area: 'organizations' });
    return summary;
  },
} satisfies AreaHandlers<'organizations.'>;
