import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BAC_KAN_OFFICE, startCore, type TestCore } from '../helpers/core';

let core: TestCore;
let officeId: string;
beforeEach(async () => {
  core = await startCore();
  officeId = (await core.call('office.setup', BAC_KAN_OFFICE)).organizationId;
});
afterEach(() => core.cleanup());

describe('office setup', () => {
  it('stores this office as NFC text and refuses a second setup', async () => {
    const office = (await core.call('office.get', {}))!;
    expect(office).toMatchObject({ name: 'Liên đoàn Lao động tỉnh Bắc Kạn', abbreviation: 'LĐLĐ', signerAuthority: 'TM. BAN THƯỜNG VỤ', signerName: 'Vi Văn Nghĩa' });
    const again = await core.fail('office.setup', BAC_KAN_OFFICE);
    expect(again.code).toBe('CONFLICT');
  });

  it('normalises NFD input to NFC and upper-cases the signer lines', async () => {
    await core.call('office.update', { signerAuthority: 'tm. ban thường vụ'.normalize('NFD'), signerTitle: 'phó chủ tịch', signerName: '  Nguyễn   Thị Hoà '.normalize('NFD') });
    const office = (await core.call('office.get', {}))!;
    expect(office.signerAuthority).toBe('TM. BAN THƯỜNG VỤ');
    expect(office.signerTitle).toBe('PHÓ CHỦ TỊCH');
    expect(office.signerName).toBe('Nguyễn Thị Hoà'.normalize('NFC'));
  });

  it('rejects an invalid payload with a Vietnamese message and changes nothing', async () => {
    const before = core.app.store.sqlite.prepare('SELECT count(*) n FROM organizations').get();
    const err = await core.fail('organizations.create', { parentId: officeId, level: 'khong-co', name: '' });
    expect(err.code).toBe('VALIDATION');
    expect(err.details!.join(' ')).toMatch(/Cấp công đoàn không hợp lệ/);
    expect(err.details!.join(' ')).toMatch(/Tên đơn vị: không được để trống/);
    expect(core.app.store.sqlite.prepare('SELECT count(*) n FROM organizations').get()).toEqual(before);
    const unknown = await core.fail('organizations.drop' as never, {});
    expect(unknown.code).toBe('UNKNOWN_HANDLER');
  });
});

describe('directory', () => {
  it('adds, renames with a date, moves and merges, keeping old names for old dates', async () => {
    const a = await core.call('organizations.create', { parentId: officeId, level: 'upper', name: 'Liên đoàn Lao động huyện Ba Bể', abbreviation: 'LĐLĐ', placeName: 'Ba Bể' });
    const b = await core.call('organizations.create', { parentId: officeId, level: 'upper', name: 'Liên đoàn Lao động huyện Pác Nặm', abbreviation: 'LĐLĐ' });
    const school = await core.call('organizations.create', { parentId: a.id, level: 'grassroots', name: 'Công đoàn Trường THPT Ba Bể' });
    expect(school.code).toMatch(/^DV[0-9A-F]{6}$/);

    await core.call('organizations.rename', { id: officeId, validFrom: '2025-07-01', name: 'Liên đoàn Lao động tỉnh Thái Nguyên', shortName: 'LĐLĐ tỉnh Thái Nguyên', abbreviation: 'LĐLĐ', placeName: 'Thái Nguyên', parentLine: 'TỔNG LĐLĐ VIỆT NAM' });
    const in2019 = await core.call('organizations.tree', { at: '2019-03-05' });
    const in2026 = await core.call('organizations.tree', { at: '2026-01-01' });
    expect(in2019.find((n) => n.id === officeId)!.name).toBe('Liên đoàn Lao động tỉnh Bắc Kạn');
    expect(in2019.find((n) => n.id === officeId)!.placeName).toBe('Bắc Kạn');
    expect(in2026.find((n) => n.id === officeId)!.name).toBe('Liên đoàn Lao động tỉnh Thái Nguyên');

    await core.call('organizations.move', { id: school.id, newParentId: b.id });
    expect((await core.call('organizations.get', { id: school.id })).parentId).toBe(b.id);

    await core.call('organizations.merge', { ids: [b.id], intoId: a.id, date: '2025-07-01' });
    const detailB = await core.call('organizations.get', { id: b.id });
    expect(detailB.endedOn).toBe('2025-07-01');
    expect(detailB.successorId).toBe(a.id);
    expect((await core.call('organizations.get', { id: school.id })).parentId).toBe(a.id);
    const history = await core.call('organizations.get', { id: officeId });
    expect(history.names.map((n) => n.name)).toEqual(['Liên đoàn Lao động tỉnh Bắc Kạn', 'Liên đoàn Lao động tỉnh Thái Nguyên']);
    expect(history.events.map((e) => e.kind)).toContain('renamed');
  });

  it('refuses moves that break the hierarchy, with reasons', async () => {
    const a = await core.call('organizations.create', { parentId: officeId, level: 'upper', name: 'Công đoàn ngành Y tế' });
    const c = await core.call('organizations.create', { parentId: a.id, level: 'grassroots', name: 'Công đoàn Bệnh viện Đa khoa' });
    expect((await core.fail('organizations.move', { id: a.id, newParentId: c.id })).message).toMatch(/chính nó|trực thuộc/);
    const lower = await core.fail('organizations.create', { parentId: c.id, level: 'province', name: 'Sai cấp' });
    expect(lower.message).toMatch(/không thể trực thuộc/);
    expect((await core.fail('organizations.merge', { ids: [a.id], intoId: a.id, date: '2025-01-01' })).code).toBe('VALIDATION');
  });

  it('searches without diacritics: "dang" finds Đặng, "thuy" finds Thủy and Thuỷ', async () => {
    const org = await core.call('organizations.create', { parentId: officeId, level: 'grassroots', name: 'Công đoàn Đảng ủy Khối' });
    await core.call('people.create', { fullName: 'Đặng Văn Hùng', organizationId: org.id, birthYear: 1980 });
    await core.call('people.create', { fullName: 'Nguyễn Thị Thủy', organizationId: org.id });
    await core.call('people.create', { fullName: 'Lê Thuỷ Tiên', organizationId: null });
    await core.call('people.create', { fullName: 'Hoàng Văn Dũng', organizationId: null });
    const dang = await core.call('people.search', { query: 'dang' });
    expect(dang.items.map((p) => p.fullName)).toEqual(['Đặng Văn Hùng']);
    expect(dang.items[0].organizationName).toBe('Công đoàn Đảng ủy Khối');
    const thuy = await core.call('people.search', { query: 'THUY' });
    expect(thuy.items.map((p) => p.fullName)).toEqual(['Nguyễn Thị Thủy', 'Lê Thuỷ Tiên']);
    expect((await core.call('organizations.search', { query: 'dang uy' })).map((o) => o.name)).toEqual(['Công đoàn Đảng ủy Khối']);
    expect((await core.call('organizations.search', { query: 'bac kan' })).map((o) => o.id)).toEqual([officeId]);
    const all = await core.call('people.search', { query: '' });
    expect(all.total).toBe(4);
    // tên order: Dũng, Hùng, Thủy, Tiên
    expect(all.items.map((p) => p.fullName)).toEqual(['Hoàng Văn Dũng', 'Đặng Văn Hùng', 'Nguyễn Thị Thủy', 'Lê Thuỷ Tiên']);
  });
});
