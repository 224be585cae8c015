/**
 * The danh sách kèm theo of decisions and proposals: collectives then individuals,
 * each group numbered from 1, optional money column and a total row whose figures
 * are the same numbers Điều 1 quotes.
 */
import { compareVi, splitPersonName } from '../../../../shared/vi-text/collate';
import { formatNumberVi } from '../../../../shared/vi-text/money';
import { countText, roman, type TableModel, type TableRow } from '../model';

export interface Awardee {
  kind: 'collective' | 'individual';
  /** Collective name or full name. */
  name: string;
  /** Chức vụ, đơn vị (individuals) or the parent unit (collectives). */
  positionUnit?: string;
  /** Tiền thưởng in đồng, already computed (coefficient × lương cơ sở, rounded). */
  amount?: number;
  note?: string;
  /** The form or title this row receives; a decision mixing several prints one Điều and one section per form. */
  award?: AwardKind;
}

/** A danh hiệu is "công nhận", a hình thức is "tặng" (Luật Thi đua, khen thưởng 2022). */
export interface AwardKind {
  name: string;
  kind: 'title' | 'form';
}

/** "tặng Giấy khen" / "công nhận danh hiệu Chiến sĩ thi đua cơ sở". */
export function awardVerbPhrase(a: AwardKind): string {
  return a.kind === 'title' ? `công nhận danh hiệu ${a.name.replace(/^danh hiệu\s+/i, '')}` : `tặng ${a.name}`;
}

