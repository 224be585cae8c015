import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { readOnce } from '../../src/main/core/spreadsheets/kept-previews';
import { encodeTcvn3, encodeVni } from '../../src/shared/vi-text/legacy-encodings';
import { startCore, type TestCore } from '../helpers/core';
import { PEOPLE_HEADER, WORKS_HEADER, seedRegistrationWorld, sheetOf } from '../helpers/registrations';

let core: TestCore;
let w: Awaited<ReturnType<typeof seedRegistrationWorld>>;
beforeEach(async () => {
  core = await startCore();
  w = await seedRegistrationWorld(core);
});
afterEach(() => core.cleanup());

const TABLES = ['registrations', 'registration_individuals', 'works', 'people', 'xlsx_mappings'];
const snapshot = () => TABLES.map((t) => core.app.store.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());
const count = (t: string) => (core.app.store.sqlite.prepare(`SELECT count(*) n FROM ${t} WHERE deleted_at IS NULL`).get() as { n: number }).n;
const scope = () => ({ movementId: w.movement.id, phaseId: w.phase1 });

const GOOD_PEOPLE = [
  [1, 'Liên đoàn Lao động huyện Ba Bể', 'Đặng Thị Thủy', 1985, 'Chủ tịch', 'Chiến sĩ thi đua cơ sở'],
  [2, 'BABE', 'Hoàng Văn Nam', '1979', 'Phó Chủ tịch', 'Lao động tiên tiến'],
  [3, 'LĐLĐ huyện Chợ Đồn', 'Ma Thị Huyền', '', '', 'Lao động tiên tiến'],
  [4, 'lien doan lao dong huyen cho don', 'Nông Văn Dền', '12/05/1990', 'Đoàn viên', 'Lao động tiên tiến'],
];

