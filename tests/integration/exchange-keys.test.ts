import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../src/main/core/app';
import type { TestCore } from '../helpers/core';
import { startCore } from '../helpers/core';
import { prepareRotation } from '../../src/main/core/exchange/key-rotation';
import { toOwnKey } from '../../src/main/core/exchange/keys';
import { cloneOffice, dump, receive, send, upload } from '../helpers/exchange';
import { chainPerTest, forge, officeKey } from '../helpers/exchange-chain';

/** Keys out of the database and its backups; moving an office to a new PC; rotation and revocation. */
const { opened, chain } = chainPerTest();

const keyFile = (core: TestCore) => join(core.dir, 'khoa', 'khoa-ky-don-vi.json');
const b64 = (path: string) => readFileSync(path).toString('base64');

describe('exchange keys: out of the database and the backups', () => {
  it('moves the private key of an existing database to the key store at start, wiping it from the file and the older backups', async () => {
    const c = await chain();
    const province = c.province;
    const key = officeKey(province, c.ids.province);
    const pkcs8 = key.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    // As a database made by the previous version: the key in the row, no key file, a backup holding it.
    province.app.store.sqlite.prepare('UPDATE exchange_identity SET private_key = ? WHERE id = 1').run(pkcs8);
    rmSync(keyFile(province));
    await province.call('backup.create', {});
    const dir = province.dir;
    await province.app.close();
    const reopened = await startCore(dir);
    opened.splice(opened.indexOf(province), 1, reopened);

    expect(existsSync(keyFile(reopened))).toBe(true);
    if (process.platform !== 'win32') expect(statSync(keyFile(reopened)).mode & 0o777).toBe(0o600);
    expect(reopened.app.store.sqlite.prepare('SELECT private_key FROM exchange_identity').pluck().get()).toBe('');
    expect((await reopened.call('exchange.ownKey', {})).fingerprint).toBe(key.fingerprint);
    const files = [join(dir, DB_FILE_NAME), ...readdirSync(join(dir, 'backups')).map((f) => join(dir, 'backups', f))];
    for (const f of files) expect(readFileSync(f).includes(Buffer.from(pkcs8)), f).toBe(false);
    // and the district still accepts what the province signs
    const { preview } = await receive(c.district, await send(reopened, c.ids.district, { kind: 'directory', full: true }));
    expect(preview.senderFingerprint).toBe(key.fingerprint);
  });

  it('exports the key with a passphrase and imports it on a new PC; a wrong passphrase or another office is refused', async () => {
    const c = await chain();
    const before = (await c.province.call('exchange.ownKey', {})).fingerprint;
    expect((await c.province.fail('exchange.exportSecretKey', { passphrase: 'ngan' })).message).toMatch(/ít nhất 10 ký tự/);
    const { path } = await c.province.call('exchange.exportSecretKey', { passphrase: 'Mật khẩu dài của tỉnh 2026' });
    const secret = readFileSync(path!, 'utf8');
    expect(secret).not.toContain(officeKey(c.province, c.ids.province).privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'));

    // The new PC: the database restored from a backup copy, no key file.
    const newPc = await cloneOffice(c.province);
    opened.push(newPc);
    expect(existsSync(keyFile(newPc))).toBe(false);
    const wrong = await newPc.fail('exchange.importSecretKey', { fileName: 'k.tdkt-secret', dataBase64: b64(path!), passphrase: 'sai mật khẩu rồi' });
    expect(wrong.message).toMatch(/Mật khẩu không đúng/);
    const other = await c.district.fail('exchange.importSecretKey', { fileName: 'k.tdkt-secret', dataBase64: b64(path!), passphrase: 'Mật khẩu dài của tỉnh 2026' });
    expect(other.message).toMatch(/không phải của đơn vị đang dùng/);
    const view = await newPc.call('exchange.importSecretKey', { fileName: 'k.tdkt-secret', dataBase64: b64(path!), passphrase: 'Mật khẩu dài của tỉnh 2026' });
    expect(view.fingerprint).toBe(before);
    const { preview } = await receive(c.district, await send(newPc, c.ids.district, { kind: 'directory', full: true }));
    expect(preview.senderFingerprint).toBe(before);
  });
});

describe('exchange keys: rotation and revocation', () => {
  it('announces a new key signed by the old one; the old key is refused from then on', async () => {
    const c = await chain();
    const oldKey = officeKey(c.province, c.ids.province);
    const oldPackage = forge(c.province, c.ids.province, c.ids.district, 'directory', []);
    const rotated = await c.province.call('exchange.rotateKey', {});
    expect(rotated.fingerprint).not.toBe(oldKey.fingerprint);
    expect((await c.province.call('exchange.ownKey', {})).fingerprint).toBe(rotated.fingerprint);

    // Before the district learns of it, a package with the new key is refused as an unknown key.
    const fresh = await send(c.province, c.ids.district, { kind: 'directory', full: true });
    expect((await c.district.fail('exchange.preview', upload(fresh))).message).toMatch(/đã thay đổi/);
    // A tampered statement changes nothing.
    const statement = JSON.parse(readFileSync(rotated.path!, 'utf8')) as { statement: string; signatures: { previous: string; next: string } };
    const tampered = { ...statement, statement: statement.statement.replace('Bắc Kạn', 'Thái Nguyên') };
    expect((await c.district.fail('exchange.acceptRotation', upload(Buffer.from(JSON.stringify(tampered))))).message).toMatch(/chữ ký số không đúng/);
    const partner = await c.district.call('exchange.acceptRotation', upload(readFileSync(rotated.path!)));
    expect(partner.fingerprint).toBe(rotated.fingerprint);
    expect((await c.district.call('exchange.preview', upload(fresh))).counts.refused).toBe(0);
    const old = await c.district.fail('exchange.preview', upload(oldPackage));
    expect(old.message).toMatch(/được thay bằng khóa mới/);
    // The retired key file cannot be trusted again by hand.
    const oldKeyFile = { format: 'tdkt-key', formatVersion: 1, office: { id: c.ids.province, name: 'LĐLĐ tỉnh Bắc Kạn', level: 'province' }, publicKey: oldKey.publicKey, fingerprint: oldKey.fingerprint, created: oldKey.createdAt };
    const again = await c.district.fail('exchange.trustKey', { ...upload(Buffer.from(JSON.stringify(oldKeyFile)), 'k.tdkt-key'), fingerprint: oldKey.fingerprint });
    expect(again.message).toMatch(/không thể tin cậy lại/);
  });

  it('a revoked partner key is refused, cannot announce a rotation, and a newly confirmed key works', async () => {
    const c = await chain();
    const before = await send(c.district, c.ids.grassroots, { kind: 'directory', full: true });
    const partners = await c.grassroots.call('exchange.revokePartnerKey', { officeId: c.ids.district });
    expect(partners.find((p) => p.officeId === c.ids.district)?.keyRevokedAt).toBeTruthy();
    expect((await c.grassroots.fail('exchange.preview', upload(before))).message).toMatch(/bị thu hồi/);

    const rotated = await c.district.call('exchange.rotateKey', {});
    expect((await c.grassroots.fail('exchange.acceptRotation', upload(readFileSync(rotated.path!)))).message).toMatch(/đã bị thu hồi/);
    // The clerk confirms the new key by phone: packages flow again.
    const { path } = await c.district.call('exchange.exportKey', {});
    const file = { fileName: 'k.tdkt-key', dataBase64: b64(path!) };
    const view = await c.grassroots.call('exchange.inspectKey', file);
    await c.grassroots.call('exchange.trustKey', { ...file, fingerprint: view.fingerprint });
    const after = await receive(c.grassroots, await send(c.district, c.ids.grassroots, { kind: 'directory', full: true }));
    expect(after.preview.senderFingerprint).toBe(rotated.fingerprint);
  });
});

describe('exchange keys: an office revokes its own key', () => {
  const notice = (path: string) => upload(readFileSync(path), 'thu-hoi.tdkt-key');
  const retired = (core: TestCore) => core.app.store.sqlite.prepare('SELECT fingerprint, reason FROM exchange_revoked_keys ORDER BY fingerprint').all();

  it('announces it to both adjacent levels; the key is refused there, previews made with it too; the new key needs the phone', async () => {
    const c = await chain();
    const oldKey = officeKey(c.district, c.ids.district);
    const toGrassroots = await send(c.district, c.ids.grassroots, { kind: 'directory', full: true });
    const pending = await c.grassroots.call('exchange.preview', upload(toGrassroots));

    const revoked = await c.district.call('exchange.revokeOwnKey', { reason: 'Máy tính của văn phòng bị mất' });
    expect(revoked.fingerprint).not.toBe(oldKey.fingerprint);
    expect((await c.district.call('exchange.ownKey', {})).fingerprint).toBe(revoked.fingerprint);
    expect(retired(c.district)).toEqual([{ fingerprint: oldKey.fingerprint, reason: 'revoked' }]);

    // A tampered notice (another reason) is refused; so is one naming a key nobody here knows, and one's own.
    const file = JSON.parse(readFileSync(revoked.path!, 'utf8')) as { statement: string; signature: string };
    const tampered = { ...file, statement: file.statement.replace('bị mất', 'vẫn còn') };
    expect((await c.grassroots.fail('exchange.acceptRevocation', upload(Buffer.from(JSON.stringify(tampered))))).message).toMatch(/chữ ký số không đúng/);
    expect(retired(c.grassroots)).toEqual([]);
    expect((await c.district.fail('exchange.acceptRevocation', notice(revoked.path!))).message).toMatch(/chính đơn vị mình/);
    expect((await c.central.fail('exchange.acceptRevocation', notice(revoked.path!))).message).toMatch(/Chưa tin cậy khóa nào/);

    for (const partner of [c.grassroots, c.province]) {
      const view = await partner.call('exchange.acceptRevocation', notice(revoked.path!));
      expect([view.fingerprint, Boolean(view.keyRevokedAt)]).toEqual([oldKey.fingerprint, true]);
      await partner.call('exchange.acceptRevocation', notice(revoked.path!)); // the same notice twice: no change
      expect(retired(partner)).toEqual([{ fingerprint: oldKey.fingerprint, reason: 'revoked' }]);
    }
    // Packages signed with the revoked key, whether new or already previewed, are refused; nothing is written.
    const before = dump(c.grassroots);
    expect((await c.grassroots.fail('exchange.preview', upload(toGrassroots))).message).toMatch(/bị thu hồi/);
    expect((await c.grassroots.fail('exchange.apply', { token: pending.token })).message).toMatch(/bị thu hồi/);
    const up = forge(c.district, c.ids.district, c.ids.province, 'registrations', [], oldKey);
    expect((await c.province.fail('exchange.preview', upload(up))).message).toMatch(/bị thu hồi/);
    expect(dump(c.grassroots)).toBe(before);

    // The new key is not taken from the notice: a package signed with it waits for the key file confirmed by phone.
    const fresh = await send(c.district, c.ids.grassroots, { kind: 'directory', full: true });
    await c.grassroots.fail('exchange.preview', upload(fresh));
    const { path } = await c.district.call('exchange.exportKey', {});
    const keyFile = { fileName: 'k.tdkt-key', dataBase64: b64(path!) };
    const view = await c.grassroots.call('exchange.inspectKey', keyFile);
    expect(view.fingerprint).toBe(revoked.fingerprint);
    await c.grassroots.call('exchange.trustKey', { ...keyFile, fingerprint: view.fingerprint });
    expect((await c.grassroots.call('exchange.preview', upload(fresh))).senderFingerprint).toBe(revoked.fingerprint);
  });

  it("a thief's rotation made with the stolen key is undone by the owner's revocation, and the thief cannot rotate again", async () => {
    const c = await chain();
    const office = { id: c.ids.district, name: 'Liên đoàn Lao động huyện Chợ Mới', level: 'upper' };
    const stolen = officeKey(c.district, c.ids.district);
    // The thief announces a key of its own, signed by the stolen key: a valid rotation, the CĐCS follows it.
    const theft = prepareRotation(stolen, office);
    await c.grassroots.call('exchange.acceptRotation', upload(Buffer.from(JSON.stringify(theft.file))));
    const thiefKey = toOwnKey(c.ids.district, theft.next);
    const byThief = forge(c.district, c.ids.district, c.ids.grassroots, 'directory', [], thiefKey);
    expect((await c.grassroots.call('exchange.preview', upload(byThief))).senderFingerprint).toBe(thiefKey.fingerprint);

    // The district learns its key was copied and revokes it: the key the stolen one rotated to goes too.
    const revoked = await c.district.call('exchange.revokeOwnKey', { reason: '' });
    await c.grassroots.call('exchange.acceptRevocation', upload(readFileSync(revoked.path!)));
    expect(retired(c.grassroots)).toEqual(
      [
        { fingerprint: stolen.fingerprint, reason: 'revoked' },
        { fingerprint: thiefKey.fingerprint, reason: 'revoked' },
      ].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)),
    );
    expect((await c.grassroots.fail('exchange.preview', upload(byThief))).message).toMatch(/bị thu hồi/);
    const again = prepareRotation(thiefKey, office);
    expect((await c.grassroots.fail('exchange.acceptRotation', upload(Buffer.from(JSON.stringify(again.file))))).message).toMatch(/thu hồi/);
    const partner = (await c.grassroots.call('exchange.partners', {})).find((p) => p.officeId === c.ids.district)!;
    expect(partner.keyRevokedAt).toBeTruthy();
  });
});

