/**
 * Commendation history from Excel: past decisions and their lists (QĐ number, date, issuer, form/title,
 * year, people and collectives). Read like the registration sheets (same workbook reading, TCVN3/VNI
 * conversion, header row and column mapping, unit lookup, birth date and CCCD checks, and person rows
 * matched by `sheetCandidates` with the clerk's choice per row applied exactly): every row is checked first
 * and every problem listed with its row number; nothing is written unless the whole sheet is valid. Each
 * line has a key (number, year, form, subject), so importing the same sheet twice adds nothing.
 */
import { sql, type Kysely } from 'kysely';
import type { HistoryImportPreview, HistoryImportResult, HistoryImportRow } from '../../../shared/schemas/award-conditions';
import { AppError } from '../../../shared/errors';
import { fold } from '../../../shared/vi-text';
import type { DB } from '../db/schema';
import { orgNames } from '../services/commendations/lookups';
import { listTree } from '../services/organizations';
import { sheetCandidates, suggestCandidate } from '../services/person-matching';
import { newId, nowIso } from '../util/time';
import { parseDmy } from './cells';
import { PERSON_FIELDS, findHeaderRow, headerKey, publicFields, resolveColumns, saveMapping, savedMapping, suggestMapping, type FieldSpec, type MappingKind } from './column-mapping';
import { candidateLabels, chosenPerson, completePerson, insertPerson, matchReason, parseBirth, parseIdNumber } from './person-rows';
import { convertLegacy, unitIndex } from './registrations-import';
import { readSheet } from './sheet-reader';
import type { SheetRequest } from './sheet-request';

type Q = Kysely<DB>;

export const HISTORY_FIELDS: FieldSpec[] = [
  { key: 'decisionNumber', label: 'Số quyết định', required: true, synonyms: ['so quyet dinh', 'so qd', 'quyet dinh so', 'so hieu'] },
  { key: 'decisionDate', label: 'Ngày quyết định (dd/mm/yyyy)', required: false, synonyms: ['ngay quyet dinh', 'ngay qd', 'ngay ky', 'ngay ban hanh'] },
  { key: 'issuer', label: 'Cơ quan ban hành', required: false, synonyms: ['co quan ban hanh', 'don vi ban hanh', 'cap khen', 'noi ban hanh', 'cap quyet dinh'] },
  { key: 'form', label: 'Danh hiệu / hình thức khen thưởng', required: true, synonyms: ['hinh thuc', 'danh hieu', 'hinh thuc khen thuong'] },
  { key: 'year', label: 'Năm thành tích', required: true, synonyms: ['nam thanh tich', 'nam xet', 'nam khen', 'nam'] },
  { key: 'target', label: 'Đối tượng (Cá nhân / Tập thể)', required: false, synonyms: ['doi tuong', 'ca nhan/tap the'] },
  { key: 'fullName', label: 'Họ và tên (để trống nếu là tập thể)', required: false, synonyms: ['ho va ten', 'ho ten'] },
  ...PERSON_FIELDS,
  { key: 'unit', label: 'Đơn vị (tên hoặc mã; tập thể được khen)', required: true, synonyms: ['don vi', 'ma don vi', 'ten don vi', 'tap the', 'cong doan co so', 'cdcs'] },
];
export const HISTORY_MAPPING: MappingKind = { kind: 'history', fields: HISTORY_FIELDS };

interface HistoryLine {
  row: number;
  target: 'individual' | 'collective';
  organizationId: string;
  fullName: string;
  birthYear: number | null;
  birthDate: string | null;
  idNumber: string | null;
  position: string;
  /** the person this row goes to, as the clerk chose (or the suggestion); null = a new person. Set by the preview. */
  personId?: string | null;
  formId: string;
  year: number;
  decisionNumber: string;
  decisionDate: string | null;
  issuer: string;
}

export const historyKey = (l: { decisionNumber: string; year: number; formId: string; target: string }, subjectId: string) =>
  [fold(l.decisionNumber).replace(/\s+/g, ''), l.year, l.formId, l.target, subjectId].join('|');