describe('import of registered individuals', () => {
  it('lists every error with its row number and writes nothing', async () => {
    const before = snapshot();
    const file = await sheetOf(PEOPLE_HEADER, [
      GOOD_PEOPLE[0],
      [2, 'Huyện không có', 'Hoàng Văn Nam', 1979, '', 'Lao động tiên tiến'],
      [3, 'BABE', '', 1980, '', 'Lao động tiên tiến'],
      [4, 'BABE', 'Lý Thị Mai', 'năm tám lăm', '', ''],
      [5, 'BABE', 'Đặng Thị Thuỷ', 1985, '', 'Lao động tiên tiến'],
    ], { title: 'DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA NĂM 2020' });
    const preview = await core.call('registrations.previewImport', { ...scope(), kind: 'individuals', file });
    expect(preview.headerRow).toBe(2);
    expect(preview.mappingSource).toBe('suggested');
    expect(preview.mapping).toEqual({ unit: 'Đơn vị', fullName: 'Họ và tên', birthYear: 'Năm sinh', position: 'Chức vụ', title: 'Danh hiệu đăng ký' });
    expect(preview.errors).toEqual([
      'Dòng 4: không tìm thấy đơn vị "Huyện không có" trong danh mục đơn vị (ghi đúng tên hoặc mã đơn vị).',
      'Dòng 5: thiếu họ và tên.',
      'Dòng 6: năm sinh "năm tám lăm" không hợp lệ (ghi năm, ví dụ 1985, hoặc ngày dạng dd/mm/yyyy).',
      'Dòng 6: thiếu danh hiệu đăng ký.',
      'Dòng 7: trùng với dòng 3 (cùng họ tên, năm sinh, đơn vị).',
    ]);
    expect(preview.counts).toEqual({ new: 1, update: 0, unchanged: 0, error: 4 });
    const err = await core.fail('registrations.import', { ...scope(), kind: 'individuals', file });
    expect(err.code).toBe('BAD_FILE');
    expect(err.message).toContain('Tệp có 5 lỗi; chưa nhập gì');
    expect(err.details).toEqual(preview.errors);
    expect(snapshot()).toEqual(before);
  });

  it('imports a valid sheet, matches existing people, and a second import creates nothing', async () => {
    // Already in the register: matched by folded name + birth year + unit, not duplicated.
    const existing = await core.call('people.create', { fullName: 'Đặng Thị Thuỷ', birthYear: 1985, organizationId: w.baBe.id });
    // Same name in another unit: a different person.
    await core.call('people.create', { fullName: 'Hoàng Văn Nam', birthYear: 1979, organizationId: w.choDon.id });
    const file = await sheetOf(PEOPLE_HEADER, GOOD_PEOPLE);
    const preview = await core.call('registrations.previewImport', { ...scope(), kind: 'individuals', file });
    expect(preview.errors).toEqual([]);
    expect(preview.rows[0].matchedPerson).toBe('Đặng Thị Thuỷ (1985)');
    const first = await core.call('registrations.import', { ...scope(), kind: 'individuals', file });
    expect(first).toMatchObject({ registrationsCreated: 2, peopleCreated: 3, peopleMatched: 1, created: 4, updated: 0, unchanged: 0 });
    const regs = (await core.call('registrations.list', scope())).items;
    expect(regs.map((r) => [r.organizationName, r.individualCount, r.status])).toEqual([
      ['Liên đoàn Lao động huyện Ba Bể', 2, 'received'],
      ['Liên đoàn Lao động huyện Chợ Đồn', 2, 'received'],
    ]);
    const baBe = await core.call('registrations.get', { id: regs[0].id });
    expect(baBe.individuals[0]).toMatchObject({ personId: existing.id, title: 'Chiến sĩ thi đua cơ sở' });
    const nong = (await core.call('people.search', { query: 'nong van den' })).items;
    expect(nong).toMatchObject([{ fullName: 'Nông Văn Dền', birthYear: 1990 }]);

    const before = snapshot();
    const again = await core.call('registrations.import', { ...scope(), kind: 'individuals', file });
    expect(again).toMatchObject({ registrationsCreated: 0, peopleCreated: 0, created: 0, updated: 0, unchanged: 4 });
    expect(snapshot()).toEqual(before);
    // The mapping was saved under this header layout and is found again.
    const p2 = await core.call('registrations.previewImport', { ...scope(), kind: 'individuals', file });
    expect(p2.mappingSource).toBe('saved');
    expect(p2.counts).toEqual({ new: 0, update: 0, unchanged: 4, error: 0 });
  });

  it('uses a saved column mapping for a sheet with its own column titles', async () => {
    const header = ['TT', 'Tên CĐCS', 'Họ tên đoàn viên', 'Sinh năm', 'Nhiệm vụ', 'Đăng ký'];
    const file = await sheetOf(header, [[1, 'BABE', 'Lò Văn Tú', 1991, 'Công nhân', 'Lao động tiên tiến']]);
    const p = await core.call('registrations.previewImport', { ...scope(), kind: 'individuals', file });
    expect(p.errors).toContain('Chưa chọn cột cho trường "Danh hiệu đăng ký".');
    const mapping = { unit: 'Tên CĐCS', fullName: 'Họ tên đoàn viên', birthYear: 'Sinh năm', position: 'Nhiệm vụ', title: 'Đăng ký' };
    expect(await core.call('registrations.import', { ...scope(), kind: 'individuals', file, mapping })).toMatchObject({ created: 1 });
    const next = await sheetOf(header, [[1, 'CHODON', 'Bế Văn Đàn', 1988, '', 'Lao động tiên tiến']]);
    const p2 = await core.call('registrations.previewImport', { ...scope(), kind: 'individuals', file: next });
    expect(p2.mappingSource).toBe('saved');
    expect(p2.mapping).toEqual(mapping);
    expect(p2.errors).toEqual([]);
  });

  it('converts TCVN3 and VNI sheets to Unicode NFC and matches the people already imported', async () => {
    const rows = [[1, 'BABE', 'Đặng Thị Thủy', 1985, 'Chủ tịch', 'Chiến sĩ thi đua cơ sở'], [2, 'CHODON', 'Triệu Thị Mười', 1992, '', 'Lao động tiên tiến']];
    await core.call('registrations.import', { ...scope(), kind: 'individuals', file: await sheetOf(PEOPLE_HEADER, rows) });
    const people = count('people');
    for (const encode of [encodeTcvn3, encodeVni]) {
      const file = await sheetOf(PEOPLE_HEADER.map(encode), rows.map((r) => r.map((c) => (typeof c === 'string' ? encode(c) : c))));
      const p = await core.call('registrations.previewImport', { ...scope(), kind: 'individuals', file });
      expect(p.legacyEncoding).toBe(encode === encodeTcvn3 ? 'tcvn3' : 'vni');
      expect(p.convertedCells).toBeGreaterThan(5);
      expect(p.rows[1].values.fullName).toBe('Triệu Thị Mười');
      expect(p.counts.unchanged).toBe(2);
      const res = await core.call('registrations.import', { ...scope(), kind: 'individuals', file });
      expect(res).toMatchObject({ created: 0, unchanged: 2, peopleCreated: 0 });
    }
    expect(count('people')).toBe(people);
    const stored = core.app.store.sqlite.prepare('SELECT full_name, title FROM registration_individuals ri JOIN people p ON p.id = ri.person_id').all() as { full_name: string; title: string }[];
    for (const s of stored) {
      expect(s.full_name).toBe(s.full_name.normalize('NFC'));
      expect(s.title).toBe(s.title.normalize('NFC'));
    }
  });
});

