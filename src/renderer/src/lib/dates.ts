import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/vi';
import { formatDmy } from '../../../shared/vi-text/dates';

dayjs.locale('vi');

/** What the clerk sees and types. */
export const DATE_FORMAT = 'DD/MM/YYYY';
/** What the contract carries. */
export const API_DATE = 'YYYY-MM-DD';

export function toApiDate(d: Dayjs | null | undefined): string | undefined {
  return d && d.isValid() ? d.format(API_DATE) : undefined;
}

export function fromApiDate(s: string | null | undefined): Dayjs | null {
  if (!s) return null;
  const d = dayjs(s, API_DATE);
  return d.isValid() ? d : null;
}

/** Dates at or before this mean "since always / not known" (e.g. a unit's first name). */
export const OPEN_START = '1900-01-01';

/** "2025-07-01" → "01/07/2025"; the screens' name for the one formatter in shared/vi-text/dates. */
export const showDate = formatDmy;

/** ISO date-time → "dd/mm/yyyy hh:mm" in local time. */
export function showDateTime(s: string | null | undefined): string {
  if (!s) return '';
  const d = dayjs(s);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : s;
}

export function todayApi(): string {
  return dayjs().format(API_DATE);
}

export { dayjs };

/** Like showDate, but an open start ("since always") shows as "từ trước". */
export function showSince(s: string | null | undefined): string {
  if (!s) return '';
  return s <= OPEN_START ? 'từ trước' : showDate(s);
}
