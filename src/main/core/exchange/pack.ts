import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { PackageKind } from '../../../shared/schemas/exchange';
import { sha256Hex } from './digest';
import { FORMAT, FORMAT_VERSION, MANIFEST_NAME, READER_VERSION, SIGNATURE_NAME, dataName, type Manifest } from './format';
import { KINDS } from './kinds';
import { readRecord, readRecords, type WireRecord } from './records';
import { stmt } from './sql';
import { TABLE_SPECS, type TableSpec } from './tables';
import { deflate, writeZip } from './zip-write';

export interface PackageFile {
  name: string;
  data: Uint8Array;
  records: number;
}

export interface SentRecord {
  table: string;
  id: string;
  digest: string;
}

export interface BuiltPackage {
  bytes: Uint8Array;
  manifest: Manifest;
  records: number;
  sent: SentRecord[];
}

export interface PackOptions {
  kind: PackageKind;
  sender: { id: string; name: string; keyFingerprint: string };
  receiverId: string;
  scope: { movementId?: string; phaseId?: string };
  full: boolean;
  appVersion: string;
  schemaVersion: number;
}

/**
 * Zips manifest + data files + the signature over the exact manifest bytes. Each data file is deflated
 * first (node:zlib) and the manifest names both hashes: of the stored bytes (checked before inflating)
 * and of the data. The manifest and the signature are stored uncompressed.
 */