describe('import of works for plaques', () => {
  it('checks dates, money and occasions, then imports; re-import changes nothing', async () => {
    const bad = await sheetOf(WORKS_HEADER, [
      [1, 'BABE', 'Nhà văn hóa thôn Pác Ngòi', 'UBND xã Nam Mẫu', '1.500.000.000', '15/01/2020', '20/07/2020', 'Chào mừng 91 năm Ngày thành lập Công đoàn Việt Nam'],
      [2, 'BABE', 'Đường bê tông', '', 'tám trăm triệu', '2020-01-15', '31/02/2020', ''],
      [3, 'CHODON', 'Trạm y tế xã', '', '500000000', '01/06/2020', '01/03/2020', 'Ngày hội không có'],
    ]);
    const before = snapshot();
    const err = await core.fail('registrations.import', { ...scope(), kind: 'works', file: bad });
    expect(err.details).toEqual([
      'Dòng 3: giá trị "tám trăm triệu" không phải số đồng (ví dụ 1.500.000).',
      'Dòng 3: ngày khởi công "2020-01-15" không đúng dạng dd/mm/yyyy.',
      'Dòng 3: ngày hoàn thành "31/02/2020" không đúng dạng dd/mm/yyyy.',
      'Dòng 4: ngày hoàn thành trước ngày khởi công.',
      'Dòng 4: không tìm thấy dịp "Ngày hội không có" trong danh mục ngày lễ, kỷ niệm.',
    ]);
    expect(snapshot()).toEqual(before);

    const good = await sheetOf(WORKS_HEADER, [
      [1, 'BABE', 'Nhà văn hóa thôn Pác Ngòi', 'UBND xã Nam Mẫu', '1.500.000.000', '15/01/2020', '20/07/2020', 'Chào mừng 91 năm Ngày thành lập Công đoàn Việt Nam'],
      [2, 'BABE', 'Đường bê tông', '', 800000000, new Date(Date.UTC(2020, 0, 15)), '30/06/2020', ''],
    ]);
    expect(await core.call('registrations.import', { ...scope(), kind: 'works', file: good })).toMatchObject({ created: 2, registrationsCreated: 1 });
    const works = (await core.call('registrations.works', { movementId: w.movement.id })).items;
    expect(works.map((x) => [x.name, x.valueDong, x.startDate, x.finishDate, x.occasionName])).toEqual([
      ['Nhà văn hóa thôn Pác Ngòi', 1_500_000_000, '2020-01-15', '2020-07-20', 'Ngày thành lập Công đoàn Việt Nam'],
      ['Đường bê tông', 800_000_000, '2020-01-15', '2020-06-30', null],
    ]);
    const snap = snapshot();
    expect(await core.call('registrations.import', { ...scope(), kind: 'works', file: good })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(snapshot()).toEqual(snap);
  });
});

describe('import of the units’ own registrations', () => {
  it('reads collective titles, targets and commitments per unit; refuses a unit twice; re-import changes nothing', async () => {
    const header = ['STT', 'Tên đơn vị', 'Tổng số đoàn viên', 'Danh hiệu tập thể đăng ký', 'Chỉ tiêu', 'Cam kết'];
    const bad = await sheetOf(header, [
      [1, 'BABE', '1.250', 'Tập thể lao động xuất sắc; Cờ thi đua của Tổng LĐLĐ Việt Nam', '100% CĐCS đăng ký thi đua', 'Hoàn thành xuất sắc nhiệm vụ'],
      [2, 'Liên đoàn Lao động huyện Ba Bể', 'một nghìn', '', '', ''],
    ]);
    const err = await core.fail('registrations.import', { ...scope(), kind: 'units', file: bad });
    expect(err.details).toEqual(['Dòng 3: số đoàn viên "một nghìn" không phải số.', 'Dòng 3: đơn vị này đã có ở dòng 2.']);
    expect(count('registrations')).toBe(0);
    const good = await sheetOf(header, [
      [1, 'BABE', '1.250', 'Tập thể lao động xuất sắc; Cờ thi đua của Tổng LĐLĐ Việt Nam', '100% CĐCS đăng ký thi đua', 'Hoàn thành xuất sắc nhiệm vụ'],
      [2, 'GIAODUC', 830, 'Tập thể lao động xuất sắc', '', ''],
    ]);
    expect(await core.call('registrations.import', { ...scope(), kind: 'units', file: good })).toMatchObject({ registrationsCreated: 2, created: 2 });
    const regs = (await core.call('registrations.list', scope())).items;
    const baBe = await core.call('registrations.get', { id: regs.find((r) => r.organizationName.includes('Ba Bể'))!.id });
    expect(baBe).toMatchObject({ memberCount: 1250, collectiveTitles: ['Tập thể lao động xuất sắc', 'Cờ thi đua của Tổng LĐLĐ Việt Nam'], targets: '100% CĐCS đăng ký thi đua', commitments: 'Hoàn thành xuất sắc nhiệm vụ' });
    const snap = snapshot();
    expect(await core.call('registrations.import', { ...scope(), kind: 'units', file: good })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(snapshot()).toEqual(snap);
    const t = await core.call('registrations.tracker', scope());
    expect([t.registeredCount, t.missingCount]).toEqual([2, 1]);
  });
});

/** Row-by-row person matching: CCCD first, else folded name + birth + unit; the clerk's choice applied exactly. */
const ID_HEADER = ['STT', 'Đơn vị', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Chức vụ', 'Danh hiệu đăng ký'];
const peopleRows = () => core.app.store.sqlite.prepare('SELECT id, full_name, birth_year, birth_date, id_number FROM people WHERE deleted_at IS NULL ORDER BY created_at, id').all() as { id: string; full_name: string; birth_year: number | null; birth_date: string | null; id_number: string | null }[];
const individuals = () =>
  core.app.store.sqlite.prepare('SELECT i.person_id, p.full_name FROM registration_individuals i JOIN people p ON p.id = i.person_id WHERE i.deleted_at IS NULL ORDER BY i.sort_order').all() as { person_id: string; full_name: string }[];

describe('person rows of a registration sheet', () => {
  it('maps the Ngày sinh and CCCD columns and refuses bad ones row by row, writing nothing', async () => {
    const before = peopleRows();
    const file = await sheetOf(ID_HEADER, [
      [1, 'BABE', 'Lý Thị Mai', '31/02/1985', '', '', 'Lao động tiên tiến'],
      [2, 'BABE', 'Lý Văn Tư', '05/03/1985', '12345', '', 'Lao động tiên tiến'],
      [3, 'BABE', 'Hà Thị Năm', '05/03/1985', '1085012345', '', 'Lao động tiên tiến'],
      [4, 'BABE', 'Hà Văn Sáu', '01/01/2199', '', '', 'Lao động tiên tiến'],
      [5, 'BABE', 'Nông Thị Bảy', '', '001085012345', '', 'Lao động tiên tiến'],
      [6, 'BABE', 'Nông Văn Tám', '', '001085012345', '', 'Lao động tiên tiến'],
    ]);
    const preview = await core.call('registrations.previewImport', { ...scope(), kind: 'individuals', file });
    expect(preview.mapping).toMatchObject({ birthDate: 'Ngày sinh', idNumber: 'Số CCCD' });
    expect(preview.errors).toEqual([
      'Dòng 2: ngày sinh "31/02/1985" không đúng dạng dd/mm/yyyy hoặc không có thật (ví dụ 05/03/1985).',
      'Dòng 3: số CCCD "12345" không hợp lệ: phải gồm 12 chữ số (hoặc 9 chữ số CMND cũ).',
      'Dòng 4: số CCCD "1085012345" có 10 chữ số, thiếu số 0 ở đầu? Hãy định dạng cột CCCD là Văn bản (Text) trong Excel và gõ đủ 12 chữ số.',
      'Dòng 5: ngày sinh "01/01/2199" không hợp lệ (trước năm 1900 hoặc sau hôm nay).',
      'Dòng 7: số CCCD trùng với dòng 6.',
    ]);
    const err = await core.fail('registrations.import', { ...scope(), kind: 'individuals', file });
    expect(err.code).toBe('BAD_FILE');
    expect(peopleRows()).toEqual(before);
  });

  it('suggests a match per row (CCCD, else name + birth + unit) and applies exactly the clerk’s choice', async () => {
    // Already here: one with a CCCD spelled differently, one without a birth year, two namesakes of the same year.
    const byId = await core.call('people.create', { fullName: 'Đặng Thị Thuỳ', organizationId: w.baBe.id, birthYear: 1985, idNumber: '001185000111' });
    const noYear = await core.call('people.create', { fullName: 'Hoàng Văn Nam', organizationId: w.baBe.id, birthYear: null });
    const twinA = await core.call('people.create', { fullName: 'Ma Thị Huyền', organizationId: w.baBe.id, birthYear: 1990 });
    const twinB = await core.call('people.create', { fullName: 'Ma Thị Huyền', organizationId: w.baBe.id, birthYear: 1990 });
    const otherUnit = await core.call('people.create', { fullName: 'Lò Văn Chín', organizationId: w.choDon.id, birthYear: 1970 });
    const file = await sheetOf(ID_HEADER, [
      [1, 'BABE', 'Đặng Thị Thủy', '14/07/1985', '001185000111', 'Chủ tịch', 'Chiến sĩ thi đua cơ sở'],
      [2, 'BABE', 'Hoàng Văn Nam', '12/05/1979', '', '', 'Lao động tiên tiến'],
      [3, 'BABE', 'Ma Thị Huyền', '02/09/1990', '', '', 'Lao động tiên tiến'],
      [4, 'BABE', 'Lò Văn Chín', '', '', '', 'Lao động tiên tiến'],
      [5, 'BABE', 'Hoàng Văn Nam', '', '', '', 'Lao động tiên tiến'],
    ]);
    const preview = await core.call('registrations.previewImport', { ...scope(), kind: 'individuals', file });
    expect(preview.errors).toEqual([]);
    const row = (n: number) => preview.rows.find((r) => r.row === n)!;
    // CCCD decides alone, whatever the spelling of the name.
    expect(row(2).candidates).toEqual([expect.objectContaining({ id: byId.id, reason: 'cùng số CCCD' })]);
    expect(row(2).suggestedPersonId).toBe(byId.id);
    // The one candidate without a year is suggested (nothing contradicts).
    expect(row(3).candidates?.map((c) => [c.id, c.reason])).toEqual([[noYear.id, 'cùng họ tên, người đã có chưa ghi năm sinh, cùng đơn vị']]);
    expect(row(3).suggestedPersonId).toBe(noYear.id);
    // Two equally good candidates: none suggested, the clerk chooses.
    expect(row(4).candidates?.map((c) => c.id).sort()).toEqual([twinA.id, twinB.id].sort());
    // Namesakes alike in year and unit read apart: numbered in the order they were entered here, with the day.
    const twinLabels = Object.fromEntries(row(4).candidates!.map((c) => [c.id, c.label]));
    expect(twinLabels[twinA.id]).toMatch(/ — hồ sơ thứ 1, nhập ngày \d{2}\/\d{2}\/\d{4}$/);
    expect(twinLabels[twinB.id]).toMatch(/ — hồ sơ thứ 2, nhập ngày \d{2}\/\d{2}\/\d{4}$/);
    expect(row(4).suggestedPersonId).toBeNull();
    // Same name in another unit is not a candidate.
    expect(row(5).candidates).toEqual([]);
    expect(row(5).candidates?.some((c) => c.id === otherUnit.id)).toBe(false);

    // A choice outside the row's candidates is refused, and so is a new person with a CCCD someone here has.
    const forged = await core.fail('registrations.import', { ...scope(), kind: 'individuals', file, personChoices: { '5': otherUnit.id } });
    expect(forged.details).toEqual(['Dòng 5: người đã chọn không phải người có thể trùng với dòng này (khác họ tên, ngày sinh, đơn vị hoặc CCCD); hãy chọn lại.']);
    const newWithId = await core.fail('registrations.import', { ...scope(), kind: 'individuals', file, personChoices: { '2': 'new' } });
    expect(newWithId.details).toEqual(['Dòng 2: số CCCD 001185000111 đã có ở "Đặng Thị Thuỳ": một số CCCD là một người, hãy chọn "Cùng người".']);
    const bad = await core.fail('registrations.import', { ...scope(), kind: 'individuals', file, personChoices: { x: 'new' } as Record<string, string> });
    expect(bad.code).toBe('VALIDATION');

    // The clerk: row 3 is a different Hoàng Văn Nam (new), row 4 is twin B, row 6 (no year) is the old one.
    const before = peopleRows().length;
    const result = await core.call('registrations.import', { ...scope(), kind: 'individuals', file, personChoices: { '3': 'new', '4': twinB.id, '6': noYear.id } });
    expect(result).toMatchObject({ peopleCreated: 2, peopleMatched: 3 });
    expect(peopleRows().length).toBe(before + 2);
    const list = individuals();
    const newNam = peopleRows().find((p) => p.full_name === 'Hoàng Văn Nam' && p.id !== noYear.id)!;
    expect(newNam).toMatchObject({ birth_year: 1979, birth_date: '1979-05-12' });
    expect(list.map((i) => i.person_id)).toEqual([byId.id, newNam.id, twinB.id, expect.any(String), noYear.id]);
    expect(list[3].person_id).not.toBe(otherUnit.id);
    // The matched person learnt the birth date the sheet gave.
    expect(peopleRows().find((p) => p.id === byId.id)).toMatchObject({ id_number: '001185000111', birth_year: 1985, birth_date: '1985-07-14' });
  });
});

describe('the ready registration template', () => {
  it('has the CCCD and Ngày sinh columns as text, and imports as it is', async () => {
    const saved = await core.call('registrations.exportTemplate', { kind: 'individuals' });
    const bytes = readFileSync(saved.path!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Đăng ký', 'Đơn vị']);
    const header = (wb.worksheets[0].getRow(1).values as string[]).filter(Boolean);
    expect(header).toEqual(['Đơn vị (tên hoặc mã)', 'Họ và tên', 'Năm sinh', 'Ngày sinh (dd/mm/yyyy)', 'Số CCCD', 'Chức vụ', 'Danh hiệu đăng ký']);
    // The CCCD keeps its leading zero: the cell is text.
    expect(wb.worksheets[0].getRow(2).getCell(5).value).toBe('001085012345');
    const file = { fileName: 'mau.xlsx', dataBase64: bytes.toString('base64') };
    const preview = await core.call('registrations.previewImport', { movementId: w.movement.id, phaseId: w.phase1, kind: 'individuals', file });
    expect(preview.errors).toEqual([]);
    expect(preview.mappingSource).toBe('suggested');
    expect(Object.keys(preview.mapping).sort()).toEqual(['birthDate', 'birthYear', 'fullName', 'idNumber', 'position', 'title', 'unit']);
    expect(await core.call('registrations.import', { movementId: w.movement.id, phaseId: w.phase1, kind: 'individuals', file })).toMatchObject({ created: 1, peopleCreated: 1 });
    expect(peopleRows().find((p) => p.full_name === 'Nguyễn Văn A')).toMatchObject({ birth_date: '1985-03-05', birth_year: 1985, id_number: '001085012345' });
  });
});

const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng'];

/** 130 people in Ba Bể; every 9th row has no title (a problem). */
function rows(family: string): (string | number)[][] {
  return Array.from({ length: 130 }, (_, i) => [i + 1, 'BABE', `${family} Văn ${GIVEN[i % 10]} ${String.fromCharCode(65 + Math.floor(i / 10))}`, 1970 + (i % 30), '', i % 9 === 4 ? '' : 'Lao động tiên tiến']);
}

describe('a sheet preview keeps its rows in the core', () => {
  it('sends a summary and the first page; the rest comes a page at a time, or only the rows with a problem', async () => {
    const file = await sheetOf(PEOPLE_HEADER, rows('Nông'));
    const p = await core.call('registrations.previewImport', { ...scope(), kind: 'individuals', file });
    expect(p.rowCount).toBe(130);
    expect(p.rows).toHaveLength(50);
    expect(p.rows[0].row).toBe(2);
    const bad = rows('Nông').filter((r) => r[5] === '').length;
    expect(p.errorCount).toBe(bad);
    expect(p.counts).toMatchObject({ new: 130 - bad, error: bad });

    const last = await core.call('registrations.previewRows', { previewId: p.previewId, limit: 50, offset: 100 });
    expect(last.total).toBe(130);
    expect(last.items.map((r) => r.row)).toEqual(Array.from({ length: 30 }, (_, i) => 102 + i));
    const errors = await core.call('registrations.previewRows', { previewId: p.previewId, onlyErrors: true, limit: 500 });
    expect(errors.total).toBe(bad);
    expect(errors.items.every((r) => r.action === 'error' && r.errors[0] === 'thiếu danh hiệu đăng ký.')).toBe(true);

    const gone = await core.app.dispatch('registrations.previewRows', { previewId: crypto.randomUUID() });
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error.message).toMatch(/Bản xem trước không còn.*chọn lại tệp/);
  });

  it('imports what the file it is given says: the same bytes reuse the read, other bytes are read again', async () => {
    const fix = (list: (string | number)[][]) => list.map((r) => (r[5] === '' ? [...r.slice(0, 5), 'Lao động tiên tiến'] : r));
    const first = await sheetOf(PEOPLE_HEADER, fix(rows('Nông')));
    const p = await core.call('registrations.previewImport', { ...scope(), kind: 'individuals', file: first });
    expect(p.errorCount).toBe(0);
    // The clerk previewed one file, then the file changed on disk (same name) before "Nhập".
    const changed = await sheetOf(PEOPLE_HEADER, fix(rows('Triệu')).slice(0, 7));
    const r = await core.call('registrations.import', { ...scope(), kind: 'individuals', file: changed, mapping: p.mapping });
    expect(r).toMatchObject({ created: 7, peopleCreated: 7 });
    const names = core.app.store.sqlite.prepare('SELECT full_name FROM people WHERE deleted_at IS NULL').pluck().all() as string[];
    expect(names.filter((n) => n.startsWith('Triệu'))).toHaveLength(7);
    expect(names.some((n) => n.startsWith('Nông'))).toBe(false);
  });
});

describe('readOnce', () => {
  it('reads a content once, and again when one byte differs or another sheet is asked for', async () => {
    let reads = 0;
    const read = async () => ({ n: ++reads });
    const a = Uint8Array.from([1, 2, 3, 4]);
    expect(await readOnce(a, undefined, read)).toEqual({ n: 1 });
    expect(await readOnce(Uint8Array.from(a), undefined, read)).toEqual({ n: 1 });
    expect(await readOnce(Uint8Array.from([1, 2, 3, 5]), undefined, read)).toEqual({ n: 2 });
    expect(await readOnce(Uint8Array.from([1, 2, 3, 5]), 'Trang 2', read)).toEqual({ n: 3 });
    expect(await readOnce(a, undefined, read)).toEqual({ n: 4 });
  });
});
