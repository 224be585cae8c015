/**
 * Big screens, measured in Chromium over the bridge and the real core with office-scale data:
 * the decision editor with 2,000 awardees (open, one edit), a long plan's preview. Printed beside the
 * targets; run with `npm run bench:ui` (not part of npm test).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, type Page } from '@playwright/test';
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract';
import { startBridge, type Bridge } from '../../src/bridge/server';
import { BAC_KAN_OFFICE } from '../../tests/helpers/core';
import { seedPlanBody } from '../../tests/helpers/seed-plan';

const AWARDEES = 2000;
const results: { what: string; ms: number; target: number }[] = [];

async function api<K extends CallName>(bridge: Bridge, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const r = await bridge.app.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as CallOutput<K>;
}

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

/** Sets the hash and waits until `ready` holds in the page; returns the elapsed ms. */
function openAndWait(page: Page, hash: string, ready: string): Promise<number> {
  return page.evaluate(`(${WAIT})(() => { location.hash = ${JSON.stringify(hash)}; }, ${JSON.stringify(ready)}, 120000)`) as Promise<number>;
}

/** Clicks, then waits until `ready`; returns the elapsed ms (the redraw the clerk waits for). */
function clickAndWait(page: Page, selector: string, ready: string): Promise<number> {
  return page.evaluate(`(${WAIT})(() => document.querySelector(${JSON.stringify(selector)}).click(), ${JSON.stringify(ready)}, 60000)`) as Promise<number>;
}

test('big screens at office scale', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-bench-ui-'));
  const bridge = await startBridge({ dataDir: dir, rendererDir: resolve(__dirname, '../../out/renderer'), exportDir: join(dir, 'exports'), appVersion: 'bench' });
  try {
    // Seed through the real core.
    const office = await api(bridge, 'office.setup', BAC_KAN_OFFICE);
    const forms = (await api(bridge, 'commendations.catalogue', {})).forms.filter((f) => f.kind === 'form');
    const personal = forms.filter((f) => f.targets !== 'collective');
    const decision = await api(bridge, 'commendations.saveDecision', {
      periodYear: 2026,
      decisionDate: '2026-06-15',
      achievement: 'đã có thành tích xuất sắc trong phong trào thi đua lao động giỏi năm 2026',
      bases: ['Căn cứ Điều lệ Công đoàn Việt Nam'],
      proposalLine: 'Xét đề nghị của Hội đồng Thi đua - Khen thưởng',
      executors: 'Văn phòng và các cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
      awardees: Array.from({ length: AWARDEES }, (_, i) => ({
        nominationId: null,
        target: 'individual' as const,
        personId: null,
        organizationId: office.organizationId,
        name: `Nguyễn Văn Đoàn Viên ${i + 1}`,
        positionUnit: `Công đoàn cơ sở số ${(i % 120) + 1}`,
        formId: personal[i % personal.length].id,
        note: '',
      })),
    });
    const body = seedPlanBody();
    // A long plan: the seed's sections repeated with their items (about 4× the real 31/KH-LĐLĐ).
    const long = { ...body, sections: [...body.sections!, ...body.sections!, ...body.sections!, ...body.sections!].slice(0, 12) };
    const plan = await api(bridge, 'plans.create', { movementId: null });
    await api(bridge, 'plans.save', { id: plan.id, movementId: null, subject: 'Phát động phong trào thi đua năm 2026', plannedDate: null, body: long });

    await page.goto(bridge.url);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();

    const header = `(document.querySelector('.ant-card-head-title')?.parentElement && [...document.querySelectorAll('.ant-card-head-title')].some((e) => e.textContent.includes('${AWARDEES} cá nhân')))`;
    const moneyShown = `(document.querySelector('[data-testid=decision-preview-total]')?.textContent.includes('đồng') && !document.querySelector('[data-testid=decision-preview-total]')?.textContent.startsWith('Xem trước: 0 '))`;
    results.push({ what: `Quyết định ${AWARDEES} người — mở (lần đầu, kể cả tải khu vực)`, ms: await openAndWait(page, `#/awards/decision/${decision.id}`, `${header} && ${moneyShown}`), target: 1000 });
    await openAndWait(page, '#/awards/decisions', `!!document.querySelector('table')`);
    results.push({ what: `Quyết định ${AWARDEES} người — mở lại`, ms: await openAndWait(page, `#/awards/decision/${decision.id}`, `${header} && ${moneyShown}`), target: 1000 });
    results.push({
      what: 'Quyết định — bỏ một dòng (vẽ lại)',
      ms: await clickAndWait(page, `button[aria-label="Bỏ Nguyễn Văn Đoàn Viên 1"]`, `[...document.querySelectorAll('.ant-card-head-title')].some((e) => e.textContent.includes('${AWARDEES - 1} cá nhân'))`),
      target: 100,
    });
    results.push({
      what: 'Quyết định — hoàn tác (vẽ lại)',
      ms: await clickAndWait(page, `button[aria-label="Hoàn tác"]`, `[...document.querySelectorAll('.ant-card-head-title')].some((e) => e.textContent.includes('${AWARDEES} cá nhân'))`),
      target: 100,
    });
    await page.getByRole('button', { name: '← Danh sách quyết định' }).click();
    const leave = page.getByRole('button', { name: 'Bỏ thay đổi' }).or(page.getByRole('button', { name: /Rời đi/ }));
    if (await leave.count()) await leave.first().click();

    results.push({
      what: 'Kế hoạch dài — bản xem trước hiện ra sau khi mở',
      ms: await openAndWait(page, `#/movements/plan/${plan.id}`, `!!document.querySelector('[data-testid=docx-preview] section.docx')`),
      target: 1000,
    });
  } finally {
    await bridge.close();
    rmSync(dir, { recursive: true, force: true });
    const w = Math.max(...results.map((r) => r.what.length));
    console.log('\nbench:ui (Chromium 1366×768, bridge + real core)');
    for (const r of results) console.log(`  ${r.what.padEnd(w)}  ${r.ms.toFixed(0).padStart(6)} ms   mục tiêu < ${r.target} ms   ${r.ms < r.target ? 'ĐẠT' : 'CHƯA ĐẠT'}`);
  }
});
