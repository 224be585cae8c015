/**
 * Import of registration sheets (individuals, or works for plaques) sent by units in their own layouts.
 * Every row is checked first and every problem listed with its row number; nothing is written unless
 * the whole sheet is valid, then one transaction. Rows are matched to what exists (registration by unit,
 * person by folded name + birth year + unit, work by folded name), so the same sheet twice adds nothing.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { AppError } from '../../../shared/errors';
import { PREVIEW_ERRORS_LISTED, PREVIEW_FIRST_ROWS, type ImportKind, type ImportPreview, type ImportResult, type ImportRowPreview } from '../../../shared/schemas/registrations';
import { fold } from '../../../shared/vi-text';
import { decodeIfBetter, detectLegacyEncoding, type LegacyEncoding } from '../../../shared/vi-text/legacy-encodings';
import type { DB, PeopleTable, RegistrationsTable } from '../db/schema';
import type { Job } from '../jobs';
import { listTree } from '../services/organizations';
import { sheetCandidates, suggestCandidate } from '../services/person-matching';
import { candidateLabels, chosenPerson, completePerson, insertPerson, matchReason, parseBirth, parseIdNumber } from './person-rows';
import { createRegistrationRow, findRegistration, loadScope, upsertIndividual, upsertWork, type Change } from '../services/registrations';
import { nowIso, todayIso } from '../util/time';
import { parseDmy } from './cells';
import { keepPreviewRows, readOnce } from './kept-previews';
import { readSheet } from './sheet-reader';
import type { SheetRequest } from './sheet-request';
import { IMPORT_FIELDS, findHeaderRow, headerKey, publicFields, resolveColumns, saveMapping, savedMapping, suggestMapping } from './column-mapping';


export interface ImportRequest extends SheetRequest {
  movementId: string;
  phaseId: string | null;
  kind: ImportKind;
}

interface IndividualRow {
  kind: 'individuals';
  row: number;
  organizationId: string;
  fullName: string;
  birthYear: number | null;
  birthDate: string | null;
  idNumber: string | null;
  position: string;
  title: string;
  /** the person this row goes to, as the clerk chose (or the suggestion); null = a new person. Set by the preview. */
  personId?: string | null;
}
interface WorkRow {
  kind: 'works';
  row: number;
  organizationId: string;
  name: string;
  implementer: string;
  valueDong: number | null;
  startDate: string | null;
  finishDate: string | null;
  occasionId: string | null;
}
interface UnitRow {
  kind: 'units';
  row: number;
  organizationId: string;
  collectiveTitles: string[];
  memberCount: number | null;
  targets: string;
  commitments: string;
}
type ParsedRow = UnitRow | IndividualRow | WorkRow;

/** "Tập thể lao động xuất sắc; Cờ thi đua" → titles (names may hold commas, so only ";" and new lines split). */
function splitTitles(s: string): string[] {
  return [...new Set(s.split(/[;\n]+/).map((t) => t.trim()).filter(Boolean))];
}

/** The preview with every row, as checked in the core; the screen gets `clientPreview` of it. */
export type SheetPreview = Omit<ImportPreview, 'previewId' | 'rowCount' | 'errorCount'>;

interface Parsed {
  preview: SheetPreview;
  rows: ParsedRow[];
  headerKey: string;
}

/** The sheet's text rows converted from TCVN3/VNI when the file is in one. */
export function convertLegacy(cells: string[][]): { encoding: LegacyEncoding | null; converted: number } {
  // Decide the encoding for the whole file (one cell is often too short to tell), then convert cell by cell.
  // A sample of the first 5,000 filled cells decides as well as the whole of a 200,000-row sheet.
  const sample: string[] = [];
  for (const line of cells) {
    for (const c of line) if (c) sample.push(c);
    if (sample.length >= 5000) break;
  }
  const encoding = detectLegacyEncoding(sample.join('\n'));
  let converted = 0;
  if (encoding) {
    for (const line of cells) {
      for (let j = 0; j < line.length; j++) {
        const d = decodeIfBetter(line[j], encoding);
        if (d !== line[j]) {
          line[j] = d;
          converted++;
        }
      }
    }
  }
  return { encoding, converted };
}

