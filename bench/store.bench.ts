import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openStore, type Store } from '../src/main/core/db/open';
import { personRow } from '../src/main/core/services/people';
import { measure, report } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'tdkt-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Nông', 'Triệu', 'Hà', 'Ma', 'Lục', 'Bế', 'Hoàng', 'Lường'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thu', 'Quang', 'Xuân', 'Hữu', 'Thanh', 'Kim', 'Anh'];
const GIVEN = ['An', 'Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Hương', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Nghĩa', 'Oanh', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Thủy', 'Thuỷ', 'Trang', 'Tuấn', 'Vân', 'Yến'];

function randomName(rnd: () => number): string {
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  const middles = rnd() < 0.3 ? `${pick(MIDDLE)} ${pick(MIDDLE)}` : pick(MIDDLE);
  return `${pick(FAMILY)} ${middles} ${pick(GIVEN)}`;
}

test('open + migrate a fresh database', async () => {
  let n = 0;
  const stats = await measure(async () => {
    const store = await openStore(join(dir, `fresh-${n++}.sqlite`));
    await store.close();
  }, 20);
  report('open+migrate fresh database', stats, 200);
  expect(stats.runs).toBe(20);
});

test('open a database of 100,000 people with the start-up checks', async () => {
  const store: Store = await openStore(join(dir, 'people.sqlite'));
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const insert = store.sqlite.prepare(
    'INSERT INTO people (id, organization_id, full_name, birth_year, gender, position, search_key, sort_key, owner_id, revision, deleted_at, created_at, updated_at) VALUES (@id, @organization_id, @full_name, @birth_year, @gender, @position, @search_key, @sort_key, @owner_id, @revision, @deleted_at, @created_at, @updated_at)',
  );
  const t0 = performance.now();
  store.sqlite.transaction(() => {
    for (let i = 0; i < 100_000; i++) insert.run(personRow({ fullName: randomName(rnd), organizationId: null, birthYear: 1960 + (i % 45), gender: '', position: '' }));
  })();
  console.log(`BENCH setup: inserted 100,000 people in ${(performance.now() - t0).toFixed(0)} ms`);

  await store.close();
  // Start-up on a large existing file: header check, quick_check, write probe, schema completeness
  // (issue 16: the integrity check must fit the open+migrate target). Search speed: bench/search.bench.ts.
  const stats = await measure(async () => {
    const again = await openStore(join(dir, 'people.sqlite'));
    await again.close();
  }, 10);
  report('open an existing database of 100,000 people, quick_check on the main thread (before a migration, a restore)', stats, 200);
  // At start the app leaves quick_check to a worker that heads the call queue (DESIGN "Start-up checks").
  const deferred = await measure(async () => {
    const again = await openStore(join(dir, 'people.sqlite'), { deferQuickCheck: true });
    await again.close();
  }, 10);
  report('open the same database at start (header, write probe, schema check; quick_check in the worker)', deferred, 200);
});
