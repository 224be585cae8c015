/** Composers: domain data in, model and XML out; the numbers Điều 1 quotes are the numbers the list prints. */
import { describe, expect, it } from 'vitest';
import { moneyToWords, formatNumberVi } from '../../../src/shared/vi-text';
import { composeDecision } from '../../../src/main/core/documents/kinds/decision';
import { composeProposal } from '../../../src/main/core/documents/kinds/proposal';
import { composeReport } from '../../../src/main/core/documents/kinds/report';
import { composeRegistration } from '../../../src/main/core/documents/kinds/registration';
import { composeWorksList } from '../../../src/main/core/documents/kinds/works-list';
import { summarize } from '../../../src/main/core/documents/kinds/awardee-list';
import { renderDocx } from '../../../src/main/core/documents/layout/render';
import { decisionInput, proposalInput, registrationInput, reportInput, worksListInput } from '../../fixtures/documents/samples';
import { attr, findParagraph, normalizeWs, paragraphsOf, rowsOf, sectionsOf, tablesOf, unzipDocx } from './docx-xml';

async function documentXml(doc: Parameters<typeof renderDocx>[0]): Promise<string> {
  return unzipDocx(await renderDocx(doc))['word/document.xml'];
}

function cellTexts(rowXml: string): string[] {
  return [...rowXml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphsOf(m[0]).map((p) => p.text).join(''));
}

