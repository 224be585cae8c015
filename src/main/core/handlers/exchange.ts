import { writeFile } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import { backupDatabase } from '../db/backup';
import { listJournal } from '../exchange/journal';
import { undoImport } from '../exchange/undo';
import { inspectKeyFile, listPartners, ownKeyFile, ownKeyView, trustKeyFile } from '../exchange/keys';
import { listKinds } from '../exchange/kinds';
import { applyPreviewed, currentOffice, exportPackage, officeKeys, previewPackage } from '../exchange/service';
import type { AreaHandlers } from '../registry';

const bytesOf = (b64: string) => Buffer.from(b64, 'base64');

export const exchangeHandlers = {
  'exchange.ownKey': async (_input, ctx) => ownKeyView(ctx.store.sqlite, officeKeys(ctx), await currentOffice(ctx)),
  'exchange.exportKey': async (_input, ctx) => {
    const office = await currentOffice(ctx);
    const file = ownKeyFile(ctx.store.sqlite, officeKeys(ctx), office);
    const path = await ctx.host.chooseSavePath(`khoa-${file.fingerprint.slice(0, 4).toLowerCase()}.tdkt-key`, [{ name: 'Tệp khóa trao đổi', extensions: ['tdkt-key'] }]);
    if (path) await writeFile(path, JSON.stringify(file, null, 2));
    return { path };
  },
  'exchange.inspectKey': async (input, ctx) => inspectKeyFile(ctx.store.sqlite, bytesOf(input.dataBase64), (await currentOffice(ctx)).id),
  'exchange.trustKey': async (input, ctx) => {
    const office = await currentOffice(ctx);
    const bytes = bytesOf(input.dataBase64);
    trustKeyFile(ctx.store.sqlite, bytes, input.fingerprint, office.id);
    const id = inspectKeyFile(ctx.store.sqlite, bytes, office.id).officeId;
    ctx.emit('data.changed', { area: 'exchange' });
    return listPartners(ctx.store.sqlite, office.id).find((p) => p.officeId === id)!;
  },
  'exchange.partners': async (_input, ctx) => listPartners(ctx.store.sqlite, (await currentOffice(ctx)).id),
  'exchange.kinds': (_input, ctx) => listKinds(ctx.store.sqlite),
  'exchange.export': (input, ctx) => exportPackage(ctx, input),
  'exchange.preview': (input, ctx) => previewPackage(ctx, bytesOf(input.dataBase64)),
  'exchange.apply': (input, ctx) => applyPreviewed(ctx, input.token),
  'exchange.journal': (_input, ctx) => listJournal(ctx.store.sqlite),
  'exchange.undo': async (input, ctx) => {
    const exists = ctx.store.sqlite.prepare('SELECT 1 FROM exchange_imports WHERE id = ?').get(input.importId);
    if (!exists) throw new AppError('NOT_FOUND', 'Không tìm thấy lần nhập gói này trong nhật ký.');
    await backupDatabase(ctx.store.sqlite, ctx.backupsDir, 'truoc-nhap');
    const result = undoImport(ctx.store.sqlite, input.importId);
    ctx.emit('data.changed', { area: 'all' });
    return result;
  },
} satisfies AreaHandlers<'exchange.'>;
