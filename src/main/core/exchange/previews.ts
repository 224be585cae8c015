import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { PackageKind } from '../../../shared/schemas/exchange';
import { nowIso } from '../util/time';
import type { Decision } from './classify';
import { sha256Hex } from './digest';
import { recordDigest } from './records';
import { stmt } from './sql';
import { totalChanges } from './transaction';
import type { VerifiedPackage } from './verify';

/**
 * Previews waiting for "Áp dụng" are rows of the database (exchange_previews): they survive a restart and the
 * dashboard lists them. Each keeps the package bytes and `state`, a digest of what it decided for every record
 * against which local copy. Applying re-checks the package and re-classifies it unless nothing was written on
 * this very connection since (the fast path for the preview just made); if the decisions or the local rows
 * differ — a restore, another package, an edit — the preview is dropped and the clerk previews again.
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
      'INSERT INTO exchange_previews (token, package_id, kind, sender_id, sender_name, created, previewed_at, state, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(token, m.packageId, m.kind, m.sender.id, m.sender.name, m.created, nowIso(), previewState(decisions), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    stmt(sqlite, `DELETE FROM exchange_previews WHERE token NOT IN (SELECT token FROM exchange_previews ORDER BY previewed_at DESC, rowid DESC LIMIT ${KEEP})`).run();
  })();
  memo = { token, value: { sqlite, changes: totalChanges(sqlite), pkg, decisions } };
  return token;
}

export interface StoredPreview {
  token: string;
  bytes: Buffer;
  state: string;
}

export function loadPreview(sqlite: Database.Database, token: string): StoredPreview | null {
  return (stmt(sqlite, 'SELECT token, bytes, state FROM exchange_previews WHERE token = ?').get(token) as StoredPreview | undefined) ?? null;
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

export function dropPreview(sqlite: Database.Database, token: string): void {
  stmt(sqlite, 'DELETE FROM exchange_previews WHERE token = ?').run(token);
}

/** Packages previewed here and not applied yet (the home dashboard lists them). */
export function pendingPreviews(sqlite: Database.Database): { packageId: string; kind: PackageKind; senderName: string; created: string }[] {
  return (stmt(sqlite, 'SELECT package_id, kind, sender_name, created FROM exchange_previews ORDER BY previewed_at DESC').all() as { package_id: string; kind: PackageKind; sender_name: string; created: string }[]).map(
    (r) => ({ packageId: r.package_id, kind: r.kind, senderName: r.sender_name, created: r.created }),
  );
}
