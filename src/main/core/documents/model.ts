/**
 * The OfficialDocument model: what every document kind is composed into and what the
 * layout renders. It carries text and structure only; sizes, fonts and margins are the
 * layout's business (Nghị định 30/2020 as applied by 933/QĐ-TLĐ).
 */
import type { DateInput } from '../../../shared/vi-text/dates';
import type { DocSymbol } from '../../../shared/vi-text/doc-number';
import { POINT_LETTERS } from '../../../shared/vi-text/point-letters';
import { formatNumberVi } from '../../../shared/vi-text/money';

/** A run of text with its emphasis. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/**
 * Text with inline emphasis: a plain string (may use *italic*, **bold**, ***bold italic***, __underline__
 * marks) or explicit runs.
 */
export type RichText = string | Run[];

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface DocHeader {
  /** Tên cơ quan chủ quản trực tiếp (ô 2, regular), one entry per printed line; may be empty. */
  parent: string[];
  /** Tên cơ quan ban hành (ô 2, bold), one entry per printed line. */
  issuer: string[];
}

export interface DocNumber {
  /** null = draft: "Số:      /KH-LĐLĐ", the number is written after signature. */
  value: number | null;
  symbol: DocSymbol;
}

export interface PlaceDate {
  place: string;
  date: DateInput;
}

/** "Kính gửi:" — one addressee on the same line, several as a dash list. */
export interface Addressees {
  items: string[];
}

export type Block =
  /** I. MỤC ĐÍCH (section), 1. Nội dung (titled clause), a) … (titled point): bold headings. */
  | { type: 'heading'; level: 'section' | 'clause' | 'point'; label?: string; text: RichText }
  /** Untitled clause or point: "1. Động viên …", "a) …" — label in the same weight as the text. */
  | { type: 'numbered'; label: string; text: RichText }
  | { type: 'paragraph'; text: RichText; align?: Align; indent?: boolean; italic?: boolean; bold?: boolean }
  /** "- …" and "+ …" items. */
  | { type: 'bullet'; marker: '-' | '+'; text: RichText }
  /** "Điều 1. …": the label bold, the text regular. */
  | { type: 'article'; number: number; text: RichText }
  /** A centred bold line, e.g. "QUYẾT ĐỊNH:". */
  | { type: 'centered'; text: RichText; bold?: boolean; italic?: boolean }
  | { type: 'table'; table: TableModel };

export interface TableColumn {
  header: RichText;
  /** Relative width weight. */
  weight: number;
  align?: Align;
}

export type TableRow =
  | { kind: 'data'; cells: RichText[] }
  /** "I. TẬP THỂ (05)": one bold cell across all columns. */
  | { kind: 'group'; text: RichText }
  /** A bold summary row; cells across all columns (use '' for empty). */
  | { kind: 'total'; cells: RichText[] };

export interface TableModel {
  columns: TableColumn[];
  rows: TableRow[];
  /** Font size in pt; defaults to the layout's table size. */
  fontSize?: number;
}

export interface Signature {
  /**
   * Authority and title lines, UPPER: ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"],
   * ["TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] …
   */
  lines: string[];
  /** Signer's full name, normal case, no academic titles. */
  name: string;
}

export interface RecipientGroup {
  /** e.g. "Gửi bản điện tử:"; absent for a plain list. */
  label?: string;
  /** Each item without the leading "- ", e.g. "Tổng LĐLĐ Việt Nam (b/c);". */
  items: string[];
}

export interface Recipients {
  groups: RecipientGroup[];
}

export interface Annex {
  /** "Phụ lục I" when a document has several annexes; absent for a single "DANH SÁCH". */
  label?: string;
  /** UPPER bold title, e.g. "DANH SÁCH". */
  title: string;
  /** Bold line(s) under the title. */
  subtitle?: string;
  /** Italic "(Kèm theo Quyết định số … của …)". */
  reference?: string;
  landscape?: boolean;
  body: Block[];
}

/** Ký hiệu người soạn thảo + số bản (ô 12), printed "PL.(300)" under Nơi nhận. */
export interface DrafterMark {
  /** Initials, UPPER: "PL". */
  initials: string;
  /** Number of copies issued; absent prints the initials alone ("PL."). */
  copies?: number;
}

