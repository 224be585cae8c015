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
    expect(Object.keys(preview.mapping).sort()).toEqual(['birthYear', 'decisionDate', 'decisionNumber', 'form', 'fullName', 'issuer', 'target', 'unit', 'year']);
    expect(await core.call('awardHistory.import', { file })).toMatchObject({ created: 2, peopleCreated: 1 });
    expect((await core.fail('awardHistory.previewImport', { file: { fileName: 'x.xlsx', dataBase64: Buffer.from('không phải excel').toString('base64') } })).message).toMatch(/Không đọc được tệp Excel/);
  });
});
