/**
 * Person rows of a sheet: what a row says about who the person is (birth date or year, CCCD), checked
 * with a message per row, and the clerk's answer to "is this someone already here?" applied exactly.
 */
import { idNumber as idNumberSchema } from '../../../shared/schemas/person-identity';
import { formatDmy } from '../../../shared/vi-text/dates';
import type { Kysely } from 'kysely';
import type { DB, PeopleTable } from '../db/schema';
import { personRow } from '../services/people';
import type { SheetPersonKey } from '../services/person-matching';
import { nowIso } from '../util/time';
import { parseDmy } from './cells';

export function parseBirthYear(s: string): number | null | 'bad' {
  if (!s) return null;
  const iso = parseDmy(s);
  const y = iso ? Number(iso.slice(0, 4)) : /^\d{4}$/.test(s) ? Number(s) : NaN;
  return Number.isInteger(y) && y >= 1900 && y <= new Date().getFullYear() ? y : 'bad';
}

/**
 * The birth of a row from its "Năm sinh" and "Ngày sinh" cells (either may be empty; a "Năm sinh" cell
 * holding a whole date counts as the date). Both given must agree.
 */
export function parseBirth(yearText: string, dateText: string): { year: number | null; date: string | null } | { error: string } {
  const year = parseBirthYear(yearText);
  if (year === 'bad') return { error: `năm sinh "${yearText}" không hợp lệ (ghi năm, ví dụ 1985, hoặc ngày dạng dd/mm/yyyy).` };
  let date = yearText ? parseDmy(yearText) : null;
  if (dateText) {
    const d = parseDmy(dateText);
    const y = d ? Number(d.slice(0, 4)) : NaN;
    if (!d) return { error: `ngày sinh "${dateText}" không đúng dạng dd/mm/yyyy hoặc không có thật (ví dụ 05/03/1985).` };
    if (y < 1900 || d > new Date().toISOString().slice(0, 10)) return { error: `ngày sinh "${dateText}" không hợp lệ (trước năm 1900 hoặc sau hôm nay).` };
    if (date && date !== d) return { error: `ngày sinh ${formatDmy(d)} khác với ${formatDmy(date)} ghi ở cột năm sinh.` };
    if (year !== null && year !== y) return { error: `năm sinh ${year} khác với năm của ngày sinh ${formatDmy(d)}.` };
    date = d;
  }
  return { year: year ?? (date ? Number(date.slice(0, 4)) : null), date };
}

/** A CCCD cell: null when empty, the 12 (or 9) digits, or why not. */
export function parseIdNumber(text: string): string | null | { error: string } {
  const t = text.replace(/[\s.]/g, '');
  if (!t) return null;
  // Excel stores "001085012345" typed into a number cell as 1085012345: the leading zeros are gone.
  if (/^\d{10,11}$/.test(t)) return { error: `số CCCD "${text}" có ${t.length} chữ số, thiếu số 0 ở đầu? Hãy định dạng cột CCCD là Văn bản (Text) trong Excel và gõ đủ 12 chữ số.` };
  const r = idNumberSchema.safeParse(t);
  return r.success ? r.data : { error: `số CCCD "${text}" không hợp lệ: phải gồm 12 chữ số (hoặc 9 chữ số CMND cũ).` };
}

const yearOf = (p: PeopleTable) => p.birth_year ?? (p.birth_date ? Number(p.birth_date.slice(0, 4)) : null);

/** "Nguyễn Văn An (05/03/1985) — CĐCS Trường A, CCCD …2345" */
function candidateLabel(p: PeopleTable, units: Map<string, string>): string {
  const birth = p.birth_date ? formatDmy(p.birth_date) : yearOf(p);
  const unit = p.organization_id ? units.get(p.organization_id) : null;
  return `${p.full_name}${birth ? ` (${birth})` : ''}${unit ? ` — ${unit}` : ''}${p.position ? `, ${p.position}` : ''}${p.id_number ? `, CCCD …${p.id_number.slice(-4)}` : ''}`;
}

/**
 * The labels of one row's candidates. Namesakes of the same year and unit without a CCCD would read alike,
 * and a clerk cannot choose between equal lines: those are numbered in the order they were entered here
 * (`found` comes oldest first), with the day each was entered.
 */
