import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BAC_KAN_OFFICE, startCore, type TestCore } from '../helpers/core';

let core: TestCore;
let officeId: string;
beforeEach(async () => {
  core = await startCore();
  officeId = (await core.call('office.setup', BAC_KAN_OFFICE)).organizationId;
});
afterEach(() => core.cleanup());

const count = () => (core.app.store.sqlite.prepare('SELECT count(*) n FROM register_entries').get() as { n: number }).n;

describe('register (sổ văn bản đi)', () => {
  it('numbers per issuer per calendar year from 01, lists gaps, never gives a number twice', async () => {
    const a = await core.call('register.add', { kindAbbr: 'KH', date: '2019-01-02', subject: 'Kế hoạch công tác năm 2019' });
    expect(a).toMatchObject({ number: 1, numberText: '01/KH-LĐLĐ', year: 2019, symbol: 'KH-LĐLĐ' });
    const b = await core.call('register.add', { kindAbbr: 'QĐ', date: '2019-01-05', subject: 'Quyết định khen thưởng' });
    expect(b.numberText).toBe('02/QĐ-LĐLĐ');
    const c = await core.call('register.add', { kindAbbr: 'KH', date: '2019-11-13', subject: 'Kế hoạch phát động', number: 31 });
    expect(c.numberText).toBe('31/KH-LĐLĐ');
    const next = await core.call('register.add', { kindAbbr: 'BC', date: '2019-12-01', subject: 'Báo cáo' });
    expect(next.number).toBe(32);

    // A new year starts again at 01.
    const y2020 = await core.call('register.add', { kindAbbr: 'TTr', date: '2020-01-03', subject: 'Tờ trình' });
    expect(y2020.numberText).toBe('01/TTr-LĐLĐ');

    // A taken number is refused, the register unchanged.
    const before = count();
    const dup = await core.fail('register.add', { kindAbbr: 'KH', date: '2019-06-01', subject: 'Trùng số', number: 31 });
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toMatch(/Số 31 năm 2019 đã cấp cho văn bản 31\/KH-LĐLĐ ngày 13\/11\/2019/);
    expect(count()).toBe(before);

    // A gap may be filled later with a chosen free number.
    const fill = await core.call('register.add', { kindAbbr: 'KH', date: '2019-03-01', subject: 'Bổ sung', number: 5 });
    expect(fill.numberText).toBe('05/KH-LĐLĐ');

    const y = await core.call('register.list', { year: 2019 });
    expect(y.entries.map((e) => e.number)).toEqual([1, 2, 5, 31, 32]);
    expect(y.gaps).toEqual([3, 4, ...Array.from({ length: 25 }, (_, i) => i + 6)]);
    expect(y.nextNumber).toBe(33);
    expect(await core.call('register.years', {})).toEqual([2020, 2019]);
  });

  it('the database itself refuses deleting or renumbering an entry', async () => {
    await core.call('register.add', { kindAbbr: 'KH', date: '2019-01-02', subject: 'Kế hoạch' });
    const db = core.app.store.sqlite;
    expect(() => db.prepare('DELETE FROM register_entries').run()).toThrow(/không thể xóa/);
    expect(() => db.prepare('UPDATE register_entries SET number = 7').run()).toThrow(/không thể đổi/);
    expect(() =>
      db.prepare("INSERT INTO register_entries (id, issuer_id, year, number, kind_abbr, symbol, doc_date, subject, created_at) VALUES ('x', ?, 2019, 1, 'KH', 'KH-LĐLĐ', '2019-05-05', 's', 'now')").run(officeId),
    ).toThrow(/UNIQUE/);
  });

  it('refuses bad input with Vietnamese messages', async () => {
    const err = await core.fail('register.add', { kindAbbr: 'K H', date: '2019-02-30', subject: '', number: 0 });
    expect(err.code).toBe('VALIDATION');
    const all = err.details!.join(' | ');
    expect(all).toMatch(/Ký hiệu loại văn bản không hợp lệ/);
    expect(all).toMatch(/Ngày văn bản: ngày không tồn tại/);
    expect(all).toMatch(/Trích yếu: không được để trống/);
    expect(all).toMatch(/Số văn bản phải từ 1 trở lên/);
    expect(count()).toBe(0);
  });
});
