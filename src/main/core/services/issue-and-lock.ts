/**
 * The issue-and-lock step every numbered document shares (plans, general documents, reports, tờ trình,
 * decisions): take the number from the issuer's register (sổ văn bản đi) and mark the record issued in the
 * same transaction, so a number is never taken for a record that stays a draft and an issued record always
 * names its number. From then on the record is locked: its service refuses edits, its table's trigger refuses
 * them even against a bug. One home, so the five kinds cannot drift apart (which column holds the date, the
 * revision bump that makes the issued state travel, the guard against issuing twice).
 */
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { RegisterEntryView } from '../../../shared/schemas/register';
import type { DB } from '../db/schema';
import { nowIso } from '../util/time';
import { issueNumber } from './register';

/** The tables whose records are issued with a register number, the kind their register entry names, where the date goes. */
export const ISSUABLE = {
  plans: { recordKind: 'plan', dateColumn: 'issued_date' },
  general_documents: { recordKind: 'general-document', dateColumn: 'issued_date' },
  phase_reports: { recordKind: 'phase-report', dateColumn: 'issued_date' },
  commendation_proposals: { recordKind: 'commendation-proposal', dateColumn: 'issued_date' },
  decisions: { recordKind: 'decision', dateColumn: 'decision_date' },
} as const;
export type IssuableTable = keyof typeof ISSUABLE;

export interface IssueAndLock {
  table: IssuableTable;
  id: string;
  issuerId: string;
  /** The register's type abbreviation (KH, QĐ, TTr, BC…). */
  kindAbbr: string;
  /** A công văn: the drafting unit of its ký hiệu ('' for none). */
  letterUnit?: string;
  /** YYYY-MM-DD: the document's date; its year is the register year. */
  date: string;
  subject: string;
  /** The number the clerk confirmed (refused if taken meanwhile); null = the next one. */
  number: number | null;
  /**
   * What the record freezes at issue, computed once the number is known and before the lock (a decision's money
   * and gold-book numbers, written on its list while the list may still change): extra columns of the record.
   */
  freeze?: (entry: RegisterEntryView) => Promise<Record<string, unknown>>;
}

/** Takes the number and locks the record, in the caller's transaction; returns the register entry. */
export async function issueAndLock(q: Kysely<DB>, input: IssueAndLock): Promise<RegisterEntryView> {
  const kind = ISSUABLE[input.table];
  // The table name comes from the typed list above, never from data. Only a draft is issued: checked before a number is taken.
  const table = input.table as 'plans';
  const current = await q.selectFrom(table).select('status').where('id', '=', input.id).executeTakeFirst();
  if (current?.status !== 'draft') throw new AppError('CONFLICT', current ? 'Văn bản đã được ban hành: không cấp số lần nữa.' : 'Không tìm thấy văn bản cần ban hành.');
  const entry = await issueNumber(q, {
    issuerId: input.issuerId,
    kindAbbr: input.kindAbbr,
    letterUnit: input.letterUnit,
    date: input.date,
    subject: input.subject,
    number: input.number,
    recordKind: kind.recordKind,
    recordId: input.id,
  });
  const frozen = input.freeze ? await input.freeze(entry) : {};
  const values: Record<string, unknown> = {
    ...frozen,
    status: 'issued',
    register_entry_id: entry.id,
    issued_number: entry.number,
    [kind.dateColumn]: input.date,
    revision: sql`revision + 1`,
    updated_at: nowIso(),
  };
  const res = await q
    .updateTable(table)
    .set(values as never)
    .where('id', '=', input.id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'Văn bản đã được ban hành (hoặc không còn): không cấp số lần nữa.');
  return entry;
}