export interface OfficialDocument {
  header: DocHeader;
  /** Absent for papers without a number (e.g. a registration form). */
  number?: DocNumber;
  placeDate: PlaceDate;
  /** Tên loại: "KẾ HOẠCH", "QUYẾT ĐỊNH" …; '' for a công văn, which has none. */
  kindName: string;
  /**
   * Trích yếu of a công văn (ô 5b): "V/v đôn đốc đăng ký thi đua", printed 12–13 pt regular centred under
   * "Số:". "V/v " is added when missing.
   */
  letterSubject?: string;
  /** Trích yếu, sentence case; may span several lines. */
  subject?: string;
  /** Thẩm quyền ban hành line of a Quyết định, UPPER bold. */
  authority?: string;
  /** Căn cứ lines, italic, one per paragraph. */
  bases?: string[];
  addressees?: Addressees;
  body: Block[];
  /** Append "./." to the last text block (default true). */
  closingMark?: boolean;
  signature?: Signature;
  /**
   * A second signature printed where Nơi nhận usually stands (left): the secretary beside the chair of a
   * biên bản, the confirming head beside the reporter of a báo cáo thành tích.
   */
  coSignature?: Signature;
  recipients?: Recipients;
  /** Ô 12: drafter's initials and number of copies, under Nơi nhận. */
  drafter?: DrafterMark;
  /** Ô 13: address, phone, e-mail… at the foot of page 1 under a full-width rule; one entry per line. */
  contact?: string[];
  annexes?: Annex[];
  /** Main pages landscape: only for documents that are mostly a table (ND30 I.2). */
  landscape?: boolean;
}

/** "V/v đôn đốc …" whether or not the clerk typed the "V/v". */
export function letterSubjectText(subject: string): string {
  const t = subject.normalize('NFC').trim();
  return /^v\/v\b/i.test(t) ? `V/v${t.slice(3)}` : `V/v ${t}`;
}

/** "PL.(300)", or "PL." without a count (ND30 ô 12). */
export function drafterMarkText(mark: DrafterMark): string {
  const initials = mark.initials.normalize('NFC').trim().toLocaleUpperCase('vi').replace(/\.+$/, '');
  return mark.copies ? `${initials}.(${mark.copies})` : `${initials}.`;
}

// ---- Inline marks ----

/**
 * Splits "văn bản *nghiêng*, **đậm**, ***đậm nghiêng*** và __gạch chân__" into runs. "\\*" is a literal
 * asterisk. Underline needs a non-space, non-underscore character at both ends, so a blank line to fill
 * in by hand ("Họ tên: ________") stays text. Clerks type free text, so unmatched marks are kept as text.
 */
export function parseInline(text: string): Run[] {
  if (!text.includes('*') && !text.includes('__')) return text ? [{ text }] : [];
  const runs: Run[] = [];
  const re = /\\\*|\*\*\*(.+?)\*\*\*|\*\*(.+?)\*\*|\*(.+?)\*|__([^_\s](?:[^]*?[^_\s])?)__/gs;
  let last = 0;
  let buf = '';
  for (const m of text.matchAll(re)) {
    buf += text.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '\\*') {
      buf += '*';
      continue;
    }
    if (buf) runs.push({ text: buf });
    buf = '';
    if (m[1] !== undefined) runs.push({ text: m[1], bold: true, italic: true });
    else if (m[2] !== undefined) runs.push({ text: m[2], bold: true });
    else if (m[3] !== undefined) runs.push({ text: m[3], italic: true });
    else runs.push({ text: m[4], underline: true });
  }
  buf += text.slice(last);
  if (buf) runs.push({ text: buf });
  return runs;
}

export function toRuns(text: RichText): Run[] {
  return typeof text === 'string' ? parseInline(text) : text;
}

export function plainText(text: RichText): string {
  return toRuns(text)
    .map((r) => r.text)
    .join('');
}

/** Căn cứ lines end with ";" and the last with "." (ND30 ô 6). */
export function punctuateList(lines: string[], last = '.', between = ';'): string[] {
  return lines.map((l, i) => {
    const t = l.trim().replace(/[;.,]+$/, '');
    return t + (i === lines.length - 1 ? last : between);
  });
}

/** "05" for counts in running text ("03 phong trào"), as union documents write them; "0" for none, "1.250" with dots. */
export function countText(n: number): string {
  return n === 0 ? '0' : n < 10 ? `0${n}` : formatNumberVi(n);
}

export { roman } from '../../../shared/plans/where';

export { POINT_LETTERS };

export function pointLabel(index: number): string {
  return `${POINT_LETTERS[index % POINT_LETTERS.length]})`;
}
