/**
 * The commendation dossier (hồ sơ đề nghị khen thưởng) besides the tờ trình and its danh sách: the meeting of the
 * Hội đồng Thi đua – Khen thưởng (Biên bản họp; Phiếu bầu and Biên bản kiểm phiếu when it votes by ballot) and the
 * Báo cáo thành tích of each person or collective put forward.
 */
import { z } from 'zod';
import { cleanLines, cleanText } from '../vi-text/normalize';
import { id, isoDate, safeString } from './common';

const line = (label: string, max = 300) =>
  safeString(label)
    .transform(cleanText)
    .pipe(z.string().max(max, `${label}: dài quá ${max.toLocaleString('vi-VN')} ký tự`));
/** Several paragraphs, one per line. */
const para = (label: string) =>
  safeString(label)
    .transform(cleanLines)
    .pipe(z.string().max(20000, `${label}: dài quá 20.000 ký tự`));
const time = (label: string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}: giờ không hợp lệ (ví dụ 08:00)`);

export const councilPerson = z.object({
  name: line('Họ tên', 120),
  position: line('Chức vụ', 200).default(''),
});
export type CouncilPerson = z.output<typeof councilPerson>;

export const councilMember = councilPerson.extend({ present: z.boolean().default(true) });

export const councilMeetingBody = z
  .object({
    startTime: time('Giờ bắt đầu').default('08:00'),
    endTime: time('Giờ kết thúc').default('11:00'),
    place: line('Địa điểm', 300),
    chair: councilPerson,
    secretary: councilPerson,
    members: z.array(councilMember).min(1, 'Hội đồng phải có ít nhất một thành viên').max(100),
    /** Voting by secret ballot: the Phiếu bầu and the Biên bản kiểm phiếu belong to the dossier. */
    ballot: z.boolean().default(false),
    counting: z
      .object({
        /** Ban kiểm phiếu; the first is its head (Trưởng ban). */
        members: z.array(councilPerson).max(10).default([]),
        issued: z.number().int().min(0).max(1000).default(0),
        received: z.number().int().min(0).max(1000).default(0),
        invalid: z.number().int().min(0).max(1000).default(0),
      })
      .default({ members: [], issued: 0, received: 0, invalid: 0 }),
    /** What the meeting concluded, in the clerk's words (after the table of results). */
    conclusion: para('Kết luận').default(''),
  })
  .superRefine((b, ctx) => {
    if (b.endTime <= b.startTime) ctx.addIssue({ code: 'custom', message: 'Giờ kết thúc phải sau giờ bắt đầu', path: ['endTime'] });
    if (b.ballot) {
      if (!b.counting.members.length) ctx.addIssue({ code: 'custom', message: 'Bỏ phiếu kín cần Ban kiểm phiếu (ít nhất trưởng ban)', path: ['counting', 'members'] });
      if (b.counting.received > b.counting.issued) ctx.addIssue({ code: 'custom', message: 'Số phiếu thu về không thể nhiều hơn số phiếu phát ra', path: ['counting', 'received'] });
      if (b.counting.invalid > b.counting.received) ctx.addIssue({ code: 'custom', message: 'Số phiếu không hợp lệ không thể nhiều hơn số phiếu thu về', path: ['counting', 'invalid'] });
      const present = b.members.filter((m) => m.present).length;
      if (b.counting.issued > present) ctx.addIssue({ code: 'custom', message: `Số phiếu phát ra (${b.counting.issued}) nhiều hơn số thành viên có mặt (${present})`, path: ['counting', 'issued'] });
    }
  });
export type CouncilMeetingBody = z.output<typeof councilMeetingBody>;
export type CouncilMeetingBodyInput = z.input<typeof councilMeetingBody>;

export const saveMeetingInput = z.object({
  id: id('Cuộc họp').optional(),
  movementId: id('Phong trào').nullable().default(null),
  meetingDate: isoDate('Ngày họp'),
  body: councilMeetingBody,
  /** The nominations considered, in the order of the minutes. */
  nominationIds: z.array(id('Đề nghị khen thưởng')).min(1, 'Cuộc họp phải xét ít nhất một đề nghị').max(3000),
});

export interface MeetingCandidate {
  nominationId: string;
  name: string;
  unit: string;
  formName: string;
  /** The council's vote as recorded in the review (bình xét); null when not reviewed yet. */
  votesFor: number | null;
  councilSize: number | null;
  result: 'approved' | 'rejected' | null;
}

export interface MeetingView {
  id: string;
  movementId: string | null;
  movementName: string | null;
  meetingDate: string;
  body: CouncilMeetingBody;
  candidates: MeetingCandidate[];
}

export interface MeetingSummary {
  id: string;
  meetingDate: string;
  movementName: string | null;
  candidates: number;
  ballot: boolean;
}

/** One row of "Các hình thức đã được khen thưởng": year, what, and the decision that gave it. */
export const awardLine = z.object({
  year: z.number().int().min(1945).max(2200),
  name: line('Danh hiệu / hình thức', 300),
  decision: line('Số, ngày quyết định; cơ quan ban hành', 300).default(''),
});

/** Báo cáo thành tích: prefilled from the registry and history, then the clerk's text. */
export const achievementBody = z.object({
  /** "BÁO CÁO THÀNH TÍCH đề nghị tặng …" — the form or title proposed. */
  proposal: line('Đề nghị', 300),
  /** Sơ lược lý lịch (person) or đặc điểm (collective): label/value lines. */
  profile: z.array(z.object({ label: line('Mục', 120), value: line('Nội dung', 500).default('') })).max(30).default([]),
  /** Quyền hạn, nhiệm vụ được giao (person) / chức năng, nhiệm vụ (collective). */
  duties: para('Nhiệm vụ').default(''),
  /** Thành tích đạt được: one paragraph per line. */
  achievements: para('Thành tích').default(''),
  titles: z.array(awardLine).max(60).default([]),
  forms: z.array(awardLine).max(60).default([]),
  /** Who signs on the right (the person, or the head of the collective) and on the left (the confirming head). */
  reporter: councilPerson,
  confirmer: councilPerson,
});
export type AchievementBody = z.output<typeof achievementBody>;

export const saveAchievementInput = z.object({ nominationId: id('Đề nghị khen thưởng'), body: achievementBody });

export interface AchievementView {
  nominationId: string;
  target: 'individual' | 'collective';
  displayName: string;
  /** false: a prefilled draft not saved yet. */
  saved: boolean;
  body: AchievementBody;
}

export const dossierExportInput = z.object({ nominationId: id('Đề nghị khen thưởng') });

export interface DossierExport {
  path: string | null;
  /** The documents gathered, in the order of the file. */
  files: string[];
}
