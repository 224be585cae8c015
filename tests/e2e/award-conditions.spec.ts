/**
 * Điều kiện xét tặng through the UI: past decisions imported from Excel on the history page, the review showing each
 * condition with what it found (decision numbers), approval refused until the council writes an override reason,
 * the person's ladder, and the conditions editor in Cài đặt → Khen thưởng. Screens at 1366×768.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { api, goTo, openArea, setUpOffice } from './helpers';

const CSTD_CO_SO = '00000000-0000-4000-8000-000000000606';
const APPROVE = /^(loading )?Thông qua$/;

test('history from Excel → review shows each condition → override with a reason → ladder; conditions in Cài đặt', async ({ office }) => {
  test.setTimeout(300_000);
  const { page } = office;
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpOffice(page);
  const root = (await api(office, 'office.get', {}))!.organizationId;
  const unit = await api(office, 'organizations.create', { parentId: root, level: 'upper', name: 'Liên đoàn Lao động huyện Chợ Đồn', code: 'CHODON' });
  // Two namesakes of the same year already here: the sheet's rows cannot say which one, the clerk does.
  await api(office, 'people.create', { fullName: 'Đặng Thị An', organizationId: unit.id, birthYear: 1985 });
  const an = await api(office, 'people.create', { fullName: 'Đặng Thị An', organizationId: unit.id, birthYear: 1985, idNumber: '006185000777' });

  // A list of past decisions, as an office keeps it in Excel.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('QĐ cũ');
  ws.addRow(['DANH SÁCH KHEN THƯỞNG CÁC NĂM']);
  ws.addRow(['STT', 'Số QĐ', 'Ngày QĐ', 'Cấp khen', 'Danh hiệu', 'Năm', 'Họ và tên', 'Năm sinh', 'Đơn vị']);
  ws.addRow([1, '12/QĐ-LĐLĐ', '20/12/2025', 'Ban Thường vụ LĐLĐ tỉnh', 'Lao động tiên tiến', 2025, 'Đặng Thị An', 1985, 'CHODON']);
  ws.addRow([2, '20/QĐ-LĐLĐ', '18/12/2026', 'Ban Thường vụ LĐLĐ tỉnh', 'Lao động tiên tiến', 2026, 'Đặng Thị An', 1985, 'CHODON']);
  const file = join(office.dir, 'lich-su.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

  await openArea(page, 'Khen thưởng');
  await page.getByRole('tab', { name: 'Lịch sử khen thưởng' }).click();
  await page.getByRole('button', { name: 'Nhập lịch sử từ Excel' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Nhập lịch sử khen thưởng từ Excel' });
  await importDialog.locator('input[type=file]').setInputFiles(file);
  await expect(importDialog).toContainText('Dòng tiêu đề: 2. Mới: 2, đã có: 0, lỗi: 0.');
  await expect(importDialog.getByTestId('person-choice-3')).toContainText('Có 2 người có thể trùng: hãy chọn');
  // One answer serves every line of the same person (rows 3 and 4).
  await importDialog.getByLabel('Cá nhân ở dòng 3').click();
  await page.getByRole('option', { name: /Cùng người: Đặng Thị An \(1985\) — Liên đoàn Lao động huyện Chợ Đồn, CCCD …0777/ }).click();
  await expect(importDialog.getByTestId('person-choice-4')).toContainText('CCCD …0777');
  await expect(importDialog.getByTestId('person-choice-4')).toContainText('cùng họ tên, cùng năm sinh 1985, cùng đơn vị');
  await page.screenshot({ path: join(process.env.SHOT_DIR ?? office.dir, 'award-import.png') });
  await importDialog.getByRole('button', { name: /Nhập 2 dòng mới/ }).click();
  // The import backs the database up first: on a busy machine that can take a while; the result then stays on the page.
  await expect(importDialog).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId('history-import-result')).toContainText(/Đã nhập 2 dòng mới \(0 dòng đã có\); 0 cá nhân mới, 2 cá nhân đã có/);
  // Exactly the chosen person received both lines; nobody was created.
  expect((await api(office, 'awardHistory.getLadder', { personId: an.id, year: 2026 })).entries.map((e) => e.year).sort()).toEqual([2025, 2026]);
  expect((await api(office, 'people.search', { query: 'dang thi an' })).items).toHaveLength(2);
  // The same file again: until the clerk says who row 3 is, its lines count as new (a new person); once the
  // person who already has them is chosen, the preview recounts them as already imported.
  await page.getByRole('button', { name: 'Nhập lịch sử từ Excel' }).click();
  await importDialog.locator('input[type=file]').setInputFiles(file);
  await expect(importDialog).toContainText('Dòng tiêu đề: 2. Mới: 2, đã có: 0, lỗi: 0.');
  await expect(importDialog.getByRole('cell', { name: '12/QĐ-LĐLĐ ngày 20/12/2025' })).toBeVisible();
  await importDialog.getByLabel('Cá nhân ở dòng 3').click();
  await page.getByRole('option', { name: /Cùng người: Đặng Thị An \(1985\) — Liên đoàn Lao động huyện Chợ Đồn, CCCD …0777/ }).click();
  await expect(importDialog).toContainText('Dòng tiêu đề: 2. Mới: 0, đã có: 2, lỗi: 0.');
  await expect(importDialog.getByRole('button', { name: /Nhập 0 dòng mới/ })).toBeDisabled();
  await importDialog.getByRole('button', { name: 'Đóng', exact: true }).last().click();
  await expect(importDialog).toBeHidden();

  await api(office, 'commendations.saveNomination', { periodYear: 2026, sourceOrgId: unit.id, target: 'individual', personId: an.id, organizationId: unit.id, proposedFormId: CSTD_CO_SO });
  await page.getByRole('tab', { name: 'Đề nghị & bình xét' }).click();
  await page.getByRole('button', { name: 'Bình xét Đặng Thị An' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bình xét đề nghị khen thưởng' });
  const checks = dialog.getByTestId('rule-checks');
  await expect(checks).toContainText('Lao động tiên tiến 2026: có (QĐ 20/QĐ-LĐLĐ ngày 18/12/2026 của Ban Thường vụ LĐLĐ tỉnh, nhập từ Excel)');
  await expect(checks).toContainText('Sáng kiến, đề tài được công nhận năm 2026: chưa có');
  await expect(checks).toContainText('cần kiểm tra');
  await dialog.getByLabel('Số thành viên hội đồng').fill('5');
  await dialog.getByLabel('Số phiếu đồng ý').fill('5');
  await dialog.getByRole('button', { name: APPROVE }).click();
  await expect(dialog).toContainText('hãy ghi lý do vượt điều kiện');
  await page.screenshot({ path: join(process.env.SHOT_DIR ?? office.dir, 'award-review.png') });
  await dialog.getByLabel('Lý do thông qua khi chưa đạt điều kiện').fill('Sáng kiến đã được Hội đồng công nhận, quyết định đang trình ký');

  await dialog.getByRole('button', { name: 'Quá trình khen thưởng' }).click();
  const drawer = page.getByRole('dialog', { name: 'Quá trình khen thưởng: Đặng Thị An' });
  await expect(drawer).toContainText('QĐ 12/QĐ-LĐLĐ ngày 20/12/2025 của Ban Thường vụ LĐLĐ tỉnh, nhập từ Excel');
  await expect(drawer.getByTestId('ladder-next')).toContainText('Chiến sĩ thi đua cơ sở: còn thiếu');
  await page.screenshot({ path: join(process.env.SHOT_DIR ?? office.dir, 'award-ladder.png') });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  await dialog.getByRole('button', { name: APPROVE }).click();
  await expect(dialog).toBeHidden();
  const [n] = await api(office, 'commendations.listNominations', {});
  expect(n.review).toMatchObject({ result: 'approved', overrideReason: 'Sáng kiến đã được Hội đồng công nhận, quyết định đang trình ký' });

  // The history screen lists the imported lines; the name opens the ladder, where a sáng kiến is recorded.
  await page.getByRole('tab', { name: 'Lịch sử khen thưởng' }).click();
  await expect(page.getByText('nhập từ Excel').first()).toBeVisible();
  await page.getByRole('button', { name: 'Đặng Thị An' }).first().click();
  const ladder = page.getByRole('dialog', { name: 'Quá trình khen thưởng: Đặng Thị An' });
  await ladder.getByLabel('Sáng kiến / đề tài').fill('Phần mềm quản lý đoàn viên');
  await ladder.getByLabel('Quyết định công nhận').fill('QĐ 5/QĐ-CĐCS');
  await ladder.getByRole('button', { name: 'Thêm' }).click();
  await expect(ladder).toContainText('2026: Phần mềm quản lý đoàn viên (QĐ 5/QĐ-CĐCS)');
  await expect(ladder.getByTestId('ladder-next')).toContainText('Chiến sĩ thi đua cơ sở: đủ điều kiện');
  await page.screenshot({ path: join(process.env.SHOT_DIR ?? office.dir, 'award-ladder-after.png') });
  await page.keyboard.press('Escape');

  await goTo(page, 'awards', 'settings');
  const card = page.locator('.ant-card', { hasText: 'Điều kiện xét tặng' });
  await card.scrollIntoViewIfNeeded();
  await expect(card).toContainText('03 lần liên tục đạt "Chiến sĩ thi đua cơ sở"');
  await page.screenshot({ path: join(process.env.SHOT_DIR ?? office.dir, 'award-settings.png') });
});