export function candidateLabels(found: readonly PeopleTable[], units: Map<string, string>): string[] {
  const labels = found.map((p) => candidateLabel(p, units));
  const seen = new Map<string, number>();
  return labels.map((l, i) => {
    if (labels.indexOf(l) === labels.lastIndexOf(l)) return l;
    const nth = (seen.get(l) ?? 0) + 1;
    seen.set(l, nth);
    return `${l} — hồ sơ thứ ${nth}, nhập ngày ${formatDmy(found[i].created_at.slice(0, 10))}`;
  });
}

/** Why this person may be the row's: what the two share, and what one side lacks. */
export function matchReason(row: SheetPersonKey, p: PeopleTable): string {
  if (row.idNumber && row.idNumber === p.id_number) return 'cùng số CCCD';
  const parts = ['cùng họ tên'];
  if (row.birthDate && row.birthDate === p.birth_date) parts.push(`cùng ngày sinh ${formatDmy(row.birthDate)}`);
  else {
    const y = row.birthYear;
    const py = yearOf(p);
    if (y !== null && y === py) parts.push(`cùng năm sinh ${y}`);
    else if (y === null || py === null) parts.push(y === null ? 'dòng này chưa ghi năm sinh' : 'người đã có chưa ghi năm sinh');
  }
  parts.push(p.organization_id && p.organization_id === row.organizationId ? 'cùng đơn vị' : 'người đã có chưa ghi đơn vị');
  return parts.join(', ');
}

/**
 * What the clerk chose for a row (an existing person's id, 'new', or nothing = the suggestion), checked:
 * only one of the row's candidates may be chosen, and a new person may not take a CCCD someone here has.
 */
export function chosenPerson(choice: string | undefined, row: SheetPersonKey, candidates: PeopleTable[], suggested: PeopleTable | null): { person: PeopleTable | null } | { error: string } {
  if (choice && choice !== 'new') {
    const c = candidates.find((x) => x.id === choice);
    return c ? { person: c } : { error: 'người đã chọn không phải người có thể trùng với dòng này (khác họ tên, ngày sinh, đơn vị hoặc CCCD); hãy chọn lại.' };
  }
  if (!choice && suggested) return { person: suggested };
  const sameId = row.idNumber ? candidates.find((x) => x.id_number === row.idNumber) : undefined;
  if (sameId) return { error: `số CCCD ${row.idNumber} đã có ở "${sameId.full_name}": một số CCCD là một người, hãy chọn "Cùng người".` };
  return { person: null };
}

/** A person row as the imports write it. */
export type SheetPerson = SheetPersonKey & { position: string };

/** A new person from a sheet row. */
export async function insertPerson(trx: Kysely<DB>, r: SheetPerson): Promise<string> {
  const row = personRow({ fullName: r.fullName, organizationId: r.organizationId, birthYear: r.birthYear, birthDate: r.birthDate, idNumber: r.idNumber, gender: '', position: r.position });
  await trx.insertInto('people').values(row).execute();
  return row.id;
}

/**
 * A matched person learns what the sheet says and the record lacks (birth date or year; the CCCD, which
 * never travels), so the next sheet matches at once. Another office's person keeps its record as sent.
 */
export async function completePerson(trx: Kysely<DB>, personId: string, r: SheetPerson): Promise<string> {
  const p = await trx.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
  const office = await trx.selectFrom('office').select('organization_id').executeTakeFirst();
  const ours = p.owner_id === null || p.owner_id === office?.organization_id;
  const set: Partial<Pick<PeopleTable, 'birth_year' | 'birth_date' | 'id_number'>> = {};
  if (r.idNumber && !p.id_number) set.id_number = r.idNumber;
  if (ours && r.birthDate && !p.birth_date) set.birth_date = r.birthDate;
  if (ours && r.birthYear !== null && p.birth_year === null) set.birth_year = r.birthYear;
  if (Object.keys(set).length) {
    const bump = ours && ('birth_year' in set || 'birth_date' in set);
    await trx.updateTable('people').set((eb) => ({ ...set, ...(bump ? { revision: eb('revision', '+', 1) } : {}), updated_at: nowIso() })).where('id', '=', personId).execute();
  }
  return personId;
}
