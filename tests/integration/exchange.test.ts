import { afterEach, describe, expect, it } from 'vitest';
import { assemblePackage } from '../../src/main/core/exchange/pack';
import { signBytes } from '../../src/main/core/exchange/keys';
import { officeKey } from '../helpers/exchange-chain';
import { readRecord } from '../../src/main/core/exchange/records';
import { TABLE_SPECS } from '../../src/main/core/exchange/tables';
import { FORMAT_VERSION, READER_VERSION, dataName } from '../../src/main/core/exchange/format';
import { startCore, type TestCore } from '../helpers/core';
import { cloneOffice, dump, giveKey, receive, send, setUp, twoOffices, upload, type Offices } from '../helpers/exchange';
import { BAC_KAN_FOUNDING, SEED_MOVEMENT, seedPlanBody } from '../helpers/seed-plan';

const opened: TestCore[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.cleanup();
});

async function offices(): Promise<Offices> {
  const o = await twoOffices();
  opened.push(o.upper, o.lower);
  return o;
}

async function addUnits(upper: TestCore, parentId: string, n: number, level: 'upper' | 'grassroots' = 'upper') {
  const units = [];
  for (let i = 1; i <= n; i++) {
    units.push(await upper.call('organizations.create', { parentId, level, name: `Công đoàn ngành Giáo dục ${i}`, shortName: `CĐ ngành GD ${i}` }));
  }
  return units;
}

