/**
 * Số, ký hiệu văn bản (Nghị định 30/2020, Điều 15 and Phụ lục I, II.3):
 * "Số: 05/QĐ-LĐLĐ" — numbers below 10 take a leading zero, ký hiệu groups are joined by "-" without spaces.
 * Type and issuer abbreviations are separate inputs ("CĐ" is both Công điện and Công đoàn).
 */
import { formatLongDate, formatShortDate, type DateInput } from './dates';

export interface DocSymbol {
  /** Type abbreviation: "KH", "QĐ", "TTr", "BC"…; absent for a công văn. */
  typeAbbr?: string;
  /** Issuer abbreviation chosen by the body: "LĐLĐ", "TLĐ", "CĐCS"… */
  issuerAbbr: string;
  /** Drafting unit for a công văn ("VP" in "05/BNV-VP"). */
  unitAbbr?: string;
}

// Abbreviations are letters and digits only (TTr, QyĐ, LĐLĐ); spaces, "/" or "-" inside would break the format.
const ABBR = /^[\p{L}\p{N}]+$/u;

function checkAbbr(label: string, value: string): string {
  const v = value.normalize('NFC').trim();
  if (!ABBR.test(v)) throw new RangeError(`${label} không hợp lệ: "${value}"`);
  return v;
}

/** "KH-LĐLĐ", or "LĐLĐ-VP" for a công văn. */
export function formatDocSymbol(symbol: DocSymbol): string {
  const parts = symbol.typeAbbr
    ? [checkAbbr('Ký hiệu loại văn bản', symbol.typeAbbr), checkAbbr('Ký hiệu cơ quan', symbol.issuerAbbr)]
    : [checkAbbr('Ký hiệu cơ quan', symbol.issuerAbbr)];
  if (symbol.unitAbbr) parts.push(checkAbbr('Ký hiệu đơn vị soạn thảo', symbol.unitAbbr));
  return parts.join('-');
}

/** 5 → "05", 31 → "31". */
export function formatDocSerial(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Số văn bản không hợp lệ: ${n}`);
  return n < 10 ? `0${n}` : String(n);
}

// The blank a draft leaves for the number written after signature, as in the ND30 templates.
export const DRAFT_NUMBER_BLANK = '      ';

/** "05/QĐ-LĐLĐ"; a draft (number null) gives "      /QĐ-LĐLĐ". */
export function formatDocNumber(n: number | null, symbol: DocSymbol): string {
  return `${n === null ? DRAFT_NUMBER_BLANK : formatDocSerial(n)}/${formatDocSymbol(symbol)}`;
}

/** The header line: "Số: 05/QĐ-LĐLĐ"; a draft prints "Số:       /QĐ-LĐLĐ". */
export function formatNumberLine(n: number | null, symbol: DocSymbol): string {
  return `Số: ${formatDocNumber(n, symbol)}`;
}

/** Reads "Số: 05/QĐ-LĐLĐ" or "31/KH-LĐLĐ" back; null when the text is not a document number. */
export function parseDocNumber(text: string): { number: number; symbol: string } | null {
  const m = /^(?:Số:\s*)?(\d+)\/([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)$/u.exec(text.normalize('NFC').trim());
  return m ? { number: Number(m[1]), symbol: m[2] } : null;
}

/** Citation of a document: "số 12/QĐ-LĐLĐ ngày 05/3/2024" (short) or "... ngày 05 tháng 3 năm 2024" (long). */
export function formatDocCitation(
  n: number | null,
  symbol: DocSymbol,
  date: DateInput | null,
  style: 'short' | 'long' = 'short',
): string {
  const num = `số ${formatDocNumber(n, symbol)}`;
  if (date === null) return num;
  return `${num} ${style === 'short' ? `ngày ${formatShortDate(date)}` : formatLongDate(date)}`;
}

/**
 * A document's identity wherever a clerk reads it (previews, lists, messages): "02/QĐ-LĐLĐ ngày 30/11/2026".
 * `symbol` is the ký hiệu as issued ("QĐ-LĐLĐ"); without a number: "Dự thảo …"; without a date: no "ngày".
 */
export function formatDocIdentity(n: number | null, symbol: string, date: DateInput | null): string {
  const num = n === null ? `Dự thảo ${symbol}`.trim() : `${formatDocSerial(n)}/${symbol}`;
  return date === null || date === '' ? num : `${num} ngày ${formatShortDate(date)}`;
}

/**
 * The same identity from a view's stored "02/QĐ-LĐLĐ" and its date (lists, editors, history): null for a draft.
 * A number that is not in the ND30 form (an old decision typed into the history as "15 QĐ/CĐ") is shown as typed.
 */
export function identityOfNumberText(numberText: string | null | undefined, date: DateInput | null | undefined): string | null {
  if (!numberText) return null;
  const p = parseDocNumber(numberText);
  if (p) return formatDocIdentity(p.number, p.symbol, date ?? null);
  return date ? `${numberText} ngày ${formatShortDate(date)}` : numberText;
}
