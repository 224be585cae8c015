/**
 * The papers of one meeting of the Hội đồng Thi đua – Khen thưởng: the Biên bản họp (attendance, each candidate's
 * votes and result, signed by the secretary and the chair), and when the council votes by secret ballot the Phiếu
 * bầu (one blank ballot listing the candidates) and the Biên bản kiểm phiếu (ballots issued, received, valid, and
 * the votes per candidate, signed by the counting committee). The header is the council under its office.
 */
import type { DateInput } from '../../../../shared/vi-text/dates';
import { formatLongDate } from '../../../../shared/vi-text/dates';
import type { Block, OfficialDocument, TableModel } from '../model';
import { countText } from '../model';
import { issuerNameLines } from '../layout/issuer-lines';

export interface CouncilPerson {
  name: string;
  position: string;
}

export interface CouncilCandidate {
  name: string;
  unit: string;
  formName: string;
  votesFor: number | null;
  result: 'approved' | 'rejected' | null;
}

export interface CouncilPapersInput {
  /** The office as printed above the council, e.g. ["LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN"]. */
  officeLines: string[];
  place: string;
  date: DateInput;
  /** "xét khen thưởng phong trào thi đua … năm 2026". */
  purpose: string;
  startTime: string;
  endTime: string;
  meetingPlace: string;
  chair: CouncilPerson;
  secretary: CouncilPerson;
  members: (CouncilPerson & { present: boolean })[];
  candidates: CouncilCandidate[];
  ballot: boolean;
  counting: { members: CouncilPerson[]; issued: number; received: number; invalid: number };
  conclusion: string;
  /** Approvals the council gave although a condition of the form was not met, each with its reason. */
  overrides?: string[];
}

const COUNCIL = 'Hội đồng Thi đua - Khen thưởng';
const time = (t: string) => {
  const [h, m] = t.split(':');
  return `${h} giờ ${m}`;
};
const who = (p: CouncilPerson) => (p.position ? `${p.name} - ${p.position}` : p.name);

function header(input: CouncilPapersInput) {
  return { parent: input.officeLines, issuer: issuerNameLines(COUNCIL) };
}

