/**
 * The smaller promises of the clerk's forms: mistyped dates keep their text with an error, a movement
 * whose đợt is referenced is edited in place (and removing that đợt is refused with a sentence), a
 * duplicate unit name warns, the add-unit buttons are on screen at 1366×768, a fresh install does not
 * warn about backups.
 */
import { expect, test } from './fixtures';
import { api, goTo, openArea, setUpOffice } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });

test('mistyped dates keep their text and block saving; a referenced đợt is edited in place, not removed', async ({ office }) => {
  test.setTimeout(150_000);
  const { page } = office;
  await setUpOffice(page);
  const me = (await api(office, 'office.get', {}))!;
  const unit = await api(office, 'organizations.create', { parentId: me.organizationId, level: 'upper', name: 'Liên đoàn Lao động huyện Ba Bể', code: 'BABE' });
  const m = await api(office, 'movements.save', {
    year: 2020,
    name: 'Phong trào thi đua năm 2020',
    phases: [
      { name: 'Đợt 1', startDate: '2020-01-01', endDate: '2020-05-19', registrationDeadline: '2020-02-15' },
      { name: 'Đợt 2', startDate: '2020-05-20', endDate: '2020-12-31' },
    ],
  });
  await api(office, 'registrations.save', { movementId: m.id, phaseId: m.phases[0].id, organizationId: unit.id, commitments: 'Cam kết' });

  await goTo(page, 'movements', 'movement', m.id);
  await expect(page.locator('#phases_0_name')).toHaveValue('Đợt 1');
  // 32/13/2019 stays as typed with an error; saving does not go through.
  const end = page.locator('#phases_1_endDate');
  await end.fill('32/13/2019');
  await end.press('Tab');
  await expect(end).toHaveValue('32/13/2019');
  await expect(page.getByRole('alert').filter({ hasText: 'không có tháng 13' })).toBeVisible();
  await page.getByRole('button', { name: 'Lưu phong trào' }).click();
  await expect(page.getByText('Ngày không hợp lệ (dd/mm/yyyy)')).toBeVisible();
  expect((await api(office, 'movements.get', { id: m.id })).phases[1].endDate).toBe('2020-12-31');

  // Renaming and re-dating the referenced đợt is saved in place.
  await end.fill('31/12/2020');
  await page.locator('#phases_0_name').fill('Đợt một');
  await page.locator('#phases_0_registrationDeadline').fill('20/02/2020');
  await page.getByRole('button', { name: 'Lưu phong trào' }).click();
  await expect(page.getByText('Đã lưu phong trào')).toBeVisible();
  const saved = await api(office, 'movements.get', { id: m.id });
  expect(saved.phases.map((p) => [p.id, p.name, p.registrationDeadline])).toEqual([
    [m.phases[0].id, 'Đợt một', '2020-02-20'],
    [m.phases[1].id, 'Đợt 2', null],
  ]);

  // Removing it is refused with a sentence naming what refers to it.
  await goTo(page, 'movements', 'movement', m.id);
  await page.getByRole('button', { name: 'Xóa đợt 1' }).click();
  await page.getByRole('button', { name: 'Lưu phong trào' }).click();
  await expect(page.getByTestId('error-alert')).toContainText('Không bỏ được đợt “Đợt một” vì đã có 1 đăng ký thi đua gắn với đợt này');
  expect((await api(office, 'movements.get', { id: m.id })).phases).toHaveLength(2);

  // Leaving with unsaved changes asks.
  await page.getByRole('button', { name: '← Danh sách' }).click();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('Phong trào có thay đổi chưa lưu');
  await page.getByRole('button', { name: 'Bỏ thay đổi' }).click();
  await expect(page.getByRole('button', { name: 'Thêm phong trào' })).toBeVisible();

  // 30/02/1930 in an occasion: kept, with an error.
  await page.getByRole('tab', { name: 'Danh mục ngày lễ, kỷ niệm' }).click();
  await page.getByRole('button', { name: 'Thêm ngày kỷ niệm' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm ngày kỷ niệm' });
  await dialog.getByLabel('Tên ngày kỷ niệm').fill('Ngày thành lập Đảng bộ tỉnh');
  await dialog.getByLabel('Ngày gốc').fill('30/02/1930');
  await dialog.getByLabel('Ngày gốc').press('Enter');
  await expect(dialog.getByLabel('Ngày gốc')).toHaveValue('30/02/1930');
  await expect(dialog.getByRole('alert').filter({ hasText: 'tháng 2/1930 chỉ có 28 ngày' })).toBeVisible();
  await expect(dialog).toBeVisible();
});

test('a duplicate unit name warns; the add-unit buttons are on screen at 1366×768; no backup warning on a fresh install', async ({ office }) => {
  const { page } = office;
  await setUpOffice(page);
  await expect(page.getByTestId('dashboard-backup')).toBeVisible();
  await expect(page.getByText('Đã hơn một ngày chưa sao lưu')).toHaveCount(0);

  await openArea(page, 'Đơn vị & cá nhân');
  const add = async (name: string) => {
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await dialog.getByLabel('Tên đơn vị', { exact: true }).fill(name);
    const save = dialog.getByRole('button', { name: 'Lưu' });
    const box = (await save.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    return { dialog, save };
  };
  const first = await add('Công đoàn ngành Giáo dục');
  await expect(first.dialog.getByTestId('duplicate-unit')).toHaveCount(0);
  await first.save.click();
  await expect(first.dialog).toBeHidden();

  // Under the same upper unit (the new unit is now the selected one: select the office again).
  await page.getByRole('tree').getByText('Liên đoàn Lao động tỉnh Bắc Kạn').click();
  const second = await add('Công đoàn ngành Giáo Dục ');
  await expect(second.dialog.getByTestId('duplicate-unit')).toContainText('Đã có đơn vị “Công đoàn ngành Giáo dục”');
  await second.save.click();
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await expect(second.dialog).toBeVisible();
  const tree = await api(office, 'organizations.tree', {});
  expect(tree.filter((n) => n.name.startsWith('Công đoàn ngành Giáo')).length).toBe(1);
});
