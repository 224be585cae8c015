import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type Office } from './fixtures';
import { pickOption } from './helpers';

/** A call straight to an office's core (data set-up the test is not about). */
export async function core<T>(office: Office, name: string, input: unknown): Promise<T> {
  const r = await office.bridge.app.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

export function newest(dir: string, ext: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => join(dir, f));
  return files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/** One office saves its key file; the other imports it, compares the fingerprint and trusts it. */
export async function handKey(from: Office, to: Office): Promise<void> {
  await from.page.getByRole('button', { name: 'Lưu tệp khóa (.tdkt-key)' }).click();
  await expect(from.page.getByText('Đã lưu tệp khóa')).toBeVisible();
  const fingerprint = (await from.page.getByTestId('own-fingerprint').textContent())!.trim();
  await to.page.getByTestId('key-import-input').setInputFiles(newest(from.exportDir, '.tdkt-key'));
  // the clerk compares what is shown with what the other office reads over the phone
  await expect(to.page.getByTestId('partner-fingerprint')).toHaveText(fingerprint);
  await to.page.getByRole('button', { name: 'Mã khớp — tin cậy khóa này' }).click();
  await expect(to.page.getByRole('cell', { name: fingerprint })).toBeVisible();
}

/** Creates a package in the UI and returns the saved file's path (from the success message). */
export async function sendPackage(page: Page, kindLabel: RegExp, receiver: string, sequence: number): Promise<string> {
  await pickOption(page, 'Loại gói', kindLabel);
  await pickOption(page, 'Đơn vị nhận', receiver);
  await page.getByRole('button', { name: 'Tạo gói (.tdkt)' }).click();
  const done = page.getByText(new RegExp(`Đã tạo gói số ${sequence} `));
  await expect(done).toBeVisible({ timeout: 60_000 }); // signing and writing the package is real work on a loaded machine
  return (await done.textContent())!.replace(/^.*?: /, '').trim();
}

/** Opens a package in the UI, checks the preview counts and applies it. */
export async function receivePackage(to: Office, path: string, expectedCounts: RegExp): Promise<void> {
  await to.page.getByTestId('package-import-input').setInputFiles(path);
  await expect(to.page.getByTestId('preview-counts')).toHaveText(expectedCounts);
  await to.page.getByRole('button', { name: 'Áp dụng' }).click();
  await expect(to.page.getByText(/Đã áp dụng gói/).last()).toBeVisible();
}
