/** QĐ + danh sách, Tờ trình and Giấy khen batches from stored commendations; history export. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeWs, paragraphTexts, sectionsOf, unzipDocx } from '../unit/documents/docx-xml';
import { startCore, type TestCore } from '../helpers/core';
import { approvedNominations, decisionInput, FORMS, seedCommendationWorld } from '../helpers/commendations';

let core: TestCore;
beforeEach(async () => {
  core = await startCore();
});
afterEach(async () => core.cleanup());

const textOf = (b64: string) => normalizeWs(paragraphTexts(unzipDocx(Buffer.from(b64, 'base64'))['word/document.xml']).join('\n'));

describe('commendation documents', () => {
  it('QĐ: Điều 1 counts and Điều 2 total match the danh sách rows and sum', async () => {
    const w = await seedCommendationWorld(core);
    const noms = await approvedNominations(core, w);
    const d = await core.call('commendations.saveDecision', decisionInput(noms));
    const draft = textOf((await core.call('documents.preview', { kind: 'decision', id: d.id })).dataBase64);
    expect(draft).toContain('Số: /QĐ-LĐLĐ Bắc Kạn, ngày tháng 6 năm 2026'); // number and day blank until issue
    await core.call('commendations.issueDecision', { id: d.id, date: '2026-06-15' });
    const preview = await core.call('documents.preview', { kind: 'decision', id: d.id });
    expect(preview.fileName).toBe('Quyet-dinh-01-QD-LDLD-ngay-2026-06-15.docx');
    const text = textOf(preview.dataBase64);
    expect(text).toContain('BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN');
    expect(text).toContain('Căn cứ Quy chế Khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 999/QĐ-TLĐ ngày 29/5/2024;');
    expect(text).toContain('Tặng Giấy khen cho 01 tập thể và 03 cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc');
    expect(text).toContain('Tổng số tiền thưởng: 3.540.000 đồng (Ba triệu năm trăm bốn mươi nghìn đồng)');
    expect(text).toContain('(Kèm theo Quyết định số 01/QĐ-LĐLĐ ngày 15 tháng 6 năm 2026 của Ban Thường vụ Liên đoàn Lao động tỉnh Bắc Kạn)');
    expect(text).toContain('I. TẬP THỂ (01)');
    expect(text).toContain('II. CÁ NHÂN (03)');
    expect(text).toMatch(/Tổng cộng: 01 tập thể và 03 cá nhân\s*3\.540\.000/);
    expect(text.match(/710\.000/g)).toHaveLength(3);
    expect(text).toContain('1.410.000');
    // Annex individuals by tên: An, Bình, Thủy.
    expect(text.indexOf('Đặng Thị An')).toBeLessThan(text.indexOf('Nguyễn Văn Bình'));
    expect(text.indexOf('Nguyễn Văn Bình')).toBeLessThan(text.indexOf('Hoàng Văn Thủy'));
    const exported = await core.call('documents.export', { kind: 'decision', id: d.id });
    expect(readFileSync(exported.path!).length).toBeGreaterThan(1000);
  });

  it('Tờ trình to the level above lists the approved nominations and takes a TTr number', async () => {
    const w = await seedCommendationWorld(core);
    const noms = await approvedNominations(core, w);
    const p = await core.call('commendations.saveProposal', {
      formId: FORMS.bangKhenTld,
      addressee: 'Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam',
      superior: 'Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam',
      achievement: 'đã có thành tích xuất sắc trong phong trào thi đua lao động giỏi năm 2026',
      bases: ['Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng ngày 10/6/2026'],
      nominationIds: noms.map((n) => n.id),
    });
    const issued = await core.call('commendations.issueProposal', { id: p.id, date: '2026-06-20' });
    expect(issued.numberText).toBe('01/TTr-LĐLĐ');
    const text = textOf((await core.call('documents.preview', { kind: 'commendation-proposal', id: p.id })).dataBase64);
    expect(text).toContain('Kính gửi: Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam.');
    expect(text).toContain('đề nghị Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam xem xét, tặng Bằng khen của Tổng Liên đoàn Lao động Việt Nam cho 01 tập thể và 03 cá nhân');
    expect(text).toContain('(Kèm theo Tờ trình số 01/TTr-LĐLĐ ngày 20 tháng 6 năm 2026 của Liên đoàn Lao động tỉnh Bắc Kạn)');
    const rejectedOne = await core.call('commendations.saveNomination', { movementId: w.movement.id, periodYear: 2026, sourceOrgId: w.choDon.id, target: 'collective', organizationId: w.choDon.id, proposedFormId: FORMS.giayKhen });
    expect((await core.fail('commendations.saveProposal', { formId: FORMS.giayKhen, addressee: 'X', superior: 'X', bases: [], nominationIds: [rejectedOne.id] })).message).toMatch(/chỉ trình các đề nghị đã được hội đồng thông qua/);
  });

  it('Giấy khen: one page per awardee with số sổ vàng; resume from a row after a jam', async () => {
    const w = await seedCommendationWorld(core);
    const noms = await approvedNominations(core, w);
    const d = await core.call('commendations.saveDecision', decisionInput(noms));
    expect((await core.fail('commendations.printCertificates', { decisionId: d.id })).message).toMatch(/đã ban hành/);
    await core.call('commendations.issueDecision', { id: d.id, date: '2026-06-15' });
    const all = await core.call('commendations.printCertificates', { decisionId: d.id });
    expect(all.pages).toBe(4);
    const xml = unzipDocx(readFileSync(all.path!))['word/document.xml'];
    expect(sectionsOf(xml)).toHaveLength(4);
    const text = normalizeWs(paragraphTexts(xml).join('\n'));
    expect(text).toContain('Đồng chí: Đặng Thị An');
    expect(text).toContain('Số sổ vàng: 4/2026');
    expect(text).toContain('Quyết định số 01/QĐ-LĐLĐ, ngày 15/6/2026');
    const resumed = await core.call('commendations.printCertificates', { decisionId: d.id, fromRow: 3, offsetX: 1.5, offsetY: -2 });
    expect(resumed.pages).toBe(2);
    const xml2 = unzipDocx(readFileSync(resumed.path!))['word/document.xml'];
    expect(sectionsOf(xml2)).toHaveLength(2);
    expect(normalizeWs(paragraphTexts(xml2).join('\n'))).not.toContain('Đặng Thị An');
    const jobs = await core.call('commendations.printJobs', { decisionId: d.id });
    expect(jobs.map((j) => [j.fromRow, j.toRow])).toEqual([[3, 4], [1, 4]]);
    expect((await core.fail('commendations.printCertificates', { decisionId: d.id, fromRow: 9 })).message).toMatch(/chỉ có 4 dòng/);
  });

  it('history per person and per unit, folded search, .xlsx export', async () => {
    const w = await seedCommendationWorld(core);
    const noms = await approvedNominations(core, w);
    const d = await core.call('commendations.saveDecision', decisionInput(noms));
    await core.call('commendations.issueDecision', { id: d.id, date: '2026-06-15' });
    expect((await core.call('commendations.history', { query: 'dang thi' })).map((h) => h.name)).toEqual(['Đặng Thị An']);
    expect((await core.call('commendations.history', { query: 'THUY' })).map((h) => h.name)).toEqual(['Hoàng Văn Thủy']);
    // % and _ typed by the clerk are letters, not wildcards.
    expect(await core.call('commendations.history', { query: '%' })).toEqual([]);
    expect(await core.call('commendations.listNominations', { query: '_' })).toEqual([]);
    const person = await core.call('commendations.history', { personId: noms[1].personId! });
    expect(person).toHaveLength(1);
    expect(person[0]).toMatchObject({ formName: 'Giấy khen', numberText: '01/QĐ-LĐLĐ', amount: 710_000, goldBookNumber: '3/2026' });
    expect((await core.call('commendations.history', { organizationId: w.baBe.id })).map((h) => h.name).sort()).toEqual(['Liên đoàn Lao động huyện Ba Bể', 'Nguyễn Văn Bình']);
    const saved = await core.call('commendations.exportHistory', { organizationId: w.choDon.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(saved.path!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Lịch sử khen thưởng');
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(2).getCell(6).value).toBe('01/QĐ-LĐLĐ');
    expect(ws.getRow(2).getCell(9).value).toBe(710_000);
  });
});
