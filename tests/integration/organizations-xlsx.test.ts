import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BAC_KAN_OFFICE, startCore, type TestCore } from '../helpers/core';

let a: TestCore;
let b: TestCore;
beforeEach(async () => {
  a = await startCore();
  b = await startCore();
});
afterEach(async () => {
  await a.cleanup();
  await b.cleanup();
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Whole-database snapshot of the directory tables, for "nothing changed" checks. */
function snapshot(core: TestCore) {
  const q = (sql: string) => core.app.store.sqlite.prepare(sql).all();
  return JSON.stringify([
    q('SELECT * FROM organizations ORDER BY id'),
    q('SELECT * FROM organization_names ORDER BY organization_id, valid_from'),
    q('SELECT * FROM organization_events ORDER BY id'),
  ]);
}

async function sheet(rows: (string | number | Date | null)[][], names?: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Mã đơn vị cấp trên', 'Chữ viết tắt trong số ký hiệu', 'Tên có hiệu lực từ']);
  for (const r of rows) ws.addRow(r);
  if (names) {
    const h = wb.addWorksheet('Lịch sử tên');
    h.addRow(['Mã đơn vị', 'Tên có hiệu lực từ', 'Tên đơn vị']);
    for (const r of names) h.addRow(r);
  }
  return b64(new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe('directory .xlsx', () => {
  it('round-trips the tree and every dated name into another office; re-import changes nothing', async () => {
    const office = await a.call('office.setup', BAC_KAN_OFFICE);
    const up = await a.call('organizations.create', { parentId: office.organizationId, level: 'upper', name: 'Công đoàn Viên chức tỉnh', abbreviation: 'CĐVC', code: 'CDVC' });
    const gone = await a.call('organizations.create', { parentId: office.organizationId, level: 'upper', name: 'Liên đoàn Lao động huyện Chợ Đồn' });
    await a.call('organizations.create', { parentId: up.id, level: 'grassroots', name: 'Công đoàn Sở Tư pháp', code: '01' });
    await a.call('organizations.rename', { id: office.organizationId, validFrom: '2025-07-01', name: 'Liên đoàn Lao động tỉnh Thái Nguyên', abbreviation: 'LĐLĐ', placeName: 'Thái Nguyên', parentLine: 'TỔNG LĐLĐ VIỆT NAM' });
    await a.call('organizations.merge', { ids: [gone.id], intoId: up.id, date: '2025-07-01' });

    const saved = await a.call('organizations.exportXlsx', {});
    expect(saved.path).toMatch(/\.xlsx$/);
    const bytes = readFileSync(saved.path!);

    await b.call('office.setup', { ...BAC_KAN_OFFICE, name: 'Công đoàn cơ sở khác', level: 'grassroots' });
    const summary = await b.call('organizations.importXlsx', { fileName: 'dm.xlsx', dataBase64: b64(bytes) });
    expect(summary).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect((await b.call('backup.list', {})).map((x) => x.reason)).toContain('Tự động trước khi nhập dữ liệu');

    const shape = async (core: TestCore, at: string) => {
      const tree = await core.call('organizations.tree', { at });
      const byId = new Map(tree.map((n) => [n.id, n]));
      return tree
        .filter((n) => n.name !== 'Công đoàn cơ sở khác')
        .map((n) => ({ code: n.code, name: n.name, level: n.level, parent: n.parentId ? byId.get(n.parentId)!.code : null, endedOn: n.endedOn, successor: n.successorId ? byId.get(n.successorId)!.code : null, abbr: n.abbreviation, place: n.placeName }))
        .sort((x, y) => x.code.localeCompare(y.code));
    };
    for (const at of ['2019-03-05', '2026-01-01']) expect(await shape(b, at)).toEqual(await shape(a, at));

    const again = await b.call('organizations.importXlsx', { fileName: 'dm.xlsx', dataBase64: b64(bytes) });
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 4 });
  });

  it('lists every bad row with its number and imports nothing', async () => {
    await a.call('office.setup', BAC_KAN_OFFICE);
    const before = snapshot(a);
    const data = await sheet([
      ['A1', 'Công đoàn ngành Xây dựng', 'Công đoàn cấp trên trực tiếp cơ sở', '', '', ''],
      ['A2', '', 'Công đoàn cơ sở', 'A1', '', ''],
      ['A3', 'Công đoàn Công ty Cấp nước', 'cấp lạ', 'A1', '', ''],
      ['A4', 'Công đoàn Trường Tiểu học', 'Công đoàn cơ sở', 'ZZ', '', '31/02/2024'],
      ['A1', 'Trùng mã', 'Công đoàn cơ sở', '', '', ''],
      ['A6', 'Công đoàn Trường Mầm non', 'Công đoàn cơ sở', 'KHONGCO', '', ''],
    ]);
    const err = await a.fail('organizations.importXlsx', { fileName: 'x.xlsx', dataBase64: data });
    expect(err.code).toBe('BAD_FILE');
    const text = err.details!.join('\n');
    expect(text).toMatch(/Dòng 3: thiếu tên đơn vị/);
    expect(text).toMatch(/Dòng 4: cấp "cấp lạ" không hợp lệ/);
    expect(text).toMatch(/Dòng 5: ngày "31\/02\/2024" không đúng dạng dd\/mm\/yyyy/);
    expect(text).toMatch(/Dòng 6: mã đơn vị "A1" trùng với dòng 2/);
    // Problems across rows are reported in the same pass, in sheet order.
    expect(text).toMatch(/Dòng 7: không tìm thấy đơn vị cấp trên có mã "KHONGCO"/);
    const rows = err.details!.map((d) => Number(/^Dòng (\d+)/.exec(d)![1]));
    expect(rows).toEqual([...rows].sort((x, y) => x - y));
    expect(snapshot(a)).toBe(before);
    expect((await a.call('backup.list', {})).filter((b) => b.reason.includes('nhập'))).toHaveLength(0);

    const orphan = await sheet([['B1', 'Công đoàn Trường Mầm non', 'Công đoàn cơ sở', 'KHONG-CO', '', '']]);
    const err2 = await a.fail('organizations.importXlsx', { fileName: 'x.xlsx', dataBase64: orphan });
    expect(err2.details!.join('\n')).toMatch(/Dòng 2: không tìm thấy đơn vị cấp trên có mã "KHONG-CO"/);
    expect(snapshot(a)).toBe(before);
  });

  it('refuses a malformed file with a clear message and changes nothing', async () => {
    await a.call('office.setup', BAC_KAN_OFFICE);
    const before = snapshot(a);
    for (const junk of [Buffer.from('đây không phải tệp Excel'), Buffer.from('PK\u0003\u0004 truncated zip')]) {
      const err = await a.fail('organizations.importXlsx', { fileName: 'hong.xlsx', dataBase64: junk.toString('base64') });
      expect(err.code).toBe('BAD_FILE');
      expect(err.message).toMatch(/Không đọc được tệp Excel/);
    }
    const notB64 = await a.fail('organizations.importXlsx', { fileName: 'x.xlsx', dataBase64: '***' });
    expect(notB64.code).toBe('VALIDATION');
    expect(snapshot(a)).toBe(before);
  });

  it('accepts NFD text and real Excel dates, parents after children', async () => {
    await a.call('office.setup', BAC_KAN_OFFICE);
    const data = await sheet([
      ['C2', 'Công đoàn Trường THCS Đồng Xá'.normalize('NFD'), 'Công đoàn cơ sở', 'C1', 'CĐCS', new Date(Date.UTC(2020, 0, 5))],
      ['C1', 'Liên đoàn Lao động huyện Na Rì', 'Công đoàn cấp trên trực tiếp cơ sở', '', 'LĐLĐ', ''],
    ]);
    expect(await a.call('organizations.importXlsx', { fileName: 'x.xlsx', dataBase64: data })).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const found = await a.call('organizations.search', { query: 'dong xa' });
    expect(found).toHaveLength(1);
    expect(found[0].name).toBe('Công đoàn Trường THCS Đồng Xá'.normalize('NFC'));
    expect(found[0].validFrom).toBe('2020-01-05');
  });
});
