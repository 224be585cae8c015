import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract';
import { sectionsOf, attr, paragraphTexts, unzipDocx } from '../unit/documents/docx-xml';
import { expect, test, type Office } from './fixtures';
import { openArea, setUpOffice } from './helpers';

async function api<K extends CallName>(office: Office, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const r = await office.bridge.app.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as CallOutput<K>;
}

const storedSettings = (office: Office) => office.bridge.app.store.sqlite.prepare("SELECT key FROM app_meta WHERE key LIKE 'settings.%'").all();
const exported = (office: Office, re: RegExp) => readdirSync(office.exportDir).filter((f) => re.test(f));

test('settings: margins and công văn slots changed in the UI reach the exported letter; a printer profile exports its test page', async ({ office }) => {
  test.setTimeout(240_000);
  const { page } = office;
  await setUpOffice(page);
  const me = (await api(office, 'office.get', {}))!;
  for (const [name, code] of [['Liên đoàn Lao động huyện Chợ Đồn', 'CHODON'], ['Công đoàn ngành Giáo dục', 'GIAODUC']]) {
    await api(office, 'organizations.create', { parentId: me.organizationId, level: 'upper', name, code });
  }
  await api(office, 'movements.save', { year: 2020, name: 'Phong trào thi đua chào mừng các ngày lễ lớn trong năm 2020', phases: [{ name: 'Đợt 1', registrationDeadline: '2020-02-15' }] });

  await openArea(page, 'Cài đặt');
  const card = page.getByTestId('document-layout-card');
  await expect(card.getByText('Lề trái (30–35 mm)')).toBeVisible();
  await expect(card.getByText('Giãn dòng (1–1,5 lần dòng đơn)')).toBeVisible();

  // Outside the legal range: the message sits beside the field and nothing is stored.
  await card.getByLabel('Lề trái', { exact: true }).fill('29');
  await card.getByRole('button', { name: 'Lưu cài đặt văn bản' }).click();
  await expect(card.getByText('Lề trái: phải từ 30 đến 35 mm')).toBeVisible();
  expect(storedSettings(office)).toEqual([]);

  await card.getByLabel('Lề trên', { exact: true }).fill('25');
  await card.getByLabel('Lề trái', { exact: true }).fill('35');
  await card.getByLabel('Lề phải', { exact: true }).fill('20');
  await card.getByLabel('Ký hiệu đơn vị soạn thảo').fill('VP');
  await card.getByLabel('Ký hiệu người soạn thảo').fill('PL');
  await card.getByLabel('Số bản phát hành').fill('30');
  await card.getByLabel('Địa chỉ liên hệ').fill('Địa chỉ: Số 8, đường Trường Chinh, thành phố Bắc Kạn');
  await card.getByRole('button', { name: 'Lưu cài đặt văn bản' }).click();
  await expect(page.getByText('Đã lưu cài đặt văn bản')).toBeVisible();
  await expect(card.getByText('Lề trái: phải từ 30 đến 35 mm')).toBeHidden();
  expect((await api(office, 'settings.documentLayout.get', {})).margins).toEqual({ top: 25, bottom: 20, left: 35, right: 20 });

  // The printer card: one profile, its offsets, the test page.
  const printers = page.getByTestId('certificate-printers-card');
  await printers.getByRole('button', { name: 'Thêm máy in' }).click();
  await printers.getByLabel('Tên máy in').fill('Canon LBP 2900');
  await printers.getByLabel('Độ lệch ngang Canon LBP 2900').fill('2,5');
  await printers.getByLabel('Độ lệch dọc Canon LBP 2900').fill('-1');
  await printers.getByLabel('Mặc định Canon LBP 2900').check();
  await printers.getByRole('button', { name: 'Lưu máy in' }).click();
  await expect(page.getByText('Đã lưu máy in Giấy khen')).toBeVisible();
  expect(await api(office, 'settings.certificatePrinters.get', {})).toEqual({ profiles: [{ name: 'Canon LBP 2900', offsetX: 2.5, offsetY: -1 }], defaultName: 'Canon LBP 2900' });
  await printers.getByRole('button', { name: 'Xuất trang in thử' }).click();
  await expect(page.getByText(/Đã lưu trang in thử/)).toBeVisible();
  const [testPage] = exported(office, /^Trang-in-thu-Giay-khen-Canon-LBP-2900.*\.docx$/);
  expect(unzipDocx(readFileSync(join(office.exportDir, testPage)))['word/document.xml']).toContain('ngang 2,5 mm, dọc -1 mm');

  // Any document exported now carries the new margins: the công văn đôn đốc from the tracker.
  await openArea(page, 'Đăng ký');
  await page.getByRole('tab', { name: 'Tình hình đăng ký' }).click();
  await page.getByRole('button', { name: 'In công văn đôn đốc' }).click();
  await expect(page.getByTestId('docx-preview')).toContainText('V/v đôn đốc đăng ký thi đua');
  await page.getByRole('button', { name: 'Xuất tệp Word' }).click();
  await expect(page.getByText(/Đã lưu:/)).toBeVisible();
  // A letter not yet numbered is exported as a draft (reminder-letter.ts: "Du thao cong van don doc …").
  const [letter] = exported(office, /^Du-thao-cong-van-don-doc-dang-ky-thi-dua-.*\.docx$/);
  expect(letter).toBeDefined();
  const xml = unzipDocx(readFileSync(join(office.exportDir, letter)))['word/document.xml'];
  const sect = sectionsOf(xml)[0];
  expect(['top', 'bottom', 'left', 'right'].map((k) => attr(sect, 'pgMar', k))).toEqual(['1417', '1134', '1984', '1134']);
  const texts = paragraphTexts(xml);
  expect(texts).toContain('Số: /LĐLĐ-VP');
  expect(texts).toContain('PL.(30)');
});
