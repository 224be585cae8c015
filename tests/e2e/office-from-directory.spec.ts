import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openOffice, test } from './fixtures';
import { openArea, pickOption, setUpOffice } from './helpers';

test('a lower office sets itself up from the upper level’s directory file and keeps the same unit id', async ({ office, browser }) => {
  const upper = office;
  await setUpOffice(upper.page);
  const root = ((await upper.bridge.app.dispatch('office.get', {})) as { ok: true; value: { organizationId: string } }).value.organizationId;
  const created = (await upper.bridge.app.dispatch('organizations.create', { parentId: root, level: 'grassroots', name: 'Công đoàn Trường THPT Chuyên Bắc Kạn', abbreviation: 'CĐCS', placeName: 'Bắc Kạn', code: 'THPTC' })) as { ok: true; value: { id: string } };
  await openArea(upper.page, 'Đơn vị & cá nhân');
  await upper.page.getByRole('button', { name: 'Xuất Excel' }).click();
  await expect(upper.page.getByTestId('org-notice')).toContainText('Đã lưu');
  const file = join(upper.exportDir, readdirSync(upper.exportDir).find((f) => f.endsWith('.xlsx'))!);

  const lower = await openOffice(await browser.newPage());
  try {
    const page = lower.page;
    await page.getByRole('button', { name: 'Thiết lập từ danh mục của cấp trên…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thiết lập từ danh mục của cấp trên' });
    await dialog.getByTestId('setup-directory-input').setInputFiles(file);
    await expect(dialog.getByText('Đã đọc danh mục: 2 đơn vị.')).toBeVisible();
    await pickOption(page, 'Đơn vị của mình', 'Công đoàn Trường THPT Chuyên Bắc Kạn (CĐCS)', dialog);
    await dialog.getByLabel('Họ tên người ký').fill('Hoàng Thị Lan');
    await dialog.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
    await expect(page.getByRole('menuitem', { name: 'Trang chủ' })).toBeVisible();
    await expect(page.getByText('Công đoàn Trường THPT Chuyên Bắc Kạn').first()).toBeVisible();
    const own = (await lower.bridge.app.dispatch('office.get', {})) as { ok: true; value: { organizationId: string; signerName: string } };
    expect(own.value.organizationId).toBe(created.value.id);
    expect(own.value.signerName).toBe('Hoàng Thị Lan');
  } finally {
    await lower.bridge.close();
  }
});
