/**
 * Commendation history per person and per unit (what was given, by which decision, how much) and the
 * statistics per đợt, unit and form. Only issued decisions count; one replaced by an issued correction
 * stays in the history, marked, and leaves the statistics.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { HistoryRow, historyInput, StatisticsLine, StatisticsView, statisticsInput } from '../../../../shared/schemas/commendations';
import { TARGET_LABELS } from '../../../../shared/schemas/commendations';
import { compareVi } from '../../../../shared/vi-text/collate';
import { fold } from '../../../../shared/vi-text/normalize';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { importedHistoryRows } from './imported-history';
import { identityIds } from '../person-identity';
import { containsFolded, entryNumbers, orgNames } from './lookups';
import { formatDmy } from '../../../../shared/vi-text/dates';

function issuedAwardees(q: Kysely<DB>) {
  return q
    .selectFrom('decision_awardees as a')
    .innerJoin('decisions as d', 'd.id', 'a.decision_id')
    .innerJoin('award_forms as f', 'f.id', 'a.form_id')
    .leftJoin('decisions as c', (j) => j.onRef('c.corrects_decision_id', '=', 'd.id').on('c.status', '=', 'issued'))
    .select([
      'a.id as awardee_id', 'a.target', 'a.person_id', 'a.organization_id', 'a.name', 'a.position_unit', 'a.amount', 'a.gold_book_number', 'a.form_id',
      'd.id as decision_id', 'd.register_entry_id', 'd.decision_date', 'd.period_year', 'd.movement_id', 'd.phase_id',
      'f.name as form_name', 'f.sort_order as form_order', 'c.register_entry_id as corrected_entry',
    ])
    .where('d.status', '=', 'issued')
    .where('d.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null);
}

export async function history(q: Kysely<DB>, input: z.output<typeof historyInput>): Promise<HistoryRow[]> {
  let s = issuedAwardees(q);
  // A person's history is their identity's: awards recorded under a merged alias count.
  if (input.personId) s = s.where('a.person_id', 'in', await identityIds(q, input.personId));
  // A unit's history: the unit as a collective and the people it put forward.
  if (input.organizationId) s = s.where('a.organization_id', '=', input.organizationId);
  if (input.query) s = s.where(containsFolded('a.search_key', fold(input.query)));
  const rows = await s.orderBy('d.decision_date', 'desc').orderBy('a.sort_order').limit(input.limit).execute();
  const numbers = await entryNumbers(q, [...rows.map((r) => r.register_entry_id), ...rows.map((r) => r.corrected_entry)]);
  // Lines imported from Excel join the history (marked), newest first with the decisions.
  const imported = await importedHistoryRows(q, input);
  const names = await orgNames(q, [...rows.map((r) => r.organization_id), ...imported.map((r) => r.organizationId)]);
  const issued: HistoryRow[] = rows.map((r) => ({
    awardeeId: r.awardee_id,
    decisionId: r.decision_id,
    numberText: numbers.get(r.register_entry_id!) ?? '',
    decisionDate: r.decision_date,
    periodYear: r.period_year,
    target: r.target,
    personId: r.person_id,
    organizationId: r.organization_id,
    name: r.name,
    positionUnit: r.position_unit,
    unitName: r.organization_id ? (names.get(r.organization_id) ?? null) : null,
    formName: r.form_name,
    amount: r.amount ?? 0,
    goldBookNumber: r.gold_book_number,
    correctedBy: r.corrected_entry ? (numbers.get(r.corrected_entry) ?? '') : null,
  }));
  if (!imported.length) return issued;
  for (const r of imported) r.unitName = r.organizationId ? (names.get(r.organizationId) ?? null) : null;
  const key = (r: HistoryRow) => r.decisionDate || `${r.periodYear}-12-31`;
  return [...issued, ...imported].sort((a, b) => key(b).localeCompare(key(a))).slice(0, input.limit);
}

export async function historyXlsx(rows: HistoryRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lịch sử khen thưởng');
  ws.columns = [
    { header: 'STT', key: 'stt', width: 6 },
    { header: 'Tên tập thể / Họ và tên', key: 'name', width: 30 },
    { header: 'Đối tượng', key: 'target', width: 10 },
    { header: 'Chức vụ, đơn vị', key: 'positionUnit', width: 36 },
    { header: 'Hình thức', key: 'form', width: 30 },
    { header: 'Số quyết định', key: 'number', width: 16 },
    { header: 'Ngày quyết định', key: 'date', width: 14 },
    { header: 'Năm xét', key: 'year', width: 9 },
    { header: 'Số tiền (đồng)', key: 'amount', width: 15 },
    { header: 'Số sổ vàng', key: 'gold', width: 12 },
    { header: 'Ghi chú', key: 'note', width: 30 },
  ];
  ws.getRow(1).font = { bold: true };
  rows.forEach((r, i) =>
    ws.addRow({
      stt: i + 1,
      name: r.name,
      target: TARGET_LABELS[r.target],
      positionUnit: r.positionUnit || r.unitName || '',
      form: r.formName,
      number: r.numberText,
      date: formatDmy(r.decisionDate),
      year: r.periodYear,
      amount: r.amount,
      gold: r.goldBookNumber ?? '',
      note: r.correctedBy ? `Đã đính chính bởi QĐ ${r.correctedBy}` : r.imported ? 'Nhập từ Excel' : '',
    }),
  );
  ws.getColumn('amount').numFmt = '#,##0';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function statistics(q: Kysely<DB>, input: z.output<typeof statisticsInput>): Promise<StatisticsView> {
  let s = issuedAwardees(q).where('c.id', 'is', null);
  if (input.periodYear) s = s.where('d.period_year', '=', input.periodYear);
  if (input.movementId) s = s.where('d.movement_id', '=', input.movementId);
  const rows = await s.execute();
  const names = await orgNames(q, rows.map((r) => r.organization_id));
  const movements = new Map((await q.selectFrom('movements').select(['id', 'name']).execute()).map((m) => [m.id, m.name]));
  const phases = new Map((await q.selectFrom('movement_phases').select(['id', 'name']).execute()).map((p) => [p.id, p.name]));
  const group = (keyOf: (r: (typeof rows)[number]) => [string, string]): StatisticsLine[] => {
    const map = new Map<string, StatisticsLine>();
    for (const r of rows) {
      const [key, label] = keyOf(r);
      const line = map.get(key) ?? { key, label, collectives: 0, individuals: 0, amount: 0 };
      if (r.target === 'collective') line.collectives++;
      else line.individuals++;
      line.amount += r.amount ?? 0;
      map.set(key, line);
    }
    return [...map.values()];
  };
  const formOrder = new Map(rows.map((r) => [r.form_id, r.form_order]));
  return {
    byForm: group((r) => [r.form_id, r.form_name]).sort((a, b) => (formOrder.get(a.key) ?? 0) - (formOrder.get(b.key) ?? 0)),
    byUnit: group((r) => [r.organization_id ?? '', r.organization_id ? (names.get(r.organization_id) ?? '') : 'Không rõ đơn vị']).sort((a, b) => compareVi(a.label, b.label)),
    byPhase: group((r) => {
      if (!r.movement_id) return ['', `Năm ${r.period_year} (không theo phong trào)`];
      const m = movements.get(r.movement_id) ?? '';
      return [`${r.movement_id}|${r.phase_id ?? ''}`, r.phase_id ? `${m} — ${phases.get(r.phase_id) ?? ''}` : m];
    }),
    total: group(() => ['all', 'Tổng cộng'])[0] ?? { key: 'all', label: 'Tổng cộng', collectives: 0, individuals: 0, amount: 0 },
  };
}
