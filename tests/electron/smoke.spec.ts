/**
 * Smoke test of the real Electron app (release machine only; see README "Release checklist").
 * Launches out/main/index.js (or the packaged exe named by TDKT_ELECTRON_EXE) with a fresh TDKT_DATA_DIR, does the first-run setup, exports the directory
 * to Excel, exports a report as .docx, checks the .docx, and asks to open it in Word. Native dialogs and
 * shell calls are replaced inside the main process (the only way to drive them) and recorded.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { openArea, setUpOffice } from '../e2e/helpers';
import { launchTarget, stubDialogs } from './setup';

const MAIN = resolve(__dirname, '../../out/main/index.js');

let app: ElectronApplication;
let dataDir: string;
let saveDir: string;

test.beforeAll(async () => {
  const target = launchTarget(process.env, MAIN);
  if (!target.executablePath && !existsSync(MAIN)) throw new Error('Chạy "npm run build" trước (thiếu out/main/index.js).');
  dataDir = mkdtempSync(join(tmpdir(), 'tdkt-electron-'));
  saveDir = join(dataDir, 'exports');
  mkdirSync(saveDir, { recursive: true });
  app = await electron.launch({ ...target, env: { ...process.env, TDKT_DATA_DIR: dataDir, NODE_ENV: 'production' } });
  // Save dialogs answer with a path in the temp folder; shell.openPath is recorded, not run.
  await app.evaluate(stubDialogs, saveDir);
});

test.afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('Electron: first-run setup, directory to Excel, a report as .docx opened in Word', async () => {
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  // Security options hold in the real window.
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { api?: { invoke?: unknown } }).api?.invoke)).toBe('function');

  await setUpOffice(page);
  await openArea(page, 'Đơn vị & cá nhân');
  await page.getByRole('button', { name: 'Xuất Excel' }).click();
  await expect.poll(() => existsSync(saveDir) && readdirSync(saveDir).some((f) => f.endsWith('.xlsx'))).toBe(true);

  // A movement and a phase report through the same IPC the screens use, then the .docx.
  const docx = await page.evaluate(async () => {
    const api = (globalThis as unknown as { api: { invoke(n: string, i: unknown): Promise<{ ok: boolean; value: unknown; error?: { message: string } }> } }).api;
    const must = async <T>(n: string, i: unknown): Promise<T> => {
      const r = await api.invoke(n, i);
      if (!r.ok) throw new Error(`${n}: ${r.error?.message}`);
      return r.value as T;
    };
    const m = await must<{ id: string; phases: { id: string }[] }>('movements.save', { year: 2026, name: 'Phong trào thi đua lao động giỏi năm 2026', phases: [{ name: 'Đợt 1' }] });
    const r = await must<{ id: string }>('reports.compose', { movementId: m.id, phaseId: m.phases[0].id });
    await must('reports.issue', { id: r.id, date: '2026-07-10' });
    const saved = await must<{ path: string }>('documents.export', { kind: 'phase-report', id: r.id });
    await must('files.open', { path: saved.path });
    const refused = await api.invoke('files.open', { path: 'C:\\Windows\\notepad.exe' });
    return { path: saved.path, refused: refused.ok ? '' : refused.error!.message };
  });
  const xml = strFromU8(unzipSync(readFileSync(docx.path))['word/document.xml']).replace(/<[^>]+>/g, '');
  expect(xml).toContain('BÁO CÁO');
  expect(xml).toContain('Số: 01/BC-LĐLĐ');
  expect(await app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened)).toEqual([docx.path]);
  expect(docx.refused).toContain('Chỉ mở được tệp do phần mềm này xuất ra');
  // The log file and the data folder are where the app says.
  expect(existsSync(join(dataDir, 'tdkt.sqlite'))).toBe(true);
});
