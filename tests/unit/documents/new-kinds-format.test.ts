/**
 * The kinds of issue 15 (general documents of every kind, the council's biên bản / phiếu bầu / biên bản kiểm phiếu,
 * the báo cáo thành tích) keep the format rules every document keeps (docs/rules.md §7): A4 and margins, Times New
 * Roman everywhere, Quốc hiệu and tiêu ngữ exact and bold at their sizes, "Số:" with a leading zero, the body
 * justified with its first-line indent, points in Vietnamese letter order, "./." at the end, page numbers from page 2,
 * Nơi nhận 12 pt bold italic, the signer's name bold.
 */
import { describe, expect, it } from 'vitest';
import { composeAchievementReport } from '../../../src/main/core/documents/kinds/achievement-report';
import { composeBallot, composeBallotCount, composeCouncilMinutes, type CouncilPapersInput } from '../../../src/main/core/documents/kinds/council-papers';
import { composeGeneral, outlineBlocks, type GeneralInput } from '../../../src/main/core/documents/kinds/general';
import type { OfficialDocument } from '../../../src/main/core/documents/model';
import { renderDocx } from '../../../src/main/core/documents/layout/render';
import { GENERAL_KIND_CODES, GENERAL_KINDS } from '../../../src/shared/schemas/general-documents';
import { attr, findParagraph, headerPart, paragraphsOf, sectionsOf, unzipDocx } from './docx-xml';

const issuer = { parentLines: ['CÔNG ĐOÀN ĐIỆN LỰC VIỆT NAM'], nameLines: ['CÔNG ĐOÀN CƠ SỞ', 'CÔNG TY ĐIỆN LỰC BẮC KẠN'], name: 'Công đoàn cơ sở Công ty Điện lực Bắc Kạn', abbreviation: 'CĐ', place: 'Bắc Kạn' };

function general(kind: (typeof GENERAL_KIND_CODES)[number]): OfficialDocument {
  const input: GeneralInput = {
    typeAbbr: kind,
    kindName: GENERAL_KINDS[kind].kindName,
    issuer,
    number: 5,
    date: '2026-03-04',
    subject: kind === 'CV' ? 'V/v gửi hồ sơ khen thưởng' : 'Bình xét thi đua năm 2026',
    unitAbbr: 'VP',
    addressees: GENERAL_KINDS[kind].addressees ? ['Ban Chấp hành Công đoàn Điện lực Việt Nam'] : [],
    blocks: [
      { level: 'paragraph', title: '', text: 'Thực hiện kế hoạch năm 2026, Ban Chấp hành hướng dẫn như sau:' },
      { level: 'section', title: 'MỤC ĐÍCH', text: '' },
      { level: 'clause', title: '', text: 'Đánh giá đúng thành tích của tập thể, cá nhân.' },
      { level: 'point', title: '', text: 'Đối với tập thể;' },
      { level: 'point', title: '', text: 'Đối với cá nhân;' },
      { level: 'point', title: '', text: 'Đối với công trình;' },
      { level: 'point', title: '', text: 'Đối với sáng kiến;' },
      { level: 'point', title: '', text: 'Đối với đề tài.' },
    ],
    pointStyle: 'a)',
    signer: { lines: ['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH'], name: 'Hoàng Thị Lan' },
    recipients: { groups: [{ items: ['Các tổ công đoàn'] }], archive: 'VT' },
  };
  return composeGeneral(input);
}

const papers: CouncilPapersInput = {
  officeLines: ['LIÊN ĐOÀN LAO ĐỘNG', 'TỈNH BẮC KẠN'],
  place: 'Bắc Kạn',
  date: '2026-06-10',
  purpose: 'xét khen thưởng năm 2026',
  startTime: '08:00',
  endTime: '10:00',
  meetingPlace: 'Hội trường',
  chair: { name: 'Vi Văn Nghĩa', position: 'Chủ tịch' },
  secretary: { name: 'Nông Văn Minh', position: 'Thư ký' },
  members: [{ name: 'Vi Văn Nghĩa', position: 'Chủ tịch', present: true }, { name: 'Nông Văn Minh', position: 'Ủy viên', present: true }, { name: 'Lục Thị Hoa', position: 'Ủy viên', present: true }],
  candidates: [{ name: 'Nguyễn Văn Bình', unit: 'LĐLĐ huyện Ba Bể', formName: 'Giấy khen', votesFor: 3, result: 'approved' }],
  ballot: true,
  counting: { members: [{ name: 'Lục Thị Hoa', position: 'Ủy viên' }], issued: 3, received: 3, invalid: 0 },
  conclusion: '',
};