function parseTarget(text: string, fullName: string): 'individual' | 'collective' | 'bad' {
  const t = fold(text);
  if (!t) return fullName ? 'individual' : 'collective';
  if (t === 'ca nhan' || t === 'cn') return 'individual';
  if (t === 'tap the' || t === 'tt') return 'collective';
  return 'bad';
}

async function formIndex(q: Q): Promise<(text: string) => { id: string; targets: string; name: string } | null> {
  const forms = await q.selectFrom('award_forms').select(['id', 'name', 'targets']).where('deleted_at', 'is', null).execute();
  const byKey = new Map(forms.map((f) => [fold(f.name), f]));
  // Lists often quote the title: "Danh hiệu “Lao động tiên tiến”".
  return (text) => byKey.get(fold(text).replace(/^(danh hieu|hinh thuc)\s+/, '').replace(/["“”']/g, '').trim()) ?? null;
}

interface ParsedHistory {
  preview: HistoryImportPreview;
  lines: HistoryLine[];
  headerKey: string;
}

export async function parseHistorySheet(q: Q, req: SheetRequest): Promise<ParsedHistory> {
  const { sheetNames, sheet, cells } = await readSheet(req.bytes, { sheet: req.sheet });
  const { encoding, converted } = convertLegacy(cells);
  const headerRow = req.headerRow ?? findHeaderRow(HISTORY_MAPPING, cells);
  const headers = (cells[headerRow - 1] ?? []).map((h) => h.trim());
  const key = headerKey(headers);
  const saved = req.mapping ? null : await savedMapping(q, HISTORY_MAPPING, key);
  const mapping = req.mapping ?? saved ?? suggestMapping(HISTORY_MAPPING, headers);
  const { col, errors } = resolveColumns(HISTORY_FIELDS, mapping, headers, headerRow);
  const lines: HistoryLine[] = [];
  const rows: HistoryImportRow[] = [];
  if (!errors.length) {
    const units = await unitIndex(q);
    const forms = await formIndex(q);
    const seen = new Map<string, number>();
    const cccdRows = new Map<string, { who: string; row: number }>();
    const maxYear = new Date().getFullYear() + 1;
    for (let i = headerRow; i < cells.length; i++) {
      const n = i + 1;
      const v: Record<string, string> = {};
      for (const f of HISTORY_FIELDS) v[f.key] = col.has(f.key) ? (cells[i][col.get(f.key)!] ?? '') : '';
      if (Object.values(v).every((x) => x === '')) continue;
      const e: string[] = [];
      const unit = v.unit ? units(v.unit) : { error: 'thiếu đơn vị.' };
      if ('error' in unit) e.push(unit.error);
      const target = parseTarget(v.target, v.fullName);
      if (target === 'bad') e.push(`đối tượng "${v.target}" không hợp lệ (ghi "Cá nhân" hoặc "Tập thể").`);
      if (target === 'individual' && !v.fullName) e.push('thiếu họ và tên của cá nhân.');
      if (v.fullName.length > 120) e.push('họ và tên dài quá 120 ký tự.');
      const form = v.form ? forms(v.form) : null;
      if (!v.form) e.push('thiếu danh hiệu / hình thức khen thưởng.');
      else if (!form) e.push(`không tìm thấy "${v.form}" trong danh mục danh hiệu, hình thức khen thưởng (Cài đặt → Khen thưởng).`);
      else if (target !== 'bad' && form.targets !== 'both' && form.targets !== target) e.push(`"${form.name}" chỉ dành cho ${form.targets === 'individual' ? 'cá nhân' : 'tập thể'}.`);
      const year = /^\d{4}$/.test(v.year) ? Number(v.year) : NaN;
      if (!v.year) e.push('thiếu năm thành tích.');
      else if (!(year >= 1945 && year <= maxYear)) e.push(`năm thành tích "${v.year}" không hợp lệ (ghi 4 chữ số, ví dụ 2024).`);
      if (!v.decisionNumber) e.push('thiếu số quyết định.');
      else if (v.decisionNumber.length > 100) e.push('số quyết định dài quá 100 ký tự.');
      const decisionDate = v.decisionDate ? parseDmy(v.decisionDate) : null;
      if (v.decisionDate && !decisionDate) e.push(`ngày quyết định "${v.decisionDate}" không đúng dạng dd/mm/yyyy.`);
      if (v.issuer.length > 300) e.push('cơ quan ban hành dài quá 300 ký tự.');
      const individual = target === 'individual';
      const birth = individual ? parseBirth(v.birthYear, v.birthDate) : { year: null, date: null };
      if ('error' in birth) e.push(birth.error);
      const idNumber = individual ? parseIdNumber(v.idNumber) : null;
      if (typeof idNumber === 'object' && idNumber) e.push(idNumber.error);
      const birthYear = 'error' in birth ? null : birth.year;
      const organizationId = 'id' in unit ? unit.id : '';
      const dup = `${fold(v.decisionNumber)}|${v.year}|${form?.id}|${target}|${organizationId}|${individual ? `${fold(v.fullName)}|${birthYear}` : ''}`;
      if (seen.has(dup)) e.push(`trùng với dòng ${seen.get(dup)} (cùng quyết định, năm, hình thức, người/tập thể).`);
      else seen.set(dup, n);
      // One person appears on many lines of a history, so a CCCD may repeat, but always for the same name and unit.
      if (typeof idNumber === 'string') {
        const who = `${organizationId}|${fold(v.fullName)}`;
        const first = cccdRows.get(idNumber);
        if (first && first.who !== who) e.push(`số CCCD ${idNumber} đã ghi ở dòng ${first.row} cho người khác (khác họ tên hoặc đơn vị).`);
        else if (!first) cccdRows.set(idNumber, { who, row: n });
      }
      const row: HistoryImportRow = { row: n, values: v, errors: e, action: e.length ? 'error' : 'new', matchedPerson: null };
      if (!e.length && !('error' in birth)) {
        lines.push({
          row: n, target: target as HistoryLine['target'], organizationId, fullName: v.fullName, birthYear: birth.year, birthDate: birth.date,
          idNumber: idNumber as string | null, position: '', formId: form!.id, year, decisionNumber: v.decisionNumber, decisionDate, issuer: v.issuer,
        });
      }
      for (const msg of e) errors.push(`Dòng ${n}: ${msg}`);
      rows.push(row);
    }
    if (!rows.length) errors.push(`Trang "${sheet}" không có dòng dữ liệu nào dưới dòng tiêu đề (dòng ${headerRow}).`);
    await matchPeople(q, lines, rows, req.personChoices ?? {}, errors);
    await markUnchanged(q, lines, rows);
  }
  const count = (a: HistoryImportRow['action']) => rows.filter((r) => r.action === a).length;
  return {
    preview: {
      sheetNames,
      sheet,
      headerRow,
      headers,
      fields: publicFields(HISTORY_MAPPING),
      mapping,
      mappingSource: req.mapping ? 'given' : saved ? 'saved' : 'suggested',
      legacyEncoding: encoding,
      convertedCells: converted,
      rows,
      errors,
      counts: { new: count('new'), unchanged: count('unchanged'), error: count('error') },
    },
    lines,
    headerKey: key,
  };
}

/**
 * Each individual's row gets the people already here it may be and the clerk's choice (else the
 * suggestion), as in the registration import: two queries for the whole sheet, a choice outside the
 * row's candidates refused on its row.
 */
async function matchPeople(q: Q, lines: HistoryLine[], rows: HistoryImportRow[], choices: Record<string, string>, errors: string[]): Promise<void> {
  const people = lines.filter((l) => l.target === 'individual');
  if (!people.length) return;
  const candidates = await sheetCandidates(q, people);
  const unitName = new Map((await listTree(q)).map((n) => [n.id, n.name]));
  const byRow = new Map(rows.map((r) => [r.row, r]));
  for (const l of people) {
    const r = byRow.get(l.row)!;
    const found = candidates(l);
    const suggested = suggestCandidate(found, l);
    r.candidates = candidateLabels(found, unitName).map((label, i) => ({ id: found[i].id, label, reason: matchReason(l, found[i]) }));
    r.suggestedPersonId = suggested?.id ?? null;
    const chosen = chosenPerson(choices[String(l.row)], l, found, suggested);
    if ('error' in chosen) {
      r.action = 'error';
      r.errors.push(chosen.error);
      errors.push(`Dòng ${l.row}: ${chosen.error}`);
      continue;
    }
    l.personId = chosen.person?.id ?? null;
    r.matchedPerson = chosen.person ? `${chosen.person.full_name}${chosen.person.birth_year ? ` (${chosen.person.birth_year})` : ''}` : null;
  }
}

/** Rows whose line is already in the history (same key), read in one query. */
async function markUnchanged(q: Q, lines: HistoryLine[], rows: HistoryImportRow[]): Promise<void> {
  const keyed = lines.flatMap((l) => {
    const subject = l.target === 'individual' ? l.personId : l.organizationId;
    return subject ? [{ row: l.row, key: historyKey(l, subject) }] : [];
  });
  if (!keyed.length) return;
  const known = await q
    .selectFrom('award_history')
    .select('import_key')
    .where('import_key', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(keyed.map((k) => k.key))}))`)
    .execute();
  const have = new Set(known.map((k) => k.import_key));
  const byRow = new Map(rows.map((r) => [r.row, r]));
  for (const k of keyed) {
    const r = byRow.get(k.row)!;
    if (have.has(k.key) && r.action === 'new') r.action = 'unchanged';
  }
}

/** Writes a parsed, fully valid sheet (inside the caller's transaction). */
export async function writeHistory(q: Q, officeId: string, parsed: ParsedHistory, fileName: string, keepMapping: boolean): Promise<HistoryImportResult> {
  const result: HistoryImportResult = { created: 0, unchanged: 0, peopleCreated: 0, peopleMatched: 0 };
  const now = nowIso();
  const units = await orgNames(q, parsed.lines.filter((l) => l.target === 'collective').map((l) => l.organizationId));
  // A new person named on several lines (one per year) is created once: the lines share their sheet key.
  const created = new Map<string, string>();
  const completed = new Set<string>();
  for (const l of parsed.lines) {
    let personId: string | null = null;
    let name = l.fullName;
    if (l.target === 'individual') {
      // Exactly the person the preview showed (the clerk's choice, else the suggestion): matched, or new.
      const newKey = `${l.organizationId}|${fold(l.fullName)}|${l.birthYear ?? ''}|${l.idNumber ?? ''}`;
      const again = l.personId ? null : created.get(newKey);
      // A matched person learns what the sheet adds once, from the first of its lines.
      if (l.personId && !completed.has(l.personId)) completed.add(await completePerson(q, l.personId, l));
      personId = l.personId ?? again ?? (await insertPerson(q, l));
      if (!l.personId && !again) {
        created.set(newKey, personId);
        result.peopleCreated++;
      } else result.peopleMatched++;
    } else {
      name = units.get(l.organizationId) ?? '';
    }
    const importKey = historyKey(l, personId ?? l.organizationId);
    const res = await q
      .insertInto('award_history')
      .values({
        id: newId(), target: l.target, person_id: personId, organization_id: l.organizationId, name, search_key: fold(name), form_id: l.formId, year: l.year,
        decision_number: l.decisionNumber, decision_date: l.decisionDate, issuer: l.issuer, origin: 'imported', file_name: fileName,
        import_key: importKey, owner_id: officeId, revision: 1, deleted_at: null, created_at: now, updated_at: now,
      })
      .onConflict((oc) => oc.column('import_key').doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) > 0) result.created++;
    else result.unchanged++;
  }
  if (keepMapping && parsed.preview.mappingSource !== 'saved') await saveMapping(q, HISTORY_MAPPING, parsed.headerKey, parsed.preview.mapping, fileName);
  return result;
}

export function refuseInvalid(preview: HistoryImportPreview): void {
  if (preview.errors.length) {
    throw new AppError('BAD_FILE', `Tệp có ${preview.errors.length} lỗi; chưa nhập gì. Hãy sửa các dòng sau rồi nhập lại.`, preview.errors.slice(0, 300));
  }
}
