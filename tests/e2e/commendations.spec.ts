/**
 * Khen thưởng end to end through the UI: two units nominate (1 collective + 3 individuals), the council
 * reviews them (a short vote is refused with the reason), a decision is drafted with the money computed
 * at its date, issued with a register number, exported as QĐ + danh sách, and printed as Giấy khen with a
 * resume from row 3. The exported files are unzipped and their texts and amounts checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { normalizeWs, paragraphTexts, sectionsOf, unzipDocx } from '../unit/documents/docx-xml';
import { expect, test } from './fixtures';
import { confirmNumber, openArea, pickOption, setUpOffice } from './helpers';

type Ok<T> = { ok: true; value: T };
// antd keeps a collapsed "loading" icon in a button that was busy once, and it joins the accessible name.
const APPROVE = /^(loading )?Thông qua$/;

async function addNomination(page: Page, n: { source: string; target: 'Tập thể' | 'Cá nhân'; unit: string; name?: string; position?: string }) {
  await page.getByRole('button', { name: 'Thêm đề nghị' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đề nghị khen thưởng' });
  await pickOption(page, 'Đơn vị đề nghị', n.source, dialog);
  await dialog.getByText(n.target, { exact: true }).click();
  if (n.target === 'Tập thể') {
    await pickOption(page, 'Tập thể được đề nghị', n.unit, dialog);
  } else {
    await dialog.getByLabel('Họ và tên').fill(n.name!);
    await pickOption(page, 'Đơn vị', n.unit, dialog);
    await dialog.getByLabel('Chức vụ, đơn vị').fill(n.position!);
  }
  await pickOption(page, 'Hình thức đề nghị', 'Giấy khen', dialog);
  await dialog.getByLabel('Tóm tắt thành tích').fill('Hoàn thành xuất sắc nhiệm vụ năm 2026');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
}

async function review(page: Page, name: string, votes: number) {
  await page.getByRole('button', { name: `Bình xét ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Bình xét đề nghị khen thưởng' });
  await expect(dialog.getByTestId('rule-checks')).toContainText('không thuộc trường hợp loại trừ nào');
  await dialog.getByLabel('Số thành viên hội đồng').fill('9');
  await dialog.getByLabel('Số phiếu đồng ý').fill(String(votes));
  await dialog.getByRole('button', { name: APPROVE }).click();
  return dialog;
}

const waitForFiles = async (dir: string, n: number) => {
  await expect.poll(() => readdirSync(dir).filter((f) => f.endsWith('.docx')).length, { timeout: 20_000 }).toBe(n);
  return readdirSync(dir).filter((f) => f.endsWith('.docx'));
};

test('nominations from two units → bình xét → decision (1 tập thể, 3 cá nhân) → QĐ + danh sách + Giấy khen', async ({ office }) => {
  test.setTimeout(480_000); // a long UI flow on a shared 2-core machine
  const { page, bridge } = office;
  await setUpOffice(page);
  const root = ((await bridge.app.dispatch('office.get', {})) as Ok<{ organizationId: string }>).value.organizationId;
  for (const [name, code] of [['Liên đoàn Lao động huyện Ba Bể', 'BABE'], ['Liên đoàn Lao động huyện Chợ Đồn', 'CHODON']]) {
    await bridge.app.dispatch('organizations.create', { parentId: root, level: 'upper', name, code });
  }
  await openArea(page, 'Khen thưởng');

  const baBe = 'Liên đoàn Lao động huyện Ba Bể';
  const choDon = 'Liên đoàn Lao động huyện Chợ Đồn';
  await addNomination(page, { source: baBe, target: 'Tập thể', unit: baBe });
  await addNomination(page, { source: baBe, target: 'Cá nhân', unit: baBe, name: 'Nguyễn Văn Bình', position: 'Chủ tịch LĐLĐ huyện Ba Bể' });
  await addNomination(page, { source: choDon, target: 'Cá nhân', unit: choDon, name: 'Đặng Thị An', position: 'Phó Chủ tịch LĐLĐ huyện Chợ Đồn' });
  await addNomination(page, { source: choDon, target: 'Cá nhân', unit: choDon, name: 'Hoàng Văn Thủy', position: 'Đoàn viên' });
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(5);

  // A vote under the required share is refused with the count it needed.
  const short = await review(page, baBe, 4);
  await expect(short.getByTestId('error-alert')).toContainText('4/9 thành viên hội đồng đồng ý (44,4%); cần ít nhất 50% tổng số thành viên, tức 5 phiếu');
  await short.getByLabel('Số phiếu đồng ý').fill('9');
  await short.getByRole('button', { name: APPROVE }).click();
  await expect(short).toBeHidden();
  for (const name of ['Nguyễn Văn Bình', 'Đặng Thị An', 'Hoàng Văn Thủy']) {
    const d = await review(page, name, 8);
    await expect(d).toBeHidden();
  }
  await expect(table.getByText('Đã thông qua')).toHaveCount(4);

  // The decision: list from the approved nominations, money at 15/06/2026 (lương cơ sở 2.340.000).
  await page.getByRole('tab', { name: 'Quyết định' }).click();
  await page.getByRole('button', { name: 'Lập quyết định khen thưởng' }).click();
  const date = page.getByLabel('Ngày quyết định');
  await date.click();
  await date.fill('15/06/2026');
  await date.press('Tab');
  await page.getByLabel('Thành tích').fill('đã có thành tích xuất sắc trong phong trào thi đua lao động giỏi năm 2026');
  await page.getByRole('button', { name: 'Thêm đề nghị đã thông qua' }).click();
  const picker = page.getByRole('dialog', { name: /Đề nghị đã thông qua năm 2026/ });
  await expect(picker.getByRole('checkbox')).toHaveCount(4);
  await picker.getByRole('button', { name: 'Thêm vào danh sách' }).click();
  // Live preview before saving, then the server's computation after saving (list + money table).
  await expect(page.getByTestId('decision-preview-total')).toContainText('3.540.000 đồng (Ba triệu năm trăm bốn mươi nghìn đồng), tính theo ngày 15/06/2026');
  await page.getByRole('button', { name: 'Lưu dự thảo và tính tiền' }).click();
  await expect(page.getByTestId('decision-total')).toHaveText('3.540.000 đồng');
  await expect(page.getByTestId('decision-words')).toHaveText('Ba triệu năm trăm bốn mươi nghìn đồng');
  await expect(page.getByRole('cell', { name: '710.000 đồng' })).toHaveCount(6);
  await expect(page.getByRole('cell', { name: '1.410.000 đồng' })).toHaveCount(2);

  await page.getByRole('button', { name: 'Cấp số và ban hành' }).click();
  const issue = page.getByRole('dialog', { name: 'Cấp số và ban hành quyết định' });
  await issue.getByRole('button', { name: 'Cấp số và ban hành' }).click();
  await confirmNumber(page, '01/QĐ-LĐLĐ', 2026);
  await expect(issue).toBeHidden();
  await expect(page.getByTestId('decision-status')).toHaveText('Đã ban hành: Quyết định 01/QĐ-LĐLĐ ngày 15/6/2026');

  await page.getByRole('button', { name: 'Xuất QĐ + danh sách (.docx)' }).click();
  const [decisionFile] = await waitForFiles(office.exportDir, 1);
  expect(decisionFile).toBe('Quyet-dinh-01-QD-LDLD-ngay-2026-06-15.docx');
  const qd = normalizeWs(paragraphTexts(unzipDocx(readFileSync(join(office.exportDir, decisionFile)))['word/document.xml']).join('\n'));
  expect(qd).toContain('Số: 01/QĐ-LĐLĐ');
  expect(qd).toContain('Tặng Giấy khen cho 01 tập thể và 03 cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc trong phong trào thi đua lao động giỏi năm 2026.');
  expect(qd).toContain('Tổng số tiền thưởng: 3.540.000 đồng (Ba triệu năm trăm bốn mươi nghìn đồng).');
  expect(qd).toContain('(Kèm theo Quyết định số 01/QĐ-LĐLĐ ngày 15 tháng 6 năm 2026 của Ban Thường vụ Liên đoàn Lao động tỉnh Bắc Kạn)');
  expect(qd).toContain('I. TẬP THỂ (01)');
  expect(qd).toContain('II. CÁ NHÂN (03)');
  expect(qd.match(/ 710\.000 /g)).toHaveLength(3);
  // A collective's "Chức vụ, đơn vị" cell names its upper unit (services/commendations/documents.ts collectiveUnit).
  expect(qd).toMatch(/Liên đoàn Lao động huyện Ba Bể Liên đoàn Lao động tỉnh Bắc Kạn 1\.410\.000/);
  expect(qd).toMatch(/Tổng cộng: 01 tập thể và 03 cá nhân 3\.540\.000/);

  // Giấy khen: the whole batch, then after a jam on row 3, rows 3–4 again.
  await page.getByRole('button', { name: 'Tạo tệp Giấy khen' }).click();
  await waitForFiles(office.exportDir, 2);
  await page.getByLabel('In từ dòng').fill('3');
  await page.getByRole('button', { name: 'Tạo tệp Giấy khen' }).click();
  const files = await waitForFiles(office.exportDir, 3);
  const read = (f: string) => unzipDocx(readFileSync(join(office.exportDir, f)))['word/document.xml'];
  const all = read(files.find((f) => f.includes('dong-1-4'))!);
  expect(sectionsOf(all)).toHaveLength(4);
  const allText = normalizeWs(paragraphTexts(all).join('\n'));
  for (const s of ['Liên đoàn Lao động huyện Ba Bể', 'Đồng chí: Đặng Thị An', 'Đồng chí: Nguyễn Văn Bình', 'Đồng chí: Hoàng Văn Thủy', 'Số sổ vàng: 1/2026', 'Số sổ vàng: 4/2026', 'Quyết định số 01/QĐ-LĐLĐ, ngày 15/6/2026']) {
    expect(allText).toContain(s);
  }
  const resumed = read(files.find((f) => f.includes('dong-3-4'))!);
  expect(sectionsOf(resumed)).toHaveLength(2);
  const resumedText = normalizeWs(paragraphTexts(resumed).join('\n'));
  expect(resumedText).toContain('Đồng chí: Nguyễn Văn Bình');
  expect(resumedText).not.toContain('Đặng Thị An');

  // History: folded search finds "Thủy" from "thuy".
  await page.getByRole('button', { name: '← Danh sách quyết định' }).click();
  await page.getByRole('tab', { name: 'Lịch sử khen thưởng' }).click();
  await page.getByLabel('Tìm trong lịch sử khen thưởng').fill('thuy');
  await page.getByLabel('Tìm trong lịch sử khen thưởng').press('Enter');
  await expect(page.getByRole('table')).toContainText('Hoàng Văn Thủy');
  await expect(page.getByRole('table')).not.toContainText('Đặng Thị An');
  // The nominations list names the decision as every list does: number, symbol and date.
  await page.getByRole('tab', { name: 'Đề nghị & bình xét' }).click();
  await expect(page.getByText('QĐ 01/QĐ-LĐLĐ ngày 15/6/2026').first()).toBeVisible();
  await page.screenshot({ path: join(process.env.SHOT_DIR ?? office.dir, 'nominations-decided.png') });

  // Cài đặt links to the dated tables: lương cơ sở from 01/7/2026 is there, flagged for checking.
  await openArea(page, 'Cài đặt');
  await page.getByRole('button', { name: 'Mở bảng hệ số, lương cơ sở và làm tròn' }).click();
  const salaryRow = page.getByRole('row', { name: /2\.530\.000 đồng/ });
  await expect(salaryRow).toContainText('01/07/2026');
  await expect(salaryRow).toContainText('cần kiểm tra');
  // A new dated row is the clerk's to add; the money of later decisions follows it.
  await page.locator('.ant-card', { hasText: 'Mức lương cơ sở' }).getByRole('button', { name: 'Thêm dòng' }).click();
  const add = page.getByRole('dialog', { name: 'Thêm mức lương cơ sở' });
  await add.getByLabel('Mức lương cơ sở (đồng)').fill('2700000');
  const from = add.getByLabel('Áp dụng từ');
  await from.click();
  await from.fill('01/01/2027');
  await from.press('Tab');
  await add.getByLabel('Căn cứ').fill('Nhập thử');
  await add.getByRole('button', { name: 'Lưu' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByRole('row', { name: /2\.700\.000 đồng/ })).toContainText('01/01/2027');
  const money = (await bridge.app.dispatch('commendations.money', { formId: '00000000-0000-4000-8000-000000000601', target: 'individual', date: '2027-01-01' })) as Ok<{ amount: number }>;
  expect(money.value.amount).toBe(810_000);
});
