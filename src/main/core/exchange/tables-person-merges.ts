import { z } from 'zod';
import type Database from 'better-sqlite3';
import { resolveAliases, type MergeRecord } from '../services/person-aliases';
import { cols, owned, times, uuid } from './columns';
import { addTableSpec, type TableSpec } from './tables';

/**
 * A merge of two person records travels as the record of the office that made it (the two people come
 * with it as references), so the duplicate disappears at the other levels too. What every read uses, the
 * alias map, is rebuilt here after a package or its undo wrote merges.
 */
/** The alias map again from the live merge records (services/person-aliases.ts), inside the package's transaction. */
function rebuildAliasesSync(sqlite: Database.Database): void {
  const records = sqlite.prepare('SELECT id, merged_id, survivor_id, created_at FROM person_merge_records WHERE deleted_at IS NULL ORDER BY created_at, id').all() as MergeRecord[];
  sqlite.prepare('DELETE FROM person_merges').run();
  const insert = sqlite.prepare('INSERT INTO person_merges (merged_id, survivor_id, merged_at) VALUES (?, ?, ?)');
  for (const r of resolveAliases(records)) insert.run(r.merged_id, r.survivor_id, r.merged_at);
}

const mergeShape = { ...owned, merged_id: uuid, survivor_id: uuid, ...times };

export const personMergesSpec: TableSpec = addTableSpec({
  table: 'person_merge_records',
  label: 'Hợp nhất cá nhân trùng',
  columns: cols(mergeShape),
  schema: z.strictObject(mergeShape).refine((r) => r.merged_id !== r.survivor_id, 'một cá nhân không thể hợp nhất vào chính mình'),
  children: [],
  refs: [
    { column: 'merged_id', table: 'people', label: 'cá nhân được hợp nhất' },
    { column: 'survivor_id', table: 'people', label: 'cá nhân giữ lại' },
  ],
  afterWrite: rebuildAliasesSync,
  describe: (row, _c, find) => {
    const name = (id: unknown) => {
      const p = find?.('people', id);
      return p ? `${String(p.full_name)} (${typeof p.birth_year === 'number' ? p.birth_year : 'chưa ghi năm sinh'})` : 'cá nhân đã có ở máy này';
    };
    return `${name(row.merged_id)} là cùng một người với ${name(row.survivor_id)}`;
  },
});
