/**
 * The outgoing-document register (sổ văn bản đi). Numbers run per issuing office per calendar
 * year from 01, are taken only when a document is issued, and are never given twice: the table's
 * UNIQUE(issuer, year, number) and its no-delete/no-renumber triggers hold even against bugs here.
 * Generic: plans (KH) use it today; decisions (QĐ), tờ trình (TTr) and reports (BC) plug in the same way.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { NumberPreview, RegisterEntryView, RegisterYearView } from '../../../shared/schemas/register';
import { formatDocSerial, formatDocSymbol } from '../../../shared/vi-text/doc-number';
import type { DB, RegisterEntriesTable } from '../db/schema';
import { newId, nowIso } from '../util/time';
import { getNode } from './organizations';
import { formatDmy } from '../../../shared/vi-text/dates';


export function toEntryView(r: RegisterEntriesTable): RegisterEntryView {
  return {
    id: r.id,
    issuerId: r.issuer_id,
    year: r.year,
    number: r.number,
    kindAbbr: r.kind_abbr,
    symbol: r.symbol,
    numberText: `${formatDocSerial(r.number)}/${r.symbol}`,
    date: r.doc_date,
    subject: r.subject,
    recordKind: r.record_kind,
    recordId: r.record_id,
    createdAt: r.created_at,
  };
}

/** "KH-LĐLĐ" with the issuer's abbreviation in force on the document's date. */
export async function symbolFor(q: Kysely<DB>, issuerId: string, kindAbbr: string, date: string, letterUnit?: string): Promise<string> {
  const org = await getNode(q, issuerId, date);
  if (!org.abbreviation) {
    throw new AppError('VALIDATION', `Đơn vị "${org.name}" chưa có chữ viết tắt dùng trong số ký hiệu (ví dụ: LĐLĐ). Hãy bổ sung trong mục Đơn vị & cá nhân hoặc Cài đặt.`);
  }
  try {
    // A công văn has no type in its ký hiệu: "LĐLĐ-VP" (ND30 Phụ lục III).
    if (letterUnit !== undefined) return formatDocSymbol({ issuerAbbr: org.abbreviation, ...(letterUnit ? { unitAbbr: letterUnit } : {}) });
    return formatDocSymbol({ typeAbbr: kindAbbr, issuerAbbr: org.abbreviation });
  } catch (e) {
    throw new AppError('VALIDATION', (e as Error).message);
  }
}

export interface IssueNumber {
  issuerId: string;
  kindAbbr: string;
  /** YYYY-MM-DD; its year is the register year. */
  date: string;
  subject: string;
  /** A chosen free number; default the next after the highest. */
  number?: number | null;
  recordKind?: string | null;
  recordId?: string | null;
  /** A công văn: the drafting unit of its ký hiệu ('' for none); kindAbbr is then only the register's label. */
  letterUnit?: string;
}

/** The number and ký hiệu a document would take (next, or the chosen free one); refused when the chosen one is taken. */
async function chooseNumber(q: Kysely<DB>, input: Omit<IssueNumber, 'subject'>): Promise<{ year: number; number: number; symbol: string }> {
  const year = Number(input.date.slice(0, 4));
  const symbol = await symbolFor(q, input.issuerId, input.kindAbbr, input.date, input.letterUnit);
  let number = input.number ?? null;
  if (number === null) {
    const max = await q
      .selectFrom('register_entries')
      .select((eb) => eb.fn.max('number').as('m'))
      .where('issuer_id', '=', input.issuerId)
      .where('year', '=', year)
      .executeTakeFirst();
    number = (max?.m ?? 0) + 1;
  } else {
    const taken = await q
      .selectFrom('register_entries')
      .selectAll()
      .where('issuer_id', '=', input.issuerId)
      .where('year', '=', year)
      .where('number', '=', number)
      .executeTakeFirst();
    if (taken) {
      const t = toEntryView(taken);
      throw new AppError('CONFLICT', `Số ${formatDocSerial(t.number)} năm ${year} đã cấp cho văn bản ${t.numberText} ngày ${formatDmy(t.date)} (${t.subject}). Hãy chọn số khác.`);
    }
  }
  return { year, number, symbol };
}

/** What taking a number now would give, without taking it: the clerk confirms this exact number first. */
export async function previewNumber(q: Kysely<DB>, input: Omit<IssueNumber, 'subject'>): Promise<NumberPreview> {
  const { year, number, symbol } = await chooseNumber(q, input);
  return { year, number, symbol, numberText: `${formatDocSerial(number)}/${symbol}`, date: input.date };
}

/** Takes a number from the register. Run inside the transaction that marks the document issued. */
export async function issueNumber(q: Kysely<DB>, input: IssueNumber): Promise<RegisterEntryView> {
  const { year, number, symbol } = await chooseNumber(q, input);
  const row: RegisterEntriesTable = {
    id: newId(),
    issuer_id: input.issuerId,
    year,
    number,
    kind_abbr: input.kindAbbr,
    symbol,
    doc_date: input.date,
    subject: input.subject,
    record_kind: input.recordKind ?? null,
    record_id: input.recordId ?? null,
    created_at: nowIso(),
  };
  await q.insertInto('register_entries').values(row).execute();
  return toEntryView(row);
}

/** Numbers 1…max that were never taken. */
export function gapsOf(numbers: number[]): number[] {
  const used = new Set(numbers);
  const max = numbers.length ? Math.max(...numbers) : 0;
  const gaps: number[] = [];
  for (let n = 1; n < max; n++) if (!used.has(n)) gaps.push(n);
  return gaps;
}

export async function registerYear(q: Kysely<DB>, issuerId: string, year: number): Promise<RegisterYearView> {
  const rows = await q
    .selectFrom('register_entries')
    .selectAll()
    .where('issuer_id', '=', issuerId)
    .where('year', '=', year)
    .orderBy('number')
    .execute();
  const numbers = rows.map((r) => r.number);
  return {
    year,
    issuerId,
    entries: rows.map(toEntryView),
    gaps: gapsOf(numbers),
    nextNumber: (numbers.length ? Math.max(...numbers) : 0) + 1,
  };
}

/** Years that have entries, newest first. */
export async function registerYears(q: Kysely<DB>, issuerId: string): Promise<number[]> {
  const rows = await q.selectFrom('register_entries').select('year').distinct().where('issuer_id', '=', issuerId).orderBy('year', 'desc').execute();
  return rows.map((r) => r.year);
}
