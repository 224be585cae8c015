/** Commendation history from Excel: one-pass errors, 5,000 rows, idempotent re-import, TCVN3, the template, the ladder. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeTcvn3 } from '../../src/shared/vi-text/legacy-encodings';
import { seedCommendationWorld } from '../helpers/commendations';
import { startCore, type TestCore } from '../helpers/core';
import { sheetOf } from '../helpers/registrations';

const HEADER = ['STT', 'Số quyết định', 'Ngày quyết định', 'Cơ quan ban hành', 'Hình thức khen thưởng', 'Năm thành tích', 'Đối tượng', 'Họ và tên', 'Năm sinh', 'Đơn vị'];

let core: TestCore;
let w: Awaited<ReturnType<typeof seedCommendationWorld>>;
beforeEach(async () => {
  core = await startCore();
  w = await seedCommendationWorld(core);
});
afterEach(() => core.cleanup());

const count = (sql: string) => (core.app.store.sqlite.prepare(sql).get() as { n: number }).n;

/** 1,000 people × 5 years of LĐTT, alternating units; `bad` rows replaced by broken ones. */
function bigSheet(bad: Map<number, (string | number)[]> = new Map()): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (let p = 0; p < 1000; p++) {
    for (let y = 2020; y < 2025; y++) {
      const i = rows.length;
      rows.push(bad.get(i) ?? [i + 1, `${10 + (y - 2020)}/QĐ-LĐLĐ`, `20/12/${y}`, 'Ban Thường vụ LĐLĐ tỉnh Bắc Kạn', 'Lao động tiên tiến', y, 'Cá nhân', `Nguyễn Văn Số ${p}`, 1970 + (p % 30), p % 2 ? 'BABE' : 'CHODON']);
    }
  }
  return rows;
}

