import type { Migration } from '../migrate';

/**
 * A database generation (issue 11): `app_meta['db.generation']` is a random value that every restore or
 * replacement of the database file renews (db/generation.ts), and each stored exchange preview keeps the
 * generation it was made in, so a preview from before any restore is never applied. Previews already stored
 * were made in this very file: they take its first generation and stay applicable across the upgrade
 * ('db.generation.unsettled' tells the first open that the missing copy beside the file is expected).
 */
export const m0018: Migration = {
  version: 18,
  name: 'database-generation',
  up(db) {
    db.exec(`
      ALTER TABLE exchange_previews ADD COLUMN generation TEXT NOT NULL DEFAULT '';
      INSERT OR IGNORE INTO app_meta (key, value) VALUES ('db.generation', lower(hex(randomblob(16))));
      INSERT OR IGNORE INTO app_meta (key, value) VALUES ('db.generation.unsettled', '1');
      UPDATE exchange_previews SET generation = (SELECT value FROM app_meta WHERE key = 'db.generation');
    `);
  },
};