type UnitIndex = (text: string) => { id: string } | { error: string };

// Sheets write unit names with the usual abbreviations ("LĐLĐ huyện Chợ Đồn", "CĐCS trường …").
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bldld\b/g, 'lien doan lao dong'],
  [/\bcdcs\b/g, 'cong doan co so'],
  [/\bcd\b/g, 'cong doan'],
];
function unitKey(s: string): string {
  let k = fold(s);
  for (const [re, full] of ABBREVIATIONS) k = k.replace(re, full);
  return k;
}

export async function unitIndex(q: Kysely<DB>): Promise<UnitIndex> {
  const nodes = (await listTree(q)).filter((n) => !n.endedOn);
  const byKey = new Map<string, Set<string>>();
  const add = (k: string, id: string) => {
    if (!k) return;
    byKey.set(k, (byKey.get(k) ?? new Set()).add(id));
  };
  for (const n of nodes) {
    add(fold(n.code), n.id);
    add(unitKey(n.name), n.id);
    add(unitKey(n.shortName), n.id);
  }
  // A sheet names a few units over and over: each distinct text is resolved once.
  const seen = new Map<string, { id: string } | { error: string }>();
  return (text) => {
    let found = seen.get(text);
    if (!found) {
      const ids = byKey.get(fold(text)) ?? byKey.get(unitKey(text));
      if (!ids || ids.size === 0) found = { error: `không tìm thấy đơn vị "${text}" trong danh mục đơn vị (ghi đúng tên hoặc mã đơn vị).` };
      else if (ids.size > 1) found = { error: `có nhiều đơn vị tên "${text}"; hãy ghi mã đơn vị.` };
      else found = { id: [...ids][0] };
      seen.set(text, found);
    }
    return found;
  };
}

function parseMoney(s: string): number | null | 'bad' {
  if (!s) return null;
  const t = s.replace(/\s+/g, '').replace(/(đồng|đ|vnđ|vnd)$/i, '');
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  return 'bad';
}

async function occasionIndex(q: Kysely<DB>): Promise<(text: string) => string | null> {
  const list = await q.selectFrom('occasions').select(['id', 'name']).where('deleted_at', 'is', null).execute();
  const keyed = list.map((o) => ({ id: o.id, key: fold(o.name) })).sort((a, b) => b.key.length - a.key.length);
  // "Chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam" names the catalogue entry it contains.
  return (text) => keyed.find((o) => fold(text).includes(o.key))?.id ?? null;
}

/** Share of the progress bar for reading the file, then for checking rows; the rest compares with the data. */
const READ_SHARE = 0.6;
const CHECK_SHARE = 0.25;

const cancelledImport = () => new AppError('CANCELLED', 'Đã hủy việc đọc tệp Excel. Dữ liệu không bị thay đổi.');

/** Lets other calls (a cancel, a search) run between slices of a long check. */
const yieldToCalls = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The live registrations of a movement/phase by unit. */
async function registrationsOf(q: Kysely<DB>, movementId: string, phaseId: string | null): Promise<Map<string, RegistrationsTable>> {
  let sel = q.selectFrom('registrations').selectAll().where('movement_id', '=', movementId).where('deleted_at', 'is', null);
  sel = phaseId ? sel.where('phase_id', '=', phaseId) : sel.where('phase_id', 'is', null);
  return new Map((await sel.execute()).map((r) => [r.organization_id, r]));
}

