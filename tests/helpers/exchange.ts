import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DB_FILE_NAME } from '../../src/main/core/app';
import type { CallInput } from '../../src/shared/contract';
import { BAC_KAN_OFFICE, startCore, tempDir, type TestCore } from './core';

/** Two levels: the province (upper) and one grassroots union (lower), keys exchanged and confirmed. */
export const LOWER_OFFICE = {
  level: 'grassroots' as const,
  name: 'Công đoàn Trường THPT Chuyên Bắc Kạn',
  shortName: 'CĐ Trường THPT Chuyên',
  abbreviation: 'CĐCS',
  placeName: 'Bắc Kạn',
  parentLine: 'LĐLĐ TỈNH BẮC KẠN',
  signerAuthority: 'TM. BAN CHẤP HÀNH',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Hoàng Thị Lan',
};

export interface Offices {
  upper: TestCore;
  lower: TestCore;
  upperId: string;
  lowerId: string;
}

export async function setUp(core: TestCore, office: CallInput<'office.setup'>): Promise<string> {
  return (await core.call('office.setup', office)).organizationId;
}

export async function giveKey(from: TestCore, to: TestCore): Promise<void> {
  const { path } = await from.call('exchange.exportKey', {});
  const file = { fileName: basename(path!), dataBase64: readFileSync(path!).toString('base64') };
  const view = await to.call('exchange.inspectKey', file);
  await to.call('exchange.trustKey', { ...file, fingerprint: view.fingerprint });
}

export async function twoOffices(): Promise<Offices> {
  const upper = await startCore();
  const lower = await startCore();
  const upperId = await setUp(upper, BAC_KAN_OFFICE);
  const lowerId = await setUp(lower, LOWER_OFFICE);
  await giveKey(upper, lower);
  await giveKey(lower, upper);
  return { upper, lower, upperId, lowerId };
}

export async function send(from: TestCore, receiverId: string, input: Omit<CallInput<'exchange.export'>, 'receiverId'>): Promise<Buffer> {
  const result = await from.call('exchange.export', { ...input, receiverId });
  return readFileSync(result.path!);
}

export const upload = (bytes: Uint8Array, fileName = 'goi.tdkt') => ({ fileName, dataBase64: Buffer.from(bytes).toString('base64') });

export async function receive(to: TestCore, bytes: Uint8Array) {
  const preview = await to.call('exchange.preview', upload(bytes));
  const applied = await to.call('exchange.apply', { token: preview.token });
  return { preview, applied };
}

export const DOMAIN_TABLES = ['organizations', 'organization_names', 'occasions', 'movements', 'movement_phases', 'movement_occasions', 'register_entries', 'plans', 'people'];

/** Every row of the given tables, sorted, as one string: equal dumps = equal data. */
export function dump(core: TestCore, tables = DOMAIN_TABLES): string {
  const sqlite = core.app.store.sqlite;
  return tables
    .map((t) => {
      const rows = (sqlite.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[]).map((r) => JSON.stringify(r)).sort();
      return `${t}\n${rows.join('\n')}`;
    })
    .join('\n\n');
}

/** Every table of the database (exchange bookkeeping included): for "nothing was written at all". */
export function dumpAll(core: TestCore): string {
  const tables = core.app.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name").pluck().all() as string[];
  return dump(core, tables);
}

/** A copy of an office's database in a new folder, opened as its own core (same office, same keys). */
export async function cloneOffice(core: TestCore): Promise<TestCore> {
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, DB_FILE_NAME);
  await core.app.store.sqlite.backup(file);
  copyFileSync(file, `${file}.orig`);
  return startCore(dir);
}
