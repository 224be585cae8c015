/**
 * Commendation history from Excel: past decisions and their lists (QĐ number, date, issuer, form/title,
 * year, people and collectives). Read like the registration sheets (same workbook reading, TCVN3/VNI
 * conversion, header row and column mapping, unit lookup and person matching): every row is checked first
 * and every problem listed with its row number; nothing is written unless the whole sheet is valid. Each
 * line has a key (number, year, form, subject), so importing the same sheet twice adds nothing.
 */
import type { Kysely } from 'kysely';
import type { HistoryImportPreview, HistoryImportResult, HistoryImportRow } from '../../../shared/schemas/award-conditions';
import { AppError } from '../../../shared/errors';
import { fold } from '../../../shared/vi-text';
import type { DB } from '../db/schema';
import { orgNames } from '../services/commendations/lookups';
import { candidatesFor, matchOrCreatePerson, pickMatch } from '../services/person-matching';
import { newId, nowIso } from '../util/time';
import { parseDmy } from './cells';
import { findHeaderRow, headerKey, publicFields, resolveColumns, saveMapping, savedMapping, suggestMapping, type FieldSpec, type MappingKind } from './column-mapping';
import { parseBirthYear } from './person-rows';
import { convertLegacy, unitIndex } from './registrations-import';
import { readSheet } from './sheet-reader';

type Q = Kysely<DB>;

export const HISTORY_FIELDS: FieldSpec[] = [
  { key: 'decisionNumber', label: 'Số quyết định', required: true, synonyms: ['so quyet dinh', 'so qd', 'quyet dinh so', 'so hieu'] },
  { key: 'decisionDate', label: 'Ngày quyết định (dd/mm/yyyy)', required: false, synonyms: ['ngay quyet dinh', 'ngay qd', 'ngay ky', 'ngay ban hanh'] },
  { key: 'issuer', label: 'Cơ quan ban hành', required: false, synonyms: ['co quan ban hanh', 'don vi ban hanh', 'cap khen', 'noi ban hanh', 'cap quyet dinh'] },
  { key: 'form', label: 'Danh hiệu / hình thức khen thưởng', required: true, synonyms: ['hinh thuc', 'danh hieu', 'hinh thuc khen thuong'] },
  { key: 'year', label: 'Năm thành tích', required: true, synonyms: ['nam thanh tich', 'nam xet', 'nam khen', 'nam'] },
  { key: 'target', label: 'Đối tượng (Cá nhân / Tập thể)', required: false, synonyms: ['doi tuong', 'ca nhan/tap the'] },
  { key: 'fullName', label: 'Họ và tên (để trống nếu là tập thể)', required: false, synonyms: ['ho va ten', 'ho ten'] },
  { key: 'birthYear', label: 'Năm sinh', required: false, synonyms: ['nam sinh', 'ngay sinh'] },
  { key: 'unit', label: 'Đơn vị (tên hoặc mã; tập thể được khen)', required: true, synonyms: ['don vi', 'ma don vi', 'ten don vi', 'tap the', 'cong doan co so', 'cdcs'] },
];
export const HISTORY_MAPPING: MappingKind = { kind: 'history', fields: HISTORY_FIELDS };

export interface HistoryImportRequest {
  bytes: Uint8Array;
  fileName: string;
  sheet?: string;
  headerRow?: number;
  mapping?: Record<string, string>;
}

interface HistoryLine {
  row: number;
  target: 'individual' | 'collective';
  organizationId: string;
  fullName: string;
  birthYear: number | null;
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

export async function parseHistorySheet(q: Q, req: HistoryImportRequest): Promise<ParsedHistory> {
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
      const birthYear = parseBirthYear(v.birthYear);
      if (birthYear === 'bad') e.push(`năm sinh "${v.birthYear}" không hợp lệ.`);
      const organizationId = 'id' in unit ? unit.id : '';
      const dup = `${fold(v.decisionNumber)}|${v.year}|${form?.id}|${target}|${organizationId}|${target === 'individual' ? `${fold(v.fullName)}|${birthYear}` : ''}`;
      if (seen.has(dup)) e.push(`trùng với dòng ${seen.get(dup)} (cùng quyết định, năm, hình thức, người/tập thể).`);
      else seen.set(dup, n);
      const row: HistoryImportRow = { row: n, values: v, errors: e, action: e.length ? 'error' : 'new', matchedPerson: null };
      if (!e.length) {
        const line: HistoryLine = {
          row: n, target: target as HistoryLine['target'], organizationId, fullName: v.fullName, birthYear: birthYear as number | null,
          formId: form!.id, year, decisionNumber: v.decisionNumber, decisionDate, issuer: v.issuer,
        };
        lines.push(line);
        let subject: string | null = organizationId;
        if (line.target === 'individual') {
          const person = pickMatch(await candidatesFor(q, line), line.birthYear);
          row.matchedPerson = person ? `${person.full_name}${person.birth_year ? ` (${person.birth_year})` : ''}` : null;
          subject = person?.id ?? null;
        }
        if (subject && (await q.selectFrom('award_history').select('id').where('import_key', '=', historyKey(line, subject)).executeTakeFirst())) row.action = 'unchanged';
      }
      for (const msg of e) errors.push(`Dòng ${n}: ${msg}`);
      rows.push(row);
    }
    if (!rows.length) errors.push(`Trang "${sheet}" không có dòng dữ liệu nào dưới dòng tiêu đề (dòng ${headerRow}).`);
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

/** Writes a parsed, fully valid sheet (inside the caller's transaction). */
export async function writeHistory(q: Q, officeId: string, parsed: ParsedHistory, fileName: string, keepMapping: boolean): Promise<HistoryImportResult> {
  const result: HistoryImportResult = { created: 0, unchanged: 0, peopleCreated: 0, peopleMatched: 0 };
  const now = nowIso();
  const units = await orgNames(q, parsed.lines.filter((l) => l.target === 'collective').map((l) => l.organizationId));
  for (const l of parsed.lines) {
    let personId: string | null = null;
    let name = l.fullName;
    if (l.target === 'individual') {
      const p = await matchOrCreatePerson(q, { fullName: l.fullName, birthYear: l.birthYear, organizationId: l.organizationId, position: '' });
      personId = p.id;
      if (p.created) result.peopleCreated++;
      else result.peopleMatched++;
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
