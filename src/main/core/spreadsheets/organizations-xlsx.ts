import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import { ORG_LEVELS, ORG_LEVEL_LABELS, ORG_LEVEL_RANK, type ImportSummary, type OrgLevel } from '../../../shared/schemas/organizations';
import { fold } from '../../../shared/vi-text';
import type { DB, OrganizationsTable } from '../db/schema';
import { SINCE_ALWAYS, newId, nowIso, todayIso } from '../util/time';
import { listTree } from '../services/organizations';
import { cellText, parseDmy, styleHeader } from './cells';
import { loadWorkbook } from './workbook-limits';
import { formatDmy } from '../../../shared/vi-text/dates';

// Column titles are the file format: export writes them, import finds columns by them (any order).
const UNITS_SHEET = 'Đơn vị';
const NAMES_SHEET = 'Lịch sử tên';
const COLS = {
  id: 'Mã định danh (không sửa)',
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  shortName: 'Tên viết tắt',
  abbreviation: 'Chữ viết tắt trong số ký hiệu',
  level: 'Cấp',
  parentCode: 'Mã đơn vị cấp trên',
  placeName: 'Địa danh',
  parentLine: 'Dòng cơ quan chủ quản',
  validFrom: 'Tên có hiệu lực từ',
  endedOn: 'Ngày sáp nhập, giải thể',
  successorCode: 'Mã đơn vị tiếp nhận',
} as const;
type ColKey = keyof typeof COLS;
const UNIT_COLS: ColKey[] = ['id', 'code', 'name', 'shortName', 'abbreviation', 'level', 'parentCode', 'placeName', 'parentLine', 'validFrom', 'endedOn', 'successorCode'];
const NAME_COLS: ColKey[] = ['code', 'validFrom', 'name', 'shortName', 'abbreviation', 'placeName', 'parentLine'];
const WIDTHS: Record<ColKey, number> = { id: 38, code: 12, name: 45, shortName: 25, abbreviation: 14, level: 30, parentCode: 14, placeName: 16, parentLine: 28, validFrom: 14, endedOn: 14, successorCode: 14 };

