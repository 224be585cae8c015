import type { Migration } from '../migrate';

/** The directory (organizations with dated names), this office, people, and app metadata. */
export const m0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE organizations (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        parent_id TEXT REFERENCES organizations(id),
        level TEXT NOT NULL,
        sort_order INTEGER NOT NULL DEFAULT 0,
        ended_on TEXT,
        successor_id TEXT REFERENCES organizations(id),
        owner_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX organizations_parent ON organizations(parent_id);

      -- Names are dated: a document dated before a rename or merger keeps the old name.
      CREATE TABLE organization_names (
        organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        valid_from TEXT NOT NULL,
        name TEXT NOT NULL,
        short_name TEXT NOT NULL,
        abbreviation TEXT NOT NULL,
        place_name TEXT NOT NULL,
        parent_line TEXT NOT NULL,
        search_key TEXT NOT NULL,
        PRIMARY KEY (organization_id, valid_from)
      ) STRICT;

      CREATE TABLE organization_events (
        id INTEGER PRIMARY KEY,
        organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        on_date TEXT NOT NULL,
        detail TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX organization_events_org ON organization_events(organization_id);

      CREATE TABLE office (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        organization_id TEXT NOT NULL REFERENCES organizations(id),
        signer_authority TEXT NOT NULL,
        signer_title TEXT NOT NULL,
        signer_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        organization_id TEXT REFERENCES organizations(id),
        full_name TEXT NOT NULL,
        birth_year INTEGER,
        gender TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        search_key TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        owner_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX people_sort ON people(sort_key);
      CREATE INDEX people_org ON people(organization_id);

      -- Folded names (no marks, đ→d) indexed for word-prefix search; kept in step by triggers.
      CREATE VIRTUAL TABLE people_fts USING fts5(search_key, content='people', content_rowid='rowid', tokenize='unicode61');
      CREATE TRIGGER people_ai AFTER INSERT ON people BEGIN
        INSERT INTO people_fts(rowid, search_key) VALUES (new.rowid, new.search_key);
      END;
      CREATE TRIGGER people_ad AFTER DELETE ON people BEGIN
        INSERT INTO people_fts(people_fts, rowid, search_key) VALUES ('delete', old.rowid, old.search_key);
      END;
      CREATE TRIGGER people_au AFTER UPDATE OF search_key ON people BEGIN
        INSERT INTO people_fts(people_fts, rowid, search_key) VALUES ('delete', old.rowid, old.search_key);
        INSERT INTO people_fts(rowid, search_key) VALUES (new.rowid, new.search_key);
      END;

      CREATE TABLE app_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