describe('exchange: keys', () => {
  it('shows a 4×4 base32 fingerprint and refuses a confirmation that does not match', async () => {
    const { upper, lower } = await offices();
    const own = await upper.call('exchange.ownKey', {});
    expect(own.fingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const partners = await lower.call('exchange.partners', {});
    expect(partners).toHaveLength(1);
    expect(partners[0].fingerprint).toBe(own.fingerprint);
    expect(partners[0].lower).toBe(false);
    const { path } = await upper.call('exchange.exportKey', {});
    const { readFileSync } = await import('node:fs');
    const err = await lower.fail('exchange.trustKey', { ...upload(readFileSync(path!), 'k.tdkt-key'), fingerprint: 'AAAA-BBBB-CCCC-DDDD' });
    expect(err.message).toMatch(/không khớp/);
  });
});

describe('exchange: directory down', () => {
  it('sends the directory, only changes the next time, and the same package twice is a no-op', async () => {
    const { upper, lower, upperId, lowerId } = await offices();
    const units = await addUnits(upper, upperId, 3);
    const p1 = await send(upper, lowerId, { kind: 'directory' });
    const { preview, applied } = await receive(lower, p1);
    expect(preview.counts).toEqual({ new: 4, changed: 0, unchanged: 0, refused: 0 });
    expect(applied.counts.new).toBe(4);
    const tree = await lower.call('organizations.tree', {});
    expect(tree.map((n) => n.name)).toEqual(expect.arrayContaining(units.map((u) => u.name)));

    const before = dump(lower);
    const again = await lower.fail('exchange.preview', upload(p1));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/đã được nhập/);
    expect(dump(lower)).toBe(before);

    await upper.call('organizations.rename', { id: units[0].id, validFrom: '2025-07-01', name: 'Công đoàn Giáo dục tỉnh Bắc Kạn' });
    const p2 = await send(upper, lowerId, { kind: 'directory' });
    const second = await receive(lower, p2);
    // the renamed unit travels with its upper unit (unchanged), so the package stands on its own
    expect(second.preview.counts).toEqual({ new: 0, changed: 1, unchanged: 1, refused: 0 });
    const names = await lower.call('organizations.get', { id: units[0].id });
    expect(names.names.map((n) => n.name)).toContain('Công đoàn Giáo dục tỉnh Bắc Kạn');
    expect((await lower.call('exchange.journal', {})).map((j) => j.sequence)).toEqual([2, 1]);
  });

  it('older after newer changes nothing, and any order gives the same final state', async () => {
    const { upper, lower, upperId, lowerId } = await offices();
    const units = await addUnits(upper, upperId, 4);
    const p1 = await send(upper, lowerId, { kind: 'directory' });
    await upper.call('organizations.rename', { id: units[1].id, validFrom: '2025-01-01', name: 'Công đoàn Y tế tỉnh' });
    const extra = await addUnits(upper, units[0].id, 2, 'grassroots');
    const p2 = await send(upper, lowerId, { kind: 'directory' });
    await upper.call('organizations.move', { id: extra[0].id, newParentId: units[2].id });
    await upper.call('organizations.rename', { id: units[1].id, validFrom: '2025-06-01', name: 'Công đoàn Y tế Bắc Kạn' });
    const p3 = await send(upper, lowerId, { kind: 'directory' });
    const full = await send(upper, lowerId, { kind: 'directory', full: true });

    const orders = [
      [p1, p2, p3],
      [p3, p2, p1],
      [p2, p3, p1],
      [p3, p1, p2],
      [full, p1, p2, p3],
    ];
    const dumps: string[] = [];
    for (const order of orders) {
      const copy = await cloneOffice(lower);
      opened.push(copy);
      for (const p of order) {
        const r = await receive(copy, p);
        expect(r.preview.counts.refused, JSON.stringify(r.preview.rows.filter((x) => x.status === 'refused'))).toBe(0);
      }
      dumps.push(dump(copy));
    }
    for (const d of dumps) expect(d).toBe(dumps[0]);

    // the full (newest) package first, then the older ones: each preview says nothing to change
    const copy = await cloneOffice(lower);
    opened.push(copy);
    await receive(copy, full);
    const afterNewest = dump(copy);
    for (const p of [p1, p2]) {
      const { preview } = await receive(copy, p);
      expect(preview.counts.new + preview.counts.changed).toBe(0);
    }
    expect(dump(copy)).toBe(afterNewest);
    expect(afterNewest).toBe(dumps[0]);
  });

  it('never changes records owned by the receiver', async () => {
    const { upper, lower, upperId, lowerId } = await offices();
    const own = await lower.call('organizations.create', { parentId: lowerId, level: 'member', name: 'Tổ công đoàn Toán' });
    const before = readRecord(lower.app.store.sqlite, TABLE_SPECS.organizations, own.id)!;
    // A package (validly signed by the upper level) that tries to rewrite the lower level's own rows.
    const forged = structuredClone(before);
    forged.row.revision = 99;
    forged.children.organization_names[0].name = 'Tên do cấp trên sửa';
    const selfRow = readRecord(lower.app.store.sqlite, TABLE_SPECS.organizations, lowerId)!;
    selfRow.row.revision = 50;
    selfRow.row.code = 'DVXXXXXX';
    const key = officeKey(upper, upperId);
    const data = new TextEncoder().encode(`${JSON.stringify(forged)}\n${JSON.stringify(selfRow)}\n`);
    const { bytes } = assemblePackage(
      {
        format: 'tdkt-package',
        formatVersion: FORMAT_VERSION,
        packageId: crypto.randomUUID(),
        kind: 'directory',
        sender: { id: upperId, name: 'LĐLĐ', keyFingerprint: key.fingerprint },
        receiverId: lowerId,
        created: new Date().toISOString(),
        appVersion: 't',
        schemaVersion: 4,
        minReaderVersion: READER_VERSION,
        sequence: 1,
        scope: {},
      },
      [{ name: dataName('organizations'), data, records: 2 }],
      (d) => signBytes(key, d),
    );
    const snapshot = dump(lower);
    const { preview } = await receive(lower, bytes);
    expect(preview.counts.refused).toBe(2);
    expect(preview.rows.every((r) => r.reason?.includes('đơn vị mình quản lý'))).toBe(true);
    expect(dump(lower)).toBe(snapshot);
    // and the directory select never sends the receiver's own rows back
    await addUnits(upper, upperId, 1);
    const p = await send(upper, lowerId, { kind: 'directory' });
    const r = await receive(lower, p);
    expect(r.preview.counts.refused).toBe(0);
  });

  it('undoes a whole package, newest first; an older one whose records changed since is refused', async () => {
    const { upper, lower, upperId, lowerId } = await offices();
    const units = await addUnits(upper, upperId, 3);
    const empty = dump(lower);
    const r1 = await receive(lower, await send(upper, lowerId, { kind: 'directory' }));
    const afterFirst = dump(lower);
    await upper.call('organizations.rename', { id: units[2].id, validFrom: '2025-03-01', name: 'Công đoàn Viên chức tỉnh' });
    const r2 = await receive(lower, await send(upper, lowerId, { kind: 'directory' }));
    const blocked = await lower.fail('exchange.undo', { importId: r1.applied.importId });
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.message).toMatch(/đã thay đổi sau lần nhập này/);
    await lower.call('exchange.undo', { importId: r2.applied.importId });
    expect(dump(lower)).toBe(afterFirst);
    await lower.call('exchange.undo', { importId: r1.applied.importId });
    expect(dump(lower)).toBe(empty);
    const journal = await lower.call('exchange.journal', {});
    expect(journal.every((j) => j.undoneAt)).toBe(true);
    // after an undo the package may be imported again
    const back = await receive(lower, await send(upper, lowerId, { kind: 'directory', full: true }));
    expect(back.preview.counts.new).toBe(4);
  });
});

