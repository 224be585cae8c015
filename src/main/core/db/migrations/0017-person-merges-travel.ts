import { randomUUID } from 'node:crypto';
import type { Migration } from '../migrate';

/**
 * Person merges travel (issue 12). A merge made at one office is a record of that office
 * (`person_merge_records`: id, owner, revision, tombstone, merged → survivor as the clerk chose), carried
 * in packages like any owned record, so the duplicate disappears at the other levels too. `person_merges`
 * stays what every "this person?" read uses — each alias with its final survivor — and is rebuilt from
 * the live records after a merge, a package or its undo (services/person-aliases.ts). Merges made before
 * become records of the office, one per alias, so the rebuilt map is the one the database held.
 */
export const m0017: Migration = {
  version: 17,
  name: 'person-merges-travel',
  up(db) {
    db.exec(`
      CREATE TABLE person_merge_records (
        id TEXT PRIMARY KEY,
        merged_id TEXT NOT NULL REFERENCES people(id),
        survivor_id TEXT NOT NULL REFERENCES people(id),
        owner_id TEXT, revision INTEGER NOT NULL DEFAULT 1, deleted_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        CHECK (merged_id <> survivor_id)
      ) STRICT;
      CREATE INDEX person_merge_records_merged ON person_merge_records(merged_id);
      CREATE INDEX person_merge_records_survivor ON person_merge_records(survivor_id);
    `);
    const office = db.prepare('SELECT organization_id FROM office').pluck().get() as string | undefined;
    const insert = db.prepare(
      'INSERT INTO person_merge_records (id, merged_id, survivor_id, owner_id, revision, deleted_at, created_at, updated_at) VALUES (?, ?, ?, ?, 1, NULL, ?, ?)',
    );
    for (const m of db.prepare('SELECT merged_id, survivor_id, merged_at FROM person_merges ORDER BY merged_at, merged_id').all() as { merged_id: string; survivor_id: string; merged_at: string }[]) {
      insert.run(randomUUID(), m.merged_id, m.survivor_id, office ?? null, m.merged_at, m.merged_at);
    }
  },
};
