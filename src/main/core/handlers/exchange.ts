import { AppError } from '../../../shared/errors';
import type { RotatedKey } from '../../../shared/schemas/exchange';
import type { Ctx } from '../context';
import { backupDatabase } from '../db/backup';
import { listJournal } from '../exchange/journal';
import { undoImport } from '../exchange/undo';
import { acceptRotation, prepareRotation, revokePartnerKey, switchOwnKey } from '../exchange/key-rotation';
import { acceptRevocation, prepareRevocation } from '../exchange/key-revocation';
import { importSecretKey, sealSecretKey } from '../exchange/key-transfer';
import type { StoredKey } from '../exchange/key-store';
import { inspectKeyFile, listPartners, ownKey, ownKeyFile, ownKeyView, trustKeyFile, type OfficeRef } from '../exchange/keys';
import { listKinds } from '../exchange/kinds';
import { applyPreviewed, checkPackage, currentOffice, exportPackage, officeKeys, storePreview } from '../exchange/service';
import { mutator, ownTransactionMutator, stagedMutator, type AreaHandlers } from '../registry';
import { OWN_RECORD, ownershipOf } from '../services/ownership';
import { saveFile } from '../util/save-file';

const bytesOf = (b64: string) => Buffer.from(b64, 'base64');

/**
 * A rotation or a revocation of this office's key: the statement is saved where the clerk chooses first (the
 * partners must be able to follow), and only then does the office sign with its next key; cancelled, nothing changes.
 */
async function saveThenSwitch(
  ctx: Ctx,
  office: OfficeRef,
  s: { fileName: string; label: string; reason: 'rotated' | 'revoked'; file: unknown; next: StoredKey; nextFingerprint: string },
): Promise<RotatedKey> {
  const path = await ctx.host.chooseSavePath(s.fileName, [{ name: s.label, extensions: ['tdkt-key'] }]);
  if (!path) return { path: null, fingerprint: ownKey(ctx.store.sqlite, officeKeys(ctx), office.id).fingerprint };
  await saveFile(path, JSON.stringify(s.file, null, 2));
  switchOwnKey(ctx.store.sqlite, officeKeys(ctx), office, s.next, s.reason);
  return { path, fingerprint: s.nextFingerprint };
}

