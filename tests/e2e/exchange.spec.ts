import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { startBridge } from '../../src/bridge/server';
import { expect, test, type Office } from './fixtures';
import { core, handKey, receivePackage, sendPackage } from './exchange-helpers';

/** Two offices (two data folders, two bridges, two pages): keys, the directory and a plan down. */
const UPPER = {
  level: 'province' as const,
  name: 'Liên đoàn Lao động tỉnh Bắc Kạn',
  shortName: 'LĐLĐ tỉnh Bắc Kạn',
  abbreviation: 'LĐLĐ',
  placeName: 'Bắc Kạn',
  parentLine: 'TỔNG LĐLĐ VIỆT NAM',
  signerAuthority: 'TM. BAN THƯỜNG VỤ',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Vi Văn Nghĩa',
};
const LOWER = {
  ...UPPER,
  level: 'grassroots' as const,
  name: 'Công đoàn Trường THPT Chuyên Bắc Kạn',
  shortName: 'CĐ Trường THPT Chuyên',
  abbreviation: 'CĐCS',
  parentLine: 'LĐLĐ TỈNH BẮC KẠN',
  signerName: 'Hoàng Thị Lan',
};

async function officeIn(browser: Browser, setup: Omit<typeof UPPER, 'level'> & { level: 'province' | 'grassroots' }): Promise<Office & { id: string }> {
  const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
  // E2E_RENDERER_DIR: a private copy of the built renderer, when others rebuild out/ at the same time.
  const rendererDir = process.env.E2E_RENDERER_DIR ?? resolve(__dirname, '../../out/renderer');
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-e2e-'));
  const exportDir = join(dir, 'exports');
  const bridge = await startBridge({ dataDir: dir, rendererDir, exportDir, appVersion: 'e2e' });
  await page.goto(bridge.url);
  const office: Office = { bridge, dir, exportDir, page };
  const view = await core<{ organizationId: string }>(office, 'office.setup', setup);
  await page.reload();
  await page.getByRole('menuitem', { name: 'Trao đổi dữ liệu' }).click();
  await expect(page.getByTestId('own-fingerprint')).toBeVisible();
  return { ...office, id: view.organizationId };
}

test('two offices exchange keys, then the directory and a plan go down', async ({ browser }) => {
  test.setTimeout(360_000); // two offices, two bridges, eight steps on a shared 2-core machine
  const upper = await officeIn(browser, UPPER);
  const lower = await officeIn(browser, LOWER);
  try {
    await handKey(upper, lower);
    await handKey(lower, upper);

    await core(upper, 'organizations.create', { parentId: upper.id, level: 'upper', name: 'Công đoàn ngành Giáo dục tỉnh Bắc Kạn' });
    await upper.page.reload();
    const directory = await sendPackage(upper.page, /^Danh mục đơn vị/, LOWER.name, 1);
    await receivePackage(lower, directory, /2 mới, 0 thay đổi/);
    await expect(lower.page.getByTestId('exchange-journal').getByRole('cell', { name: 'Danh mục đơn vị' })).toBeVisible();

    // a movement with its plan, issued upstairs
    const movement = await core<{ id: string }>(upper, 'movements.save', {
      year: 2025,
      name: 'Phong trào thi đua Lao động giỏi, lao động sáng tạo năm 2025',
      phases: [{ name: 'Đợt 1', startDate: '2025-01-01', endDate: '2025-06-30' }],
    });
    await core(upper, 'plans.create', { movementId: movement.id });
    await upper.page.reload();
    const plan = await sendPackage(upper.page, /^Kế hoạch, phong trào thi đua/, LOWER.name, 2);
    await receivePackage(lower, plan, /2 mới/);
    await expect(lower.page.getByTestId('exchange-journal').getByRole('cell', { name: 'Kế hoạch, phong trào thi đua' })).toBeVisible();

    // the imported unit is in the lower office's directory
    await lower.page.getByRole('menuitem', { name: 'Đơn vị & cá nhân' }).click();
    await expect(lower.page.getByText('Công đoàn ngành Giáo dục tỉnh Bắc Kạn').first()).toBeVisible();

    // the same package again is refused with a message, nothing changes
    await lower.page.getByRole('menuitem', { name: 'Trao đổi dữ liệu' }).click();
    await lower.page.getByTestId('package-import-input').setInputFiles(plan);
    await expect(lower.page.getByTestId('error-alert')).toContainText('đã được nhập');
  } finally {
    for (const o of [upper, lower]) {
      await o.bridge.close();
      await o.page.context().close().catch(() => undefined);
      rmSync(o.dir, { recursive: true, force: true });
    }
  }
});
