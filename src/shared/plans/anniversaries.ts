/**
 * Round anniversaries of occasions ("90 năm Ngày thành lập Đảng Cộng sản Việt Nam"), written the way
 * plans write them: "Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)".
 * Pure: the renderer shows the same text the core puts in documents.
 */
import { formatShortDate } from '../vi-text/dates';

export interface OccasionLike {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  originDate: string;
}

export interface Anniversary {
  occasionId: string;
  name: string;
  originDate: string;
  /** The anniversary day in the chosen year, YYYY-MM-DD. */
  date: string;
  years: number;
  /** A multiple of 10 ("tròn"); other proposals are multiples of 5. */
  round: boolean;
  /** "90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)" */
  text: string;
  /** "Kỷ niệm 90 năm …" */
  fullText: string;
}

/** Same day and month in `year`; 29/02 falls on 28/02 in a common year. */
export function anniversaryDate(originDate: string, year: number): string {
  const [, m, d] = originDate.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${year}-${p(m)}-${p(Math.min(d, last))}`;
}

export function anniversaryOf(o: OccasionLike, year: number): Anniversary | null {
  const years = year - Number(o.originDate.slice(0, 4));
  if (years <= 0) return null;
  const date = anniversaryDate(o.originDate, year);
  const text = `${years} năm ${o.name} (${formatShortDate(o.originDate)} - ${formatShortDate(date)})`;
  return { occasionId: o.id, name: o.name, originDate: o.originDate, date, years, round: years % 10 === 0, text, fullText: `Kỷ niệm ${text}` };
}

/** Occasions whose anniversary in `year` is a multiple of `step` (5 by default), in calendar order. */
export function roundAnniversaries(occasions: OccasionLike[], year: number, step = 5): Anniversary[] {
  return occasions
    .map((o) => anniversaryOf(o, year))
    .filter((a): a is Anniversary => a !== null && a.years % step === 0)
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'vi'));
}
