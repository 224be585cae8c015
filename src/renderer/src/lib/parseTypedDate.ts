import type { Dayjs } from 'dayjs';
import { dayjs } from './dates';

export type TypedDate =
  | { kind: 'empty' }
  | { kind: 'ok'; date: Dayjs }
  /** Not finished yet ("12/0"): no error while typing, an error once the clerk leaves the field. */
  | { kind: 'partial'; message: string }
  /** Finished but not a real date (32/13/2019, 30/02/1930). */
  | { kind: 'invalid'; message: string };

const FORMAT_HINT = 'ngày/tháng/năm, ví dụ 13/11/2019';

/**
 * Reads what a clerk typed as a date: d/m/yyyy with "/", "." or "-" between, or 8 digits ddmmyyyy.
 * Checks the day against the month and year itself (no rollover: 30/02 is not 02/03).
 */
export function parseTypedDate(text: string): TypedDate {
  const t = text.trim();
  if (!t) return { kind: 'empty' };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) {
    const finished = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4,}$/.test(t) || /[^\d/.-]/.test(t) || t.length >= 10;
    return { kind: finished ? 'invalid' : 'partial', message: `“${t}” không phải là ngày (${FORMAT_HINT}).` };
  }
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return { kind: 'invalid', message: `Ngày “${t}” không có thật: không có tháng ${mo}.` };
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return { kind: 'invalid', message: `Ngày “${t}” không có thật: tháng ${mo}/${y} chỉ có ${days} ngày.` };
  if (y < 1800 || y > 2200) return { kind: 'invalid', message: `Năm ${y} nằm ngoài khoảng cho phép (1800–2200).` };
  return { kind: 'ok', date: dayjs(new Date(y, mo - 1, d)) };
}
