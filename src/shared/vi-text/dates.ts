/**
 * Dates as official documents write them (Nghị định 30/2020, Phụ lục I, II.4):
 * day < 10 gets a leading zero, months 1 and 2 get one ("tháng 01"), months 3–12 do not.
 */

/** A calendar date without time zone; documents never need the time. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** A date that may be partly blank: unsigned drafts print "ngày     tháng 11 năm 2019" for hand-filling. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

export type DateInput = CivilDate | PartialDate | string;

/** Accepts "2024-03-05" (ISO) or a date object; validates ranges. */
export function toPartialDate(input: DateInput): PartialDate {
  if (typeof input === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
    if (!m) throw new RangeError(`Ngày không hợp lệ: "${input}" (cần dạng YYYY-MM-DD)`);
    return checkDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  }
  return checkDate(input);
}

function checkDate(d: PartialDate): PartialDate {
  if (!Number.isInteger(d.year) || d.year < 1000 || d.year > 9999) throw new RangeError(`Năm không hợp lệ: ${d.year}`);
  if (d.month !== undefined && (!Number.isInteger(d.month) || d.month < 1 || d.month > 12)) {
    throw new RangeError(`Tháng không hợp lệ: ${d.month}`);
  }
  if (d.day !== undefined) {
    const max = d.month === undefined ? 31 : new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
    if (!Number.isInteger(d.day) || d.day < 1 || d.day > max) throw new RangeError(`Ngày không hợp lệ: ${d.day}`);
  }
  return { ...d };
}

export function toCivilDate(input: DateInput): CivilDate {
  const d = toPartialDate(input);
  if (d.month === undefined || d.day === undefined) throw new RangeError('Cần ngày đầy đủ');
  return { year: d.year, month: d.month, day: d.day };
}

/** "05" for 5, "15" for 15. */
export function formatDay(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

/** "01", "02", then "3" … "12". */
export function formatMonth(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

// Width left for a hand-written day or month in an unsigned draft.
const BLANK = '     ';

/** "ngày 05 tháng 3 năm 2024"; blanks where the date is not known yet. */
export function formatLongDate(input: DateInput): string {
  const d = toPartialDate(input);
  const day = d.day === undefined ? BLANK : formatDay(d.day);
  const month = d.month === undefined ? BLANK : formatMonth(d.month);
  return `ngày ${day} tháng ${month} năm ${d.year}`;
}

/** "Bắc Kạn, ngày 05 tháng 3 năm 2024" — the địa danh line next to "Số:". */
export function formatPlaceDate(place: string, input: DateInput): string {
  return `${place.trim()}, ${formatLongDate(input)}`;
}

/** "05/3/2024", "03/02/1930" — the short form used inside text. */
export function formatShortDate(input: DateInput): string {
  const d = toCivilDate(input);
  return `${formatDay(d.day)}/${formatMonth(d.month)}/${d.year}`;
}

/** ISO "2024-03-05" for storage and comparisons. */
export function toIsoDate(input: DateInput): string {
  const d = toCivilDate(input);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * The one dd/mm/yyyy formatter (messages, spreadsheets, screens): "2025-07-01" (or an ISO date-time) →
 * "01/07/2025"; empty → ""; anything else is returned as it came, so a bad value is visible, not hidden.
 */
export function formatDmy(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
