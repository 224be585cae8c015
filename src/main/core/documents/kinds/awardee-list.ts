/**
 * The danh sách kèm theo of decisions and proposals: collectives then individuals,
 * each group numbered from 1, optional money column and a total row whose figures
 * are the same numbers Điều 1 quotes.
 */
import { compareVi, splitPersonName } from '../../../../shared/vi-text/collate';
import { formatNumberVi } from '../../../../shared/vi-text/money';
import { countText, type TableModel, type TableRow } from '../model';

export interface Awardee {
  kind: 'collective' | 'individual';
  /** Collective name or full name. */
  name: string;
  /** Chức vụ, đơn vị (individuals) or the parent unit (collectives). */
  positionUnit?: string;
  /** Tiền thưởng in đồng, already computed (coefficient × lương cơ sở, rounded). */
  amount?: number;
  note?: string;
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
export function orderAwardees(awardees: Awardee[], sortIndividuals = true) {
  const collectives = awardees.filter((a) => a.kind === 'collective');
  const individuals = awardees.filter((a) => a.kind === 'individual');
  if (!sortIndividuals) return { collectives, individuals };
  // Split each name once, not at every comparison: 2,000 names are ~22,000 comparisons.
  const keyed = individuals.map((a) => ({ a, ...splitPersonName(a.name) }));
  keyed.sort((x, y) => compareVi(x.given, y.given) || compareVi(x.familyMiddle, y.familyMiddle) || compareVi(x.a.name, y.a.name));
  return { collectives, individuals: keyed.map((k) => k.a) };
}

export function awardeeTable(awardees: Awardee[], options: { money: boolean; sortIndividuals?: boolean; noteHeader?: string }): TableModel {
  const { collectives, individuals } = orderAwardees(awardees, options.sortIndividuals);
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
  const rows: TableRow[] = [];
  let group = 0;
  if (collectives.length > 0) {
    rows.push({ kind: 'group', text: `${['I', 'II'][group++]}. TẬP THỂ (${countText(collectives.length)})` });
    collectives.forEach((a, i) => rows.push(row(a, i)));
  }
  if (individuals.length > 0) {
    rows.push({ kind: 'group', text: `${['I', 'II'][group++]}. CÁ NHÂN (${countText(individuals.length)})` });
    individuals.forEach((a, i) => rows.push(row(a, i)));
  }
  const total = ['', `Tổng cộng: ${countsPhrase(s)}`, ''];
  if (options.money) total.push(formatNumberVi(s.totalAmount));
  total.push('');
  rows.push({ kind: 'total', cells: total });
  return { columns, rows, fontSize: 13 };
}
