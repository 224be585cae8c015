/**
 * No edit is lost in the plan editor: a refused save names and highlights the field and keeps the draft
 * on this computer; a reload 300 ms after typing loses nothing; deleting a Phần can be undone; Ctrl+Z
 * undoes a typing burst, not one character.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Office } from './fixtures';
import { api, goTo, setUpOffice } from './helpers';

const BODY = {
  intro: ['Thực hiện Chương trình công tác năm 2020.'],
  sections: [
    { title: 'MỤC ĐÍCH, YÊU CẦU', items: [{ title: '', text: 'Động viên đoàn viên thi đua lao động sản xuất.' }] },
    { title: 'NỘI DUNG THI ĐUA', items: [{ title: 'Nội dung', text: '' }, { title: 'Các đợt thi đua', text: '' }] },
    { title: 'TỔ CHỨC THỰC HIỆN', items: [] },
  ],
  signer: { authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Vi Văn Nghĩa' },
};

async function openPlan(office: Office) {
  const { page } = office;
  await setUpOffice(page);
  const plan = await api(office, 'plans.create', { movementId: null });
  await api(office, 'plans.save', { id: plan.id, movementId: null, subject: 'Phát động thi đua năm 2020', plannedDate: null, body: BODY });
  await goTo(page, 'movements', 'plan', plan.id);
  await expect(page.getByLabel('Trích yếu')).toHaveValue('Phát động thi đua năm 2020');
  return plan.id;
}

const saved = async (office: Office, id: string) => (await api(office, 'plans.get', { id })).body;
const acceptUnloadDialogs = (page: Page) => page.on('dialog', (d) => void d.accept());

test('an item over 8,000 characters: the field is named and highlighted, the draft survives leaving and a reload', async ({ office }) => {
  test.setTimeout(120_000);
  const { page } = office;
  acceptUnloadDialogs(page);
  const id = await openPlan(office);
  const item = page.getByLabel('Phần I, mục 1: nội dung');
  await item.fill('Động viên '.repeat(799) + 'x'.repeat(20)); // 8.010 characters
  await expect(page.getByTestId('error-alert')).toContainText('Phần I, mục 1: dài quá 8.000 ký tự');
  await expect(page.locator('.field-problem')).toHaveText('Phần I, mục 1: dài quá 8.000 ký tự');
  await expect(item).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.ant-input-data-count').first()).toContainText('8010 / 8000');
  await expect(page.getByTestId('save-status')).toContainText('Chưa lưu được');
  expect((await saved(office, id)).sections[0].items[0].text).toBe('Động viên đoàn viên thi đua lao động sản xuất.');

  // Leaving asks, since the core refused the draft.
  await page.getByRole('button', { name: '← Danh sách' }).click();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('Chưa lưu được kế hoạch');
  await page.getByRole('button', { name: 'Ở lại' }).click();
  await expect(item).toBeVisible();

  // A reload restores the draft kept on this computer.
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByLabel('Phần I, mục 1: nội dung')).toHaveValue(/x{20}$/);

  // Shortened below the limit, it is saved and the local copy goes.
  await page.getByLabel('Phần I, mục 1: nội dung').fill('Động viên '.repeat(700));
  await expect(page.getByTestId('saved-at')).toBeVisible();
  await expect.poll(async () => (await saved(office, id)).sections[0].items[0].text.length).toBe('Động viên '.repeat(700).trim().length);
  // Runs in the page (DOM types are not in the Node test project).
  expect(await page.evaluate(`Object.keys(localStorage).filter((k) => k.startsWith('tdkt.draft.'))`)).toEqual([]);
});

test('a reload 300 ms after typing loses nothing', async ({ office }) => {
  const { page } = office;
  acceptUnloadDialogs(page);
  const id = await openPlan(office);
  await page.getByLabel('Phần I, mục 1: nội dung').fill('Động viên đoàn viên thi đua — sửa lúc cuối');
  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.getByLabel('Phần I, mục 1: nội dung')).toHaveValue('Động viên đoàn viên thi đua — sửa lúc cuối');
  await expect.poll(async () => (await saved(office, id)).sections[0].items[0].text).toBe('Động viên đoàn viên thi đua — sửa lúc cuối');
});

test('deleting a Phần can be undone; Ctrl+Z undoes a typing burst; Ctrl+Y redoes it', async ({ office }) => {
  const { page } = office;
  const id = await openPlan(office);
  await page.getByRole('button', { name: 'Xóa Phần II', exact: true }).click();
  await expect(page.getByLabel('Phần II: tiêu đề')).toHaveValue('TỔ CHỨC THỰC HIỆN');
  await expect(page.getByTestId('removed-notice')).toContainText('Đã xóa Phần II (2 mục)');
  await page.getByTestId('removed-notice').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(page.getByLabel('Phần II: tiêu đề')).toHaveValue('NỘI DUNG THI ĐUA');
  await expect(page.getByLabel('Phần II, mục 2: tiêu đề')).toHaveValue('Các đợt thi đua');
  await expect.poll(async () => (await saved(office, id)).sections.map((s) => s.title)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG THI ĐUA', 'TỔ CHỨC THỰC HIỆN']);

  // Typing is one step, not one character.
  const subject = page.getByLabel('Trích yếu');
  await subject.click();
  await subject.press('End');
  await subject.pressSequentially(' và năm 2021');
  await expect(subject).toHaveValue('Phát động thi đua năm 2020 và năm 2021');
  await subject.press('Control+z');
  await expect(subject).toHaveValue('Phát động thi đua năm 2020');
  await subject.press('Control+y');
  await expect(subject).toHaveValue('Phát động thi đua năm 2020 và năm 2021');

  // Ctrl+Z also brings back a deleted item.
  await page.getByRole('button', { name: 'Xóa Phần II, mục 1', exact: true }).click();
  await expect(page.getByLabel('Phần II, mục 1: tiêu đề')).toHaveValue('Các đợt thi đua');
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Phần II, mục 1: tiêu đề')).toHaveValue('Nội dung');
  await expect.poll(async () => (await api(office, 'plans.get', { id })).subject).toBe('Phát động thi đua năm 2020 và năm 2021');
});
