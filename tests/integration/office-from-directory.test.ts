import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BAC_KAN_OFFICE, startCore, type TestCore } from '../helpers/core';
import { giveKey, receive, send } from '../helpers/exchange';

const opened: TestCore[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.cleanup();
});

const b64 = (path: string) => readFileSync(path).toString('base64');

describe('first run of a lower office from the upper level’s directory', () => {
  it('takes its own unit from the directory file, so both levels know it by the same id and packages line up', async () => {
    const upper = await startCore();
    const lower = await startCore();
    opened.push(upper, lower);
    const upperId = (await upper.call('office.setup', BAC_KAN_OFFICE)).organizationId;
    const unit = await upper.call('organizations.create', { parentId: upperId, level: 'grassroots', name: 'Công đoàn Trường THPT Chuyên Bắc Kạn', abbreviation: 'CĐCS', placeName: 'Bắc Kạn', parentLine: 'LĐLĐ TỈNH BẮC KẠN', code: 'THPTCBK' });
    const file = await upper.call('organizations.exportXlsx', {});

    // Before any setup the directory file can be read in.
    expect(await lower.call('office.get', {})).toBeNull();
    expect(await lower.call('organizations.importXlsx', { fileName: 'danh-muc.xlsx', dataBase64: b64(file.path!) })).toEqual({ created: 2, updated: 0, unchanged: 0 });

    // Bad choices are refused with a reason and nothing is written.
    const missing = await lower.fail('office.setupFromDirectory', { organizationId: '00000000-0000-4000-8000-000000000000', signerTitle: 'CHỦ TỊCH', signerName: 'Hoàng Thị Lan' });
    expect(missing.code).toBe('NOT_FOUND');
    const noSigner = await lower.fail('office.setupFromDirectory', { organizationId: unit.id, signerTitle: '', signerName: 'Hoàng Thị Lan' });
    expect(noSigner.code).toBe('VALIDATION');
    expect(await lower.call('office.get', {})).toBeNull();

    const office = await lower.call('office.setupFromDirectory', { organizationId: unit.id, signerAuthority: 'tm. ban chấp hành', signerTitle: 'Chủ tịch', signerName: 'Hoàng Thị Lan' });
    expect(office).toMatchObject({ organizationId: unit.id, name: 'Công đoàn Trường THPT Chuyên Bắc Kạn', abbreviation: 'CĐCS', signerAuthority: 'TM. BAN CHẤP HÀNH', signerTitle: 'CHỦ TỊCH' });
    expect((await lower.fail('office.setupFromDirectory', { organizationId: unit.id, signerTitle: 'CHỦ TỊCH', signerName: 'X' })).code).toBe('CONFLICT');

    // Keys once, then a directory package down changes nothing structural: the ids already match.
    await giveKey(upper, lower);
    await giveKey(lower, upper);
    const down = await receive(lower, await send(upper, unit.id, { kind: 'directory' }));
    expect(down.preview.counts.new).toBe(0);
    const units = await lower.call('organizations.tree', {});
    expect(units.map((u) => u.id).sort()).toEqual([upperId, unit.id].sort());
  });
});