const SINCE_ALWAYS_TEXT = '';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The whole directory: current state on one sheet, every dated name on another. */
export async function exportOrganizationsXlsx(db: Kysely<DB>): Promise<Uint8Array> {
  const nodes = await listTree(db, todayIso());
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const names = await db.selectFrom('organization_names').selectAll().orderBy('organization_id').orderBy('valid_from').execute();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi đua Khen thưởng';
  const units = wb.addWorksheet(UNITS_SHEET);
  units.columns = UNIT_COLS.map((k) => ({ header: COLS[k], key: k, width: WIDTHS[k] }));
  // Parents before children, so the sheet reads as a tree and re-imports in one pass.
  const ordered: typeof nodes = [];
  const visit = (parentId: string | null) => {
    for (const n of nodes.filter((x) => x.parentId === parentId)) {
      ordered.push(n);
      visit(n.id);
    }
  };
  visit(null);
  for (const n of ordered) {
    units.addRow({
      id: n.id,
      code: n.code,
      name: n.name,
      shortName: n.shortName,
      abbreviation: n.abbreviation,
      level: ORG_LEVEL_LABELS[n.level],
      parentCode: n.parentId ? byId.get(n.parentId)?.code ?? '' : '',
      placeName: n.placeName,
      parentLine: n.parentLine,
      validFrom: n.validFrom === SINCE_ALWAYS ? SINCE_ALWAYS_TEXT : formatDmy(n.validFrom),
      endedOn: n.endedOn ? formatDmy(n.endedOn) : '',
      successorCode: n.successorId ? byId.get(n.successorId)?.code ?? '' : '',
    });
  }
  styleHeader(units);
  const hist = wb.addWorksheet(NAMES_SHEET);
  hist.columns = NAME_COLS.map((k) => ({ header: COLS[k], key: k, width: WIDTHS[k] }));
  for (const r of names) {
    const org = byId.get(r.organization_id);
    if (!org) continue;
    hist.addRow({
      code: org.code,
      validFrom: r.valid_from === SINCE_ALWAYS ? SINCE_ALWAYS_TEXT : formatDmy(r.valid_from),
      name: r.name,
      shortName: r.short_name,
      abbreviation: r.abbreviation,
      placeName: r.place_name,
      parentLine: r.parent_line,
    });
  }
  styleHeader(hist);
  // Cells stay text so Excel does not turn codes like "01" or dates into numbers.
  for (const ws of [units, hist]) ws.eachRow((row) => row.eachCell((c) => (c.numFmt = '@')));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

interface UnitRow {
  row: number;
  id: string;
  code: string;
  name: string;
  shortName: string;
  abbreviation: string;
  /** null when the cell did not name a level (already reported) */
  level: OrgLevel | null;
  parentCode: string;
  placeName: string;
  parentLine: string;
  validFrom: string;
  endedOn: string | null;
  successorCode: string;
}
interface NameRow {
  row: number;
  code: string;
  validFrom: string;
  name: string;
  shortName: string;
  abbreviation: string;
  placeName: string;
  parentLine: string;
}

function parseLevel(s: string): OrgLevel | null {
  const key = fold(s);
  for (const l of ORG_LEVELS) if (fold(ORG_LEVEL_LABELS[l]) === key || l === key) return l;
  return null;
}

function columnsOf(sheet: ExcelJS.Worksheet, wanted: ColKey[], required: ColKey[], errors: string[]): Map<ColKey, number> {
  const header = sheet.getRow(1);
  const found = new Map<ColKey, number>();
  header.eachCell((cell, col) => {
    const t = fold(cellText(cell));
    for (const k of wanted) if (fold(COLS[k]) === t) found.set(k, col);
  });
  for (const k of required) if (!found.has(k)) errors.push(`Trang "${sheet.name}": thiếu cột "${COLS[k]}" ở dòng tiêu đề.`);
  return found;
}

/** Row number a message starts with, so problems are listed in sheet order. */
function rowOf(message: string): number {
  const m = /^(?:Trang "[^"]*", )?[Dd]òng (\d+)/.exec(message);
  return m ? Number(m[1]) + (message.startsWith('Trang') ? 1e6 : 0) : -1;
}

function fail(errors: string[]): never {
  const shown = errors.slice(0, 200);
  throw new AppError('BAD_FILE', `Tệp có ${errors.length} lỗi; chưa nhập gì. Hãy sửa các dòng sau rồi nhập lại.`, shown);
}

/** Reads and checks every row first; nothing is written unless the whole file is valid. */
export async function parseOrganizationsXlsx(bytes: Uint8Array): Promise<{ units: UnitRow[]; names: NameRow[]; errors: string[] }> {
  const wb = await loadWorkbook(bytes);
  const sheet = wb.getWorksheet(UNITS_SHEET) ?? wb.worksheets[0];
  if (!sheet) throw new AppError('BAD_FILE', 'Tệp Excel không có trang tính nào.');
  const errors: string[] = [];
  const cols = columnsOf(sheet, UNIT_COLS, ['code', 'name', 'level'], errors);
  if (errors.length) fail(errors);
  const get = (r: ExcelJS.Row, k: ColKey) => (cols.has(k) ? cellText(r.getCell(cols.get(k)!)) : '');
  const units: UnitRow[] = [];
  const seen = new Map<string, number>();
  sheet.eachRow((r, n) => {
    if (n === 1) return;
    const values = UNIT_COLS.map((k) => get(r, k));
    if (values.every((v) => v === '')) return;
    const at = `Dòng ${n}`;
    const code = get(r, 'code');
    const name = get(r, 'name');
    const levelText = get(r, 'level');
    const level = parseLevel(levelText);
    if (!code) errors.push(`${at}: thiếu mã đơn vị.`);
    else if (!/^[\p{L}\p{N}._-]{1,40}$/u.test(code)) errors.push(`${at}: mã đơn vị "${code}" chỉ được gồm chữ, số và . _ - (tối đa 40 ký tự).`);
    else if (seen.has(code)) errors.push(`${at}: mã đơn vị "${code}" trùng với dòng ${seen.get(code)}.`);
    else seen.set(code, n);
    if (!name) errors.push(`${at}: thiếu tên đơn vị.`);
    if (name.length > 300) errors.push(`${at}: tên đơn vị dài quá 300 ký tự.`);
    if (!level) errors.push(`${at}: cấp "${levelText}" không hợp lệ (dùng một trong: ${ORG_LEVELS.map((l) => ORG_LEVEL_LABELS[l]).join('; ')}).`);
    const vf = get(r, 'validFrom');
    const validFrom = vf ? parseDmy(vf) : SINCE_ALWAYS;
    if (!validFrom) errors.push(`${at}: ngày "${vf}" không đúng dạng dd/mm/yyyy.`);
    const eo = get(r, 'endedOn');
    const endedOn = eo ? parseDmy(eo) : null;
    if (eo && !endedOn) errors.push(`${at}: ngày sáp nhập "${eo}" không đúng dạng dd/mm/yyyy.`);
    const rowId = get(r, 'id').toLowerCase();
    if (rowId && !UUID.test(rowId)) errors.push(`${at}: mã định danh "${rowId}" không hợp lệ (hãy để trống với đơn vị mới).`);
    units.push({
      row: n,
      id: UUID.test(rowId) ? rowId : '',
      code,
      name,
      shortName: get(r, 'shortName'),
      abbreviation: get(r, 'abbreviation'),
      level,
      parentCode: get(r, 'parentCode'),
      placeName: get(r, 'placeName'),
      parentLine: get(r, 'parentLine'),
      validFrom: validFrom ?? SINCE_ALWAYS,
      endedOn,
      successorCode: get(r, 'successorCode'),
    });
  });
  if (!units.length && !errors.length) errors.push(`Trang "${sheet.name}" không có dòng dữ liệu nào.`);

  const names: NameRow[] = [];
  const hist = wb.getWorksheet(NAMES_SHEET);
  if (hist) {
    const hcols = columnsOf(hist, NAME_COLS, ['code', 'validFrom', 'name'], errors);
    const hget = (r: ExcelJS.Row, k: ColKey) => (hcols.has(k) ? cellText(r.getCell(hcols.get(k)!)) : '');
    if (hcols.has('code')) {
      hist.eachRow((r, n) => {
        if (n === 1) return;
        if (NAME_COLS.every((k) => hget(r, k) === '')) return;
        const at = `Trang "${NAMES_SHEET}", dòng ${n}`;
        const code = hget(r, 'code');
        if (!seen.has(code)) errors.push(`${at}: mã đơn vị "${code}" không có trong trang "${UNITS_SHEET}".`);
        const vf = hget(r, 'validFrom');
        const validFrom = vf ? parseDmy(vf) : SINCE_ALWAYS;
        if (!validFrom) errors.push(`${at}: ngày "${vf}" không đúng dạng dd/mm/yyyy.`);
        const name = hget(r, 'name');
        if (!name) errors.push(`${at}: thiếu tên đơn vị.`);
        names.push({ row: n, code, validFrom: validFrom ?? SINCE_ALWAYS, name, shortName: hget(r, 'shortName'), abbreviation: hget(r, 'abbreviation'), placeName: hget(r, 'placeName'), parentLine: hget(r, 'parentLine') });
      });
    }
  }
  return { units, names, errors };
}

/** A directory file checked against the database, ready to write. */
export interface OrganizationsImportPlan {
  units: UnitRow[];
  names: NameRow[];
  existing: OrganizationsTable[];
  existingByCode: Map<string, OrganizationsTable>;
}

/**
 * Checks the whole directory file against the database: matches units by id, then by code, and refuses the
 * file with every problem listed by row. Reads only; `writeOrganizationsImport` writes the plan.
 */
export async function checkOrganizationsImport(db: Kysely<DB>, bytes: Uint8Array): Promise<OrganizationsImportPlan> {
  const { units, names, errors } = await parseOrganizationsXlsx(bytes);
  const existing = await db.selectFrom('organizations').selectAll().execute();
  const byCode = new Map(existing.map((o) => [o.code, o]));
  const byId = new Map(existing.map((o) => [o.id, o]));
  // A unit is the same unit when its id matches (files exported by this app), else when its code does.
  const existingByCode = new Map<string, (typeof existing)[number]>();
  const conflicts = errors;
  for (const u of units) {
    const sameId = u.id ? byId.get(u.id) : undefined;
    const sameCode = byCode.get(u.code);
    if (sameId) existingByCode.set(u.code, sameId);
    else if (sameCode && u.id) conflicts.push(`Dòng ${u.row}: mã đơn vị "${u.code}" đã được dùng cho một đơn vị khác trong dữ liệu của anh/chị; hãy đổi mã.`);
    else if (sameCode) existingByCode.set(u.code, sameCode);
    if (sameId && sameCode && sameCode.id !== sameId.id) conflicts.push(`Dòng ${u.row}: mã đơn vị "${u.code}" đã được dùng cho một đơn vị khác trong dữ liệu của anh/chị; hãy đổi mã.`);
  }
  const fileCodes = new Map(units.map((u) => [u.code, u]));
  const levelOf = (code: string): OrgLevel | null => (fileCodes.get(code)?.level ?? (byCode.get(code)?.level as OrgLevel | undefined) ?? null);
  for (const u of units) {
    const at = `Dòng ${u.row}`;
    if (u.parentCode) {
      const pl = levelOf(u.parentCode);
      if (!pl && !fileCodes.has(u.parentCode)) errors.push(`${at}: không tìm thấy đơn vị cấp trên có mã "${u.parentCode}".`);
      else if (pl && u.level && ORG_LEVEL_RANK[u.level] <= ORG_LEVEL_RANK[pl]) errors.push(`${at}: đơn vị cấp "${ORG_LEVEL_LABELS[u.level]}" không thể trực thuộc đơn vị cấp "${ORG_LEVEL_LABELS[pl]}".`);
    }
    if (u.successorCode && !fileCodes.has(u.successorCode) && !byCode.has(u.successorCode)) errors.push(`${at}: không tìm thấy đơn vị tiếp nhận có mã "${u.successorCode}".`);
  }
  // A parent chain that loops back would make an unreachable tree.
  const parentOf = (code: string) => fileCodes.get(code)?.parentCode ?? (() => {
    const e = byCode.get(code);
    const p = e?.parent_id ? byId.get(e.parent_id) : undefined;
    return p?.code ?? '';
  })();
  for (const u of units) {
    const chain = new Set<string>([u.code]);
    for (let c = u.parentCode; c; c = parentOf(c)) {
      if (chain.has(c)) {
        errors.push(`Dòng ${u.row}: đơn vị "${u.code}" nằm trong một vòng cấp trên – cấp dưới.`);
        break;
      }
      chain.add(c);
    }
  }
  if (errors.length) fail(errors.sort((a, b) => rowOf(a) - rowOf(b)));
  return { units, names, existing, existingByCode };
}

/** Writes a checked directory: creates the new units, updates the changed ones; run inside the caller's transaction. */
export async function writeOrganizationsImport(trx: Kysely<DB>, plan: OrganizationsImportPlan): Promise<ImportSummary> {
  const { units, names, existing, existingByCode } = plan;
  const namesByCode = new Map<string, NameRow[]>();
  for (const n of names) namesByCode.set(n.code, [...(namesByCode.get(n.code) ?? []), n]);

  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
  // Parents may come later in the file; references are checked at commit.
  await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  const ids = new Map(existing.map((o) => [o.code, o.id]));
  for (const u of units) ids.set(u.code, existingByCode.get(u.code)?.id ?? (u.id || newId()));
  const now = nowIso();
  for (const u of units) {
    const id = ids.get(u.code)!;
    const before = existingByCode.get(u.code);
    const row = {
      parent_id: u.parentCode ? ids.get(u.parentCode)! : null,
      level: u.level!,
      ended_on: u.endedOn,
      successor_id: u.successorCode ? ids.get(u.successorCode)! : null,
    };
    let changed = false;
    if (before) {
      changed = before.code !== u.code;
    }
    if (!before) {
      await trx.insertInto('organizations').values({ id, code: u.code, ...row, sort_order: units.indexOf(u) + 1, owner_id: null, revision: 1, deleted_at: null, created_at: now, updated_at: now }).execute();
      await trx.insertInto('organization_events').values({ organization_id: id, kind: 'created', on_date: todayIso(), detail: `Nhập từ tệp Excel: "${u.name}"`, created_at: now }).execute();
    } else {
      changed = changed || before.parent_id !== row.parent_id || before.level !== row.level || before.ended_on !== row.ended_on || before.successor_id !== row.successor_id;
    }
    const versions = namesByCode.get(u.code) ?? [{ ...u }];
    const current = await trx.selectFrom('organization_names').selectAll().where('organization_id', '=', id).execute();
    for (const v of versions) {
      const search_key = fold(`${v.name} ${v.shortName} ${v.abbreviation}`);
      const values = { organization_id: id, valid_from: v.validFrom, name: v.name, short_name: v.shortName, abbreviation: v.abbreviation, place_name: v.placeName, parent_line: v.parentLine, search_key };
      const old = current.find((c) => c.valid_from === v.validFrom);
      if (old && old.name === v.name && old.short_name === v.shortName && old.abbreviation === v.abbreviation && old.place_name === v.placeName && old.parent_line === v.parentLine) continue;
      changed = true;
      await trx.insertInto('organization_names').values(values).onConflict((oc) => oc.columns(['organization_id', 'valid_from']).doUpdateSet(values)).execute();
    }
    if (!before) summary.created++;
    else if (changed) summary.updated++;
    else summary.unchanged++;
    if (before && changed) {
      await trx.updateTable('organizations').set((eb) => ({ ...row, code: u.code, revision: eb('revision', '+', 1), updated_at: now })).where('id', '=', id).execute();
    }
  }
  return summary;
}
