/**
 * Taking a number is deliberate: Enter in the date only confirms the date; the number is taken only
 * after a confirmation that names number, ký hiệu, date and year; saying no takes nothing.
 */
import { seedPlanBody } from '../helpers/seed-plan';
import { expect, test } from './fixtures';
import { api, confirmNumber, goTo, openArea, setUpOffice } from './helpers';

test('plan: Enter in "Ngày ban hành" takes no number; the confirmation names it; declining takes nothing', async ({ office }) => {
  test.setTimeout(120_000);
  const { page } = office;
  await setUpOffice(page);
  const movement = await api(office, 'movements.save', { year: 2020, name: 'Phong trào thi đua năm 2020', phases: [{ name: 'Đợt 1', endDate: '2020-06-30' }] });
  const plan = await api(office, 'plans.create', { movementId: movement.id });
  await api(office, 'plans.save', { id: plan.id, movementId: movement.id, subject: 'Phát động phong trào thi đua năm 2020', plannedDate: '2019-11-10', body: seedPlanBody() });
  await api(office, 'register.add', { kindAbbr: 'KH', date: '2019-03-01', subject: 'Kế hoạch đầu năm', number: 30 });
  const entries = async (year: number) => (await api(office, 'register.list', { year })).entries.length;

  await goTo(page, 'movements', 'plan', plan.id);
  await page.getByRole('button', { name: 'Cấp số và ban hành' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cấp số và ban hành kế hoạch' });
  const date = dialog.getByLabel('Ngày ban hành');
  await expect(date).toHaveValue('10/11/2019');
  await expect(dialog.getByTestId('issue-next-number')).toHaveText('Số tiếp theo trong sổ năm 2019: 31');

  // Enter confirms (and tidies) the date; nothing is taken, no confirmation opens.
  await date.fill('3/2/2020');
  await date.press('Enter');
  await expect(date).toHaveValue('03/02/2020');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('confirm-number')).toHaveCount(0);
  await expect(dialog.getByTestId('issue-year-warning')).toContainText('soạn cho năm 2019, nhưng ngày ban hành thuộc năm 2020');
  await expect(dialog.getByTestId('issue-next-number')).toHaveText('Số tiếp theo trong sổ năm 2020: 01');

  // A date that does not exist stays as typed, with an error; the button does not go on.
  await date.fill('31/11/2019');
  await date.press('Enter');
  await expect(date).toHaveValue('31/11/2019');
  await expect(dialog.getByRole('alert').filter({ hasText: 'tháng 11/2019 chỉ có 30 ngày' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cấp số và ban hành' }).click();
  await expect(page.getByTestId('confirm-number')).toHaveCount(0);
  expect(await entries(2019)).toBe(1);
  expect(await entries(2020)).toBe(0);

  // The confirmation names number, ký hiệu, date and year; a reflexive Enter declines it.
  await date.fill('13/11/2019');
  await date.press('Enter');
  await dialog.getByRole('button', { name: 'Cấp số và ban hành' }).click();
  const confirm = page.getByTestId('confirm-number');
  await expect(confirm).toContainText('31/KH-LĐLĐ');
  await expect(confirm).toContainText('13/11/2019');
  await expect(confirm).toContainText('năm 2019');
  await expect(confirm).toContainText('không thể hoàn tác');
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(dialog).toBeVisible();
  expect(await entries(2019)).toBe(1);

  await dialog.getByRole('button', { name: 'Cấp số và ban hành' }).click();
  await confirmNumber(page, '31/KH-LĐLĐ', 2019);
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('plan-number')).toHaveText('Số: 31/KH-LĐLĐ');
  expect(await entries(2019)).toBe(2);

  // The plans list shows the number with its date (so its year): "31/KH-LĐLĐ ngày 13/11/2019".
  await openArea(page, 'Phong trào & kế hoạch');
  await expect(page.getByRole('cell', { name: '31/KH-LĐLĐ ngày 13/11/2019' })).toBeVisible();
});

test('register: "Lấy số cho văn bản giấy" — Enter in the date takes nothing; the confirmed number is the one taken', async ({ office }) => {
  const { page } = office;
  await setUpOffice(page);
  await openArea(page, 'Sổ văn bản');
  await page.getByRole('button', { name: 'Lấy số cho văn bản giấy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lấy số cho văn bản làm ngoài phần mềm' });
  await dialog.getByLabel('Trích yếu').fill('Công văn về việc tổng kết');
  const date = dialog.getByLabel('Ngày văn bản');
  await date.fill('05/01/2026');
  await date.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('confirm-number')).toHaveCount(0);
  expect((await api(office, 'register.list', { year: 2026 })).entries).toHaveLength(0);
  await dialog.getByRole('button', { name: 'Cấp số' }).click();
  await confirmNumber(page, '01/QĐ-LĐLĐ', 2026);
  await expect(dialog).toBeHidden();
  expect((await api(office, 'register.list', { year: 2026 })).entries.map((e) => e.numberText)).toEqual(['01/QĐ-LĐLĐ']);
  // The register names each number with its full date, so the year is always beside it.
  await expect(page.getByRole('cell', { name: '01/QĐ-LĐLĐ ngày 05/01/2026', exact: true })).toBeVisible();
});