/** Rows grouped by form in first-seen order; rows without a form go under `fallback`. */
export function groupByAward<T extends Awardee>(awardees: T[], fallback: AwardKind): { award: AwardKind; awardees: T[] }[] {
  const groups = new Map<string, { award: AwardKind; awardees: T[] }>();
  for (const a of awardees) {
    const award = a.award ?? fallback;
    const key = `${award.kind}|${award.name}`;
    const g = groups.get(key) ?? { award, awardees: [] };
    g.awardees.push(a);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export interface AwardeeSummary {
  collectives: number;
  individuals: number;
  totalAmount: number;
}

/** A decision or proposal without anyone on its list cannot be worded; say so in the clerk's language. */
export function requireAwardees(awardees: Awardee[]): void {
  if (awardees.length === 0) throw new RangeError('Danh sách khen thưởng chưa có tập thể, cá nhân nào');
  for (const a of awardees) {
    if (!a.name.trim()) throw new RangeError('Có dòng trong danh sách khen thưởng chưa có tên');
    if (a.amount !== undefined && (!Number.isFinite(a.amount) || a.amount < 0)) throw new RangeError(`Số tiền không hợp lệ: ${a.name}`);
  }
}

export function summarize(awardees: Awardee[]): AwardeeSummary {
  return {
    collectives: awardees.filter((a) => a.kind === 'collective').length,
    individuals: awardees.filter((a) => a.kind === 'individual').length,
    totalAmount: awardees.reduce((s, a) => s + (a.amount ?? 0), 0),
  };
}

/** "05 tập thể và 12 cá nhân", or just one of the two. */
export function countsPhrase(s: AwardeeSummary): string {
  const parts: string[] = [];
  if (s.collectives > 0) parts.push(`${countText(s.collectives)} tập thể`);
  if (s.individuals > 0) parts.push(`${countText(s.individuals)} cá nhân`);
  return parts.join(' và ');
}

/** Collectives keep the user's order (unit hierarchy); individuals sort by tên, họ và tên đệm. */
export function orderAwardees<T extends Awardee>(awardees: T[], sortIndividuals = true): { collectives: T[]; individuals: T[] } {
  const collectives = awardees.filter((a) => a.kind === 'collective');
  const individuals = awardees.filter((a) => a.kind === 'individual');
  if (!sortIndividuals) return { collectives, individuals };
  // Split each name once, not at every comparison: 2,000 names are ~22,000 comparisons.
  const keyed = individuals.map((a) => ({ a, ...splitPersonName(a.name) }));
  keyed.sort((x, y) => compareVi(x.given, y.given) || compareVi(x.familyMiddle, y.familyMiddle) || compareVi(x.a.name, y.a.name));
  return { collectives, individuals: keyed.map((k) => k.a) };
}

/**
 * The danh sách's rows in print order: one section per form or title (first-seen order), collectives then
 * individuals by tên in each. The Giấy khen batch reads the same order, so "in từ dòng 3" after a paper jam
 * is the third row of the form's section.
 */
export function listSections<T extends Awardee>(awardees: T[], fallback: AwardKind, sortIndividuals = true): { award: AwardKind; rows: T[] }[] {
  return orderSections(groupByAward(awardees, fallback), sortIndividuals);
}

function orderSections<T extends Awardee>(groups: { award: AwardKind; awardees: T[] }[], sortIndividuals = true): { award: AwardKind; rows: T[] }[] {
  return groups.map((sec) => {
    const { collectives, individuals } = orderAwardees(sec.awardees, sortIndividuals);
    return { award: sec.award, rows: [...collectives, ...individuals] };
  });
}

export interface AwardeeTableOptions {
  money: boolean;
  sortIndividuals?: boolean;
  noteHeader?: string;
  /** Several forms: one section per form ("I. TẶNG GIẤY KHEN"), its rows and a "Cộng" row each. */
  sections?: { award: AwardKind; awardees: Awardee[] }[];
}

export function awardeeTable(awardees: Awardee[], options: AwardeeTableOptions): TableModel {
  const s = summarize(awardees);
  const columns: TableModel['columns'] = [
    { header: 'STT', weight: 8, align: 'center' },
    { header: 'Tên tập thể / Họ và tên', weight: 30 },
    { header: 'Chức vụ, đơn vị', weight: 36 },
  ];
  if (options.money) columns.push({ header: 'Số tiền (đồng)', weight: 15, align: 'right' });
  columns.push({ header: options.noteHeader ?? 'Ghi chú', weight: 11 });
  const row = (a: Awardee, i: number): TableRow => {
    const cells = [String(i + 1), a.name, a.positionUnit ?? ''];
    if (options.money) cells.push(a.amount === undefined ? '' : formatNumberVi(a.amount));
    cells.push(a.note ?? '');
    return { kind: 'data', cells };
  };
  const totalRow = (label: string, sum: AwardeeSummary): TableRow => {
    const cells = ['', `${label}: ${countsPhrase(sum)}`, ''];
    if (options.money) cells.push(formatNumberVi(sum.totalAmount));
    cells.push('');
    return { kind: 'total', cells };
  };
  const rows: TableRow[] = [];
  if (options.sections && options.sections.length > 1) {
    orderSections(options.sections, options.sortIndividuals).forEach((sec, k) => {
      rows.push({ kind: 'group', text: `${roman(k + 1)}. ${awardVerbPhrase(sec.award).toLocaleUpperCase('vi')}` });
      sec.rows.forEach((a, i) => rows.push(row(a, i)));
      rows.push(totalRow('Cộng', summarize(sec.rows)));
    });
  } else {
    const { collectives, individuals } = orderAwardees(awardees, options.sortIndividuals);
    let group = 0;
    if (collectives.length > 0) {
      rows.push({ kind: 'group', text: `${roman(++group)}. TẬP THỂ (${countText(collectives.length)})` });
      collectives.forEach((a, i) => rows.push(row(a, i)));
    }
    if (individuals.length > 0) {
      rows.push({ kind: 'group', text: `${roman(++group)}. CÁ NHÂN (${countText(individuals.length)})` });
      individuals.forEach((a, i) => rows.push(row(a, i)));
    }
  }
  rows.push(totalRow('Tổng cộng', s));
  return { columns, rows, fontSize: 13 };
}
