import { isUtf8 } from 'node:buffer';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { PACKAGE_KIND_LABELS } from '../../../shared/schemas/exchange';
import { sha256Hex } from './digest';
import { isCanonicalLine } from './canonical-line';
import { compileCheck, type FastCheck } from './compiled-check';
import { DATA_NAME, FORMAT_VERSION, MANIFEST_NAME, MAX_MANIFEST_BYTES, READER_VERSION, SIGNATURE_NAME, dataName, manifestSchema, readLine, type Manifest } from './format';
import { revokedKey } from './key-rotation';
import { partnerRow, verifyBytes } from './keys';
import { KINDS, kindAvailable, type KindTable } from './kinds';
import { normalizeRecord, type WireRecord } from './records';
import { DEFAULT_LIMITS, inflateEntry, readZipDirectory, type UnzipLimits } from './safe-unzip';
import { TABLE_SPECS } from './tables';
import { directionProblem, relationTo } from './trust';

export interface VerifiedPackage {
  manifest: Manifest;
  /** in the kind's table order (referenced tables first) */
  tables: { table: KindTable; records: WireRecord[] }[];
}

const refuse = (message: string, details?: string[]) => new AppError('BAD_FILE', message, details);
const fmtTime = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * Every check that can refuse a whole package, cheapest and least trusting first:
 * safe unzip → manifest → receiver → sender's trusted key → signature → hashes → every record's
 * schema → replay. Nothing here writes to the database.
 */