export const exchangeHandlers = {
  'exchange.ownKey': async (_input, ctx) => ownKeyView(ctx.store.sqlite, officeKeys(ctx), await currentOffice(ctx)),
  'exchange.exportKey': async (_input, ctx) => {
    const office = await currentOffice(ctx);
    const file = ownKeyFile(ctx.store.sqlite, officeKeys(ctx), office);
    const path = await ctx.host.chooseSavePath(`khoa-${file.fingerprint.slice(0, 4).toLowerCase()}.tdkt-key`, [{ name: 'Tệp khóa trao đổi', extensions: ['tdkt-key'] }]);
    if (path) await saveFile(path, JSON.stringify(file, null, 2));
    return { path };
  },
  'exchange.inspectKey': async (input, ctx) => inspectKeyFile(ctx.store.sqlite, bytesOf(input.dataBase64), (await currentOffice(ctx)).id),
  'exchange.trustKey': mutator('exchange', async (input, ctx) => {
    const office = await currentOffice(ctx);
    const bytes = bytesOf(input.dataBase64);
    trustKeyFile(ctx.store.sqlite, bytes, input.fingerprint, office.id);
    const id = inspectKeyFile(ctx.store.sqlite, bytes, office.id).officeId;
    return listPartners(ctx.store.sqlite, office.id).find((p) => p.officeId === id)!;
  }),
  'exchange.partners': async (_input, ctx) => listPartners(ctx.store.sqlite, (await currentOffice(ctx)).id),
  'exchange.exportSecretKey': async (input, ctx) => {
    const office = await currentOffice(ctx);
    const key = ownKey(ctx.store.sqlite, officeKeys(ctx), office.id);
    const stored = officeKeys(ctx).read()!;
    const path = await ctx.host.chooseSavePath(`khoa-bi-mat-${key.fingerprint.slice(0, 4).toLowerCase()}.tdkt-secret`, [{ name: 'Tệp khóa bí mật (có mật khẩu)', extensions: ['tdkt-secret'] }]);
    if (path) await saveFile(path, JSON.stringify(sealSecretKey(stored, office, key.fingerprint, input.passphrase), null, 2), { mode: 0o600 });
    return { path };
  },
  'exchange.importSecretKey': mutator('exchange', async (input, ctx) => {
    const office = await currentOffice(ctx);
    importSecretKey(ctx.store.sqlite, officeKeys(ctx), office, bytesOf(input.dataBase64), input.passphrase);
    return ownKeyView(ctx.store.sqlite, officeKeys(ctx), office);
  }),
  // The key file is written between the statement and the identity row: the rotation owns its steps.
  'exchange.rotateKey': ownTransactionMutator('exchange', async (_input, ctx) => {
    const office = await currentOffice(ctx);
    const rotation = prepareRotation(ownKey(ctx.store.sqlite, officeKeys(ctx), office.id), office);
    return saveThenSwitch(ctx, office, { fileName: `doi-khoa-${rotation.nextFingerprint.slice(0, 4).toLowerCase()}.tdkt-key`, label: 'Thông báo đổi khóa', reason: 'rotated', ...rotation });
  }),
  'exchange.revokeOwnKey': ownTransactionMutator('exchange', async (input, ctx) => {
    const office = await currentOffice(ctx);
    const revocation = prepareRevocation(ownKey(ctx.store.sqlite, officeKeys(ctx), office.id), office, input.reason);
    return saveThenSwitch(ctx, office, { fileName: `thu-hoi-khoa-${revocation.revokedFingerprint.slice(0, 4).toLowerCase()}.tdkt-key`, label: 'Thông báo thu hồi khóa', reason: 'revoked', ...revocation });
  }),
  'exchange.acceptRevocation': mutator('exchange', async (input, ctx) => {
    const office = await currentOffice(ctx);
    const { officeId } = acceptRevocation(ctx.store.sqlite, bytesOf(input.dataBase64), office.id);
    return listPartners(ctx.store.sqlite, office.id).find((p) => p.officeId === officeId)!;
  }),
  'exchange.acceptRotation': mutator('exchange', async (input, ctx) => {
    const office = await currentOffice(ctx);
    const { officeId } = acceptRotation(ctx.store.sqlite, bytesOf(input.dataBase64), office.id);
    return listPartners(ctx.store.sqlite, office.id).find((p) => p.officeId === officeId)!;
  }),
  'exchange.ownership': async (input, ctx) => (await ownershipOf(ctx.db, input.table, input.id)) ?? OWN_RECORD,
  'exchange.revokePartnerKey': mutator('exchange', async (input, ctx) => {
    const office = await currentOffice(ctx);
    revokePartnerKey(ctx.store.sqlite, input.officeId);
    return listPartners(ctx.store.sqlite, office.id);
  }),
  'exchange.kinds': (_input, ctx) => listKinds(ctx.store.sqlite),
  // Export and preview keep bookkeeping (what was sent to whom; the stored preview the dashboard lists).
  // Export opens a save dialog, whose path is remembered through the plain handle: no outer transaction.
  'exchange.export': ownTransactionMutator('exchange', (input, ctx) => exportPackage(ctx, input)),
  // Checked outside the transaction (inflating and classifying 50,000 records must not hold the connection).
  'exchange.preview': stagedMutator(
    'exchange',
    (input, ctx) => checkPackage(ctx, bytesOf(input.dataBase64)),
    (checked, _input, ctx) => storePreview(ctx, checked),
  ),
  // Backup first, then one raw transaction with deferred foreign keys (exchange/transaction.ts).
  'exchange.apply': ownTransactionMutator('all', (input, ctx) => applyPreviewed(ctx, input.token)),
  'exchange.journal': (_input, ctx) => listJournal(ctx.store.sqlite),
  'exchange.undo': ownTransactionMutator('all', async (input, ctx) => {
    const exists = ctx.store.sqlite.prepare('SELECT 1 FROM exchange_imports WHERE id = ?').get(input.importId);
    if (!exists) throw new AppError('NOT_FOUND', 'Không tìm thấy lần nhập gói này trong nhật ký.');
    await backupDatabase(ctx.store.sqlite, ctx.backupsDir, 'truoc-nhap');
    return undoImport(ctx.store.sqlite, input.importId);
  }),
} satisfies AreaHandlers<'exchange.'>;
