import type { Migration } from '../migrate';

/**
 * Search that stays fast at 100k people (issue 16):
 * - people_fts gets prefix indexes for 1 and 2 letters, so "n" or "th" reads one doclist instead of
 *   merging every term that starts with them, and it holds live people only (the triggers skip
 *   tombstones), so the number of matches is the FTS count, without visiting each person's row;
 * - people_live_sort (sort_key over live rows) lets a page of the whole list or of a common prefix be
 *   read in list order from the index, without sorting every match;
 * - registrations by (movement, phase) and works by registration order serve the lists directly.
 */
export const m0011: Migration = {
  version: 11,
  name: '0011-search-indexes',
  up(db) {
    db.exec(`
      DROP TRIGGER IF EXISTS people_ai;
      DROP TRIGGER IF EXISTS people_ad;
      DROP TRIGGER IF EXISTS people_au;
      DROP TABLE IF EXISTS people_fts;
      CREATE VIRTUAL TABLE people_fts USING fts5(search_key, content='people', content_rowid='rowid', tokenize='unicode61', prefix='1 2');
      INSERT INTO people_fts(rowid, search_key) SELECT rowid, search_key FROM people WHERE deleted_at IS NULL;
      CREATE TRIGGER people_ai AFTER INSERT ON people WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO people_fts(rowid, search_key) VALUES (new.rowid, new.search_key);
      END;
      CREATE TRIGGER people_ad AFTER DELETE ON people WHEN old.deleted_at IS NULL BEGIN
        INSERT INTO people_fts(people_fts, rowid, search_key) VALUES ('delete', old.rowid, old.search_key);
      END;
      CREATE TRIGGER people_au AFTER UPDATE OF search_key, deleted_at ON people BEGIN
        INSERT INTO people_fts(people_fts, rowid, search_key) SELECT 'delete', old.rowid, old.search_key WHERE old.deleted_at IS NULL;
        INSERT INTO people_fts(rowid, search_key) SELECT new.rowid, new.search_key WHERE new.deleted_at IS NULL;
      END;
      CREATE INDEX people_live_sort ON people(sort_key) WHERE deleted_at IS NULL;
      CREATE INDEX people_live_org_sort ON people(organization_id, sort_key) WHERE deleted_at IS NULL;
      CREATE INDEX registrations_scope ON registrations(movement_id, phase_id) WHERE deleted_at IS NULL;
      CREATE INDEX works_live_registration ON works(registration_id, sort_order) WHERE deleted_at IS NULL;
    `);
  },
};