const achievement = composeAchievementReport({
  target: 'individual',
  unitLines: ['LIÊN ĐOÀN LAO ĐỘNG', 'HUYỆN BA BỂ'],
  parentLines: [],
  place: 'Bắc Kạn',
  date: '2026-06-01',
  proposal: 'Giấy khen',
  displayName: 'Nguyễn Văn Bình',
  profile: [{ label: 'Họ và tên', value: 'Nguyễn Văn Bình' }],
  duties: 'Chủ tịch LĐLĐ huyện.',
  achievements: 'Hoàn thành xuất sắc nhiệm vụ.',
  titles: [{ year: 2025, name: 'Lao động tiên tiến', decision: 'Quyết định số 15/QĐ-LĐLĐ ngày 18/12/2025' }],
  forms: [],
  reporter: { name: 'Nguyễn Văn Bình', position: '' },
  confirmer: { name: 'Vi Văn Nghĩa', position: 'Chủ tịch' },
});

const CASES: [string, OfficialDocument][] = [
  ...GENERAL_KIND_CODES.map((k): [string, OfficialDocument] => [`general ${k}`, general(k)]),
  ['council minutes', composeCouncilMinutes(papers)],
  ['ballot', composeBallot(papers)],
  ['ballot count', composeBallotCount(papers)],
  ['achievement report', achievement],
];

describe.each(CASES)('%s keeps the format rules', (_name, doc) => {
  it('page, fonts, national title, numbers and signature', async () => {
    const files = unzipDocx(await renderDocx(doc));
    const xml = files['word/document.xml'];
    const sect = sectionsOf(xml)[0];
    expect([attr(sect, 'pgSz', 'w'), attr(sect, 'pgSz', 'h')]).toEqual(['11906', '16838']);
    expect([attr(sect, 'pgMar', 'top'), attr(sect, 'pgMar', 'bottom'), attr(sect, 'pgMar', 'left'), attr(sect, 'pgMar', 'right')]).toEqual(['1134', '1134', '1701', '850']);
    expect(sect).toContain('<w:titlePg/>');
    expect(headerPart(files, sect, 'first')).not.toMatch(/PAGE/);
    // Every run names Times New Roman (or inherits it from the styles, which name it).
    const fonts = new Set(paragraphsOf(xml).flatMap((p) => p.runs.map((r) => r.font)).filter(Boolean));
    expect([...fonts]).toEqual(['Times New Roman']);
    expect(files['word/styles.xml']).toMatch(/Times New Roman/);
    const qh = findParagraph(xml, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(qh.text).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(qh.runs.every((r) => r.bold && (r.size === 24 || r.size === 26))).toBe(true);
    const tn = findParagraph(xml, 'Độc lập - Tự do - Hạnh phúc');
    expect(tn.runs.every((r) => r.bold && (r.size === 26 || r.size === 28))).toBe(true);
    if (doc.number) expect(paragraphsOf(xml).some((p) => /^Số: 05\/(?:[A-Za-z]+-CĐ|CĐ-VP)$/u.test(p.text.trim()))).toBe(true);
    if (doc.signature?.name) {
      const name = paragraphsOf(xml).find((p) => p.text.trim() === doc.signature!.name)!;
      expect(name.runs.every((r) => r.bold && !r.italic)).toBe(true);
    }
    if (doc.recipients) expect(findParagraph(xml, 'Nơi nhận:').runs.every((r) => r.bold && r.italic && r.size === 24)).toBe(true);
  });
});

describe('general document body', () => {
  it('is justified with a first-line indent, numbers points a) … đ) in Vietnamese order and ends with ./.', async () => {
    const xml = unzipDocx(await renderDocx(general('HD')))['word/document.xml'];
    const p = findParagraph(xml, 'Thực hiện kế hoạch năm 2026');
    expect(attr(p.pPr, 'jc', 'val')).toBe('both');
    expect(Number(attr(p.pPr, 'ind', 'firstLine'))).toBeGreaterThanOrEqual(567);
    const points = paragraphsOf(xml).map((x) => x.text.trim()).filter((t) => /^[a-zđ]\) /.test(t)).map((t) => t.slice(0, 2));
    expect(points).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)']);
    expect(findParagraph(xml, 'đ) Đối với đề tài').text.trim().endsWith('./.')).toBe(true);
    expect(findParagraph(xml, 'I. MỤC ĐÍCH').runs.every((r) => r.bold)).toBe(true);
  });

  it('restarts numbering per part, section and clause', () => {
    const blocks = outlineBlocks(
      [
        { level: 'part', title: 'PHẦN MỘT', text: '' },
        { level: 'section', title: 'MỘT', text: '' },
        { level: 'clause', title: '', text: 'x' },
        { level: 'clause', title: '', text: 'y' },
        { level: 'point', title: '', text: 'p' },
        { level: 'part', title: 'PHẦN HAI', text: '' },
        { level: 'section', title: 'HAI', text: '' },
        { level: 'clause', title: '', text: 'z' },
        { level: 'point', title: '', text: 'q' },
      ],
      'a.',
    );
    expect(blocks.map((b) => ('label' in b ? b.label : null))).toEqual(['A.', 'I.', '1.', '2.', 'a.', 'B.', 'I.', '1.', 'a.']);
  });
});