/** Live rows of a registration child table, keyed (first one wins, as executeTakeFirst did). */
async function liveByRegistration<T extends 'registration_individuals' | 'works'>(q: Kysely<DB>, table: T, regIds: string[], key: (row: Selectable<DB[T]>) => string): Promise<Map<string, Selectable<DB[T]>>> {
  const rows = (await sql<Selectable<DB[T]>>`SELECT * FROM ${sql.table(table)} WHERE deleted_at IS NULL AND registration_id IN (SELECT value FROM json_each(${JSON.stringify(regIds)}))`.execute(q)).rows;
  const out = new Map<string, Selectable<DB[T]>>();
  for (const r of rows) if (!out.has(key(r))) out.set(key(r), r);
  return out;
}

export async function parseRegistrationSheet(q: Kysely<DB>, req: ImportRequest, job?: Job): Promise<Parsed> {
  await loadScope(q, req.movementId, req.phaseId);
  // Read and converted once per file content: a new column mapping and the import reuse the cells.
  const { sheetNames, sheet, cells, encoding, converted } = await readOnce(req.bytes, req.sheet, async () => {
    const read = await readSheet(req.bytes, { sheet: req.sheet, onProgress: (f) => job?.progress(f * READ_SHARE, 'Đang đọc tệp Excel'), signal: job?.signal });
    return { ...read, ...convertLegacy(read.cells) };
  });
  const ws = { name: sheet };
  const headerRow = req.headerRow ?? findHeaderRow(req.kind, cells);
  const headers = (cells[headerRow - 1] ?? []).map((h) => h.trim());
  const key = headerKey(headers);
  const saved = req.mapping ? null : await savedMapping(q, req.kind, key);
  const mapping = req.mapping ?? saved ?? suggestMapping(req.kind, headers);
  const mappingSource = req.mapping ? 'given' : saved ? 'saved' : 'suggested';
  const fields = IMPORT_FIELDS[req.kind];
  const { col, errors } = resolveColumns(fields, mapping, headers, headerRow);
  const rows: ParsedRow[] = [];
  const previews: ImportRowPreview[] = [];
  if (errors.length === 0) {
    const units = await unitIndex(q);
    const occasions = await occasionIndex(q);
    const seen = new Map<string, number>();
    for (let i = headerRow; i < cells.length; i++) {
      if (i % 5000 === 0) {
        if (job?.signal.aborted) throw cancelledImport();
        job?.progress(READ_SHARE + (CHECK_SHARE * i) / cells.length, 'Đang kiểm tra các dòng');
        await yieldToCalls();
      }
      const n = i + 1;
      const values: Record<string, string> = {};
      for (const f of fields) values[f.key] = col.has(f.key) ? (cells[i][col.get(f.key)!] ?? '') : '';
      if (Object.values(values).every((v) => v === '')) continue;
      const rowErrors: string[] = [];
      const unit = values.unit ? units(values.unit) : { error: 'thiếu đơn vị.' };
      const organizationId = 'id' in unit ? unit.id : '';
      if ('error' in unit) rowErrors.push(unit.error);
      if (req.kind === 'units') {
        const memberCount = values.memberCount ? (/^\d+$/.test(values.memberCount.replace(/[.,\s]/g, '')) ? Number(values.memberCount.replace(/[.,\s]/g, '')) : NaN) : null;
        if (Number.isNaN(memberCount)) rowErrors.push(`số đoàn viên "${values.memberCount}" không phải số.`);
        const titles = splitTitles(values.collectiveTitles);
        if (titles.some((t) => t.length > 200)) rowErrors.push('danh hiệu tập thể dài quá 200 ký tự.');
        if (organizationId && seen.has(organizationId)) rowErrors.push(`đơn vị này đã có ở dòng ${seen.get(organizationId)}.`);
        else if (organizationId) seen.set(organizationId, n);
        if (rowErrors.length === 0) {
          rows.push({ kind: 'units', row: n, organizationId, collectiveTitles: titles, memberCount, targets: values.targets, commitments: values.commitments });
        }
      } else if (req.kind === 'individuals') {
        if (!values.fullName) rowErrors.push('thiếu họ và tên.');
        else if (values.fullName.length > 120) rowErrors.push('họ và tên dài quá 120 ký tự.');
        const birth = parseBirth(values.birthYear, values.birthDate);
        if ('error' in birth) rowErrors.push(birth.error);
        const idNumber = parseIdNumber(values.idNumber);
        if (typeof idNumber === 'object' && idNumber) rowErrors.push(idNumber.error);
        if (!values.title) rowErrors.push('thiếu danh hiệu đăng ký.');
        const birthYear = 'error' in birth ? null : birth.year;
        const dupKey = `${organizationId}|${fold(values.fullName)}|${birthYear}`;
        if (values.fullName && seen.has(dupKey)) rowErrors.push(`trùng với dòng ${seen.get(dupKey)} (cùng họ tên, năm sinh, đơn vị).`);
        else seen.set(dupKey, n);
        if (typeof idNumber === 'string') {
          if (seen.has(`cccd|${idNumber}`)) rowErrors.push(`số CCCD trùng với dòng ${seen.get(`cccd|${idNumber}`)}.`);
          else seen.set(`cccd|${idNumber}`, n);
        }
        if (rowErrors.length === 0 && !('error' in birth)) {
          rows.push({ kind: 'individuals', row: n, organizationId, fullName: values.fullName, birthYear: birth.year, birthDate: birth.date, idNumber: idNumber as string | null, position: values.position, title: values.title });
        }
      } else {
        if (!values.name) rowErrors.push('thiếu tên công trình, sản phẩm.');
        else if (values.name.length > 500) rowErrors.push('tên công trình dài quá 500 ký tự.');
        const valueDong = parseMoney(values.value);
        if (valueDong === 'bad') rowErrors.push(`giá trị "${values.value}" không phải số đồng (ví dụ 1.500.000).`);
        const startDate = values.startDate ? parseDmy(values.startDate) : null;
        if (values.startDate && !startDate) rowErrors.push(`ngày khởi công "${values.startDate}" không đúng dạng dd/mm/yyyy.`);
        const finishDate = values.finishDate ? parseDmy(values.finishDate) : null;
        if (values.finishDate && !finishDate) rowErrors.push(`ngày hoàn thành "${values.finishDate}" không đúng dạng dd/mm/yyyy.`);
        if (startDate && finishDate && startDate > finishDate) rowErrors.push('ngày hoàn thành trước ngày khởi công.');
        const occasionId = values.occasion ? occasions(values.occasion) : null;
        if (values.occasion && !occasionId) rowErrors.push(`không tìm thấy dịp "${values.occasion}" trong danh mục ngày lễ, kỷ niệm.`);
        const dupKey = `${organizationId}|${fold(values.name)}`;
        if (values.name && seen.has(dupKey)) rowErrors.push(`trùng với dòng ${seen.get(dupKey)} (cùng tên công trình, cùng đơn vị).`);
        else seen.set(dupKey, n);
        if (rowErrors.length === 0) {
          rows.push({ kind: 'works', row: n, organizationId, name: values.name, implementer: values.implementer, valueDong: valueDong as number | null, startDate, finishDate, occasionId });
        }
      }
      for (const e of rowErrors) errors.push(`Dòng ${n}: ${e}`);
      previews.push({ row: n, values, errors: rowErrors, action: rowErrors.length ? 'error' : 'new', matchedPerson: null });
    }
    if (previews.length === 0) errors.push(`Trang "${ws.name}" không có dòng dữ liệu nào dưới dòng tiêu đề (dòng ${headerRow}).`);
  }
  // What each valid row would do, so the clerk sees "new" vs "already there" before importing. Everything
  // the rows are compared with is read in a few bulk queries (a sheet may have 200,000 rows).
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const scopeRegs = await registrationsOf(q, req.movementId, req.phaseId);
  const regIds = [...scopeRegs.values()].map((r) => r.id);
  const candidates = req.kind === 'individuals' ? await sheetCandidates(q, rows as IndividualRow[]) : () => [] as PeopleTable[];
  const unitName = req.kind === 'individuals' ? new Map((await listTree(q)).map((n) => [n.id, n.name])) : new Map<string, string>();
  const individuals = req.kind === 'individuals' ? await liveByRegistration(q, 'registration_individuals', regIds, (x) => `${x.registration_id}|${x.person_id}`) : new Map();
  const works = req.kind === 'works' ? await liveByRegistration(q, 'works', regIds, (x) => `${x.registration_id}|${x.search_key}`) : new Map();
  for (const [i, p] of previews.entries()) {
    if (i % 5000 === 0) {
      if (job?.signal.aborted) throw cancelledImport();
      job?.progress(READ_SHARE + CHECK_SHARE + ((1 - READ_SHARE - CHECK_SHARE) * i) / previews.length, 'Đang đối chiếu với dữ liệu đã có');
      await yieldToCalls();
    }
    if (p.action === 'error') continue;
    const r = byRow.get(p.row)!;
    const reg = scopeRegs.get(r.organizationId) ?? null;
    if (r.kind === 'units') {
      p.action = !reg ? 'new' : sameUnitFields(reg, r) ? 'unchanged' : 'update';
    } else if (r.kind === 'individuals') {
      const found = candidates(r);
      const suggested = suggestCandidate(found, r);
      p.candidates = candidateLabels(found, unitName).map((label, i) => ({ id: found[i].id, label, reason: matchReason(r, found[i]) }));
      p.suggestedPersonId = suggested?.id ?? null;
      const chosen = chosenPerson(req.personChoices?.[String(r.row)], r, found, suggested);
      if ('error' in chosen) {
        p.action = 'error';
        p.errors.push(chosen.error);
        errors.push(`Dòng ${p.row}: ${chosen.error}`);
        continue;
      }
      const person = chosen.person;
      r.personId = person?.id ?? null;
      p.matchedPerson = person ? `${person.full_name}${person.birth_year ? ` (${person.birth_year})` : ''}` : null;
      const existing = reg && person ? individuals.get(`${reg.id}|${person.id}`) : undefined;
      p.action = !existing ? 'new' : existing.title === r.title && existing.position === r.position ? 'unchanged' : 'update';
    } else {
      const existing = reg ? works.get(`${reg.id}|${fold(r.name)}`) : undefined;
      const same = existing && existing.implementer === r.implementer && existing.value_dong === r.valueDong && existing.start_date === r.startDate && existing.finish_date === r.finishDate && existing.occasion_id === r.occasionId && existing.name === r.name;
      p.action = !existing ? 'new' : same ? 'unchanged' : 'update';
    }
  }
  const count = (a: ImportRowPreview['action']) => previews.filter((p) => p.action === a).length;
  return {
    preview: {
      sheetNames,
      sheet: ws.name,
      headerRow,
      headers,
      fields: publicFields(req.kind),
      mapping,
      mappingSource,
      legacyEncoding: encoding,
      convertedCells: converted,
      rows: previews,
      errors,
      counts: { new: count('new'), update: count('update'), unchanged: count('unchanged'), error: count('error') },
    },
    rows,
    headerKey: key,
  };
}