describe('history import', () => {
  it('5,000 rows: every error reported in one pass, nothing written; then imported once; a re-import adds nothing', async () => {
    const bad = new Map<number, (string | number)[]>([
      [6, [7, '11/QĐ-LĐLĐ', '20/12/2021', '', 'Huân chương không có', 2021, 'Cá nhân', 'Nguyễn Văn Số 1', 1971, 'BABE']],
      [2500, [2501, '10/QĐ-LĐLĐ', '31/02/2020', '', 'Lao động tiên tiến', 'hai nghìn', 'Cá nhân', 'Nguyễn Văn Số 500', 1970, 'CHODON']],
      [4999, [5000, '', '', '', 'Lao động tiên tiến', 2024, 'Cá nhân', '', 1979, 'Huyện không có']],
      [4998, [4999, '13/QĐ-LĐLĐ', '20/12/2023', '', 'Tập thể lao động tiên tiến', 2023, 'Cá nhân', 'Nguyễn Văn Số 999', 1979, 'BABE']],
    ]);
    const broken = await sheetOf(HEADER, bigSheet(bad));
    const people = count('SELECT count(*) n FROM people');
    const err = await core.fail('awardHistory.import', { file: broken });
    expect(err.message).toMatch(/^Tệp có 7 lỗi; chưa nhập gì/);
    expect(err.details).toEqual([
      'Dòng 8: không tìm thấy "Huân chương không có" trong danh mục danh hiệu, hình thức khen thưởng (Cài đặt → Khen thưởng).',
      'Dòng 2502: năm thành tích "hai nghìn" không hợp lệ (ghi 4 chữ số, ví dụ 2024).',
      'Dòng 2502: ngày quyết định "31/02/2020" không đúng dạng dd/mm/yyyy.',
      'Dòng 5000: "Tập thể lao động tiên tiến" chỉ dành cho tập thể.',
      'Dòng 5001: không tìm thấy đơn vị "Huyện không có" trong danh mục đơn vị (ghi đúng tên hoặc mã đơn vị).',
      'Dòng 5001: thiếu họ và tên của cá nhân.',
      'Dòng 5001: thiếu số quyết định.',
    ]);
    expect(count('SELECT count(*) n FROM award_history')).toBe(0);
    expect(count('SELECT count(*) n FROM people')).toBe(people);

    const good = await sheetOf(HEADER, bigSheet());
    const preview = await core.call('awardHistory.previewImport', { file: good });
    expect(preview.mapping).toEqual({
      decisionNumber: 'Số quyết định', decisionDate: 'Ngày quyết định', issuer: 'Cơ quan ban hành', form: 'Hình thức khen thưởng',
      year: 'Năm thành tích', target: 'Đối tượng', fullName: 'Họ và tên', birthYear: 'Năm sinh', unit: 'Đơn vị',
    });
    expect(preview.counts).toEqual({ new: 5000, unchanged: 0, error: 0 });
    const first = await core.call('awardHistory.import', { file: good });
    expect(first).toEqual({ created: 5000, unchanged: 0, peopleCreated: 1000, peopleMatched: 4000 });
    expect(count("SELECT count(*) n FROM award_history WHERE origin = 'imported' AND file_name = 'dang-ky.xlsx'")).toBe(5000);
    const again = await core.call('awardHistory.import', { file: good });
    expect(again).toEqual({ created: 0, unchanged: 5000, peopleCreated: 0, peopleMatched: 5000 });
    expect(count('SELECT count(*) n FROM award_history')).toBe(5000);
    expect(count('SELECT count(*) n FROM people')).toBe(people + 1000);
    expect((await core.call('awardHistory.previewImport', { file: good })).counts).toEqual({ new: 0, unchanged: 5000, error: 0 });
    // The mapping was kept for the next sheet with these columns.
    expect(count("SELECT count(*) n FROM xlsx_mappings WHERE kind = 'history'")).toBe(1);
  }, 120_000);

  it('reads TCVN3 sheets, matches the directory’s people, and marks imported history in the ladder', async () => {
    const rows = [
      [1, '12/QĐ-LĐLĐ', '20/12/2024', 'Ban Thường vụ LĐLĐ tỉnh', 'Lao động tiên tiến', 2024, 'Cá nhân', 'Đặng Thị An', '', 'CHODON'],
      [2, '12/QĐ-LĐLĐ', '20/12/2024', 'Ban Thường vụ LĐLĐ tỉnh', 'Giấy khen', 2024, 'Tập thể', '', '', 'LĐLĐ huyện Chợ Đồn'],
    ];
    const file = await sheetOf(HEADER.map(encodeTcvn3), rows.map((r) => r.map((c) => (typeof c === 'string' ? encodeTcvn3(c) : c))));
    const preview = await core.call('awardHistory.previewImport', { file });
    expect(preview.legacyEncoding).toBe('tcvn3');
    expect(preview.rows.map((r) => [r.values.fullName, r.matchedPerson])).toEqual([['Đặng Thị An', 'Đặng Thị An'], ['', null]]);
    expect(await core.call('awardHistory.import', { file })).toMatchObject({ created: 2, peopleCreated: 0, peopleMatched: 1 });
    const an = (await core.call('people.search', { query: 'dang thi an' })).items[0];
    const ladder = await core.call('awardHistory.getLadder', { personId: an.id, year: 2026 });
    expect(ladder.entries).toEqual([expect.objectContaining({ year: 2024, formName: 'Lao động tiên tiến', origin: 'imported', evidence: 'QĐ 12/QĐ-LĐLĐ ngày 20/12/2024 của Ban Thường vụ LĐLĐ tỉnh, nhập từ Excel' })]);
    // The person's history view (registrations area) lists the imported line, marked as such.
    expect((await core.call('registrations.personHistory', { personId: an.id })).titles).toEqual([
      expect.objectContaining({ year: 2024, title: 'Lao động tiên tiến', reference: 'Quyết định số 12/QĐ-LĐLĐ ngày 20/12/2024 (nhập từ Excel)' }),
    ]);
    // The duplicate check sees it too: the same title for the same year is refused.
    const again = await core.call('commendations.saveNomination', { periodYear: 2024, sourceOrgId: w.choDon.id, target: 'individual', personId: an.id, organizationId: w.choDon.id, proposedFormId: '00000000-0000-4000-8000-000000000605' });
    expect((await core.call('commendations.checkNomination', { id: again.id })).find((c) => c.code === 'duplicate')).toMatchObject({
      ok: false,
      message: 'Đặng Thị An đã được tặng "Lao động tiên tiến" năm 2024 theo Quyết định số 12/QĐ-LĐLĐ ngày 20/12/2024 của Ban Thường vụ LĐLĐ tỉnh (lịch sử nhập từ Excel): không khen trùng cùng hình thức, cùng kỳ.',
    });
    // The next forms with their conditions: what is still missing for 2026.
    const cstd = ladder.next.find((x) => x.formName === 'Chiến sĩ thi đua cơ sở')!;
    expect(cstd.met).toBe(false);
    expect(cstd.checks.map((c) => c.message)).toEqual(['Lao động tiên tiến 2026: thiếu năm 2026', 'Sáng kiến, đề tài được công nhận năm 2026: chưa có']);
    // The history screen lists imported lines with the decisions, marked, found by a folded query.
    expect((await core.call('commendations.history', { query: 'dang thi' })).map((h) => [h.name, h.numberText, h.periodYear, h.imported])).toEqual([['Đặng Thị An', '12/QĐ-LĐLĐ', 2024, true]]);
    expect((await core.call('commendations.history', { organizationId: w.choDon.id })).map((h) => h.formName).sort()).toEqual(['Giấy khen', 'Lao động tiên tiến']);
    const unit = await core.call('awardHistory.getLadder', { organizationId: w.choDon.id, year: 2026 });
    expect(unit.entries.map((e) => [e.year, e.formName, e.origin])).toEqual([[2024, 'Giấy khen', 'imported']]);
    expect(unit.next.map((x) => x.formName)).toEqual(['Tập thể lao động tiên tiến', 'Tập thể lao động xuất sắc']);
  });

  it('the ready template imports as it is, and a wrong file is refused in Vietnamese', async () => {
    const saved = await core.call('awardHistory.exportTemplate', {});
    const bytes = readFileSync(saved.path!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Lịch sử khen thưởng', 'Danh mục']);
    expect(wb.worksheets[1].getColumn(1).values).toContain('Chiến sĩ thi đua cơ sở');
    const file = { fileName: 'mau.xlsx', dataBase64: bytes.toString('base64') };
    const preview = await core.call('awardHistory.previewImport', { file });
    expect(preview.errors).toEqual([]);
    expect(preview.mappingSource).toBe('suggested');
    expect(Object.keys(preview.mapping).sort()).toEqual(['birthDate', 'birthYear', 'decisionDate', 'decisionNumber', 'form', 'fullName', 'idNumber', 'issuer', 'target', 'unit', 'year']);
    expect(await core.call('awardHistory.import', { file })).toMatchObject({ created: 2, peopleCreated: 1 });
    // The CCCD kept its leading zeros (text cells) and the birth date was read.
    expect(core.app.store.sqlite.prepare("SELECT birth_date, birth_year, id_number FROM people WHERE full_name = 'Nguyễn Văn A'").all()).toEqual([{ birth_date: '1985-03-05', birth_year: 1985, id_number: '001085012345' }]);
    expect((await core.fail('awardHistory.previewImport', { file: { fileName: 'x.xlsx', dataBase64: Buffer.from('không phải excel').toString('base64') } })).message).toMatch(/Không đọc được tệp Excel/);
  });

  it('matches people row by row like the registration import and writes exactly the clerk’s choice', async () => {
    const head = ['STT', 'Số quyết định', 'Ngày quyết định', 'Hình thức khen thưởng', 'Năm thành tích', 'Đối tượng', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Đơn vị'];
    const byId = await core.call('people.create', { fullName: 'Lường Văn Tú', organizationId: w.choDon.id, birthYear: 1982, idNumber: '006082001234' });
    const twinA = await core.call('people.create', { fullName: 'Nông Thị Mai', organizationId: w.baBe.id, birthYear: 1988 });
    const twinB = await core.call('people.create', { fullName: 'Nông Thị Mai', organizationId: w.baBe.id, birthYear: 1988 });
    const noYear = await core.call('people.create', { fullName: 'Hà Văn Sơn', organizationId: w.baBe.id, birthYear: null });
    const elsewhere = await core.call('people.create', { fullName: 'Hà Văn Sơn', organizationId: w.choDon.id, birthYear: 1975 });
    const good = [
      [1, '15/QĐ-LĐLĐ', '18/12/2025', 'Lao động tiên tiến', 2025, 'Cá nhân', 'Lương Văn Tú', '', '006082001234', 'CHODON'],
      [2, '9/QĐ-LĐLĐ', '19/12/2024', 'Lao động tiên tiến', 2024, 'Cá nhân', 'Lương Văn Tú', '', '006082001234', 'CHODON'],
      [3, '15/QĐ-LĐLĐ', '18/12/2025', 'Lao động tiên tiến', 2025, 'Cá nhân', 'Nông Thị Mai', '03/04/1988', '', 'BABE'],
      [4, '15/QĐ-LĐLĐ', '18/12/2025', 'Lao động tiên tiến', 2025, 'Cá nhân', 'Hà Văn Sơn', '', '', 'BABE'],
      [5, '9/QĐ-LĐLĐ', '19/12/2024', 'Lao động tiên tiến', 2024, 'Cá nhân', 'Hà Văn Sơn', '20/10/1979', '', 'BABE'],
      [6, '15/QĐ-LĐLĐ', '18/12/2025', 'Chiến sĩ thi đua cơ sở', 2025, 'Cá nhân', 'Hà Văn Sơn', '20/10/1979', '', 'BABE'],
    ];
    // Row checks shared with the registration import: a CCCD that lost its zero, a date that does not exist, one CCCD for two people.
    const broken = await sheetOf(head, [
      ...good,
      [7, '15/QĐ-LĐLĐ', '18/12/2025', 'Lao động tiên tiến', 2025, 'Cá nhân', 'Triệu Văn Lâm', '', '12345678901', 'BABE'],
      [8, '15/QĐ-LĐLĐ', '18/12/2025', 'Lao động tiên tiến', 2025, 'Cá nhân', 'Bàn Thị Dung', '31/02/1990', '', 'BABE'],
      [9, '15/QĐ-LĐLĐ', '18/12/2025', 'Lao động tiên tiến', 2025, 'Cá nhân', 'Nguyễn Văn Khác', '', '006082001234', 'CHODON'],
    ]);
    expect((await core.call('awardHistory.previewImport', { file: broken })).errors).toEqual([
      'Dòng 8: số CCCD "12345678901" có 11 chữ số, thiếu số 0 ở đầu? Hãy định dạng cột CCCD là Văn bản (Text) trong Excel và gõ đủ 12 chữ số.',
      'Dòng 9: ngày sinh "31/02/1990" không đúng dạng dd/mm/yyyy hoặc không có thật (ví dụ 05/03/1985).',
      'Dòng 10: số CCCD 006082001234 đã ghi ở dòng 2 cho người khác (khác họ tên hoặc đơn vị).',
    ]);

    const file = await sheetOf(head, good);
    const preview = await core.call('awardHistory.previewImport', { file });
    expect(preview.errors).toEqual([]);
    const row = (n: number) => preview.rows.find((r) => r.row === n)!;
    // The CCCD decides whatever the spelling of the name; two equal namesakes are left to the clerk.
    expect(row(2).candidates).toEqual([expect.objectContaining({ id: byId.id, reason: 'cùng số CCCD' })]);
    expect(row(2).suggestedPersonId).toBe(byId.id);
    expect(row(4).candidates?.map((c) => c.id).sort()).toEqual([twinA.id, twinB.id].sort());
    expect(row(4).suggestedPersonId).toBeNull();
    // Same name in another unit is never a candidate; the one without a birth year is suggested.
    expect(row(5).candidates?.map((c) => c.id)).toEqual([noYear.id]);
    expect(row(5).suggestedPersonId).toBe(noYear.id);

    const lines = () => core.app.store.sqlite.prepare('SELECT count(*) n FROM award_history').get() as { n: number };
    // A choice outside the row's candidates, or a new person with a CCCD someone here has, is refused; nothing written.
    const forged = await core.fail('awardHistory.import', { file, personChoices: { '5': elsewhere.id } });
    expect(forged.details).toEqual(['Dòng 5: người đã chọn không phải người có thể trùng với dòng này (khác họ tên, ngày sinh, đơn vị hoặc CCCD); hãy chọn lại.']);
    const newWithId = await core.fail('awardHistory.import', { file, personChoices: { '3': 'new' } });
    expect(newWithId.details).toEqual(['Dòng 3: số CCCD 006082001234 đã có ở "Lường Văn Tú": một số CCCD là một người, hãy chọn "Cùng người".']);
    expect((await core.fail('awardHistory.import', { file, personChoices: { '4': 'khong-phai-ma' } })).code).toBe('VALIDATION');
    expect(lines().n).toBe(0);

    // The clerk: row 4 is twin B; rows 6 and 7 are another Hà Văn Sơn (one new person for both lines).
    const people = count('SELECT count(*) n FROM people');
    const result = await core.call('awardHistory.import', { file, personChoices: { '4': twinB.id, '6': 'new', '7': 'new' } });
    expect(result).toEqual({ created: 6, unchanged: 0, peopleCreated: 1, peopleMatched: 5 });
    expect(count('SELECT count(*) n FROM people')).toBe(people + 1);
    const written = core.app.store.sqlite.prepare('SELECT person_id, year, form_id FROM award_history ORDER BY decision_number DESC, year, person_id').all() as { person_id: string }[];
    const son = core.app.store.sqlite.prepare("SELECT id, birth_date FROM people WHERE full_name = 'Hà Văn Sơn' AND id NOT IN (?, ?)").all(noYear.id, elsewhere.id) as { id: string; birth_date: string }[];
    expect(son).toEqual([{ id: expect.any(String), birth_date: '1979-10-20' }]);
    expect(written.map((x) => x.person_id).sort()).toEqual([byId.id, byId.id, twinB.id, noYear.id, son[0].id, son[0].id].sort());
    // Again: the new Hà Văn Sơn now is a candidate too, so the row without a birth date waits for the clerk;
    // with the same people chosen, the sheet changes nothing.
    const again = await core.call('awardHistory.previewImport', { file });
    expect(again.rows.find((r) => r.row === 5)!.suggestedPersonId).toBeNull();
    expect(again.rows.find((r) => r.row === 6)!.suggestedPersonId).toBe(son[0].id);
    const same = { '4': twinB.id, '5': noYear.id };
    expect((await core.call('awardHistory.previewImport', { file, personChoices: same })).counts).toEqual({ new: 0, unchanged: 6, error: 0 });
    expect(await core.call('awardHistory.import', { file, personChoices: same })).toEqual({ created: 0, unchanged: 6, peopleCreated: 0, peopleMatched: 6 });
  });
});
