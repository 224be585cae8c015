import { readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import type { PackageKind } from '../../src/shared/schemas/exchange';
import { assemblePackage } from '../../src/main/core/exchange/pack';
import { FORMAT_VERSION, READER_VERSION, dataName } from '../../src/main/core/exchange/format';
import { fileKeyStore, fileOnlyVault } from '../../src/main/core/exchange/key-store';
import { ownKey, signBytes, type OwnKey } from '../../src/main/core/exchange/keys';
import type { WireRecord } from '../../src/main/core/exchange/records';
import { startCore, type TestCore } from './core';
import { giveKey, setUp } from './exchange';

/**
 * Four offices as the union hierarchy has them: the central level, a province, a district (công đoàn cấp
 * trên trực tiếp cơ sở) and a grassroots union under it. Each lower office is set up from its upper level's
 * directory file (same ids everywhere); keys are exchanged between adjacent levels only.
 */
export interface Chain {
  central: TestCore;
  province: TestCore;
  district: TestCore;
  grassroots: TestCore;
  ids: { central: string; province: string; district: string; grassroots: string };
  all: TestCore[];
}

const signer = { signerAuthority: 'TM. BAN THƯỜNG VỤ', signerTitle: 'CHỦ TỊCH', signerName: 'Nguyễn Văn An' };

async function fromDirectory(upper: TestCore, lower: TestCore, unitId: string): Promise<void> {
  const file = await upper.call('organizations.exportXlsx', {});
  await lower.call('organizations.importXlsx', { fileName: 'danh-muc.xlsx', dataBase64: readFileSync(file.path!).toString('base64') });
  await lower.call('office.setupFromDirectory', { organizationId: unitId, ...signer });
}

export async function officeChain(): Promise<Chain> {
  const [central, province, district, grassroots] = [await startCore(), await startCore(), await startCore(), await startCore()];
  const centralId = await setUp(central, { level: 'central', name: 'Tổng Liên đoàn Lao động Việt Nam', shortName: 'Tổng LĐLĐVN', abbreviation: 'TLĐ', placeName: 'Hà Nội', parentLine: '', ...signer });
  const p = await central.call('organizations.create', { parentId: centralId, level: 'province', name: 'Liên đoàn Lao động tỉnh Bắc Kạn', abbreviation: 'LĐLĐ', placeName: 'Bắc Kạn', parentLine: 'TỔNG LĐLĐ VIỆT NAM' });
  await fromDirectory(central, province, p.id);
  // The province maintains its own part of the directory: the district and the grassroots union under it.
  const d = await province.call('organizations.create', { parentId: p.id, level: 'upper', name: 'Liên đoàn Lao động huyện Chợ Mới', abbreviation: 'LĐLĐ', placeName: 'Chợ Mới', parentLine: 'LĐLĐ TỈNH BẮC KẠN' });
  const g = await province.call('organizations.create', { parentId: d.id, level: 'grassroots', name: 'Công đoàn Trường THCS Chợ Mới', abbreviation: 'CĐCS', placeName: 'Chợ Mới', parentLine: 'LĐLĐ HUYỆN CHỢ MỚI' });
  await fromDirectory(province, district, d.id);
  await fromDirectory(province, grassroots, g.id);
  for (const [a, b] of [[central, province], [province, district], [district, grassroots]] as const) {
    await giveKey(a, b);
    await giveKey(b, a);
  }
  return { central, province, district, grassroots, ids: { central: centralId, province: p.id, district: d.id, grassroots: g.id }, all: [central, province, district, grassroots] };
}

/** Four fresh offices per test (`chain()`), closed after each test; `opened` takes any other core to close. */
export function chainPerTest(): { opened: TestCore[]; chain: () => Promise<Chain> } {
  const opened: TestCore[] = [];
  afterEach(async () => {
    for (const c of opened.splice(0)) await c.cleanup();
  });
  return {
    opened,
    async chain() {
      const c = await officeChain();
      opened.push(...c.all);
      return c;
    },
  };
}

/** An office's signing key, read from its key store as the core does. */
export const officeKey = (core: TestCore, officeId: string): OwnKey => ownKey(core.app.store.sqlite, fileKeyStore(core.dir, fileOnlyVault), officeId);

/**
 * A package signed with `from`'s real key (or `key`: a thief's), carrying whatever records a test wants (a
 * malicious but trusted partner).
 */
export function forge(from: TestCore, fromId: string, receiverId: string, kind: PackageKind, files: { table: string; records: WireRecord[] }[], key: OwnKey = officeKey(from, fromId)): Uint8Array {
  return assemblePackage(
    {
      format: 'tdkt-package',
      formatVersion: FORMAT_VERSION,
      packageId: crypto.randomUUID(),
      kind,
      sender: { id: fromId, name: 'Đơn vị gửi', keyFingerprint: key.fingerprint },
      receiverId,
      created: new Date().toISOString(),
      appVersion: 'test',
      schemaVersion: from.app.store.schemaVersion,
      minReaderVersion: READER_VERSION,
      sequence: 1,
      scope: {},
    },
    files.map((f) => ({ name: dataName(f.table), data: new TextEncoder().encode(f.records.map((r) => `${JSON.stringify(r)}\n`).join('')), records: f.records.length })),
    (d) => signBytes(key, d),
  ).bytes;
}