/** What the screen receives: a summary, the first page of rows and the first problems; the rows stay here. */
export function clientPreview(p: SheetPreview): ImportPreview {
  return {
    ...p,
    previewId: keepPreviewRows(p.rows),
    rowCount: p.rows.length,
    rows: p.rows.slice(0, PREVIEW_FIRST_ROWS),
    errors: p.errors.slice(0, PREVIEW_ERRORS_LISTED),
    errorCount: p.errors.length,
  };
}

function unitFields(r: UnitRow) {
  return { collective_titles: JSON.stringify(r.collectiveTitles), member_count: r.memberCount, targets: r.targets, commitments: r.commitments };
}

function sameUnitFields(reg: RegistrationsTable, r: UnitRow): boolean {
  const f = unitFields(r);
  return reg.collective_titles === f.collective_titles && reg.member_count === f.member_count && reg.targets === f.targets && reg.commitments === f.commitments;
}

/** A sheet parsed and checked against the database, ready to write. */
export type CheckedSheet = Awaited<ReturnType<typeof parseRegistrationSheet>>;

/** Parses the sheet and refuses it whole when any row has a problem; reads only. */
export async function checkRegistrationSheet(db: Kysely<DB>, req: ImportRequest, job?: Job): Promise<CheckedSheet> {
  const checked = await parseRegistrationSheet(db, req, job);
  const { errors } = checked.preview;
  if (errors.length) {
    throw new AppError('BAD_FILE', `Tệp có ${errors.length} lỗi; chưa nhập gì. Hãy sửa các dòng sau rồi nhập lại.`, errors.slice(0, 300));
  }
  return checked;
}

