import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readRecord, type WireRecord } from '../../src/main/core/exchange/records';
import { inflateEntry, readZipDirectory } from '../../src/main/core/exchange/safe-unzip';
import { TABLE_SPECS } from '../../src/main/core/exchange/tables';
import { writeZip } from '../../src/main/core/exchange/zip-write';
import type { TestCore } from '../helpers/core';
import { dumpAll, receive, send, upload } from '../helpers/exchange';
import { chainPerTest, forge, type Chain } from '../helpers/exchange-chain';
import { SEED_MOVEMENT, seedPlanBody } from '../helpers/seed-plan';

/**
 * The trust model with the whole hierarchy in one test: central > province > district > grassroots.
 * Every record has one owning office and may travel only along its owner's path; a kind comes from one side.
 */
const { chain } = chainPerTest();

const record = (core: TestCore, table: string, id: string): WireRecord => structuredClone(readRecord(core.app.store.sqlite, TABLE_SPECS[table], id)!);

/** The central level issues plan No. 31 and it reaches the province, then the district (one relay hop). */
async function issuedPlanDown(c: Chain) {
  const movement = await c.central.call('movements.save', { ...SEED_MOVEMENT, occasionIds: [] });
  const draft = await c.central.call('plans.create', { movementId: movement.id });
  await c.central.call('plans.save', { id: draft.id, subject: 'Phát động thi đua năm 2020', body: seedPlanBody() });
  await c.central.call('plans.issue', { id: draft.id, date: '2019-11-13', number: 31 });
  const toProvince = await receive(c.province, await send(c.central, c.ids.province, { kind: 'plan' }));
  expect(toProvince.preview.counts.refused, JSON.stringify(toProvince.preview.rows)).toBe(0);
  return { movement, planId: draft.id };
}

describe('exchange trust: direction and owner path', () => {
  it('refuses a plan forged by the district and sent up; the central level’s genuine packages still apply', async () => {
    const c = await chain();
    const { movement, planId } = await issuedPlanDown(c);
    const relayed = await receive(c.district, await send(c.province, c.ids.district, { kind: 'plan' }));
    expect(relayed.preview.counts.refused).toBe(0);
    expect(record(c.district, 'plans', planId).row.owner_id).toBe(c.ids.central);

    // The district re-signs the central plan with a new subject and revision + 7 and sends it up.
    const plan = record(c.district, 'plans', planId);
    plan.row.subject = 'Kế hoạch do huyện sửa';
    plan.row.revision = (plan.row.revision as number) + 7;
    const before = dumpAll(c.province);
    for (const kind of ['plan', 'registrations'] as const) {
      const err = await c.province.fail('exchange.preview', upload(forge(c.district, c.ids.district, c.ids.province, kind, [{ table: 'plans', records: [plan] }])));
      expect(err.code).toBe('BAD_FILE');
      expect(err.message).toMatch(kind === 'plan' ? /chỉ được gửi từ cấp trên xuống/ : /không được chứa tệp/);
    }
    expect((await c.district.fail('exchange.export', { kind: 'plan', receiverId: c.ids.province })).message).toMatch(/chỉ gửi xuống cấp dưới/);
    expect(dumpAll(c.province)).toBe(before);

    // The owner’s next genuine change is applied as a change, not ignored as older.
    await c.central.call('movements.save', { ...SEED_MOVEMENT, id: movement.id, name: 'Phong trào thi đua yêu nước năm 2020 (sửa)', occasionIds: [] });
    const genuine = await receive(c.province, await send(c.central, c.ids.province, { kind: 'plan' }));
    expect(genuine.preview.counts.changed).toBe(1);
    expect((await c.province.call('movements.get', { id: movement.id })).name).toBe('Phong trào thi đua yêu nước năm 2020 (sửa)');
  });

  it('refuses records of an invented owner, of a unit outside the sender’s subtree, and a down-only kind sent up', async () => {
    const c = await chain();
    const now = new Date().toISOString();
    const person = (owner: string, name: string): WireRecord => ({
      row: { id: randomUUID(), owner_id: owner, revision: 1, deleted_at: null, organization_id: null, full_name: name, birth_year: 1980, gender: 'nu', position: '', created_at: now, updated_at: now },
      children: {},
    });
    const invented = person(randomUUID(), 'Người của đơn vị bịa');
    const province = person(c.ids.province, 'Người của tỉnh');
    const own = person(c.ids.grassroots, 'Người của công đoàn cơ sở');
    const before = dumpAll(c.district);
    const bytes = forge(c.grassroots, c.ids.grassroots, c.ids.district, 'registrations', [{ table: 'people', records: [invented, province, own] }]);
    const preview = await c.district.call('exchange.preview', upload(bytes));
    const reasons = new Map(preview.rows.map((r) => [r.id, r]));
    expect(reasons.get(invented.row.id as string)).toMatchObject({ status: 'refused', reason: expect.stringMatching(/không có trong danh mục/) });
    expect(reasons.get(province.row.id as string)).toMatchObject({ status: 'refused', reason: expect.stringMatching(/không trực thuộc đơn vị gửi/) });
    expect(reasons.get(own.row.id as string)?.status).toBe('new');
    await c.district.call('exchange.apply', { token: preview.token });
    const ids = c.district.app.store.sqlite.prepare('SELECT id FROM people').pluck().all();
    expect(ids).toEqual([own.row.id]);

    // A directory (down only) sent up by the district: refused whole, nothing written.
    const unit = record(c.district, 'organizations', c.ids.grassroots);
    unit.row.revision = 9;
    const provinceBefore = dumpAll(c.province);
    const up = await c.province.fail('exchange.preview', upload(forge(c.district, c.ids.district, c.ids.province, 'directory', [{ table: 'organizations', records: [unit] }])));
    expect(up.message).toMatch(/Danh mục đơn vị.*chỉ được gửi từ cấp trên xuống/);
    expect(dumpAll(c.province)).toBe(provinceBefore);
    // and registrations sent down by the province to the district
    const down = await c.district.fail('exchange.preview', upload(forge(c.province, c.ids.province, c.ids.district, 'registrations', [{ table: 'people', records: [person(c.ids.province, 'X')] }])));
    expect(down.message).toMatch(/chỉ được gửi từ cấp dưới lên/);
    expect(before).not.toBe(dumpAll(c.district)); // only the one genuine person was added
  });
});