export function verifyPackage(sqlite: Database.Database, bytes: Uint8Array, ownOfficeId: string, limits: UnzipLimits = DEFAULT_LIMITS): VerifiedPackage {
  // The directory only: names, sizes, total and ratios are bounded before a single byte is inflated.
  const entries = readZipDirectory(bytes, (name) => name === MANIFEST_NAME || name === SIGNATURE_NAME || (DATA_NAME.test(name) && !!TABLE_SPECS[DATA_NAME.exec(name)![1]]), limits);
  const manifestEntry = entries.get(MANIFEST_NAME);
  if (manifestEntry && (manifestEntry.compression !== 0 || manifestEntry.size > MAX_MANIFEST_BYTES)) {
    throw refuse('Tệp kê khai manifest.json trong gói không đúng quy cách (bị nén hoặc quá lớn). Gói bị từ chối.');
  }
  const manifestBytes = manifestEntry ? inflateEntry(manifestEntry) : undefined;
  if (!manifestBytes) throw refuse('Gói thiếu tệp kê khai manifest.json; đây không phải gói trao đổi hợp lệ.');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(manifestBytes).toString('utf8'));
  } catch {
    throw refuse('Tệp kê khai manifest.json trong gói không đọc được (JSON hỏng).');
  }
  if (json && typeof json === 'object') {
    const v = json as { formatVersion?: unknown; minReaderVersion?: unknown };
    if ((typeof v.formatVersion === 'number' && v.formatVersion > FORMAT_VERSION) || (typeof v.minReaderVersion === 'number' && v.minReaderVersion > READER_VERSION)) {
      throw refuse('Gói được tạo bởi phiên bản mới hơn của phần mềm; hãy cập nhật phần mềm rồi nhập lại.');
    }
    if (typeof v.formatVersion === 'number' && v.formatVersion < FORMAT_VERSION) {
      throw refuse('Gói được tạo bởi phiên bản cũ của phần mềm (chưa ký mã kiểm tra từng tệp nén); hãy đề nghị đơn vị gửi cập nhật phần mềm rồi gửi lại.');
    }
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(`Tệp kê khai manifest.json không đúng định dạng (trường ${issue.path.join('.') || '(gốc)'}).`);
  }
  const m = parsed.data;

  if (m.sender.id === ownOfficeId) throw refuse('Gói này do chính đơn vị mình tạo ra; không thể nhập.');
  if (m.receiverId !== ownOfficeId) throw refuse(`Gói này gửi cho đơn vị khác, không phải đơn vị của bạn (gửi từ “${m.sender.name}”). Không thể nhập.`);

  const partner = partnerRow(sqlite, m.sender.id);
  if (!partner) {
    throw refuse(
      `Chưa có khóa công khai của đơn vị gửi “${m.sender.name}”. Hãy nhận tệp khóa (.tdkt-key) của đơn vị đó, xác nhận mã nhận diện qua điện thoại, rồi nhập lại gói.`,
    );
  }
  const retired = revokedKey(sqlite, m.sender.keyFingerprint);
  if (retired) {
    throw refuse(
      `Gói được ký bằng khóa ${m.sender.keyFingerprint} của “${partner.office_name}”, khóa này đã ${retired.reason === 'revoked' ? 'bị thu hồi' : 'được thay bằng khóa mới'} lúc ${fmtTime(retired.at)}. Gói bị từ chối.`,
    );
  }
  if (partner.fingerprint !== m.sender.keyFingerprint) {
    throw refuse(
      `Khóa ký của “${partner.office_name}” đã thay đổi (mã nhận diện trong gói ${m.sender.keyFingerprint}, mã đã xác nhận ${partner.fingerprint}). Gói bị từ chối; hãy gọi điện xác nhận và nhập tệp khóa mới nếu đúng.`,
    );
  }
  const signatureEntry = entries.get(SIGNATURE_NAME);
  const signature = signatureEntry && signatureEntry.compression === 0 && signatureEntry.size === 64 ? inflateEntry(signatureEntry) : undefined;
  if (!signatureEntry) throw refuse('Gói thiếu chữ ký số (signature.sig); không thể xác minh nguồn gốc.');
  if (!signature || !verifyBytes(partner.public_key, manifestBytes, signature)) {
    throw refuse(`Chữ ký số của gói không hợp lệ: gói đã bị sửa đổi sau khi ký hoặc không do “${partner.office_name}” ký. Gói bị từ chối.`);
  }

  // From here on the manifest is the sender's own word; the files must match it exactly.
  const kind = KINDS[m.kind];
  if (!kind || !kindAvailable(sqlite, m.kind)) throw refuse(`Phần mềm này chưa hỗ trợ nhập gói loại “${PACKAGE_KIND_LABELS[m.kind]}”; hãy cập nhật phần mềm.`);
  const wrongSide = directionProblem(m.kind, relationTo(sqlite, ownOfficeId, m.sender.id, partner.level), partner.office_name);
  if (wrongSide) throw refuse(wrongSide);
  const kindTables = kind.tables();
  const listed = new Set(m.files.map((f) => f.name));
  const extra = [...entries.keys()].filter((n) => n !== MANIFEST_NAME && n !== SIGNATURE_NAME && !listed.has(n));
  if (extra.length || listed.size !== m.files.length) throw refuse('Danh sách tệp trong gói không khớp với tệp kê khai. Gói bị từ chối.');
  // Signed hashes of the stored bytes first: a data file is inflated only once it is known to be the sender's.
  const data = new Map<string, Uint8Array>();
  for (const f of m.files) {
    const entry = entries.get(f.name);
    if (!entry) throw refuse(`Gói thiếu tệp “${f.name}” đã kê khai.`);
    if (!kindTables.some((t) => dataName(t.spec.table) === f.name)) {
      throw refuse(`Gói loại “${PACKAGE_KIND_LABELS[m.kind]}” không được chứa tệp “${f.name}”.`);
    }
    const stored = f.stored;
    if (entry.compression !== stored.method || entry.size !== stored.size || entry.originalSize !== f.size || sha256Hex(entry.raw) !== stored.sha256) {
      throw refuse(`Tệp “${f.name}” trong gói sai mã kiểm tra SHA-256: nội dung đã bị thay đổi hoặc hỏng. Gói bị từ chối.`);
    }
  }
  for (const f of m.files) {
    const bytes = inflateEntry(entries.get(f.name)!);
    if (sha256Hex(bytes) !== f.sha256) throw refuse(`Tệp “${f.name}” trong gói sai mã kiểm tra SHA-256: nội dung đã bị thay đổi hoặc hỏng. Gói bị từ chối.`);
    data.set(f.name, bytes);
  }

  const problems: string[] = [];
  const tables: VerifiedPackage['tables'] = [];
  for (const t of kindTables) {
    const name = dataName(t.spec.table);
    const file = m.files.find((f) => f.name === name);
    const records: WireRecord[] = [];
    if (file) {
      const bytes = data.get(name)!;
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const seenIds = new Set<string>();
      const checks = checksOf(t);
      // Valid UTF-8 throughout: a line's bytes are exactly the UTF-8 of its text, so they are hashed as they are.
      const exactBytes = isUtf8(buf);
      // Line by line from the bytes (a newline byte is never inside a UTF-8 sequence): each line is decoded on
      // its own, not first as one string of the whole file (tens of MB held while every line is read).
      for (let start = 0, i = 0; start < buf.length && problems.length < 20; i++) {
        let end = buf.indexOf(10, start);
        if (end < 0) end = buf.length;
        const problem = parseLine(t, checks, buf.toString('utf8', start, end), seenIds, exactBytes ? buf : null, start, end);
        if (typeof problem === 'string') problems.push(`${name} dòng ${i + 1}: ${problem}`);
        else records.push(problem);
        start = end + 1;
      }
      if (!problems.length && records.length !== file.records) problems.push(`${name}: có ${records.length} bản ghi, tệp kê khai ghi ${file.records}.`);
    }
    tables.push({ table: t, records });
  }
  if (problems.length) throw refuse(`Dữ liệu trong gói không hợp lệ (${problems.length >= 20 ? 'từ 20' : problems.length} lỗi); gói bị từ chối, không có gì được ghi.`, problems);

  const previous = sqlite.prepare('SELECT imported_at FROM exchange_imports WHERE package_id = ? AND undone_at IS NULL').pluck().get(m.packageId) as string | undefined;
  if (previous) {
    throw new AppError('CONFLICT', `Gói này (số thứ tự ${m.sequence} từ “${m.sender.name}”) đã được nhập lúc ${fmtTime(previous)}; nhập lại sẽ không thay đổi gì.`);
  }
  return { manifest: m, tables };
}

