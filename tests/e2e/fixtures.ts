import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startBridge, type Bridge } from '../../src/bridge/server';

const rendererDir = resolve(__dirname, '../../out/renderer');

export interface Office {
  bridge: Bridge;
  dir: string;
  exportDir: string;
  page: Page;
}

/** One office = one data folder + one bridge + one browser page. */
export async function openOffice(page: Page, dir = mkdtempSync(join(tmpdir(), 'tdkt-e2e-'))): Promise<Office> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('Chạy "npm run build" trước khi chạy E2E (thiếu out/renderer).');
  const exportDir = join(dir, 'exports');
  const bridge = await startBridge({ dataDir: dir, rendererDir, exportDir, appVersion: 'e2e' });
  await page.goto(bridge.url);
  return { bridge, dir, exportDir, page };
}

export const test = base.extend<{ office: Office }>({
  office: async ({ page }, use) => {
    const office = await openOffice(page);
    await use(office);
    await office.bridge.close();
    rmSync(office.dir, { recursive: true, force: true });
  },
});

export { expect };
