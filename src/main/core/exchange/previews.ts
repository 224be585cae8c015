import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { PackageKind } from '../../../shared/schemas/exchange';
import { databaseGeneration } from '../db/generation';
import { nowIso } from '../util/time';
import type { Decision } from './classify';
import { sha256Hex } from './digest';
import { recordDigest } from './records';
import { stmt } from './sql';
import { totalChanges } from './transaction';
import type { VerifiedPackage } from './verify';

/**
 * Previews waiting for "Áp dụng" are rows of the database (exchange_previews): they survive a restart and the
 * dashboard lists them. Each keeps the package bytes, the database generation it was made in (db/generation.ts)
 * and `state`, a digest of what it decided for every record against which local copy. A preview from another
 * generation — made before any restore, even one back to exactly the state it saw — is refused. Otherwise
 * applying re-checks the package and re-classifies it unless nothing was written on this very connection since
 * (the fast path for the preview just made); if the decisions or the local rows differ — another package, an
 * edit — it is refused too, and the clerk previews again (which replaces the stored preview).
 */
const KEEP = 20;

export function previewState(decisions: Decision[]): string {
  const parts: string[] = [];
  for (const d of decisions) parts.push(`${d.spec.table}\t${d.id}\t${d.status}\t${d.local ? recordDigest(d.local) : '-'}\t${d.reason ?? ''}`);
  return sha256Hex(parts.join('\n'));
}

interface Memo {
  sqlite: Database.Database;
  changes: number;
  pkg: VerifiedPackage;
  decisions: Decision[];
}
/** The preview just made, still exact while this connection has written nothing (one at a time). */
let memo: { token: string; value: Memo } | null = null;

export function savePreview(sqlite: Database.Database, bytes: Uint8Array, pkg: VerifiedPackage, decisions: Decision[]): string {
  const token = randomBytes(16).toString('hex');
  const m = pkg.manifest;
  sqlite.transaction(() => {
    stmt(sqlite, 'DELETE FROM exchange_previews WHERE package_id = ?').run(m.packageId);
    stmt(
      sqlite,
      'INSERT INTO exchange_previews (token, package_id, kind, sender_id, sender_name, created, previewed_at, state, bytes, generation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(token, m.packageId, m.kind, m.sender.id, m.sender.name, m.created, nowIso(), previewState(decisions), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), databaseGeneration(sqlite));
    stmt(sqlite, `DELETE FROM exchange_previews WHERE token NOT IN (SELECT token FROM exchange_previews ORDER BY previewed_at DESC, rowid DESC LIMIT ${KEEP})`).run();
  })();
  memo = { token, value: { sqlite, changes: totalChanges(sqlite), pkg, decisions } };
  return token;
}

export interface StoredPreview {
  token: string;
  bytes: Buffer;
  state: string;
  /** Made before the database file was last replaced (a restore): never applicable. */
  stale: boolean;
}

export function loadPreview(sqlite: Database.Database, token: string): StoredPreview | null {
  const row = stmt(sqlite, 'SELECT token, bytes, state, generation FROM exchange_previews WHERE token = ?').get(token) as (Omit<StoredPreview, 'stale'> & { generation: string }) | undefined;
  if (!row) return null;
  return { token: row.token, bytes: row.bytes, state: row.state, stale: row.generation !== databaseGeneration(sqlite) };
}

/** The memo for this token when nothing was written since on the same connection, else null. */
export function exactMemo(sqlite: Database.Database, token: string): Memo | null {
  if (!memo || memo.token !== token || memo.value.sqlite !== sqlite || memo.value.changes !== totalChanges(sqlite)) return null;
  return memo.value;
}

export function dropPreviews(sqlite: Database.Database, packageId: string): void {
  stmt(sqlite, 'DELETE FROM exchange_previews WHERE package_id = ?').run(packageId);
  if (memo && memo.value.pkg.manifest.packageId === packageId) memo = null;
}

/**
 * Packages previewed here and not applied yet (the home dashboard lists them); `stale`: previewed before the
 * data was restored, so the clerk must preview it again before applying.
 */
export function pendingPreviews(sqlite: Database.Database): { packageId: string; kind: PackageKind; senderName: string; created: string; stale: boolean }[] {
  const generation = databaseGeneration(sqlite);
  return (
    stmt(sqlite, 'SELECT package_id, kind, sender_name, created, generation FROM exchange_previews ORDER BY previewed_at DESC').all() as {
      package_id: string;
      kind: PackageKind;
      sender_name: string;
      created: string;
      generation: string;
    }[]
  ).map((r) => ({ packageId: r.package_id, kind: r.kind, senderName: r.sender_name, created: r.created, stale: r.generation !== generation }));
}
