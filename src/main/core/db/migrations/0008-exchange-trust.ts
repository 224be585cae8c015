import type { Migration } from '../migrate';

/**
 * Exchange trust (issue 11): previews survive a restart (the package bytes and a digest of what the preview
 * decided against which local rows, so a stale preview is never applied), and keys that were rotated away
 * or revoked are refused from then on. The private key itself leaves the database at start (key-store.ts):
 * a migration cannot reach the host's key vault.
 */
export const m0008: Migration = {
  version: 8,
  name: 'exchange-trust',
  up(db) {
    db.exec(`
      CREATE TABLE exchange_previews (
        token TEXT PRIMARY KEY,
        package_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        sender_id TEXT NOT NULL,
        sender_name TEXT NOT NULL,
        created TEXT NOT NULL,
        previewed_at TEXT NOT NULL,
        -- SHA-256 over (table, id, status, local digest) of every classified record
        state TEXT NOT NULL,
        bytes BLOB NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX exchange_previews_package ON exchange_previews(package_id);

      CREATE TABLE exchange_revoked_keys (
        fingerprint TEXT PRIMARY KEY,
        office_id TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('rotated', 'revoked')),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX exchange_revoked_keys_office ON exchange_revoked_keys(office_id);
    `);
  },
};
