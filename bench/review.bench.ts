import { afterAll, expect, test } from 'vitest';
import { BAC_KAN_OFFICE, startCore, type TestCore } from '../tests/helpers/core';
import { measure, report } from './harness';

/**
 * The review's condition checks for 2,000 nominations, through the handler (`awardRules.check`), over
 * 100,000 people with 10 years of history each (1,000,000 imported lines plus CSTĐ cơ sở for one in ten).
 * Printed beside its target (< 1 s) and its floor: plain SELECTs of the history rows the conditions need, no
 * evaluation. Each condition reads only its own titles over its own years, grouped over all nominees (one load per
 * group), which keeps the figure well under the target on a loaded machine.
 */
const PEOPLE = 100_000;
const NOMINATIONS = 2_000;
const RUNS = 10;
const LDTT = '00000000-0000-4000-8000-000000000605';
const CSTD_CO_SO = '00000000-0000-4000-8000-000000000606';
const CSTD_TINH = '00000000-0000-4000-8000-000000000607';

let core: TestCore | undefined;
afterAll(async () => core?.cleanup());

test('condition checks for 2,000 nominations over 100,000 people × 10 years of history', async () => {
  core = await startCore();
  const office = await core.call('office.setup', BAC_KAN_OFFICE);
  const org = office.organizationId;
  const sqlite = core.app.store.sqlite;
  const now = new Date().toISOString();
  const person = sqlite.prepare("INSERT INTO people (id, organization_id, full_name, birth_year, gender, position, search_key, sort_key, revision, created_at, updated_at) VALUES (?, ?, ?, 1980, '', '', ?, ?, 1, ?, ?)");
  const line = sqlite.prepare("INSERT INTO award_history (id, target, person_id, organization_id, name, form_id, year, decision_number, decision_date, issuer, import_key, owner_id, revision, created_at, updated_at) VALUES (?, 'individual', ?, ?, ?, ?, ?, ?, ?, 'Ban Thường vụ LĐLĐ tỉnh', ?, ?, 1, ?, ?)");
  const initiative = sqlite.prepare('INSERT INTO initiatives (id, person_id, organization_id, year, name, recognised_by, owner_id, revision, created_at, updated_at) VALUES (?, ?, NULL, 2026, ?, ?, ?, 1, ?, ?)');
  const nomination = sqlite.prepare("INSERT INTO nominations (id, period_year, source_org_id, target, person_id, organization_id, display_name, search_key, proposed_form_id, owner_id, created_at, updated_at) VALUES (?, 2026, ?, 'individual', ?, ?, ?, ?, ?, ?, ?, ?)");
  const ids: string[] = [];
  const nominationIds: string[] = [];
  // Sequential ids for the 1,000,000 history lines keep the set-up insert fast; the checks read by person and year.
  let h = 0;
  const hid = () => `00000000-0000-4000-8000-${String(++h).padStart(12, '0')}`;
  const t0 = performance.now();
  sqlite.transaction(() => {
    for (let i = 0; i < PEOPLE; i++) {
      const id = crypto.randomUUID();
      const name = `Nguyễn Văn Số ${i}`;
      ids.push(id);
      person.run(id, org, name, `nguyen van so ${i}`, `k${i}`, now, now);
      for (let y = 2017; y <= 2026; y++) line.run(hid(), id, org, name, LDTT, y, `${y - 2000}/QĐ-LĐLĐ`, `${y}-12-20`, `${i}|${y}|l`, org, now, now);
      if (i % 10 === 0) for (let y = 2024; y <= 2026; y++) line.run(hid(), id, org, name, CSTD_CO_SO, y, `${y - 1990}/QĐ-LĐLĐ`, `${y}-12-22`, `${i}|${y}|c`, org, now, now);
      if (i % 3 === 0) initiative.run(crypto.randomUUID(), id, `Sáng kiến ${i}`, 'QĐ 5/QĐ-LĐLĐ', org, now, now);
    }
    // Half CSTĐ cơ sở (LĐTT this year + a sáng kiến), half CSTĐ tỉnh (3 years of CSTĐ cơ sở + a sáng kiến), spread over the people.
    for (let k = 0; k < NOMINATIONS; k++) {
      const id = crypto.randomUUID();
      const p = (k * 50) % PEOPLE;
      nominationIds.push(id);
      nomination.run(id, org, ids[p], org, `Nguyễn Văn Số ${p}`, `nguyen van so ${p}`, k % 2 ? CSTD_TINH : CSTD_CO_SO, org, now, now);
    }
  })();
  console.log(`BENCH setup: ${PEOPLE.toLocaleString('en')} people, ${(sqlite.prepare('SELECT count(*) n FROM award_history').get() as { n: number }).n.toLocaleString('en')} history lines, ${NOMINATIONS} nominations in ${(performance.now() - t0).toFixed(0)} ms`);
  sqlite.exec('ANALYZE');

  let result: Awaited<ReturnType<TestCore['call']>> | undefined;
  const stats = await measure(async () => {
    result = await core!.call('awardRules.check', { nominationIds, date: '2026-06-10' });
  }, RUNS, 2);
  const all = result as { checks: { ok: boolean }[] }[];
  expect(all).toHaveLength(NOMINATIONS);
  expect(all.every((r) => r.checks.length === 2)).toBe(true);
  const met = all.filter((r) => r.checks.every((c) => c.ok)).length;

  // Floor: the history rows the conditions need, read once with plain SELECTs, nothing evaluated or sent:
  // LĐTT of the nomination year for the CSTĐ cơ sở nominees, CSTĐ cơ sở of 2024–2026 for the CSTĐ tỉnh nominees.
  const nominees = (odd: number) => JSON.stringify([...new Set(nominationIds.map((_, k) => k).filter((k) => k % 2 === odd).map((k) => ids[(k * 50) % PEOPLE]))]);
  const [coSo, tinh] = [nominees(0), nominees(1)];
  const floorSql = sqlite.prepare('SELECT person_id, form_id, year, decision_number, decision_date, issuer FROM award_history WHERE person_id IN (SELECT value FROM json_each(?)) AND year BETWEEN ? AND ? AND +form_id = ?');
  const floor = await measure(() => [floorSql.all(coSo, 2026, 2026, LDTT), floorSql.all(tinh, 2024, 2026, CSTD_CO_SO)], RUNS, 2);
  // The checks read each person's lines through the person index, never through the form's (a common title has a million lines).
  const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN SELECT form_id FROM award_history WHERE person_id IN (SELECT value FROM json_each('[]')) AND year BETWEEN 2024 AND 2026 AND target = 'individual' AND deleted_at IS NULL AND +form_id IN (SELECT value FROM json_each('[]'))`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
  expect(plan).toContain('USING INDEX award_history_person');
  report('floor: SELECT the history rows the conditions need', floor);
  report(`awardRules.check for ${NOMINATIONS} nominations (${met} meet every condition) — mục tiêu < 1000 ms`, stats, 1000, `(${(stats.medianMs / floor.medianMs).toFixed(1)}× the floor)`);
}, 600_000);
