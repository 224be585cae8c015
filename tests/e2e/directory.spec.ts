import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openOffice, test } from './fixtures';
import { openArea, pickOption, setUpOffice, typeDate } from './helpers';

test('first-run setup, then add, rename, move organizations and find "Đặng" by typing "dang"', async ({ office }) => {
  const { page, bridge } = office;
  await setUpOffice(page);
  await expect(page.getByText('Liên đoàn Lao động tỉnh Bắc Kạn').first()).toBeVisible();
  const saved = await bridge.app.dispatch('office.get', {});
  expect(saved).toMatchObject({ ok: true, value: { name: 'Liên đoàn Lao động tỉnh Bắc Kạn', signerAuthority: 'TM. BAN THƯỜNG VỤ', signerTitle: 'CHỦ TỊCH' } });

  await openArea(page, 'Đơn vị & cá nhân');
  const tree = page.getByRole('tree', { name: 'Danh mục đơn vị' });
  await expect(tree.getByText('Liên đoàn Lao động tỉnh Bắc Kạn')).toBeVisible();

  // Add two upper-level unions under the office (office is selected by default), and one grassroots.
  for (const [name, code] of [['Liên đoàn Lao động huyện Ba Bể', 'BABE'], ['Liên đoàn Lao động huyện Chợ Đồn', 'CHODON']]) {
    await tree.getByText('Liên đoàn Lao động tỉnh Bắc Kạn').click();
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await pickOption(page, 'Cấp công đoàn', 'Công đoàn cấp trên trực tiếp cơ sở', dialog);
    await dialog.getByLabel('Tên đơn vị', { exact: true }).fill(name);
    await dialog.getByLabel('Mã đơn vị').fill(code);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();
    await expect(tree.getByText(name)).toBeVisible();
  }
  await tree.getByText('Liên đoàn Lao động huyện Ba Bể').click();
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  let dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await pickOption(page, 'Cấp công đoàn', 'Công đoàn cơ sở', dialog);
  await dialog.getByLabel('Tên đơn vị', { exact: true }).fill('Công đoàn Đảng ủy xã Đồng Phúc');
  await dialog.getByLabel('Mã đơn vị').fill('DONGPHUC');
  await dialog.getByLabel('Tên đơn vị', { exact: true }).press('Enter');
  await expect(dialog).toBeHidden();

  // Dated rename of the office: the old name stays for older dates.
  await tree.getByText('Liên đoàn Lao động tỉnh Bắc Kạn').click();
  await page.getByRole('button', { name: 'Đổi tên' }).click();
  dialog = page.getByRole('dialog', { name: 'Đổi tên đơn vị' });
  await typeDate(page, 'Ngày có hiệu lực', '01/07/2025', dialog);
  await dialog.getByLabel('Tên đơn vị', { exact: true }).fill('Liên đoàn Lao động tỉnh Thái Nguyên');
  await dialog.getByLabel('Địa danh').fill('Thái Nguyên');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(tree.getByText('Liên đoàn Lao động tỉnh Thái Nguyên')).toBeVisible();
  await expect(page.getByTestId('org-name-history')).toContainText('Liên đoàn Lao động tỉnh Bắc Kạn');
  await typeDate(page, 'Xem tên theo ngày', '05/03/2019');
  await expect(tree.getByText('Liên đoàn Lao động tỉnh Bắc Kạn')).toBeVisible();
  await page.getByRole('button', { name: 'Về hôm nay' }).click();
  await expect(tree.getByText('Liên đoàn Lao động tỉnh Thái Nguyên')).toBeVisible();

  // Move the grassroots union from Ba Bể to Chợ Đồn.
  await page.getByTestId('org-DONGPHUC').click();
  await page.getByRole('button', { name: 'Chuyển đơn vị cấp trên' }).click();
  dialog = page.getByRole('dialog', { name: 'Chuyển đơn vị cấp trên' });
  await pickOption(page, 'Đơn vị cấp trên mới', 'Liên đoàn Lao động huyện Chợ Đồn', dialog);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  const tree2 = await bridge.app.dispatch('organizations.tree', {});
  const nodes = (tree2 as { ok: true; value: { code: string; id: string; parentId: string | null }[] }).value;
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  expect(byCode.get('DONGPHUC')!.parentId).toBe(byCode.get('CHODON')!.id);

  // Diacritic-insensitive search: "dang" finds "Đảng".
  await page.getByLabel('Tìm đơn vị').fill('dang uy');
  await expect(page.getByTestId('org-search-results')).toContainText('Công đoàn Đảng ủy xã Đồng Phúc');
  await expect(page.getByTestId('org-search-results')).not.toContainText('Chợ Đồn');
});

