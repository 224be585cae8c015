/**
 * How a plan writes its đợt thi đua: "*Đợt 1, từ tháng 11/2019 đến 31/3/2020*: Thi đua …".
 * Shared so the editor fills the same text the core would.
 */
import { formatMonth, formatShortDate } from '../vi-text/dates';
import { countText } from './count';

export interface PhaseLike {
  name: string;
  startDate: string | null;
  /** The start is a month ("từ tháng 11/2019"), not a day. */
  startMonthOnly: boolean;
  endDate: string | null;
  endMonthOnly: boolean;
  description: string;
}

function when(iso: string, monthOnly: boolean): string {
  if (!monthOnly) return formatShortDate(iso);
  const [y, m] = iso.split('-').map(Number);
  return `tháng ${formatMonth(m)}/${y}`;
}

/** "Đợt 1, từ tháng 11/2019 đến 31/3/2020" */
export function phaseLabel(p: PhaseLike): string {
  let s = p.name.trim();
  if (p.startDate) s += `, từ ${when(p.startDate, p.startMonthOnly)}`;
  if (p.endDate) s += `${p.startDate ? '' : ','} đến ${when(p.endDate, p.endMonthOnly)}`;
  return s;
}

/** The bullet text, label in italics: "*Đợt 1, từ … đến …*: Thi đua lập thành tích …" */
export function phaseBulletText(p: PhaseLike): string {
  const d = p.description.trim();
  return d ? `*${phaseLabel(p)}*: ${d}` : `*${phaseLabel(p)}*`;
}

/** "Các phong trào thi đua được chia thành 02 đợt:" */
export function phasesLeadText(n: number): string {
  return `Các phong trào thi đua được chia thành ${countText(n)} đợt:`;
}

/** The content of the plan's "Các đợt thi đua" item: the lead line, then one "-" bullet per đợt. */
export function phasesContent(phases: PhaseLike[]): { marker: '' | '-'; text: string }[] {
  if (!phases.length) return [];
  return [{ marker: '', text: phasesLeadText(phases.length) }, ...phases.map((p) => ({ marker: '-' as const, text: phaseBulletText(p) }))];
}
