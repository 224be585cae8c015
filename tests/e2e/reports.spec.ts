import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { api, confirmNumber, openArea, setUpOffice } from './helpers';

test('reports: compose a phase report from the data, edit, issue, export; tables and xlsx', async ({ office }) => {
  test.setTimeout(240_000);
  const { page } = office;
  await setUpOffice(page);
  const me = (await api(office, 'office.get', {}))!;
  const baBe = await api(office, 'organizations.create', { parentId: me.organizationId, level: 'upper', name: 'Liên đoàn Lao động huyện Ba Bể', code: 'BABE' });
  await api(office, 'organizations.create', { parentId: me.organizationId, level: 'upper', name: 'Liên đoàn Lao động huyện Chợ Đồn', code: 'CHODON' });
  const movement = await api(office, 'movements.save', { year: 2026, name: 'Phong trào thi đua lao động giỏi năm 2026', phases: [{ name: 'Đợt 1', endDate: '2026-06-30' }] });
  await api(office, 'registrations.save', {
    movementId: movement.id,
    phaseId: movement.phases[0].id,
    organizationId: baBe.id,
    individuals: [{ fullName: 'Nguyễn Văn Bình', title: 'Lao động tiên tiến' }],
    works: [{ name: 'Nhà văn hóa thôn Pác Ngòi' }],
  });

  await openArea(page, 'Báo cáo');
  await expect(page.getByTestId('figures-counts')).toContainText('Đã đăng ký1');
  await expect(page.getByTestId('figures-counts')).toContainText('Chưa đăng ký1');
  const units = page.getByTestId('units-table');
  await expect(units.getByRole('row', { name: /huyện Chợ Đồn/ })).toContainText('Chưa đăng ký');
  await expect(units.getByRole('row', { name: /huyện Ba Bể/ })).toContainText('Đã đăng ký');
  await expect(page.getByTestId('units-chart')).toContainText('Liên đoàn Lao động huyện Ba Bể');

  // Export one table to Excel, then open it (the bridge records the request).
  await page.getByRole('button', { name: 'Xuất tất cả các bảng (Excel)' }).click();
  await expect(page.getByTestId('saved-file').first()).toContainText('.xlsx');
  await page.getByTestId('saved-file').first().getByRole('button', { name: 'Mở tệp' }).click();

  await page.getByRole('tab', { name: 'Theo đợt' }).click();
  await expect(page.getByTestId('phases-table').getByRole('row', { name: /Đợt 1/ })).toContainText('1/2');

  await page.getByRole('tab', { name: 'Báo cáo kết quả' }).click();
  await page.getByRole('button', { name: 'Lập báo cáo từ số liệu' }).click();
  await expect(page.getByLabel('Trích yếu')).toHaveValue('Kết quả Đợt 1 phong trào thi đua lao động giỏi năm 2026');
  await expect(page.getByLabel(/^Nội dung phần 1/)).toHaveValue(/1\/2 đơn vị trực thuộc đã đăng ký thi đua.*Liên đoàn Lao động huyện Chợ Đồn/);
  await page.getByLabel(/^Nội dung phần 2/).fill('Ưu điểm: các đơn vị hưởng ứng sôi nổi.\nHạn chế: còn đơn vị đăng ký chậm.');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Đã lưu báo cáo')).toBeVisible();

  await page.getByRole('button', { name: 'Ban hành…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cấp số và ban hành báo cáo' });
  await dialog.getByLabel('Ngày ban hành').fill('10/07/2026');
  await dialog.getByLabel('Ngày ban hành').press('Tab');
  await dialog.getByRole('button', { name: 'Cấp số và ban hành' }).click();
  await confirmNumber(page, '01/BC-LĐLĐ', 2026);
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Báo cáo 01/BC-LĐLĐ ngày 10/7/2026')).toBeVisible();
  await expect(page.getByLabel('Trích yếu')).toBeDisabled();

  await page.getByRole('button', { name: 'Xuất tệp Word' }).click();
  const saved = page.getByTestId('saved-file');
  await expect(saved).toContainText('.docx');
  const path = (await saved.textContent())!.replace(/^Đã lưu: /, '').replace(/Mở tệp.*$/, '').trim();
  const xml = strFromU8(unzipSync(readFileSync(path))['word/document.xml']).replace(/<[^>]+>/g, '');
  expect(xml).toContain('Số: 01/BC-LĐLĐ');
  expect(xml).toContain('Ưu điểm: các đơn vị hưởng ứng sôi nổi.');
  await saved.getByRole('button', { name: 'Mở tệp' }).click();

  await page.getByRole('button', { name: '‹ Danh sách báo cáo' }).click();
  await expect(page.getByTestId('reports-table')).toContainText('01/BC-LĐLĐ ngày 10/7/2026');
  const sqlite = office.bridge.app.store.sqlite;
  expect(sqlite.prepare("SELECT status FROM phase_reports").pluck().all()).toEqual(['issued']);
  expect(sqlite.prepare('SELECT count(*) FROM exported_files').pluck().get()).toBe(2);
});