describe('exchange: plan down', () => {
  it('sends a movement with its phases, a local occasion and the issued plan; refuses it before the directory', async () => {
    const { upper, lower, lowerId } = await offices();
    const local = await upper.call('occasions.save', BAC_KAN_FOUNDING);
    const movement = await upper.call('movements.save', { ...SEED_MOVEMENT, occasionIds: [local.id] });
    const draft = await upper.call('plans.create', { movementId: movement.id });
    await upper.call('plans.save', { id: draft.id, subject: 'Phát động thi đua năm 2020', body: seedPlanBody() });
    await upper.call('plans.issue', { id: draft.id, date: '2019-11-13', number: 31 });

    const plan = await send(upper, lowerId, { kind: 'plan' });
    const early = await lower.call('exchange.preview', upload(plan));
    expect(early.counts.refused).toBeGreaterThan(0);
    expect(early.rows.find((r) => r.status === 'refused')!.reason).toMatch(/Thiếu/);

    await receive(lower, await send(upper, lowerId, { kind: 'directory' }));
    // the earlier package was not applied: it can be previewed again now that the directory is here
    const { preview } = await receive(lower, plan);
    expect(preview.counts).toMatchObject({ refused: 0 });
    expect(preview.counts.new, JSON.stringify(preview.rows)).toBe(4); // occasion, movement, register entry, plan
    const got = await lower.call('movements.get', { id: movement.id });
    expect(got.phases).toHaveLength(2);
    const plans = await lower.call('plans.list', {});
    expect(plans.some((p) => p.id === draft.id)).toBe(true);
  });
});

describe('exchange: refusals', () => {
  it('refuses unknown senders, other receivers and the wrong direction with Vietnamese messages', async () => {
    const { upper, lower, upperId, lowerId } = await offices();
    const stranger = await startCore();
    opened.push(stranger);
    expect(upperId).toBeTruthy();
    await setUp(stranger, { level: 'province', name: 'LĐLĐ tỉnh Thái Nguyên', shortName: '', abbreviation: 'LĐLĐ', placeName: 'Thái Nguyên', parentLine: '', signerAuthority: 'TM', signerTitle: 'CT', signerName: 'A' });
    await giveKey(lower, stranger);
    const fromStranger = await send(stranger, lowerId, { kind: 'directory' });
    const unknown = await lower.fail('exchange.preview', upload(fromStranger));
    expect(unknown.message).toMatch(/Chưa có khóa công khai/);

    const other = await startCore();
    opened.push(other);
    const otherId = await setUp(other, { level: 'grassroots', name: 'CĐCS khác', shortName: '', abbreviation: '', placeName: 'X', parentLine: '', signerAuthority: 'TM', signerTitle: 'CT', signerName: 'B' });
    await giveKey(other, upper);
    await giveKey(upper, other);
    const toOther = await send(upper, otherId, { kind: 'directory' });
    const wrong = await lower.fail('exchange.preview', upload(toOther));
    expect(wrong.message).toMatch(/gửi cho đơn vị khác/);

    const up = await lower.fail('exchange.export', { kind: 'directory', receiverId: upperId });
    expect(up.message).toMatch(/chỉ gửi xuống cấp dưới/);
  });
});
