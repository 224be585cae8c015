/**
 * Báo cáo thành tích of a person (sơ lược lý lịch, nhiệm vụ, thành tích, khen thưởng đã nhận) or of a collective
 * (đặc điểm, chức năng nhiệm vụ, thành tích, khen thưởng đã nhận), as the dossier of a nomination asks for it.
 * Signed by the reporter (right) and confirmed by the head above (left).
 */
import type { DateInput } from '../../../../shared/vi-text/dates';
import type { Block, OfficialDocument, TableModel } from '../model';

export interface AwardLine {
  year: number;
  name: string;
  decision: string;
}

export interface AchievementReportInput {
  target: 'individual' | 'collective';
  /** The unit the report comes from, as printed at the top left. */
  unitLines: string[];
  parentLines: string[];
  place: string;
  date: DateInput;
  /** "Giấy khen của Ban Chấp hành Liên đoàn Lao động tỉnh". */
  proposal: string;
  displayName: string;
  profile: { label: string; value: string }[];
  duties: string;
  achievements: string;
  titles: AwardLine[];
  forms: AwardLine[];
  reporter: { name: string; position: string };
  confirmer: { name: string; position: string };
}

const paragraphs = (text: string): Block[] =>
  text
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => (/^[-–]\s*/.test(t) ? { type: 'bullet', marker: '-', text: t.replace(/^[-–]\s*/, '') } : { type: 'paragraph', text: t }));

function awardsTable(rows: AwardLine[], what: string): TableModel {
  return {
    columns: [
      { header: 'Năm', weight: 1, align: 'center' },
      { header: what, weight: 3.2 },
      { header: 'Số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định', weight: 4.5 },
    ],
    rows: rows.length
      ? [...rows].sort((a, b) => a.year - b.year).map((r) => ({ kind: 'data' as const, cells: [String(r.year), r.name, r.decision] }))
      : [{ kind: 'data' as const, cells: ['', 'Chưa có', ''] }],
  };
}

export function composeAchievementReport(input: AchievementReportInput): OfficialDocument {
  const person = input.target === 'individual';
  const body: Block[] = [
    { type: 'heading', level: 'section', label: 'I.', text: person ? 'SƠ LƯỢC LÝ LỊCH' : 'SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH' },
    ...input.profile.filter((p) => p.value.trim()).map((p): Block => ({ type: 'bullet', marker: '-', text: `${p.label}: ${p.value}` })),
    { type: 'heading', level: 'section', label: 'II.', text: 'THÀNH TÍCH ĐẠT ĐƯỢC' },
    { type: 'heading', level: 'clause', label: '1.', text: person ? 'Quyền hạn, nhiệm vụ được giao' : 'Chức năng, nhiệm vụ' },
    ...paragraphs(input.duties),
    { type: 'heading', level: 'clause', label: '2.', text: 'Thành tích đạt được' },
    ...paragraphs(input.achievements),
    { type: 'heading', level: 'section', label: 'III.', text: 'CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG' },
    { type: 'heading', level: 'clause', label: '1.', text: 'Danh hiệu thi đua' },
    { type: 'table', table: awardsTable(input.titles, 'Danh hiệu thi đua') },
    { type: 'heading', level: 'clause', label: '2.', text: 'Hình thức khen thưởng' },
    { type: 'table', table: awardsTable(input.forms, 'Hình thức khen thưởng') },
  ];
  return {
    header: { parent: input.parentLines, issuer: input.unitLines },
    placeDate: { place: input.place, date: input.date },
    kindName: 'BÁO CÁO THÀNH TÍCH',
    subject: `Đề nghị tặng ${input.proposal.replace(/^(đề nghị\s+)?(tặng\s+)?/i, '')}\n${person ? '' : 'Tập thể: '}${input.displayName}`,
    body,
    closingMark: false,
    signature: { lines: [person ? 'NGƯỜI BÁO CÁO THÀNH TÍCH' : 'THỦ TRƯỞNG ĐƠN VỊ'], name: input.reporter.name },
    coSignature: { lines: [person ? 'THỦ TRƯỞNG ĐƠN VỊ' : 'THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN', 'XÁC NHẬN, ĐỀ NGHỊ'], name: input.confirmer.name },
  };
}
