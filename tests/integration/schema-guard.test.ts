/**
 * Schema guard: the migrated schema is compared with two committed files, so any change to it is a visible,
 * reviewed change:
 * - tests/fixtures/schema-snapshot.json: tables, columns (type, not null, primary key), indexes, foreign keys,
 *   FTS tables and triggers;
 * - tests/types/schema-columns.ts: the same columns as TypeScript types, which tests/types/schema-types-check.ts
 *   holds the hand-written Kysely `DB` type to when `npm run typecheck` runs.
 * After an intended schema change (a new migration), regenerate both and commit them with the migration:
 *   UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/integration/schema-guard.test.ts
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/core/db/migrate';
import { migrations } from '../../src/main/core/db/migrations';
import { columnTypesSource, dumpSchema, unindexedForeignKeys } from '../helpers/schema-dump';

const SNAPSHOT = join(__dirname, '../fixtures/schema-snapshot.json');
const COLUMN_TYPES = join(__dirname, '../types/schema-columns.ts');
const update = process.env.UPDATE_SCHEMA_SNAPSHOT === '1';

function migrated() {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const schema = dumpSchema(db);
  db.close();
  return schema;
}

/** Compares with the committed file, or rewrites it when asked to. */
function holdTo(file: string, text: string): void {
  if (update) writeFileSync(file, text);
  expect(existsSync(file), `${file} is missing: run with UPDATE_SCHEMA_SNAPSHOT=1`).toBe(true);
  expect(text, `the migrated schema differs from ${file}; if intended, regenerate with UPDATE_SCHEMA_SNAPSHOT=1`).toBe(readFileSync(file, 'utf8'));
}

describe('schema guard', () => {
  const schema = migrated();

  it('matches the committed snapshot', () => {
    const header = 'Migrated schema, written by tests/integration/schema-guard.test.ts. Regenerate after a migration: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/integration/schema-guard.test.ts';
    holdTo(SNAPSHOT, `${JSON.stringify({ _comment: header, ...schema }, null, 2)}\n`);
  });

  it('has an index for every foreign key', () => {
    expect(unindexedForeignKeys(schema)).toEqual([]);
  });

  it('keeps the column types tsc checks the Kysely DB type against', () => {
    holdTo(COLUMN_TYPES, columnTypesSource(schema));
  });

  it('reads a foreign key as unindexed when only a partial index or a later column covers it', () => {
    const db = new Database(':memory:');
    db.exec(`
      CREATE TABLE p (id TEXT PRIMARY KEY);
      CREATE TABLE c (id TEXT PRIMARY KEY, a TEXT REFERENCES p(id), b TEXT REFERENCES p(id), d TEXT REFERENCES p(id), gone TEXT);
      CREATE INDEX c_a ON c(a) WHERE gone IS NULL;
      CREATE INDEX c_xb ON c(gone, b);
      CREATE INDEX c_d ON c(d, gone);
    `);
    expect(unindexedForeignKeys(dumpSchema(db))).toEqual(['c(a) → p', 'c(b) → p']);
    db.close();
  });
});
