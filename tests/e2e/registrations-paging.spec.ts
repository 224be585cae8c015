import { PEOPLE_HEADER, sheetOf } from '../helpers/registrations';
import { expect, test } from './fixtures';
import { api, openArea, setUpOffice } from './helpers';

test('long lists come a page at a time from the core: works, and the rows of a sheet preview', async ({ office }) => {
  test.setTimeout(240_000);
  const { page } = office;
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpOffice(page);
  const me = (await api(office, 'office.get', {}))!;
  const movement = await api(office, 'movements.save', { year: 2020, name: 'Phong trào thi đua năm 2020', phases: [{ name: 'Đợt 1' }] });
  const units: string[] = [];
  for (let u = 0; u < 6; u++) {
    const unit = await api(office, 'organizations.create', { parentId: me.organizationId, level: 'upper', name: `Liên đoàn Lao động huyện Số ${u + 1}`, code: `H${u}` });
    units.push(unit.id);
    await api(office, 'registrations.save', {
      movementId: movement.id,
      phaseId: movement.phases[0].id,
      organizationId: unit.id,
      works: Array.from({ length: 20 }, (_, k) => ({ name: `${k % 2 ? 'Sân bóng' : 'Nhà văn hóa'} thôn ${u}-${k}`, implementer: 'UBND xã' })),
    });
  }

  await openArea(page, 'Đăng ký');
  await page.getByRole('tab', { name: 'Công trình, sản phẩm gắn biển' }).click();
  const works = page.getByTestId('works-table');
  await expect(page.locator('.ant-pagination-total-text')).toHaveText('120 công trình, sản phẩm');
  await expect(works.locator('tbody tr.ant-table-row')).toHaveCount(50);
  await page.locator('.ant-pagination-item-3').click();
  await expect(works.locator('tbody tr.ant-table-row')).toHaveCount(20);
  // A new query starts again from page 1, counted by the core.
  await page.getByLabel('Tìm công trình').fill('san bong');
  await expect(page.locator('.ant-pagination-total-text')).toHaveText('60 công trình, sản phẩm');
  await expect(page.locator('.ant-pagination-item-active')).toHaveText('1');
  await page.screenshot({ path: test.info().outputPath('works-paged-1366.png') });

  // A sheet of 130 rows, 14 without a title: the preview brings the first 50 rows; the others come by page.
  await page.getByRole('tab', { name: 'Nhập từ Excel' }).click();
  const rows = Array.from({ length: 130 }, (_, i) => [i + 1, 'H0', `Nông Văn Người ${i + 1}`, 1980, '', i % 9 === 4 ? '' : 'Lao động tiên tiến']);
  const f = await sheetOf(PEOPLE_HEADER, rows);
  await page.getByTestId('reg-import-input').setInputFiles({ name: 'dai.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(f.dataBase64, 'base64') });
  const preview = page.getByTestId('import-preview');
  await expect(page.locator('.ant-pagination-total-text')).toHaveText('130 dòng');
  await expect(page.getByTestId('import-errors')).toContainText('Tệp có 14 lỗi');
  await page.locator('.ant-pagination-item-3').click();
  await expect(preview.locator('tbody tr.ant-table-row').first()).toContainText('102');
  await page.getByRole('checkbox', { name: 'Chỉ dòng lỗi' }).check();
  await expect(page.locator('.ant-pagination-total-text')).toHaveText('14 dòng');
  await expect(preview.locator('tbody tr.ant-table-row')).toHaveCount(14);
  await page.screenshot({ path: test.info().outputPath('import-preview-paged-1366.png'), fullPage: false });
});
