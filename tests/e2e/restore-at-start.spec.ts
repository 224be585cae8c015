import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAC_KAN_OFFICE } from '../helpers/core';
import { expect, openOffice, test } from './fixtures';

test('a lost database beside backups opens the restore screen, not the first-run screen; one click brings the data back', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-e2e-restore-'));
  try {
    // An office with data and a backup, then the database file disappears (deleted, a failed copy…).
    const first = await openOffice(page, dir);
    await first.bridge.app.dispatch('office.setup', BAC_KAN_OFFICE);
    const backup = await first.bridge.app.dispatch('backup.create', {});
    expect(backup.ok).toBe(true);
    await first.bridge.close();
    rmSync(join(dir, 'tdkt.sqlite'));

    const again = await openOffice(page, dir);
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      const screen = page.getByTestId('restore-from-backups');
      await expect(screen.getByText('Không mở được dữ liệu — khôi phục từ bản sao lưu')).toBeVisible();
      await expect(screen.getByRole('alert')).toContainText('Không tìm thấy tệp dữ liệu');
      await expect(page.getByText('Thiết lập đơn vị sử dụng phần mềm')).toHaveCount(0);
      await page.screenshot({ path: join(tmpdir(), 'tdkt-restore-at-start.png') });
      await screen.getByRole('button', { name: /Khôi phục bản sao lưu lúc/ }).first().click();
      await expect(page.getByRole('menuitem', { name: 'Trang chủ' })).toBeVisible();
      await expect(page.getByText(BAC_KAN_OFFICE.name).first()).toBeVisible();
    } finally {
      await again.bridge.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