/** Share of the council's members, one decimal, as union minutes write it: "85,7%". */
export function voteShare(votes: number, of: number): string {
  if (of <= 0) return '';
  return `${(Math.round((votes * 1000) / of) / 10).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}

function resultsTable(input: CouncilPapersInput, of: number): TableModel {
  return {
    columns: [
      { header: 'STT', weight: 0.6, align: 'center' },
      { header: 'Tập thể, cá nhân', weight: 3 },
      { header: 'Đơn vị', weight: 3 },
      { header: 'Hình thức đề nghị', weight: 2.4 },
      { header: 'Số phiếu đồng ý', weight: 1.4, align: 'center' },
      { header: 'Tỷ lệ', weight: 1.1, align: 'center' },
      { header: 'Kết quả', weight: 1.6, align: 'center' },
    ],
    rows: input.candidates.map((c, i) => ({
      kind: 'data' as const,
      cells: [
        String(i + 1),
        c.name,
        c.unit,
        c.formName,
        c.votesFor === null ? '' : `${c.votesFor}/${of}`,
        c.votesFor === null ? '' : voteShare(c.votesFor, of),
        c.result === 'approved' ? 'Đề nghị' : c.result === 'rejected' ? 'Không đề nghị' : 'Chưa xét',
      ],
    })),
  };
}

export function composeCouncilMinutes(input: CouncilPapersInput): OfficialDocument {
  const present = input.members.filter((m) => m.present);
  const absent = input.members.filter((m) => !m.present);
  const approved = input.candidates.filter((c) => c.result === 'approved').length;
  const body: Block[] = [
    { type: 'paragraph', text: `Vào hồi ${time(input.startTime)}, ${formatLongDate(input.date)}, tại ${input.meetingPlace}, Hội đồng Thi đua - Khen thưởng họp ${input.purpose}.` },
    { type: 'heading', level: 'section', label: 'I.', text: 'THÀNH PHẦN' },
    { type: 'bullet', marker: '-', text: `Chủ trì: ${who(input.chair)}.` },
    { type: 'bullet', marker: '-', text: `Thư ký: ${who(input.secretary)}.` },
    { type: 'bullet', marker: '-', text: `Thành viên Hội đồng có mặt: ${countText(present.length)}/${countText(input.members.length)} đồng chí:` },
    ...present.map((m): Block => ({ type: 'bullet', marker: '+', text: who(m) })),
    {
      type: 'bullet',
      marker: '-',
      text: absent.length ? `Vắng: ${countText(absent.length)} đồng chí (${absent.map((m) => m.name).join(', ')}).` : 'Vắng: không.',
    },
    { type: 'heading', level: 'section', label: 'II.', text: 'NỘI DUNG' },
    {
      type: 'paragraph',
      text: `Hội đồng đã xem xét ${countText(input.candidates.length)} trường hợp được các đơn vị đề nghị; các thành viên ${input.ballot ? 'bỏ phiếu kín' : 'biểu quyết'}, kết quả như sau:`,
    },
    { type: 'table', table: resultsTable(input, input.members.length) },
    {
      type: 'paragraph',
      text: `Tổng hợp: ${countText(approved)}/${countText(input.candidates.length)} trường hợp đạt tỷ lệ phiếu đồng ý theo quy định, được Hội đồng thống nhất đề nghị khen thưởng.`,
    },
    ...(input.overrides ?? []).map((t): Block => ({ type: 'paragraph', text: t })),
    ...(input.conclusion.trim() ? input.conclusion.split('\n').filter((l) => l.trim()).map((t): Block => ({ type: 'paragraph', text: t })) : []),
    {
      type: 'paragraph',
      text: `Cuộc họp kết thúc vào hồi ${time(input.endTime)} cùng ngày. Biên bản đã được đọc lại cho các thành viên dự họp cùng nghe và nhất trí thông qua.`,
    },
  ];
  return {
    header: header(input),
    placeDate: { place: input.place, date: input.date },
    kindName: 'BIÊN BẢN',
    subject: `Họp Hội đồng Thi đua - Khen thưởng ${input.purpose}`,
    body,
    signature: { lines: ['CHỦ TRÌ'], name: input.chair.name },
    coSignature: { lines: ['THƯ KÝ'], name: input.secretary.name },
  };
}

export function composeBallot(input: CouncilPapersInput): OfficialDocument {
  return {
    header: header(input),
    placeDate: { place: input.place, date: input.date },
    kindName: 'PHIẾU BẦU',
    subject: `Bình xét ${input.purpose.replace(/^xét\s+/, '')}`,
    body: [
      { type: 'paragraph', text: 'Đồng ý: đánh dấu (x) vào cột “Đồng ý”; không đồng ý: đánh dấu (x) vào cột “Không đồng ý”. Phiếu đánh dấu cả hai cột hoặc không đánh dấu ở một dòng thì dòng đó không hợp lệ.', italic: true },
      {
        type: 'table',
        table: {
          columns: [
            { header: 'STT', weight: 0.6, align: 'center' },
            { header: 'Tập thể, cá nhân', weight: 3 },
            { header: 'Đơn vị', weight: 3 },
            { header: 'Hình thức đề nghị', weight: 2.4 },
            { header: 'Đồng ý', weight: 1.2, align: 'center' },
            { header: 'Không đồng ý', weight: 1.4, align: 'center' },
          ],
          rows: input.candidates.map((c, i) => ({ kind: 'data' as const, cells: [String(i + 1), c.name, c.unit, c.formName, '', ''] })),
        },
      },
    ],
    closingMark: false,
  };
}

export function composeBallotCount(input: CouncilPapersInput): OfficialDocument {
  const valid = input.counting.received - input.counting.invalid;
  const [head, ...others] = input.counting.members;
  return {
    header: header(input),
    placeDate: { place: input.place, date: input.date },
    kindName: 'BIÊN BẢN',
    subject: `Kiểm phiếu bình xét ${input.purpose.replace(/^xét\s+/, '')}`,
    body: [
      { type: 'paragraph', text: `Hồi ${time(input.endTime)}, ${formatLongDate(input.date)}, tại ${input.meetingPlace}, Ban kiểm phiếu gồm:` },
      ...input.counting.members.map((m, i): Block => ({ type: 'bullet', marker: '-', text: `${m.name}${m.position ? ` (${m.position})` : ''}: ${i === 0 ? 'Trưởng ban' : 'Thành viên'};` })),
      { type: 'paragraph', text: 'Đã tiến hành kiểm phiếu bình xét khen thưởng, kết quả như sau:' },
      { type: 'bullet', marker: '-', text: `Số thành viên Hội đồng: ${countText(input.members.length)}; có mặt: ${countText(input.members.filter((m) => m.present).length)}.` },
      { type: 'bullet', marker: '-', text: `Số phiếu phát ra: ${countText(input.counting.issued)}; số phiếu thu về: ${countText(input.counting.received)}.` },
      { type: 'bullet', marker: '-', text: `Số phiếu hợp lệ: ${countText(valid)}; số phiếu không hợp lệ: ${countText(input.counting.invalid)}.` },
      { type: 'paragraph', text: 'Số phiếu đồng ý của từng trường hợp (tỷ lệ trên tổng số thành viên Hội đồng):' },
      { type: 'table', table: resultsTable(input, input.members.length) },
      { type: 'paragraph', text: 'Biên bản kiểm phiếu được lập thành 02 bản, đã được đọc lại trước Hội đồng.' },
    ],
    signature: { lines: ['TRƯỞNG BAN KIỂM PHIẾU'], name: head?.name ?? '' },
    ...(others.length ? { coSignature: { lines: ['THÀNH VIÊN'], name: others.map((m) => m.name).join('\n') } } : {}),
  };
}
