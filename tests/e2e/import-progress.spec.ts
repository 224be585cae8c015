import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largeIndividualsSheet } from '../helpers/xlsx-fixtures';
import { expect, test } from './fixtures';
import { openArea, setUpOffice } from './helpers';

test('a large registration sheet shows its progress and can be cancelled; the app keeps answering', async ({ office }) => {
  test.setTimeout(300_000);
  const { page, bridge } = office;
  await setUpOffice(page);
  const me = ((await bridge.app.dispatch('office.get', {})) as { ok: true; value: { organizationId: string } }).value;
  for (const [name, code] of [['Liên đoàn Lao động huyện Ba Bể', 'BABE'], ['Liên đoàn Lao động huyện Chợ Đồn', 'CHODON'], ['Công đoàn ngành Giáo dục', 'GIAODUC']]) {
    await bridge.app.dispatch('organizations.create', { parentId: me.organizationId, level: 'upper', name, code });
  }
  await bridge.app.dispatch('movements.save', { year: 2020, name: 'Phong trào thi đua năm 2020', phases: [{ name: 'Đợt 1' }] });
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-e2e-big-'));
  try {
    const buffer = await largeIndividualsSheet(join(dir, 'lon.xlsx'), 120_000);
    await openArea(page, 'Đăng ký');
    await page.getByRole('tab', { name: 'Nhập từ Excel' }).click();
    await page.getByTestId('reg-import-input').setInputFiles({ name: 'lon.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    const progress = page.getByTestId('job-progress');
    await expect(progress).toBeVisible({ timeout: 60_000 });
    await expect(progress).toContainText('Đang đọc tệp Excel');
    // Another call is answered while the sheet is read.
    const t0 = Date.now();
    const info = await bridge.app.dispatch('office.get', {});
    expect(info.ok).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: join(tmpdir(), 'tdkt-import-progress.png') });
    await progress.getByRole('button', { name: 'Hủy' }).click();
    await expect(page.getByRole('alert')).toContainText('Đã hủy việc đọc tệp Excel', { timeout: 10_000 });
    await expect(progress).toHaveCount(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