describe('exchange trust: structural checks', () => {
  it('refuses a parent cycle and a self-parent even from the upper level; the tree stays as it was', async () => {
    const c = await chain();
    const sqlite = c.district.app.store.sqlite;
    const tree = () => JSON.stringify(sqlite.prepare('SELECT id, parent_id FROM organizations ORDER BY id').all());
    const before = tree();
    // District under its own grassroots union (a cycle through a row already here), and a unit its own parent.
    const district = record(c.district, 'organizations', c.ids.district);
    district.row.parent_id = c.ids.grassroots;
    district.row.revision = 5;
    const grassroots = record(c.district, 'organizations', c.ids.grassroots);
    grassroots.row.parent_id = c.ids.grassroots;
    grassroots.row.revision = 5;
    const bytes = forge(c.province, c.ids.province, c.ids.district, 'directory', [{ table: 'organizations', records: [district, grassroots] }]);
    const { preview } = await receive(c.district, bytes);
    expect(preview.counts.refused).toBe(2);
    expect(preview.rows.every((r) => /vòng lặp/.test(r.reason ?? ''))).toBe(true);
    expect(tree()).toBe(before);

    // A two-unit loop made only of new rows is refused too.
    const a = structuredClone(district);
    const b = structuredClone(district);
    const [idA, idB] = [randomUUID(), randomUUID()];
    Object.assign(a.row, { id: idA, code: 'DVLOOPA1', owner_id: c.ids.province, parent_id: idB, revision: 1 });
    a.children.organization_names = a.children.organization_names.map((n) => ({ ...n, organization_id: a.row.id }));
    Object.assign(b.row, { id: idB, code: 'DVLOOPB1', owner_id: c.ids.province, parent_id: idA, revision: 1 });
    b.children.organization_names = b.children.organization_names.map((n) => ({ ...n, organization_id: b.row.id }));
    const loop = await receive(c.district, forge(c.province, c.ids.province, c.ids.district, 'directory', [{ table: 'organizations', records: [a, b] }]));
    expect(loop.preview.counts).toMatchObject({ new: 0, refused: 2 });
    expect(tree()).toBe(before);
  });

  it('keeps an issued plan immutable at the receiver, even against its own issuer', async () => {
    const c = await chain();
    const { planId } = await issuedPlanDown(c);
    const plan = record(c.province, 'plans', planId);
    plan.row.subject = 'Trích yếu viết lại sau khi ban hành';
    plan.row.revision = (plan.row.revision as number) + 1;
    const before = dumpAll(c.province);
    const { preview } = await receive(c.province, forge(c.central, c.ids.central, c.ids.province, 'plan', [{ table: 'plans', records: [plan] }]));
    expect(preview.rows[0]).toMatchObject({ status: 'refused', reason: expect.stringMatching(/Kế hoạch đã ban hành/) });
    const after = dumpAll(c.province);
    expect(after.replace(/exchange_imports[\s\S]*?\n\n/, '')).toBe(before.replace(/exchange_imports[\s\S]*?\n\n/, ''));
    expect(record(c.province, 'plans', planId).row.subject).toBe('Phát động thi đua năm 2020');
  });
});

