import { readFileSync } from 'node:fs';
import { BAC_KAN_OFFICE, startCore, type TestCore } from './core';
import { giveKey } from './exchange';

/**
 * Three levels as real offices use them: the province, a district (công đoàn cấp trên trực tiếp cơ sở)
 * and a CĐCS under it. The province keeps the directory; the two lower offices are set up from its file,
 * so every level knows each unit by the same id. Keys go between adjacent levels only.
 */
export interface ThreeOffices {
  province: TestCore;
  district: TestCore;
  cdcs: TestCore;
  provinceId: string;
  districtId: string;
  cdcsId: string;
  all: TestCore[];
}

export const DISTRICT_NAME = 'Liên đoàn Lao động huyện Ba Bể';
export const CDCS_NAME = 'Công đoàn Trường THPT Ba Bể';

export async function threeOffices(): Promise<ThreeOffices> {
  const province = await startCore();
  const district = await startCore();
  const cdcs = await startCore();
  const provinceId = (await province.call('office.setup', BAC_KAN_OFFICE)).organizationId;
  const d = await province.call('organizations.create', { parentId: provinceId, level: 'upper', name: DISTRICT_NAME, abbreviation: 'LĐLĐ', placeName: 'Ba Bể', parentLine: 'LĐLĐ TỈNH BẮC KẠN', code: 'BABE' });
  const c = await province.call('organizations.create', { parentId: d.id, level: 'grassroots', name: CDCS_NAME, abbreviation: 'CĐCS', placeName: 'Ba Bể', parentLine: 'LĐLĐ HUYỆN BA BỂ', code: 'THPTBB' });
  const file = await province.call('organizations.exportXlsx', {});
  const dataBase64 = readFileSync(file.path!).toString('base64');
  for (const [core, id, signer] of [[district, d.id, 'Triệu Văn Hùng'], [cdcs, c.id, 'Hoàng Thị Lan']] as const) {
    await core.call('organizations.importXlsx', { fileName: 'danh-muc.xlsx', dataBase64 });
    await core.call('office.setupFromDirectory', { organizationId: id, signerAuthority: 'TM. BAN CHẤP HÀNH', signerTitle: 'CHỦ TỊCH', signerName: signer });
  }
  await giveKey(province, district);
  await giveKey(district, province);
  await giveKey(district, cdcs);
  await giveKey(cdcs, district);
  return { province, district, cdcs, provinceId, districtId: d.id, cdcsId: c.id, all: [province, district, cdcs] };
}

export const count = (core: TestCore, table: string, where = '1', ...params: unknown[]) =>
  core.app.store.sqlite.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${where}`).pluck().get(...params) as number;
