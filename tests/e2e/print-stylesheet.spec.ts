import { expect, test } from './fixtures';
import { openArea, setUpOffice } from './helpers';

// "In màn hình" sends the window to the system print dialog: what prints is the work on screen, not the
// sidebar, header and buttons around it.
test('print stylesheet: the page prints without the app chrome', async ({ office }) => {
  const { page } = office;
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpOffice(page);
  await openArea(page, 'Đơn vị & cá nhân');
  const sider = page.locator('.ant-layout-sider');
  const button = page.getByRole('button', { name: 'Xuất Excel' });
  const heading = page.locator('.app-header');
  await expect(sider).toBeVisible();
  await expect(button).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(sider).toBeHidden();
  await expect(button).toBeHidden();
  await expect(heading).toBeHidden();
  await expect(page.getByRole('treeitem', { name: /Liên đoàn Lao động tỉnh Bắc Kạn/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Mã đơn vị' })).toBeVisible();
  await page.screenshot({ path: process.env.PRINT_SHOT ?? test.info().outputPath('print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await expect(sider).toBeVisible();
});