describe('exchange trust: nothing is inflated before the signature', () => {
  it('refuses a data file whose stored bytes differ from the signed hashes without inflating it; a bad signature is refused first', async () => {
    const c = await chain();
    const genuine = await send(c.province, c.ids.district, { kind: 'directory', full: true });
    const dir = readZipDirectory(genuine, () => true);
    const manifest = inflateEntry(dir.get('manifest.json')!);
    const signature = inflateEntry(dir.get('signature.sig')!);
    const name = 'data/organizations.ndjson';
    const data = inflateEntry(dir.get(name)!);
    // Same declared sizes, stored bytes that are not even a deflate stream: inflating them would fail loudly.
    const garbage = randomBytes(dir.get(name)!.size);
    const before = dumpAll(c.district);
    const swapped = writeZip([{ name: 'manifest.json', data: manifest }, { name: 'signature.sig', data: signature }, { name, data, deflated: garbage }]);
    expect((await c.district.fail('exchange.preview', upload(swapped))).message).toMatch(/sai mã kiểm tra SHA-256/);
    const badSignature = Buffer.from(signature);
    badSignature[10] ^= 1;
    const unsigned = writeZip([{ name: 'manifest.json', data: manifest }, { name: 'signature.sig', data: badSignature }, { name, data, deflated: garbage }]);
    expect((await c.district.fail('exchange.preview', upload(unsigned))).message).toMatch(/Chữ ký số của gói không hợp lệ/);
    expect(dumpAll(c.district)).toBe(before);
    // The genuine package itself is fine.
    expect((await c.district.call('exchange.preview', upload(genuine))).counts.refused).toBe(0);
  });
});

describe('exchange trust: records owned by another office are read-only', () => {
  it('refuses the district’s rename of a unit the province maintains; the province’s own rename then arrives as a change', async () => {
    const c = await chain();
    const before = dumpAll(c.district);
    for (const id of [c.ids.district, c.ids.grassroots]) {
      const err = await c.district.fail('organizations.rename', { id, validFrom: '2026-01-01', name: 'Tên do huyện tự sửa' });
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toMatch(/do “Liên đoàn Lao động tỉnh Bắc Kạn” quản lý/);
    }
    expect((await c.district.fail('organizations.move', { id: c.ids.grassroots, newParentId: null })).message).toMatch(/chỉ xem/);
    expect(dumpAll(c.district)).toBe(before);

    await c.province.call('organizations.rename', { id: c.ids.district, validFrom: '2026-01-01', name: 'Liên đoàn Lao động huyện Chợ Mới mới' });
    const { preview } = await receive(c.district, await send(c.province, c.ids.district, { kind: 'directory' }));
    expect(preview.rows.find((r) => r.id === c.ids.district)?.status).toBe('changed');
    expect((await c.district.call('organizations.get', { id: c.ids.district })).names.map((n) => n.name)).toContain('Liên đoàn Lao động huyện Chợ Mới mới');
    // The district still maintains what it makes itself.
    const team = await c.district.call('organizations.create', { parentId: c.ids.grassroots, level: 'member', name: 'Công đoàn bộ phận Tổ Toán' });
    await c.district.call('organizations.rename', { id: team.id, validFrom: '2026-01-01', name: 'Công đoàn bộ phận Tổ Toán - Tin' });
  });

  it('refuses edits of a plan and a movement received from above, and of a registration a lower unit sent up', async () => {
    const c = await chain();
    const { movement, planId } = await issuedPlanDown(c);
    const planErr = await c.province.fail('plans.save', { id: planId, movementId: movement.id, subject: 'Sửa', plannedDate: null, body: seedPlanBody() });
    expect(planErr.message).toMatch(/do “Tổng Liên đoàn Lao động Việt Nam” quản lý/);
    expect((await c.province.fail('movements.delete', { id: movement.id })).message).toMatch(/chỉ xem/);

    await receive(c.district, await send(c.province, c.ids.district, { kind: 'plan' }));
    await receive(c.grassroots, await send(c.district, c.ids.grassroots, { kind: 'plan' }));
    const reg = await c.grassroots.call('registrations.save', { movementId: movement.id, phaseId: null, organizationId: c.ids.grassroots, commitments: 'Hoàn thành xuất sắc nhiệm vụ', individuals: [], works: [] });
    const up = await receive(c.district, await send(c.grassroots, c.ids.district, { kind: 'registrations', movementId: movement.id }));
    expect(up.preview.counts.refused, JSON.stringify(up.preview.rows)).toBe(0);
    const err = await c.district.fail('registrations.delete', { id: reg.id });
    expect(err.message).toMatch(/do “Công đoàn Trường THCS Chợ Mới” quản lý/);
  });
});