describe('Quyết định khen thưởng', () => {
  it.each([
    [5, 12],
    [0, 7],
    [3, 0],
    [12, 250],
  ])('%i tập thể, %i cá nhân: Điều 1, Điều 2 and the list agree', async (collectives, individuals) => {
    const input = decisionInput(collectives, individuals);
    const s = summarize(input.awardees);
    const xml = await documentXml(composeDecision(input));
    const d1 = findParagraph(xml, 'Điều 1.').text;
    const m = /cho (?:(\d+) tập thể)?(?: và )?(?:(\d+) cá nhân)? \(có danh sách kèm theo\)/.exec(d1)!;
    expect(Number(m[1] ?? 0)).toBe(collectives);
    expect(Number(m[2] ?? 0)).toBe(individuals);
    const list = tablesOf(xml).find((t) => t.includes('Tên tập thể / Họ và tên'))!;
    const rows = rowsOf(list).map(cellTexts);
    const groupAt = (label: string) => rows.findIndex((r) => r.length === 1 && r[0].includes(label));
    const dataRows = rows.filter((r) => r.length === 5 && /^\d+$/.test(r[0]));
    expect(dataRows).toHaveLength(collectives + individuals);
    if (collectives > 0) expect(rows[groupAt('TẬP THỂ')][0]).toContain(`(${String(collectives).padStart(2, '0')})`);
    if (individuals > 0) expect(rows[groupAt('CÁ NHÂN')][0]).toContain(`(${String(individuals).padStart(2, '0')})`);
    // Each group is numbered from 1.
    if (individuals > 0) expect(rows[groupAt('CÁ NHÂN') + 1][0]).toBe('1');
    const total = rows.at(-1)!;
    expect(total[1]).toMatch(/^Tổng cộng:/);
    expect(total[3]).toBe(formatNumberVi(s.totalAmount));
    const sum = dataRows.reduce((acc, r) => acc + Number(r[3].replace(/\./g, '')), 0);
    expect(sum).toBe(s.totalAmount);
    const d2 = findParagraph(xml, 'Điều 2.').text;
    expect(d2).toContain(`${formatNumberVi(s.totalAmount)} đồng (${moneyToWords(s.totalAmount)})`);
  });

  it('individuals are sorted by tên, then họ và tên đệm; collectives keep their order', () => {
    const doc = composeDecision(decisionInput(3, 30));
    const table = doc.annexes![0].body[0];
    if (table.type !== 'table') throw new Error('no table');
    const names = table.table.rows.filter((r) => r.kind === 'data').map((r) => (r.kind === 'data' ? String(r.cells[1]) : ''));
    expect(names.slice(0, 3)).toEqual(['Công đoàn cơ sở Trường THCS số 1', 'Công đoàn cơ sở Trường THCS số 2', 'Công đoàn cơ sở Trường THCS số 3']);
    const people = names.slice(3);
    const given = people.map((n) => n.split(' ').at(-1)!);
    const sorted = [...given].sort(new Intl.Collator('vi').compare);
    expect(given).toEqual(sorted);
  });

  it('without money Điều 2 is the entry into force and the list has no money column', async () => {
    const input = decisionInput(2, 2);
    input.awardees = input.awardees.map((a) => ({ ...a, amount: undefined }));
    const xml = await documentXml(composeDecision(input));
    expect(findParagraph(xml, 'Điều 2.').text).toBe('Điều 2. Quyết định này có hiệu lực kể từ ngày ký.');
    expect(xml).not.toContain('Số tiền (đồng)');
  });

  it('a draft decision cites itself with a blank number', async () => {
    const xml = await documentXml(composeDecision({ ...decisionInput(1, 1), number: null }));
    expect(normalizeWs(findParagraph(xml, '(Kèm theo Quyết định').text)).toMatch(/^\(Kèm theo Quyết định số \/QĐ-LĐLĐ ngày 05 tháng 3 năm 2024/);
  });
});

describe('Tờ trình', () => {
  it('Kính gửi list: dashes aligned after the colon, ";" then "."; Như trên first in Nơi nhận', async () => {
    const xml = await documentXml(composeProposal(proposalInput()));
    const ps = paragraphsOf(xml);
    const i = ps.findIndex((p) => p.text.startsWith('Kính gửi:'));
    expect(ps[i].text).toBe('Kính gửi:\t- Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam;');
    expect(ps[i + 1].text).toBe('- Ban Thi đua - Khen thưởng Tổng Liên đoàn.');
    expect(attr(ps[i].pPr, 'ind', 'left')).toBe(attr(ps[i + 1].pPr, 'ind', 'left'));
    expect(attr(ps[i].pPr, 'tab', 'pos')).toBe(attr(ps[i].pPr, 'ind', 'left'));
    expect(ps.find((p) => p.text.startsWith('- Như trên'))!.text).toBe('- Như trên;');
    expect(findParagraph(xml, 'Liên đoàn Lao động tỉnh Bắc Kạn đề nghị').text).toContain('02 tập thể và 03 cá nhân');
    expect(findParagraph(xml, 'Liên đoàn Lao động tỉnh Bắc Kạn kính trình').text).toMatch(/quyết định\.\/\.$/);
    expect(findParagraph(xml, 'Số:').text).toBe('Số: 08/TTr-LĐLĐ');
    expect(paragraphsOf(xml).map((p) => p.text)).toEqual(expect.arrayContaining(['TM. BAN THƯỜNG VỤ', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']));
  });

  it('one addressee stays on the Kính gửi line', async () => {
    const xml = await documentXml(composeProposal({ ...proposalInput(), addressees: ['Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam'] }));
    const p = findParagraph(xml, 'Kính gửi:');
    expect(p.text).toBe('Kính gửi: Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam.');
    expect(attr(p.pPr, 'jc', 'val')).toBe('center');
  });
});

describe('Báo cáo', () => {
  it('numbered sections, a table in the content, Phụ lục I and II on their own sections, the second landscape', async () => {
    const xml = await documentXml(composeReport(reportInput()));
    expect(findParagraph(xml, 'Số:').text).toBe('Số: 12/BC-LĐLĐ');
    expect(findParagraph(xml, 'II. KẾT QUẢ THỰC HIỆN').runs.every((r) => r.bold)).toBe(true);
    expect(findParagraph(xml, 'Phụ lục I').text).toBe('Phụ lục I');
    expect(findParagraph(xml, 'Phụ lục II').runs.every((r) => r.bold && r.size === 28)).toBe(true);
    const sects = sectionsOf(xml);
    expect(sects).toHaveLength(3);
    expect(attr(sects[2], 'pgSz', 'orient')).toBe('landscape');
    expect(attr(sects[2], 'pgSz', 'w')).toBe('16838');
    expect(sects.slice(1).every((s) => s.includes('<w:pgNumType w:start="1"/>'))).toBe(true);
    expect(tablesOf(xml).some((t) => t.includes('Phát triển đoàn viên mới'))).toBe(true);
    expect(findParagraph(xml, '(Kèm theo Báo cáo').text).toBe('(Kèm theo Báo cáo số 12/BC-LĐLĐ ngày 20 tháng 12 năm 2024 của Liên đoàn Lao động tỉnh Bắc Kạn)');
  });
});

describe('Bản đăng ký thi đua and danh sách công trình', () => {
  it('registration: Kính gửi, A/B/C parts with tables, BCH signature, no number line', async () => {
    const xml = await documentXml(composeRegistration(registrationInput()));
    expect(findParagraph(xml, 'BẢN ĐĂNG KÝ THI ĐUA').runs.every((r) => r.bold)).toBe(true);
    expect(findParagraph(xml, 'Kính gửi:').text).toBe('Kính gửi: Ban Thường vụ Liên đoàn Lao động tỉnh Bắc Kạn.');
    for (const h of ['A. DANH HIỆU THI ĐUA TẬP THỂ ĐĂNG KÝ', 'B. CÁ NHÂN ĐĂNG KÝ DANH HIỆU THI ĐUA', 'C. CÔNG TRÌNH, SẢN PHẨM ĐĂNG KÝ GẮN BIỂN']) {
      expect(findParagraph(xml, h).runs.every((r) => r.bold)).toBe(true);
    }
    expect(paragraphsOf(xml).some((p) => p.text.startsWith('Số:'))).toBe(false);
    expect(paragraphsOf(xml).map((p) => p.text)).toContain('TM. BAN CHẤP HÀNH');
    // Tables never touch each other (Word and LibreOffice would merge them).
    expect(xml).not.toMatch(/<\/w:tbl><w:tbl>/);
  });

  it('works list: landscape, value column summed', async () => {
    const input = worksListInput();
    const xml = await documentXml(composeWorksList(input));
    expect(attr(sectionsOf(xml)[0], 'pgSz', 'orient')).toBe('landscape');
    const table = tablesOf(xml).find((t) => t.includes('Tên công trình, sản phẩm'))!;
    const total = cellTexts(rowsOf(table).at(-1)!);
    expect(total[1]).toBe('Tổng cộng: 02 công trình, sản phẩm');
    expect(total[3]).toBe(formatNumberVi(input.works.reduce((s, w) => s + (w.value ?? 0), 0)));
  });
});

describe('input checks', () => {
  it('refuses an empty list, a nameless row and a negative amount, in Vietnamese', () => {
    expect(() => composeDecision({ ...decisionInput(), awardees: [] })).toThrow(/chưa có tập thể, cá nhân/);
    expect(() => composeProposal({ ...proposalInput(), awardees: [{ kind: 'individual', name: ' ' }] })).toThrow(/chưa có tên/);
    expect(() => composeDecision({ ...decisionInput(), awardees: [{ kind: 'individual', name: 'A', amount: -1 }] })).toThrow(/Số tiền/);
  });
});

describe('Kế hoạch: điểm', () => {
  it('points are lettered in the Vietnamese order, titled ones bold', async () => {
    const { composePlan } = await import('../../../src/main/core/documents/kinds/plan');
    const { plan31 } = await import('../../fixtures/documents/plan-31');
    const points = ['A', 'B', 'C', 'D', 'E', 'F'].map((t, i) => (i === 0 ? { title: `Tiêu đề ${t}` } : { text: `Nội dung ${t}` }));
    const input = { ...plan31, sections: [{ title: 'Tổ chức thực hiện', items: [{ title: 'Các cấp công đoàn', points }] }] };
    const xml = await documentXml(composePlan(input));
    expect(findParagraph(xml, 'a) Tiêu đề A').runs.every((r) => r.bold)).toBe(true);
    expect(findParagraph(xml, 'b) Nội dung B').runs.every((r) => !r.bold)).toBe(true);
    expect(findParagraph(xml, 'đ) Nội dung E').text).toBe('đ) Nội dung E');
    expect(findParagraph(xml, 'e) Nội dung F').text).toBe('e) Nội dung F');
  });
});
