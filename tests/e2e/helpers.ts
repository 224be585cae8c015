import { expect, type Locator, type Page } from '@playwright/test';
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract';
import type { Office } from './fixtures';

/**
 * Opens an antd Select (or TreeSelect) and returns the list it controls (`aria-controls` → `#<id>_list`). Options are looked up
 * only there: the list of the select picked just before may still be closing and hold the same titles, and an
 * option clicked in it picks nothing.
 */
export async function openListOf(page: Page, select: Locator): Promise<Locator> {
  await select.click();
  return listOf(page, select);
}

/** The list of a select already opened (by the keyboard, say): see `openListOf`. */
export async function listOf(page: Page, select: Locator): Promise<Locator> {
  await expect(select).toHaveAttribute('aria-controls', /_list$/);
  const listId = (await select.getAttribute('aria-controls'))!;
  // A TreeSelect's list carries no such id: take its tree, but never from a list that is leaving.
  return page.locator('.ant-select-dropdown:visible:not([class*="-leave"])').filter({ has: page.locator(`[id="${listId}"], .ant-select-tree`) });
}

/**
 * Picks an option of an antd Select found by its form label, and checks the select then shows it. An option
 * list that grows while it opens (its options arrive after the click) can move under the pointer between
 * Playwright's stability check and the click; the pick is then made again, as a clerk would.
 */
export async function pickOption(page: Page, label: string | RegExp, option: string | RegExp, scope: Page | Locator = page): Promise<void> {
  const select = scope.getByLabel(label, { exact: typeof label === 'string' });
  const shown = select.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  await expect(async () => {
    if ((await select.getAttribute('aria-expanded')) === 'true') await select.press('Escape');
    const list = await openListOf(page, select);
    await list.getByTitle(option).first().click({ timeout: 15_000 });
    await expect(shown.getByTitle(option).first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
}

/** Types a dd/mm/yyyy date into an antd DatePicker found by its label. */
export async function typeDate(page: Page, label: string | RegExp, dmy: string, scope: Page | Locator = page): Promise<void> {
  const input = scope.getByLabel(label, { exact: typeof label === 'string' });
  await input.fill(dmy);
  await input.press('Tab'); // Enter would submit the surrounding form
}

export const BAC_KAN = {
  name: 'Liên đoàn Lao động tỉnh Bắc Kạn',
  shortName: 'LĐLĐ tỉnh Bắc Kạn',
  abbreviation: 'LĐLĐ',
  placeName: 'Bắc Kạn',
  parentLine: 'TỔNG LĐLĐ VIỆT NAM',
  signerName: 'Vi Văn Nghĩa',
};

/** First-run setup through the form, as a clerk would do it. */
export async function setUpOffice(page: Page, office = BAC_KAN): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Thiết lập đơn vị sử dụng phần mềm' })).toBeVisible();
  await page.getByLabel('Tên đơn vị', { exact: true }).fill(office.name);
  await page.getByLabel('Tên viết tắt', { exact: true }).fill(office.shortName);
  await page.getByLabel('Chữ viết tắt trong số ký hiệu').fill(office.abbreviation);
  await page.getByLabel('Địa danh').fill(office.placeName);
  await page.getByLabel('Dòng cơ quan chủ quản').fill(office.parentLine);
  await page.getByLabel('Họ tên người ký').fill(office.signerName);
  await page.getByLabel('Họ tên người ký').press('Enter');
  await expect(page.getByRole('heading', { name: 'Thiết lập đơn vị sử dụng phần mềm' })).toBeHidden();
}

/** The last step of taking a number: the confirmation names it; the clerk confirms. */
export async function confirmNumber(page: Page, numberText: string, year: number): Promise<void> {
  const confirm = page.getByTestId('confirm-number');
  await expect(confirm).toContainText(numberText);
  await expect(confirm).toContainText(`năm ${year}`);
  await expect(confirm).toContainText('không thể hoàn tác');
  await page.getByRole('button', { name: `Cấp số ${numberText}` }).click();
}

export async function openArea(page: Page, name: string): Promise<void> {
  await page.getByRole('menuitem', { name }).click();
}

/** A call straight to the office's core (set-up data a test is not about). */
export async function api<K extends CallName>(office: Office, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const r = await office.bridge.app.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as CallOutput<K>;
}

/** Opens a screen by its hash route, as the app's own links do. */
export async function goTo(page: Page, ...parts: string[]): Promise<void> {
  await page.evaluate((hash) => ((globalThis as unknown as { location: { hash: string } }).location.hash = hash), `#/${parts.map(encodeURIComponent).join('/')}`);
}
