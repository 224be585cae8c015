import { describe, expect, it } from 'vitest';
import { resolveAliases } from '../../src/main/core/services/person-aliases';

const rec = (id: string, merged: string, survivor: string, at: string) => ({ id, merged_id: merged, survivor_id: survivor, created_at: at });
const sorted = <T extends { merged_id: string }>(rows: T[]) => [...rows].sort((a, b) => a.merged_id.localeCompare(b.merged_id));
const byTime = <T extends { created_at: string; id: string }>(rows: T[]) => [...rows].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));

describe('the person alias map from merge records', () => {
  it('follows chains to the final survivor and ignores a merge of one person with itself', () => {
    const rows = resolveAliases([rec('r1', 'b', 'a', '2026-01-01'), rec('r2', 'c', 'b', '2026-01-02'), rec('r3', 'a', 'c', '2026-01-03')]);
    expect(sorted(rows).map((r) => [r.merged_id, r.survivor_id])).toEqual([['b', 'a'], ['c', 'a']]);
  });

  it('gives every office the same identities whatever order the records arrived in (opposite merges at two levels)', () => {
    const records = [rec('r1', 'x', 'y', '2026-02-01'), rec('r2', 'y', 'x', '2026-02-03'), rec('r3', 'z', 'x', '2026-02-02')];
    const expected = sorted(resolveAliases(byTime(records)));
    expect(expected.map((r) => [r.merged_id, r.survivor_id])).toEqual([['x', 'y'], ['z', 'y']]);
    for (const perm of [[2, 1, 0], [1, 0, 2], [0, 2, 1]]) expect(sorted(resolveAliases(byTime(perm.map((i) => records[i]))))).toEqual(expected);
  });
});
