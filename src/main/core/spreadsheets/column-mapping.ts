/**
 * Which sheet column holds which field. Units send sheets in their own layouts, so the clerk maps the
 * columns once; the mapping is saved under the folded header row and found again for the next sheet
 * with the same columns.
 */
import type { Kysely } from 'kysely';
import type { ImportField, ImportKind } from '../../../shared/schemas/registrations';
import { fold } from '../../../shared/vi-text';
import type { DB } from '../db/schema';
import { newId, nowIso } from '../util/time';


export interface FieldSpec extends ImportField {
  /** Folded words a column title contains when it holds this field. */
  synonyms: string[];
}

const UNIT: FieldSpec = { key: 'unit', label: 'Đơn vị (tên hoặc mã)', required: true, synonyms: ['don vi', 'ma don vi', 'ten don vi', 'cong doan co so', 'cdcs'] };

/** Who a person row is (read by `person-rows.ts`): the registration and the history imports share them. */
export const PERSON_FIELDS: FieldSpec[] = [
  { key: 'birthYear', label: 'Năm sinh', required: false, synonyms: ['nam sinh'] },
  // A "Ngày sinh" column fits here better than "Năm sinh" (longer synonym); a year-only column still maps to birthYear.
  { key: 'birthDate', label: 'Ngày sinh (dd/mm/yyyy)', required: false, synonyms: ['ngay sinh', 'ngay, thang, nam sinh', 'ngay thang nam sinh'] },
  { key: 'idNumber', label: 'Số CCCD', required: false, synonyms: ['cccd', 'can cuoc', 'so dinh danh', 'cmnd'] },
];

export const IMPORT_FIELDS: Record<ImportKind, FieldSpec[]> = {
  units: [
    UNIT,
    { key: 'collectiveTitles', label: 'Danh hiệu tập thể (cách nhau bởi ;)', required: false, synonyms: ['danh hieu tap the', 'danh hieu'] },
    { key: 'memberCount', label: 'Số đoàn viên', required: false, synonyms: ['so doan vien', 'tong so doan vien'] },
    { key: 'targets', label: 'Chỉ tiêu đăng ký', required: false, synonyms: ['chi tieu'] },
    { key: 'commitments', label: 'Nội dung cam kết', required: false, synonyms: ['cam ket'] },
  ],
  individuals: [
    UNIT,
    { key: 'fullName', label: 'Họ và tên', required: true, synonyms: ['ho va ten', 'ho ten', 'ho, ten'] },
    ...PERSON_FIELDS,
    { key: 'position', label: 'Chức vụ', required: false, synonyms: ['chuc vu', 'chuc danh'] },
    { key: 'title', label: 'Danh hiệu đăng ký', required: true, synonyms: ['danh hieu'] },
  ],
  works: [
    UNIT,
    { key: 'name', label: 'Tên công trình, sản phẩm', required: true, synonyms: ['ten cong trinh', 'cong trinh', 'san pham'] },
    { key: 'implementer', label: 'Chủ đầu tư / đơn vị thực hiện', required: false, synonyms: ['chu dau tu', 'don vi thuc hien', 'thuc hien'] },
    { key: 'value', label: 'Giá trị (đồng)', required: false, synonyms: ['gia tri', 'kinh phi', 'tong muc'] },
    { key: 'startDate', label: 'Ngày khởi công', required: false, synonyms: ['khoi cong', 'ngay bat dau'] },
    { key: 'finishDate', label: 'Ngày hoàn thành', required: false, synonyms: ['hoan thanh', 'ngay ket thuc'] },
    { key: 'occasion', label: 'Dịp gắn biển', required: false, synonyms: ['dip', 'chao mung', 'gan bien'] },
  ],
};

/** A registration kind, or the field list of another sheet import (history). */
export type MappingKind = ImportKind | { kind: string; fields: FieldSpec[] };
const specsOf = (k: MappingKind): FieldSpec[] => (typeof k === 'string' ? IMPORT_FIELDS[k] : k.fields);
const kindName = (k: MappingKind | string): string => (typeof k === 'string' ? k : k.kind);

export function publicFields(kind: MappingKind): ImportField[] {
  return specsOf(kind).map(({ key, label, required }) => ({ key, label, required }));
}

/** How well a column title fits a field: the longest synonym it contains (0 = not at all). */
function fit(header: string, spec: FieldSpec): number {
  const h = fold(header);
  return Math.max(0, ...spec.synonyms.filter((s) => h.includes(s)).map((s) => s.length));
}

/** Each column goes to the field it fits best; each field takes the first column that chose it. */
export function suggestMapping(kind: MappingKind, headers: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of headers) {
    if (!h) continue;
    let best: FieldSpec | null = null;
    let score = 0;
    for (const spec of specsOf(kind)) {
      const s = fit(h, spec);
      if (s > score) [best, score] = [spec, s];
    }
    if (best && !(best.key in out)) out[best.key] = h;
  }
  return out;
}

/** The header row: among the first rows, the one most of whose cells look like column titles. */
export function findHeaderRow(kind: MappingKind, rows: string[][]): number {
  let bestRow = 0;
  let bestScore = 0;
  rows.slice(0, 15).forEach((cells, i) => {
    const score = cells.filter((c) => c && specsOf(kind).some((f) => fit(c, f) > 0)).length;
    if (score > bestScore) [bestRow, bestScore] = [i, score];
  });
  return bestRow + 1;
}

/** field → column index for the mapped columns; a missing required field or column is an error. */
export function resolveColumns(fields: FieldSpec[], mapping: Record<string, string>, headers: string[], headerRow: number): { col: Map<string, number>; errors: string[] } {
  const errors: string[] = [];
  const col = new Map<string, number>();
  for (const f of fields) {
    const h = mapping[f.key];
    if (!h) {
      if (f.required) errors.push(`Chưa chọn cột cho trường "${f.label}".`);
      continue;
    }
    const idx = headers.findIndex((x) => fold(x) === fold(h));
    if (idx < 0) errors.push(`Không có cột "${h}" ở dòng tiêu đề (dòng ${headerRow}) cho trường "${f.label}".`);
    else col.set(f.key, idx);
  }
  return { col, errors };
}

export function headerKey(headers: string[]): string {
  const folded = headers.map(fold);
  while (folded.length && !folded[folded.length - 1]) folded.pop();
  return folded.join('|');
}

export async function savedMapping(q: Kysely<DB>, kind: MappingKind, key: string): Promise<Record<string, string> | null> {
  const row = await q.selectFrom('xlsx_mappings').select('mapping').where('kind', '=', kindName(kind)).where('header_key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as Record<string, string>) : null;
}

export async function saveMapping(q: Kysely<DB>, kind: MappingKind, key: string, mapping: Record<string, string>, name: string): Promise<void> {
  const now = nowIso();
  await q
    .insertInto('xlsx_mappings')
    .values({ id: newId(), kind: kindName(kind), name, header_key: key, mapping: JSON.stringify(mapping), created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['kind', 'header_key']).doUpdateSet({ mapping: JSON.stringify(mapping), name, updated_at: now }))
    .execute();
}
