import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { startCore, type TestCore } from '../helpers/core';
import { EXPECTED_AMOUNT, seedReportWorld } from '../helpers/reports';

const cores: TestCore[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.cleanup();
});
async function core(): Promise<TestCore> {
  const c = await startCore();
  cores.push(c);
  return c;
}

function docxText(path: string): string {
  const xml = strFromU8(unzipSync(readFileSync(path))['word/document.xml']);
  return xml.replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

describe('phase figures', () => {
  it('counts units registered / not, works approved / with plaques, commendations by form with money', async () => {
    const c = await core();
    const w = await seedReportWorld(c);
    const f = await c.call('reports.figures', { movementId: w.movement.id, phaseId: w.phaseId });
    expect(f.totals).toMatchObject({ units: 3, registered: 2, notRegistered: 1, individuals: 3, works: 1, worksApproved: 1, plaques: 1, collectivesAwarded: 1, individualsAwarded: 3, amount: EXPECTED_AMOUNT });
    expect(f.commendationsAvailable).toBe(true);
    expect(f.forms).toEqual([expect.objectContaining({ formName: 'Giấy khen', collectives: 1, individuals: 3, amount: EXPECTED_AMOUNT })]);
    const baBe = f.units.find((u) => u.organizationId === w.baBe.id)!;
    expect(baBe).toMatchObject({ registered: true, works: 1, plaques: 1, collectivesAwarded: 1, individualsAwarded: 1, amount: 710_000 + 1_410_000, reportNumber: null });
    expect(f.units.find((u) => u.organizationId === w.nganh.id)).toMatchObject({ registered: false, works: 0 });
    // Sorted by Vietnamese collation of the names.
    expect(f.units.map((u) => u.code)).toEqual(['GIAODUC', 'BABE', 'CHODON']);

    const lines = await c.call('reports.byPhase', { movementId: w.movement.id });
    expect(lines.map((l) => l.phaseName)).toEqual(['Đợt 1', 'Cả phong trào']);
    expect(lines[1].totals.amount).toBe(EXPECTED_AMOUNT);
  });

  it('refuses an unknown movement or a đợt of another movement, in Vietnamese', async () => {
    const c = await core();
    const w = await seedReportWorld(c);
    const other = await c.call('movements.save', { year: 2026, name: 'Phong trào khác', phases: [{ name: 'Đợt A' }] });
    expect(await c.fail('reports.figures', { movementId: w.movement.id, phaseId: other.phases[0].id })).toMatchObject({ code: 'NOT_FOUND', message: 'Đợt thi đua không thuộc phong trào đã chọn.' });
    expect(await c.fail('reports.figures', { movementId: 'x' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Phong trào: không hợp lệ') });
  });
});

describe('phase report', () => {
  it('composes a draft from the data, saves edits, issues with a BC number from the register, then locks', async () => {
    const c = await core();
    const w = await seedReportWorld(c);
    const draft = await c.call('reports.compose', { movementId: w.movement.id, phaseId: w.phaseId });
    expect(draft).toMatchObject({ status: 'draft', own: true, numberText: null, subject: 'Kết quả Đợt 1 phong trào thi đua lao động giỏi năm 2026' });
    const result = draft.body.sections[0];
    expect(result.title).toBe('KẾT QUẢ THỰC HIỆN');
    expect(result.paragraphs[0]).toBe('Đăng ký thi đua: 2/3 đơn vị trực thuộc đã đăng ký thi đua với 3 cá nhân đăng ký; 1 đơn vị chưa đăng ký (Công đoàn ngành Giáo dục).');
    expect(result.paragraphs[1]).toContain('1 công trình được chấp thuận gắn biển, 1 công trình đã gắn biển');
    expect(result.paragraphs[2]).toBe('Khen thưởng: đã khen thưởng 1 tập thể và 3 cá nhân, tổng số tiền thưởng 3.540.000 đồng (Ba triệu năm trăm bốn mươi nghìn đồng).');
    expect(await c.fail('reports.compose', { movementId: w.movement.id, phaseId: w.phaseId })).toMatchObject({ code: 'CONFLICT' });

    const body = { ...draft.body, sections: draft.body.sections.map((s, i) => (i === 1 ? { ...s, paragraphs: ['Ưu điểm: các đơn vị hưởng ứng tích cực.', 'Hạn chế: một đơn vị chưa đăng ký.'] } : s)) };
    const saved = await c.call('reports.save', { id: draft.id, revision: draft.revision, subject: draft.subject, plannedDate: '2026-07-05', body });
    expect(saved.body.sections[1].paragraphs[0]).toBe('Ưu điểm: các đơn vị hưởng ứng tích cực.');
    // A stale editor is refused, nothing changes.
    expect(await c.fail('reports.save', { id: draft.id, revision: draft.revision, subject: 'Cũ', body })).toMatchObject({ code: 'CONFLICT' });
    // Bad input: Vietnamese message, DB unchanged.
    const before = c.app.store.sqlite.prepare('SELECT revision, subject, body FROM phase_reports').all();
    expect(await c.fail('reports.save', { id: draft.id, subject: 'x'.repeat(1001), body })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Trích yếu: dài quá 1000 ký tự') });
    expect(c.app.store.sqlite.prepare('SELECT revision, subject, body FROM phase_reports').all()).toEqual(before);

    const preview = await c.call('documents.preview', { kind: 'phase-report', id: draft.id });
    expect(preview.fileName).toMatch(/^Du-thao-bao-cao/);

    const issued = await c.call('reports.issue', { id: draft.id, date: '2026-07-06', number: null });
    // One register per issuer per year: the decision took 01.
    expect(issued).toMatchObject({ status: 'issued', numberText: '02/BC-LĐLĐ', issuedDate: '2026-07-06' });
    const register = await c.call('register.list', { year: 2026 });
    expect(register.entries.map((e) => e.numberText)).toContain('02/BC-LĐLĐ');
    expect(await c.fail('reports.save', { id: draft.id, subject: 'Sửa', body })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('đã ban hành') });
    expect(await c.fail('reports.delete', { id: draft.id })).toMatchObject({ code: 'CONFLICT' });
    expect(() => c.app.store.sqlite.prepare("UPDATE phase_reports SET subject = 'x'").run()).toThrow(/Báo cáo đã ban hành không thể sửa/);

    const file = await c.call('documents.export', { kind: 'phase-report', id: draft.id });
    const text = docxText(file.path!);
    expect(text).toContain('Số: 02/BC-LĐLĐ');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('KẾT QUẢ THI ĐUA THEO ĐƠN VỊ');
    expect(text).toContain('Liên đoàn Lao động huyện Ba Bể');
    expect(text).toContain('Ưu điểm: các đơn vị hưởng ứng tích cực.');
    expect((await c.call('reports.list', {})).map((r) => r.numberText)).toEqual(['02/BC-LĐLĐ']);
  });

  it('refuses to issue a report without content; the register takes no number', async () => {
    const c = await core();
    const w = await seedReportWorld(c);
    const draft = await c.call('reports.compose', { movementId: w.movement.id, phaseId: null });
    await c.call('reports.save', { id: draft.id, subject: '', body: { ...draft.body, sections: [] } });
    expect(await c.fail('reports.issue', { id: draft.id, date: '2026-07-06' })).toMatchObject({ code: 'VALIDATION', message: 'Chưa thể ban hành: Báo cáo chưa có trích yếu.' });
    expect((await c.call('register.list', { year: 2026 })).entries.filter((e) => e.kindAbbr === 'BC')).toHaveLength(0);
    await c.call('reports.delete', { id: draft.id });
    expect(await c.call('reports.list', {})).toEqual([]);
  });

  it('refreshes the figures of a draft after new data', async () => {
    const c = await core();
    const w = await seedReportWorld(c);
    const draft = await c.call('reports.compose', { movementId: w.movement.id, phaseId: w.phaseId });
    await c.call('registrations.save', { movementId: w.movement.id, phaseId: w.phaseId, organizationId: w.nganh.id, individuals: [] });
    expect(draft.figures.totals.registered).toBe(2);
    expect((await c.call('reports.refresh', { id: draft.id })).figures.totals.registered).toBe(3);
  });
});

describe('report tables as .xlsx', () => {
  it('exports every table, one sheet each, numbers as numbers', async () => {
    const c = await core();
    const w = await seedReportWorld(c);
    const { path } = await c.call('reports.exportXlsx', { movementId: w.movement.id, phaseId: w.phaseId, table: 'all' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path!);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Theo đơn vị', 'Theo đợt', 'Khen thưởng', 'Báo cáo cấp dưới']);
    const units = wb.getWorksheet('Theo đơn vị')!;
    expect(units.getRow(3).getCell(3).value).toBe('Đơn vị');
    const baBe = [4, 5, 6].map((r) => units.getRow(r)).find((r) => r.getCell(2).value === 'BABE')!;
    expect(baBe.getCell(11).value).toBe(2_120_000);
    const forms = wb.getWorksheet('Khen thưởng')!;
    expect(forms.getRow(4).getCell(6).value).toBe(EXPECTED_AMOUNT);
    const one = await c.call('reports.exportXlsx', { movementId: w.movement.id, table: 'phases' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(one.path!);
    expect(wb2.worksheets.map((s) => s.name)).toEqual(['Theo đợt']);
    expect(await c.fail('reports.exportXlsx', { movementId: w.movement.id, table: 'khac' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Bảng cần xuất không hợp lệ') });
  });
});
