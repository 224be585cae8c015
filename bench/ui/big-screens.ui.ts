/**
 * Big screens, measured in Chromium over the bridge and the real core with office-scale data (seed-office.ts):
 * the decision editor with 2,000 awardees (open, one edit), a long plan's preview, the registration tracker
 * of 1,530 units, an issued 2,000-row decision with its Giấy khen batches. Each figure is the median of
 * several rounds (each round a fresh page load), printed beside its target; run with `npm run bench:ui`
 * (not part of npm test). BENCH_UI_ROUNDS sets the number of rounds (default 3).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, type Page } from '@playwright/test';
import { startBridge } from '../../src/bridge/server';
import { SCALE, seedOfficeScale } from './seed-office';

const ROUNDS = Math.max(1, Number(process.env.BENCH_UI_ROUNDS ?? 3));
const OPEN = 1000;
const REDRAW = 100;

// The waits run in the page, frame by frame (DOM types are not in the Node test project, so they are page source).
const WAIT = `(start, cond, limit) => new Promise((done, fail) => {
  const t0 = performance.now();
  const ready = new Function('return (' + cond + ');');
  start();
  const tick = () => {
    if (ready()) return done(performance.now() - t0);
    if (performance.now() - t0 > limit) return fail(new Error('not ready: ' + cond));
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

/** Runs `start` (page source) and waits until `ready` holds in the page; returns the elapsed ms. */
function timed(page: Page, start: string, ready: string): Promise<number> {
  return page.evaluate(`(${WAIT})(() => { ${start} }, ${JSON.stringify(ready)}, 120000)`) as Promise<number>;
}
const go = (hash: string) => `location.hash = ${JSON.stringify(hash)};`;
const click = (selector: string) => `document.querySelector(${JSON.stringify(selector)}).click();`;
/** Types into a controlled antd input as a keystroke would (the native setter, then the input event React listens to). */
const type = (selector: string, text: string) =>
  `const el = document.querySelector(${JSON.stringify(selector)}); Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, ${JSON.stringify(text)}); el.dispatchEvent(new Event('input', { bubbles: true }));`;
const cardTitle = (text: string) => `[...document.querySelectorAll('.ant-card-head-title')].some((e) => e.textContent.includes(${JSON.stringify(text)}))`;
const exists = (selector: string) => `!!document.querySelector(${JSON.stringify(selector)})`;

/** 1530 → "1.530", as the screen writes counts. */
const thousands = (k: number) => String(k).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

interface Figure {
  what: string;
  target: number;
  runs: number[];
}