test('people: search "dang" finds "Đặng" in the people register', async ({ office }) => {
  const { page } = office;
  await setUpOffice(page);
  for (const fullName of ['Đặng Thị Hương', 'Nguyễn Văn Dũng', 'Hoàng Đăng Khoa']) {
    await office.bridge.app.dispatch('people.create', { fullName });
  }
  await openArea(page, 'Đơn vị & cá nhân');
  await page.getByRole('tab', { name: 'Cá nhân', exact: true }).click();
  await page.getByLabel('Tìm cá nhân').fill('dang');
  const table = page.getByRole('table');
  await expect(table).toContainText('Đặng Thị Hương');
  await expect(table).toContainText('Hoàng Đăng Khoa');
  await expect(table).not.toContainText('Nguyễn Văn Dũng');
});

test('directory .xlsx round trip between two offices, and a malformed file changes nothing', async ({ office, browser }) => {
  const { page, bridge } = office;
  await setUpOffice(page);
  const root = ((await bridge.app.dispatch('office.get', {})) as { ok: true; value: { organizationId: string } }).value.organizationId;
  const upper = (await bridge.app.dispatch('organizations.create', { parentId: root, level: 'upper', name: 'Công đoàn Viên chức tỉnh', code: 'CDVC' })) as { ok: true; value: { id: string } };
  await bridge.app.dispatch('organizations.create', { parentId: upper.value.id, level: 'grassroots', name: 'Công đoàn Sở Y tế', code: 'SYT' });
  await openArea(page, 'Đơn vị & cá nhân');
  await page.getByRole('button', { name: 'Xuất Excel' }).click();
  await expect(page.getByTestId('org-notice')).toContainText('Đã lưu');
  const file = readdirSync(office.exportDir).find((f) => f.endsWith('.xlsx'))!;
  const path = join(office.exportDir, file);
  expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');

  // A second office imports the file through its own UI.
  const page2 = await browser.newPage();
  const office2 = await openOffice(page2);
  try {
    await setUpOffice(page2, { name: 'Công đoàn Sở Y tế tỉnh Bắc Kạn', shortName: '', abbreviation: 'CĐCS', placeName: 'Bắc Kạn', parentLine: 'CÔNG ĐOÀN VIÊN CHỨC TỈNH', signerName: 'Lường Thị Mai' });
    await openArea(page2, 'Đơn vị & cá nhân');
    const snapshot = () => JSON.stringify(office2.bridge.app.store.sqlite.prepare('SELECT * FROM organizations ORDER BY id').all());
    const before = snapshot();
    await page2.getByTestId('org-import-input').setInputFiles({ name: 'hong.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('không phải excel') });
    await expect(page2.getByText(/Không đọc được tệp Excel/)).toBeVisible();
    expect(snapshot()).toBe(before);

    await page2.getByTestId('org-import-input').setInputFiles(path);
    await expect(page2.getByTestId('org-notice')).toContainText(/3/);
    const tree = page2.getByRole('tree', { name: 'Danh mục đơn vị' });
    await expect(tree.getByText('Công đoàn Viên chức tỉnh')).toBeVisible();
    await expect(tree.getByText('Công đoàn Sở Y tế', { exact: true })).toBeVisible();
    const nodes = ((await office2.bridge.app.dispatch('organizations.tree', {})) as { ok: true; value: { code: string; id: string; parentId: string | null; name: string }[] }).value;
    const byCode = new Map(nodes.map((n) => [n.code, n]));
    expect(byCode.get('SYT')!.parentId).toBe(byCode.get('CDVC')!.id);
    expect(byCode.get('CDVC')!.parentId).toBe(root);
  } finally {
    await office2.bridge.close();
  }
});