describe('exchange trust: relay along the chain', () => {
  it('carries the central plan down two hops and a grassroots registration up two hops, each hop verified, idempotent, origin kept', async () => {
    const c = await chain();
    const { movement, planId } = await issuedPlanDown(c);
    // Down: province → district → grassroots; the plan stays the central level's record everywhere.
    for (const [from, to, toId] of [[c.province, c.district, c.ids.district], [c.district, c.grassroots, c.ids.grassroots]] as const) {
      const bytes = await send(from, toId, { kind: 'plan' });
      const { preview } = await receive(to, bytes);
      expect(preview.counts.refused, JSON.stringify(preview.rows)).toBe(0);
      expect(record(to, 'plans', planId).row).toMatchObject({ owner_id: c.ids.central, issuer_id: c.ids.central, subject: 'Phát động thi đua năm 2020' });
      expect((await to.fail('exchange.preview', upload(bytes))).message).toMatch(/đã được nhập/);
      expect((await to.call('exchange.preview', upload(await send(from, toId, { kind: 'plan', full: true })))).counts).toMatchObject({ new: 0, changed: 0, refused: 0 });
    }
    expect(record(c.grassroots, 'plans', planId)).toEqual(record(c.central, 'plans', planId));

    // Up: grassroots → district → province; the registration stays the grassroots union's record.
    const reg = await c.grassroots.call('registrations.save', { movementId: movement.id, phaseId: null, organizationId: c.ids.grassroots, commitments: 'Dạy tốt, học tốt', individuals: [], works: [] });
    for (const [from, to, toId] of [[c.grassroots, c.district, c.ids.district], [c.district, c.province, c.ids.province]] as const) {
      const bytes = await send(from, toId, { kind: 'registrations', movementId: movement.id });
      const { preview } = await receive(to, bytes);
      expect(preview.counts, JSON.stringify(preview.rows)).toMatchObject({ new: 1, refused: 0 });
      expect(record(to, 'registrations', reg.id).row).toMatchObject({ owner_id: c.ids.grassroots, organization_id: c.ids.grassroots, commitments: 'Dạy tốt, học tốt' });
      expect((await to.call('exchange.preview', upload(await send(from, toId, { kind: 'registrations', movementId: movement.id, full: true })))).counts).toMatchObject({ new: 0, changed: 0, refused: 0 });
    }
    // The relay cannot raise what it forwards: the district's copy is read-only, and a forged higher revision
    // of a record outside its subtree is refused at the province.
    expect((await c.district.fail('registrations.delete', { id: reg.id })).code).toBe('CONFLICT');
    const forged = record(c.district, 'registrations', reg.id);
    forged.row.owner_id = c.ids.province;
    forged.row.organization_id = c.ids.province;
    forged.row.revision = 40;
    const { preview } = await receive(c.province, forge(c.district, c.ids.district, c.ids.province, 'registrations', [{ table: 'registrations', records: [forged] }]));
    expect(preview.rows[0]).toMatchObject({ status: 'refused' });
    expect(record(c.province, 'registrations', reg.id).row.revision).toBe(record(c.grassroots, 'registrations', reg.id).row.revision);
  });
});

describe('exchange trust: a relay cannot take over what it forwards', () => {
  it('refuses a registration the district re-labels as its own, and keeps the grassroots union as owner', async () => {
    const c = await chain();
    const { movement } = await issuedPlanDown(c);
    await receive(c.district, await send(c.province, c.ids.district, { kind: 'plan' }));
    await receive(c.grassroots, await send(c.district, c.ids.grassroots, { kind: 'plan' }));
    const reg = await c.grassroots.call('registrations.save', { movementId: movement.id, phaseId: null, organizationId: c.ids.grassroots, commitments: 'Gốc', individuals: [], works: [] });
    await receive(c.district, await send(c.grassroots, c.ids.district, { kind: 'registrations', movementId: movement.id }));
    await receive(c.province, await send(c.district, c.ids.province, { kind: 'registrations', movementId: movement.id }));
    const hijack = record(c.district, 'registrations', reg.id);
    Object.assign(hijack.row, { owner_id: c.ids.district, organization_id: c.ids.district, commitments: 'Huyện sửa', revision: 50 });
    const { preview } = await receive(c.province, forge(c.district, c.ids.district, c.ids.province, 'registrations', [{ table: 'registrations', records: [hijack] }]));
    expect(preview.rows[0]).toMatchObject({ status: 'refused', reason: expect.stringMatching(/khác với bản đang có/) });
    expect(record(c.province, 'registrations', reg.id).row).toMatchObject({ owner_id: c.ids.grassroots, commitments: 'Gốc' });
  });
});