test('big screens at office scale', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-bench-ui-'));
  const bridge = await startBridge({ dataDir: dir, rendererDir: resolve(__dirname, '../../out/renderer'), exportDir: join(dir, 'exports'), appVersion: 'bench' });
  const figures: Figure[] = [];
  const record = (what: string, target: number, ms: number) => {
    const f = figures.find((x) => x.what === what) ?? figures[figures.push({ what, target, runs: [] }) - 1];
    f.runs.push(ms);
  };
  try {
    const ids = await seedOfficeScale(bridge);
    const n = SCALE.awardees;
    const money = `(document.querySelector('[data-testid=decision-preview-total]')?.textContent.includes('đồng') && !document.querySelector('[data-testid=decision-preview-total]').textContent.startsWith('Xem trước: 0 '))`;
    const units = SCALE.districts + SCALE.grassroots;

    for (let round = 0; round < ROUNDS; round++) {
      await page.goto(bridge.url);
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();

      // Decision editor, 2,000 awardees: the list and its money on screen; one row removed and put back.
      record(`Quyết định ${n} người — mở (lần đầu, kể cả tải khu vực)`, OPEN, await timed(page, go(`#/awards/decision/${ids.draftId}`), `${cardTitle(`${n} cá nhân`)} && ${money}`));
      await timed(page, go('#/awards/decisions'), exists('table'));
      record(`Quyết định ${n} người — mở lại`, OPEN, await timed(page, go(`#/awards/decision/${ids.draftId}`), `${cardTitle(`${n} cá nhân`)} && ${money}`));
      record('Quyết định — bỏ một dòng (vẽ lại)', REDRAW, await timed(page, click('button[aria-label="Bỏ Nguyễn Văn Đoàn Viên 1"]'), cardTitle(`${n - 1} cá nhân`)));
      record('Quyết định — hoàn tác (vẽ lại)', REDRAW, await timed(page, click('button[aria-label="Hoàn tác"]'), cardTitle(`${n} cá nhân`)));
      // Undone back to the saved list: the editor is clean again, so leaving saves nothing.
      await page.getByTestId('decision-save-status').filter({ hasText: 'Đã lưu' }).waitFor();

      // An issued decision: the locked list, its money card and the Giấy khen batches printed so far.
      const jobs = `document.querySelectorAll('button').length && [...document.querySelectorAll('button')].some((b) => b.textContent.includes('Chọn lại từ dòng ${(SCALE.printJobs - 1) * 50 + 1}'))`;
      record(`Quyết định đã ban hành ${n} người, In Giấy khen — mở`, OPEN, await timed(page, go(`#/awards/decision/${ids.issuedId}`), `${cardTitle(`${n} cá nhân`)} && ${jobs}`));
      record('In Giấy khen — chọn lại từ một dòng (vẽ lại)', REDRAW, await timed(page, `[...document.querySelectorAll('button')].find((b) => b.textContent.includes('Chọn lại từ dòng 301')).click();`, `document.querySelector('input[aria-label="In từ dòng"]').value === '301'`));
      record(`Tiền thưởng từng người (${n} dòng) — hiện`, OPEN, await timed(page, `[...document.querySelectorAll('button')].find((b) => b.textContent.startsWith('Xem tiền thưởng từng người')).click();`, `[...document.querySelectorAll('th')].some((t) => t.textContent === 'Số sổ vàng')`));

      // Registration tracker: direct units, then every level (1,530 units), then a search typed.
      const counts = (k: number) => `document.querySelector('[data-testid=tracker-counts]')?.textContent.includes('Đơn vị theo dõi${thousands(k)}')`;
      record(`Tình hình đăng ký (${SCALE.districts} đơn vị trực tiếp) — mở`, OPEN, await timed(page, go('#/registrations/tracker'), `${counts(SCALE.districts)} && ${exists('[data-testid=tracker-table] tbody tr.ant-table-row')}`));
      record(`Tình hình đăng ký — mọi cấp dưới (${units} đơn vị)`, OPEN, await timed(page, `[...document.querySelectorAll('label')].find((l) => l.textContent.includes('Mọi cấp dưới')).click();`, `${counts(units)} && ${exists('[data-testid=tracker-table] .ant-table-row')}`));
      const one = `Trường học số ${SCALE.grassroots - 7}`;
      // A search is a new query to the core (which pages and searches the list), asked after a 150 ms pause in typing.
      record('Tình hình đăng ký — tìm một đơn vị (kết quả hiện)', OPEN, await timed(page, type('input[aria-label="Tìm đơn vị"]', one.toLowerCase()), `[...document.querySelectorAll('[data-testid=tracker-table] .ant-table-row')].length === 1 && document.querySelector('[data-testid=tracker-table] .ant-table-row').textContent.includes(${JSON.stringify(one)})`));

      // A long plan: its document on screen after opening.
      record('Kế hoạch dài — bản xem trước hiện ra sau khi mở', OPEN, await timed(page, go(`#/movements/plan/${ids.planId}`), exists('[data-testid=docx-preview] section.docx')));
    }
  } finally {
    await bridge.close();
    rmSync(dir, { recursive: true, force: true });
    const w = Math.max(...figures.map((r) => r.what.length));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    console.log(`\nbench:ui (Chromium 1366×768, bridge + real core; trung vị của ${ROUNDS} lượt, mỗi lượt tải lại trang)`);
    for (const f of figures) {
      const m = median(f.runs);
      console.log(`  ${f.what.padEnd(w)}  ${m.toFixed(0).padStart(6)} ms   mục tiêu < ${String(f.target).padEnd(4)} ms   ${m < f.target ? 'ĐẠT     ' : 'CHƯA ĐẠT'}   [${f.runs.map((x) => x.toFixed(0)).join(', ')}]`);
    }
  }
});
