/**
 * The dossier as a council secretary uses it at 1366×768: record the meeting (members typed one per line, one
 * absent, secret ballot), read the minutes it writes from the reviews, then open a nominee's dossier, complete the
 * báo cáo thành tích and export the hồ sơ .zip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { api, goTo, openListOf, setUpOffice } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });

test('council meeting → minutes from the reviews → báo cáo thành tích → hồ sơ .zip', async ({ office }) => {
  const { page } = office;
  await setUpOffice(page);
  const me = await api(office, 'office.get', {});
  const unit = await api(office, 'organizations.create', { parentId: me!.organizationId, level: 'upper', name: 'Liên đoàn Lao động huyện Ba Bể', code: 'BABE' });
  const year = new Date().getFullYear();
  const catalogue = await api(office, 'commendations.catalogue', {});
  const giayKhen = catalogue.forms.find((f) => f.name === 'Giấy khen')!;
  const nom = await api(office, 'commendations.saveNomination', {
    movementId: null, phaseId: null, periodYear: year, proposedFormId: giayKhen.id, achievement: 'Hoàn thành xuất sắc nhiệm vụ',
    sourceOrgId: unit.id, target: 'individual', fullName: 'Nguyễn Văn Bình', organizationId: unit.id, positionUnit: 'Chủ tịch LĐLĐ huyện Ba Bể',
  });
  await api(office, 'commendations.review', { nominationId: nom.id, reviewedOn: `${year}-06-10`, councilSize: 5, votesFor: 4, result: 'approved' });

  await goTo(page, 'awards', 'council');
  await page.getByRole('button', { name: 'Thêm cuộc họp Hội đồng' }).click();
  await page.getByLabel('Địa điểm').fill('Hội trường Liên đoàn Lao động tỉnh');
  await page.getByLabel('Chủ trì').fill('Vi Văn Nghĩa - Chủ tịch Hội đồng');
  await page.getByLabel('Thư ký').fill('Nông Văn Minh - Thư ký Hội đồng');
  await page.getByLabel('Thành viên Hội đồng').fill('Vi Văn Nghĩa - Chủ tịch\nHà Thị Liễu - Phó Chủ tịch\nNông Văn Minh - Ủy viên\nLục Thị Hoa - Ủy viên\nLa Văn Hùng - Ủy viên (vắng)');
  await (await openListOf(page, page.getByLabel('Các trường hợp xét'))).getByText(/Nguyễn Văn Bình/).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Bỏ phiếu kín').click();
  await page.getByLabel('Ban kiểm phiếu').fill('Lục Thị Hoa - Ủy viên');
  await page.getByLabel('Số phiếu phát ra').fill('4');
  await page.getByLabel('Số phiếu thu về').fill('4');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('cell', { name: 'Bỏ phiếu kín' })).toBeVisible();

  await page.getByRole('button', { name: 'Biên bản', exact: true }).click();
  const preview = page.locator('.reg-doc-modal');
  await expect(preview.getByText('Thành viên Hội đồng có mặt: 04/05 đồng chí:')).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByText('4/5', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  await goTo(page, 'awards', 'nominations');
  await page.getByRole('button', { name: 'Hồ sơ Nguyễn Văn Bình' }).click();
  await expect(page.getByText('Điền sẵn từ dữ liệu — chưa lưu')).toBeVisible();
  await page.getByLabel(/^Thành tích đạt được/).fill('Chỉ đạo 45 CĐCS hoàn thành chỉ tiêu.\n- Phát triển 320 đoàn viên mới');
  await page.getByLabel('Thủ trưởng xác nhận').fill('Vi Văn Nghĩa');
  await page.getByRole('button', { name: 'Xuất hồ sơ (.zip)' }).click();
  await expect(page.getByText(/Đã lưu hồ sơ \(4 văn bản\)/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('dossier.png') });

  const zipName = readdirSync(office.exportDir).find((f) => f.endsWith('.zip'))!;
  const files = Object.keys(unzipSync(readFileSync(join(office.exportDir, zipName))));
  expect(files.map((f) => f.slice(0, 2))).toEqual(['01', '02', '03', '04']);
  expect(files[3]).toMatch(/Bao-cao-thanh-tich-Nguyen-Van-Binh/);
});
