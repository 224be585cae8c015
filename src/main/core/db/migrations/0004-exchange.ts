import type { Migration } from '../migrate';

/**
 * Exchange by signed files (issue 7): this office's key pair, partners' trusted public keys,
 * what was last sent to each receiver (the watermark), and the journal of imported packages with
 * the previous image of every record they changed, so a whole package can be undone.
 */
export const m0004: Migration = {
  version: 4,
  name: 'exchange',
  up(db) {
    db.exec(`
      CREATE TABLE exchange_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        office_id TEXT NOT NULL,
        -- Ed25519, raw public key base64url and PKCS#8 private key base64
        public_key TEXT NOT NULL,
        private_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE exchange_partners (
        office_id TEXT PRIMARY KEY,
        office_name TEXT NOT NULL,
        level TEXT NOT NULL,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        confirmed_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE exchange_sequences (
        receiver_id TEXT PRIMARY KEY,
        last_sequence INTEGER NOT NULL
      ) STRICT;

      -- Digest of each record as last sent to a receiver: the next package carries only what differs.
      CREATE TABLE exchange_sent (
        receiver_id TEXT NOT NULL,
        table_name TEXT NOT NULL,
        record_id TEXT NOT NULL,
        digest TEXT NOT NULL,
        PRIMARY KEY (receiver_id, table_name, record_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE exchange_imports (
        id INTEGER PRIMARY KEY,
        package_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        sender_id TEXT NOT NULL,
        sender_name TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        created TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        -- JSON { new, changed, unchanged, refused }
        counts TEXT NOT NULL,
        backup_file TEXT NOT NULL,
        undone_at TEXT
      ) STRICT;
      -- A package is applied at most once (again only after an undo).
      CREATE UNIQUE INDEX exchange_imports_live ON exchange_imports(package_id) WHERE undone_at IS NULL;

      CREATE TABLE exchange_journal (
        import_id INTEGER NOT NULL REFERENCES exchange_imports(id),
        ord INTEGER NOT NULL,
        table_name TEXT NOT NULL,
        record_id TEXT NOT NULL,
        -- canonical JSON of the record before the import; NULL when the import created it
        before TEXT,
        after_digest TEXT NOT NULL,
        PRIMARY KEY (import_id, ord)
      ) STRICT;
    `);
  },
};