describe('exchange previews: stored in the database, bound to its generation', () => {
  const names = (core: TestCore) => core.app.store.sqlite.prepare('SELECT * FROM organization_names ORDER BY organization_id, valid_from').all();
  const pending = async (core: TestCore) => (await core.call('dashboard.summary', {})).packages.filter((p) => p.state !== 'undone').map((p) => [p.packageId, p.state]);
  const restart = async (core: TestCore): Promise<TestCore> => {
    await core.app.close();
    const next = await startCore(core.dir);
    opened.splice(opened.indexOf(core), 1, next);
    return next;
  };

  it('survive a restart; ANY restore, even back to exactly the state a preview saw, makes the clerk preview again', async () => {
    const c = await chain();
    const rename = (name: string) => c.province.call('organizations.rename', { id: c.ids.grassroots, validFrom: '2026-01-01', name });
    const early = await c.district.call('backup.create', {});
    await rename('Công đoàn Trường THCS Chợ Mới (1)');
    await receive(c.district, await send(c.province, c.ids.district, { kind: 'directory' }));
    await rename('Công đoàn Trường THCS Chợ Mới (2)');
    const pkg = await send(c.province, c.ids.district, { kind: 'directory' });
    const preview = await c.district.call('exchange.preview', upload(pkg));
    expect(preview.counts.changed).toBe(1);
    let district = await restart(c.district);
    expect(await pending(district)).toEqual([[preview.packageId, 'previewed']]);

    // A restore of a backup from before the preview: the preview is gone with it, nothing is applied.
    const withPreview = await district.call('backup.create', {});
    await district.call('backup.restore', { fileName: early.fileName });
    expect((await district.fail('exchange.apply', { token: preview.token })).message).toMatch(/xem trước/);
    // Back to exactly the state of the preview: still refused, as after a restart, and nothing is written.
    await district.call('backup.restore', { fileName: withPreview.fileName });
    const before = names(district);
    const stale = await district.fail('exchange.apply', { token: preview.token });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/khôi phục từ bản sao lưu.*xem trước lại/);
    district = await restart(district);
    expect((await district.fail('exchange.apply', { token: preview.token })).message).toMatch(/xem trước lại/);
    expect(names(district)).toEqual(before);
    // The dashboard still lists the package as received and not applied, and says to preview it again.
    expect(await pending(district)).toEqual([[preview.packageId, 'stale']]);

    // Previewed again: it replaces the stale one and applies (also after a restart) as previewed.
    const again = await district.call('exchange.preview', upload(pkg));
    expect(await pending(district)).toEqual([[preview.packageId, 'previewed']]);
    district = await restart(district);
    const applied = await district.call('exchange.apply', { token: again.token });
    expect(applied.counts).toEqual(again.counts);
    expect(applied.counts.changed).toBe(1);
    expect(await pending(district)).toEqual([]);
  });

  it('a change to the rows a preview classified refuses it without writing; a database file copied over from another generation is a restore too', async () => {
    const c = await chain();
    await c.province.call('organizations.rename', { id: c.ids.grassroots, validFrom: '2026-01-01', name: 'Công đoàn Trường THCS Chợ Mới (mới)' });
    const pkg = await send(c.province, c.ids.district, { kind: 'directory' });
    const preview = await c.district.call('exchange.preview', upload(pkg));
    const sameGeneration = await c.district.call('backup.create', {});
    c.district.app.store.sqlite.prepare('UPDATE organizations SET revision = revision + 1 WHERE id = ?').run(c.ids.grassroots);
    const before = names(c.district);
    const changed = await c.district.fail('exchange.apply', { token: preview.token });
    expect(changed.code).toBe('CONFLICT');
    expect(changed.message).toMatch(/đã thay đổi từ lúc xem trước/);
    expect(names(c.district)).toEqual(before);
    expect(await pending(c.district)).toEqual([[preview.packageId, 'previewed']]);

    // An in-app restore starts a new generation; then, app closed, a backup of the older generation is
    // copied over the database file by hand: at start it is seen as a restore as well.
    await c.district.call('backup.restore', { fileName: sameGeneration.fileName });
    await c.district.app.close();
    const file = join(c.district.dir, DB_FILE_NAME);
    for (const side of ['-wal', '-shm']) rmSync(file + side, { force: true });
    copyFileSync(join(c.district.dir, 'backups', sameGeneration.fileName), file);
    const district = await startCore(c.district.dir);
    opened.splice(opened.indexOf(c.district), 1, district);
    expect((await district.fail('exchange.apply', { token: preview.token })).message).toMatch(/khôi phục từ bản sao lưu/);
    expect(await pending(district)).toEqual([[preview.packageId, 'stale']]);
  });

  it('a database carried to a new PC as a backup copy does not bring its previews along; a data folder reopened in place does', async () => {
    const c = await chain();
    await c.province.call('organizations.rename', { id: c.ids.grassroots, validFrom: '2026-01-01', name: 'Công đoàn Trường THCS Chợ Mới (mới)' });
    const preview = await c.district.call('exchange.preview', upload(await send(c.province, c.ids.district, { kind: 'directory' })));
    const newPc = await cloneOffice(c.district);
    opened.push(newPc);
    expect((await newPc.fail('exchange.apply', { token: preview.token })).message).toMatch(/khôi phục từ bản sao lưu/);
    const district = await restart(c.district);
    expect((await district.call('exchange.apply', { token: preview.token })).counts).toEqual(preview.counts);
  });
});
