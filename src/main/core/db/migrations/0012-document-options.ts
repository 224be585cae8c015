import type { Migration } from '../migrate';

/**
 * What the clerk decides about one document beyond its record (issue 14): the Kính gửi and Nơi nhận lists
 * (NULL = the kind's default) and, for the công văn đôn đốc, the new deadline. Local to this office (never
 * exchanged): it is how this office prints, not what the record says. Keyed by (document kind, record id),
 * the same pair documents.preview takes.
 *
 * issued_letters keeps each issued công văn as it was issued (number from the register, the units it was
 * sent to, the deadline it gave), so printing it again later says what was true that day. Rows are never
 * changed or deleted, like the register itself.
 */
export const m0012: Migration = {
  version: 12,
  name: 'document-options',
  up(db) {
    db.exec(`
      CREATE TABLE document_options (
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        -- JSON string[]: Kính gửi lines; NULL = the kind's default.
        addressees TEXT,
        -- JSON { items: string[], archive: string }: Nơi nhận; NULL = the kind's default.
        recipients TEXT,
        -- Công văn đôn đốc: the deadline it gives (YYYY-MM-DD).
        deadline TEXT CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (kind, record_id)
      ) WITHOUT ROWID;

      CREATE TABLE issued_letters (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        -- The đợt or movement the letter is about.
        scope_id TEXT NOT NULL,
        register_entry_id TEXT NOT NULL REFERENCES register_entries(id),
        -- JSON: the composer's input as issued (units, counts, deadline, Kính gửi, Nơi nhận).
        snapshot TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX issued_letters_scope ON issued_letters(kind, scope_id);
      CREATE INDEX issued_letters_register_entry ON issued_letters(register_entry_id);
      CREATE TRIGGER issued_letters_locked BEFORE UPDATE ON issued_letters BEGIN
        SELECT RAISE(ABORT, 'Công văn đã ban hành, không thể sửa.');
      END;
      CREATE TRIGGER issued_letters_no_delete BEFORE DELETE ON issued_letters BEGIN
        SELECT RAISE(ABORT, 'Công văn đã ban hành, không thể xóa.');
      END;
    `);
  },
};