export function assemblePackage(manifest: Omit<Manifest, 'files'>, files: PackageFile[], sign: (data: Uint8Array) => Uint8Array): { bytes: Uint8Array; manifest: Manifest } {
  const deflated = files.map((f) => deflate(f.data));
  const full: Manifest = {
    ...manifest,
    files: files.map((f, i) => ({
      name: f.name,
      sha256: sha256Hex(f.data),
      size: f.data.length,
      records: f.records,
      stored: { method: 8 as const, size: deflated[i].length, sha256: sha256Hex(deflated[i]) },
    })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(full, null, 2), 'utf8');
  const bytes = writeZip([
    { name: MANIFEST_NAME, data: manifestBytes },
    { name: SIGNATURE_NAME, data: sign(manifestBytes) },
    ...files.map((f, i) => ({ name: f.name, data: f.data, deflated: deflated[i] })),
  ]);
  return { bytes, manifest: full };
}

export function nextSequence(sqlite: Database.Database, receiverId: string): number {
  const last = sqlite.prepare('SELECT last_sequence FROM exchange_sequences WHERE receiver_id = ?').pluck().get(receiverId) as number | undefined;
  return (last ?? 0) + 1;
}

/**
 * Builds a package for one receiver: the kind picks candidate rows, and only those whose content
 * differs from what was last sent to that receiver go in (unless `full`). Nothing is recorded as
 * sent until the file is saved (recordSent).
 */
export function buildPackage(sqlite: Database.Database, o: PackOptions, sign: (data: Uint8Array) => Uint8Array): BuiltPackage {
  const kind = KINDS[o.kind];
  if (!kind) throw new AppError('VALIDATION', 'Phần mềm này chưa hỗ trợ loại gói này.');
  const tables = kind.tables();
  const included = new Map<string, Map<string, WireRecord>>(tables.map((t) => [t.spec.table, new Map()]));
  const lines = new WeakMap<WireRecord, string>();
  const sent: SentRecord[] = [];
  // Rows made before ownership existed (e.g. imported from a spreadsheet) belong to this office.
  const stamp = (spec: TableSpec, rec: WireRecord) => {
    if (!spec.immutable && rec.row.owner_id === null) rec.row.owner_id = o.sender.id;
    return rec;
  };
  const read = (spec: TableSpec, id: string): WireRecord | null => {
    const rec = readRecord(sqlite, spec, id);
    return rec && stamp(spec, rec);
  };
  const queue: [TableSpec, WireRecord][] = [];
  for (const t of tables) {
    const ids = t.select({ sqlite, senderId: o.sender.id, receiverId: o.receiverId, scope: o.scope });
    // Bulk reads: the records, and what was last sent of this table to this receiver.
    const records = readRecords(sqlite, t.spec, ids);
    const lastSent = new Map(
      (stmt(sqlite, 'SELECT record_id, digest FROM exchange_sent WHERE receiver_id = ? AND table_name = ?').all(o.receiverId, t.spec.table) as { record_id: string; digest: string }[]).map((r) => [r.record_id, r.digest]),
    );
    for (const id of ids) {
      const found = records.get(id);
      if (!found) continue;
      const rec = stamp(t.spec, found);
      // One serialisation per record: its digest and its line in the file are of the same text.
      const text = JSON.stringify(rec);
      const digest = sha256Hex(text);
      lines.set(rec, text);
      sent.push({ table: t.spec.table, id, digest });
      if (!o.full && lastSent.get(id) === digest) continue;
      included.get(t.spec.table)!.set(id, rec);
      queue.push([t.spec, rec]);
    }
  }
  // Every package carries what its records refer to (within its kind), changed or not, so that
  // packages can be applied in any order: a unit always travels with its upper units.
  while (queue.length) {
    const [spec, rec] = queue.pop()!;
    for (const { table, id } of references(spec, rec)) {
      const target = included.get(table);
      if (!target || target.has(id)) continue;
      const ref = read(TABLE_SPECS[table], id);
      if (!ref || ref.row.owner_id === o.receiverId) continue;
      target.set(id, ref);
      queue.push([TABLE_SPECS[table], ref]);
    }
  }
  const files: PackageFile[] = [];
  let records = 0;
  for (const t of tables) {
    const recs = [...included.get(t.spec.table)!.values()];
    records += recs.length;
    if (recs.length) files.push({ name: dataName(t.spec.table), data: Buffer.from(`${recs.map((r) => lines.get(r) ?? JSON.stringify(r)).join('\n')}\n`, 'utf8'), records: recs.length });
  }
  const { bytes, manifest } = assemblePackage(
    {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      packageId: randomUUID(),
      kind: o.kind,
      sender: o.sender,
      receiverId: o.receiverId,
      created: new Date().toISOString(),
      appVersion: o.appVersion.slice(0, 50),
      schemaVersion: o.schemaVersion,
      minReaderVersion: READER_VERSION,
      sequence: nextSequence(sqlite, o.receiverId),
      scope: o.scope,
    },
    files,
    sign,
  );
  return { bytes, manifest, records, sent };
}

/** After the file is written: advance the watermark and the sequence for that receiver. */
export function recordSent(sqlite: Database.Database, receiverId: string, sequence: number, sent: SentRecord[]): void {
  sqlite.transaction(() => {
    const up = sqlite.prepare(
      'INSERT INTO exchange_sent (receiver_id, table_name, record_id, digest) VALUES (?, ?, ?, ?) ON CONFLICT(receiver_id, table_name, record_id) DO UPDATE SET digest = excluded.digest',
    );
    for (const s of sent) up.run(receiverId, s.table, s.id, s.digest);
    sqlite
      .prepare('INSERT INTO exchange_sequences (receiver_id, last_sequence) VALUES (?, ?) ON CONFLICT(receiver_id) DO UPDATE SET last_sequence = MAX(last_sequence, excluded.last_sequence)')
      .run(receiverId, sequence);
  })();
}

function* references(spec: TableSpec, rec: WireRecord): Generator<{ table: string; id: string }> {
  for (const ref of spec.refs) {
    const v = rec.row[ref.column];
    if (typeof v === 'string') yield { table: ref.table, id: v };
  }
  for (const ch of spec.children) {
    for (const ref of ch.refs ?? []) for (const r of rec.children[ch.table] ?? []) if (typeof r[ref.column] === 'string') yield { table: ref.table, id: r[ref.column] as string };
  }
}
