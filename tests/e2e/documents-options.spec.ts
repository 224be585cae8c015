import { expect, test } from './fixtures';
import { api, confirmNumber, openArea, setUpOffice } from './helpers';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const dmy = (s: string) => `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;

test('công văn đôn đốc: a passed deadline refused, a new one printed, Nơi nhận edited, number from the register', async ({ office }) => {
  test.setTimeout(180_000);
  const { page } = office;
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpOffice(page);
  const me = (await api(office, 'office.get', {}))!;
  for (const [name, code] of [['Liên đoàn Lao động huyện Ba Bể', 'BABE'], ['Công đoàn ngành Giáo dục', 'GIAODUC']]) {
    await api(office, 'organizations.create', { parentId: me.organizationId, level: 'upper', name, code });
  }
  const year = new Date().getUTCFullYear();
  await api(office, 'movements.save', { year, name: `Phong trào thi đua lao động giỏi năm ${year}`, phases: [{ name: 'Đợt 1', registrationDeadline: `${year}-01-15` }] });

  await openArea(page, 'Đăng ký');
  await page.getByRole('button', { name: 'In công văn đôn đốc' }).click();
  const dialog = page.getByRole('dialog', { name: 'Công văn đôn đốc đăng ký thi đua' });
  const preview = dialog.locator('.docx-wrapper');
  await expect(preview).toContainText('đã nhận được bản đăng ký thi đua của 0/2 đơn vị');
  await expect(preview).toContainText('trong thời gian sớm nhất');

  await dialog.getByText('Kính gửi, Nơi nhận', { exact: true }).click();
  const deadline = dialog.getByLabel('Hạn gửi bản đăng ký');
  await deadline.fill(`15/01/${year}`);
  await deadline.press('Enter');
  await dialog.getByRole('button', { name: 'Lưu Kính gửi, Nơi nhận' }).click();
  await expect(page.getByText(/Hạn gửi 15\/01\/\d{4} đã qua/)).toBeVisible();

  const next = iso(new Date(Date.now() + 12 * 86_400_000));
  await deadline.fill(dmy(next));
  await deadline.press('Enter');
  await dialog.getByLabel('Nơi nhận').fill('Như trên\nTổng LĐLĐ Việt Nam (b/c)');
  await dialog.getByLabel('Lưu', { exact: true }).fill('VT, Ban TC-KT');
  await dialog.getByRole('button', { name: 'Lưu Kính gửi, Nơi nhận' }).click();
  await expect(preview).toContainText('- Tổng LĐLĐ Việt Nam (b/c);');
  await expect(preview).toContainText('- Lưu: VT, Ban TC-KT.');
  await expect(preview).toContainText('trước ngày');
  await page.screenshot({ path: test.info().outputPath('cong-van-don-doc.png') });

  await dialog.getByRole('button', { name: 'Cấp số và ban hành công văn…' }).click();
  await page.getByRole('dialog', { name: 'Cấp số và ban hành công văn đôn đốc' }).getByRole('button', { name: 'Cấp số và ban hành' }).click();
  await confirmNumber(page, '01/LĐLĐ', year);
  await expect(preview).toContainText('Số: 01/LĐLĐ');
  const entries = (await api(office, 'register.list', { year })).entries;
  expect(entries.map((e) => [e.numberText, e.recordKind])).toEqual([['01/LĐLĐ', 'registration-reminder']]);
});
