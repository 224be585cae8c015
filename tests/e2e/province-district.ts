import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { openOffice, type Office } from './fixtures';
import { api } from './helpers';

export const DISTRICT = 'Liên đoàn Lao động huyện Ba Bể';
export const PROVINCE = 'Liên đoàn Lao động tỉnh Bắc Kạn';

async function trust(from: Office, to: Office): Promise<void> {
  const { path } = await api(from, 'exchange.exportKey', {});
  const file = { fileName: 'k.tdkt-key', dataBase64: readFileSync(path!).toString('base64') };
  const view = await api(to, 'exchange.inspectKey', file);
  await api(to, 'exchange.trustKey', { ...file, fingerprint: view.fingerprint });
}

/**
 * Two levels as the commendation specs need them: the province (the test's office) keeps the directory; the
 * district is a second office set up from its file in a new page; keys go both ways. Close `district.bridge` after.
 */
export async function provinceAndDistrict(province: Office, browser: Browser): Promise<{ district: Office; root: string; unitId: string }> {
  const root = (await api(province, 'office.setup', { level: 'province', name: PROVINCE, shortName: 'LĐLĐ tỉnh Bắc Kạn', abbreviation: 'LĐLĐ', placeName: 'Bắc Kạn', parentLine: 'TỔNG LĐLĐ VIỆT NAM', signerAuthority: 'TM. BAN THƯỜNG VỤ', signerTitle: 'CHỦ TỊCH', signerName: 'Vi Văn Nghĩa' })).organizationId;
  const unit = await api(province, 'organizations.create', { parentId: root, level: 'upper', name: DISTRICT, abbreviation: 'LĐLĐ', placeName: 'Ba Bể', parentLine: 'LĐLĐ TỈNH BẮC KẠN' });
  await api(province, 'organizations.exportXlsx', {});
  const xlsx = join(province.exportDir, readdirSync(province.exportDir).find((f) => f.endsWith('.xlsx'))!);
  const district = await openOffice(await browser.newPage());
  await api(district, 'organizations.importXlsx', { fileName: 'danh-muc.xlsx', dataBase64: readFileSync(xlsx).toString('base64') });
  await api(district, 'office.setupFromDirectory', { organizationId: unit.id, signerAuthority: 'TM. BAN THƯỜNG VỤ', signerTitle: 'CHỦ TỊCH', signerName: 'Triệu Văn Hùng' });
  await trust(province, district);
  await trust(district, province);
  return { district, root, unitId: unit.id };
}

/** Exports a package of `kind` from one office to another and applies it there. */
export async function deliver(from: Office, to: Office, receiverId: string, kind: 'nominations' | 'decisions'): Promise<void> {
  const { path } = await api(from, 'exchange.export', { kind, receiverId, full: false });
  const preview = await api(to, 'exchange.preview', { fileName: 'goi.tdkt', dataBase64: readFileSync(path!).toString('base64') });
  await api(to, 'exchange.apply', { token: preview.token });
}