/** Writes a checked sheet; run inside the caller's transaction. */
export async function writeRegistrationSheet(trx: Kysely<DB>, req: ImportRequest & { saveMapping: boolean }, checked: CheckedSheet): Promise<ImportResult> {
  const { preview, rows, headerKey: key } = checked;
  const result: ImportResult = {
    registrationsCreated: 0, peopleCreated: 0, peopleMatched: 0, created: 0, updated: 0, unchanged: 0,
    legacyEncoding: preview.legacyEncoding, convertedCells: preview.convertedCells,
  };
  const tally = (c: Change) => (c === 'new' ? result.created++ : c === 'update' ? result.updated++ : result.unchanged++);
  const regs = new Map<string, { id: string; organization_id: string; owner_id: string | null }>();
  for (const r of rows) {
    if (r.kind === 'units') {
      // One row = the unit's registration itself: created, updated or left as it is.
      const found = await findRegistration(trx, req.movementId, req.phaseId, r.organizationId);
      if (!found) {
        await createRegistrationRow(trx, { movement_id: req.movementId, phase_id: req.phaseId, organization_id: r.organizationId, status: 'received', received_on: todayIso(), ...unitFields(r) });
        result.registrationsCreated++;
        tally('new');
      } else if (sameUnitFields(found, r)) {
        tally('unchanged');
      } else {
        await trx.updateTable('registrations').set((eb) => ({ ...unitFields(r), revision: eb('revision', '+', 1), updated_at: nowIso() })).where('id', '=', found.id).execute();
        tally('update');
      }
      continue;
    }
    let reg = regs.get(r.organizationId);
    if (!reg) {
      const found = await findRegistration(trx, req.movementId, req.phaseId, r.organizationId);
      const id = found?.id ?? (await createRegistrationRow(trx, { movement_id: req.movementId, phase_id: req.phaseId, organization_id: r.organizationId, status: 'received', received_on: todayIso() }));
      if (!found) result.registrationsCreated++;
      reg = { id, organization_id: r.organizationId, owner_id: found?.owner_id ?? r.organizationId };
      regs.set(r.organizationId, reg);
    }
    const order = r.row;
    if (r.kind === 'individuals') {
      // Exactly the person the preview showed (the clerk's choice, else the suggestion): matched, or new.
      const personId = r.personId ? await completePerson(trx, r.personId, r) : await insertPerson(trx, r);
      const out = await upsertIndividual(trx, reg, { personId, fullName: r.fullName, birthYear: r.birthYear, organizationId: r.organizationId, position: r.position, title: r.title }, order);
      if (r.personId) result.peopleMatched++;
      else result.peopleCreated++;
      tally(out.change);
    } else {
      const out = await upsertWork(trx, reg, { name: r.name, implementer: r.implementer, valueDong: r.valueDong, startDate: r.startDate, finishDate: r.finishDate, occasionId: r.occasionId, description: '' }, order);
      tally(out.change);
    }
  }
  if (req.saveMapping && preview.mappingSource !== 'saved') await saveMapping(trx, req.kind, key, preview.mapping, req.fileName);
  return result;
}