const fastChecks = new WeakMap<object, FastCheck | null>();
/** The compiled form of a schema, made once per table (null: that table keeps zod). */
function fastCheckOf(schema: z.ZodType): FastCheck | null {
  if (!fastChecks.has(schema)) fastChecks.set(schema, compileCheck(schema));
  return fastChecks.get(schema)!;
}

/** Zod for what the compiled check does not pass: it accepts the row (maybe rebuilt) or words the refusal. */
function zodRow(schema: z.ZodType<Record<string, unknown>>, value: unknown): { data: Record<string, unknown> } | { issue: z.core.$ZodIssue } {
  const parsed = schema.safeParse(value);
  return parsed.success ? { data: parsed.data } : { issue: parsed.error.issues[0] };
}

/** A table's compiled checks, looked up once per file rather than twice per record. */
interface TableChecks {
  row: FastCheck | null;
  children: (FastCheck | null)[];
}
const checksOf = (t: KindTable): TableChecks => ({ row: fastCheckOf(t.spec.schema), children: t.spec.children.map((ch) => fastCheckOf(ch.schema)) });

/**
 * One line → one record, or why not. The compiled check first, zod only for what it does not pass (so every
 * refusal keeps zod's wording); rows that pass are used as parsed, without a copy per row.
 */
/** `bytes`, when given, holds the line's exact UTF-8 from `start` to `end` (hashed without encoding the text again). */
function parseLine(t: KindTable, checks: TableChecks, line: string, seenIds: Set<string>, bytes: Buffer | null = null, start = 0, end = 0): WireRecord | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'không đọc được (JSON hỏng)';
  }
  const shape = readLine(json);
  if (!shape) return 'sai cấu trúc bản ghi';
  const spec = t.spec;
  let row = shape.row;
  // Every row passed the compiled check as parsed (nothing rebuilt by zod): the line may be the canonical text.
  let asParsed = true;
  if (!checks.row?.(row)) {
    const checked = zodRow(spec.schema, row);
    if ('issue' in checked) return `${spec.label}: ${describeIssue(checked.issue)}`;
    row = checked.data;
    asParsed = false;
  }
  const children: Record<string, Record<string, unknown>[]> = {};
  const given = shape.children ?? {};
  for (const name of Object.keys(given)) if (!spec.children.some((c) => c.table === name)) return `${spec.label}: có dữ liệu con “${name}” không được phép`;
  for (let c = 0; c < spec.children.length; c++) {
    const ch = spec.children[c];
    const list = given[ch.table] ?? [];
    let rows = list;
    for (let i = 0; i < list.length; i++) {
      let r = list[i];
      if (!checks.children[c]?.(r)) {
        const checked = zodRow(ch.schema, r);
        if ('issue' in checked) return `${spec.label} (${ch.table}): ${describeIssue(checked.issue)}`;
        if (rows === list) rows = list.slice();
        rows[i] = r = checked.data;
        asParsed = false;
      }
      if (r[ch.parentKey] !== row.id) return `${spec.label} (${ch.table}): dòng con không thuộc bản ghi này`;
    }
    children[ch.table] = rows;
  }
  const id = row.id as string;
  if (seenIds.has(id)) return `${spec.label}: mã ${id} xuất hiện hai lần`;
  seenIds.add(id);
  // The line as the sender writes it (its canonical text): its hash is the digest, and its rows are already normalised.
  if (asParsed && isCanonicalLine(spec, line, json as { row: Record<string, unknown>; children?: Record<string, unknown> })) {
    return { row, children, digest: sha256Hex(bytes ? bytes.subarray(start, end) : line) };
  }
  return normalizeRecord(spec, row, children);
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const field = issue.path.map(String).join('.');
  return field ? `trường “${field}” không hợp lệ` : `không hợp lệ (${issue.message})`;
}
