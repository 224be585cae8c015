/**
 * A clerk re-creates the seed plan 31/KH-LĐLĐ (LĐLĐ tỉnh Bắc Kạn, November 2019) through the UI:
 * sets up the office, adds the province's founding day, creates the 2020 movement with its two đợt,
 * writes the plan in the editor, issues it as number 31 dated 13/11/2019, exports it, and the exported
 * .docx gives the seed's text paragraph by paragraph.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { BAC_KAN_OFFICE } from '../helpers/core';
import { BAC_KAN_FOUNDING, SEED_MOVEMENT, expectedSeedParagraphs, seedPlanBody } from '../helpers/seed-plan';
import { paragraphTexts, unzipDocx } from '../unit/documents/docx-xml';
import { expect, test } from './fixtures';
import { confirmNumber, openListOf } from './helpers';

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Blocks as Word puts them on the clipboard: HTML with the seed's italic/bold as <i>/<b>, and the bare text.
 * A plain-text paste keeps "*" literally (shared/paste/outline.ts), so marks travel only in the HTML, as from Word.
 */
function wordClipboard(blocks: { marker?: string; text: string }[]): { html: string; text: string } {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = blocks.map((b) => (b.marker ? `${b.marker} ${b.text}` : b.text));
  const html = lines.map((l) => `<p class=MsoNormal>${esc(l).replace(/\*\*(.+?)\*\*/g, '<b>$1</b>').replace(/\*(.+?)\*/g, '<i>$1</i>')}</p>`).join('\n');
  return { html: `<html><body><!--StartFragment-->\n${html}\n<!--EndFragment--></body></html>`, text: lines.map((l) => l.replace(/\*/g, '')).join('\n') };
}

async function typeDate(input: Locator, iso: string) {
  await input.click();
  await input.fill(dmy(iso));
  await input.press('Tab');
}

async function chooseOption(page: Page, select: Locator, label: string) {
  const list = await openListOf(page, select);
  await list.locator('.ant-select-item-option', { hasText: label }).first().click();
}

async function setupOffice(page: Page) {
  await expect(page.getByRole('heading', { name: 'Thiết lập đơn vị sử dụng phần mềm' })).toBeVisible();
  await page.getByLabel('Tên đơn vị').fill(BAC_KAN_OFFICE.name);
  await page.getByLabel('Tên viết tắt').fill(BAC_KAN_OFFICE.shortName);
  await page.getByLabel('Chữ viết tắt trong số ký hiệu').fill(BAC_KAN_OFFICE.abbreviation);
  await page.getByLabel('Địa danh').fill(BAC_KAN_OFFICE.placeName);
  await page.getByLabel('Dòng cơ quan chủ quản').fill(BAC_KAN_OFFICE.parentLine);
  await page.getByLabel('Họ tên người ký').fill(BAC_KAN_OFFICE.signerName);
  await page.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
}

test('a clerk re-creates, issues and exports the seed plan 31/KH-LĐLĐ', async ({ office }) => {
  test.setTimeout(480_000);
  const { page } = office;
  await setupOffice(page);
  await page.getByRole('menuitem', { name: 'Phong trào & kế hoạch' }).click();

  // The province's founding day joins the built-in catalogue.
  await page.getByRole('tab', { name: 'Danh mục ngày lễ, kỷ niệm' }).click();
  await page.getByRole('button', { name: 'Thêm ngày kỷ niệm' }).click();
  const occasionDialog = page.getByRole('dialog', { name: 'Thêm ngày kỷ niệm' });
  await occasionDialog.getByLabel('Tên ngày kỷ niệm').fill(BAC_KAN_FOUNDING.name);
  await typeDate(occasionDialog.getByLabel('Ngày gốc'), BAC_KAN_FOUNDING.originDate);
  await occasionDialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(occasionDialog).toBeHidden();
  await expect(page.getByRole('cell', { name: BAC_KAN_FOUNDING.name, exact: true })).toBeVisible();

  // Round anniversaries proposed for 2020, written the seed's way.
  await page.getByRole('tab', { name: 'Phong trào & kế hoạch' }).click();
  await page.getByLabel('Năm đề xuất ngày kỷ niệm').fill('2020');
  await page.getByLabel('Năm đề xuất ngày kỷ niệm').press('Tab');
  const proposals = page.getByTestId('anniversaries');
  await expect(proposals).toContainText('Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)');
  await expect(proposals).toContainText('Kỷ niệm 120 năm Ngày thành lập tỉnh Bắc Kạn (11/4/1900 - 11/4/2020)');
  await expect(proposals).toContainText('tròn 130 năm');

  // The movement with its two đợt.
  await page.getByRole('button', { name: 'Thêm phong trào' }).click();
  await page.getByLabel('Năm phát động').fill(String(SEED_MOVEMENT.year));
  await page.getByLabel('Tên phong trào').fill(SEED_MOVEMENT.name);
  for (const [i, p] of SEED_MOVEMENT.phases.entries()) {
    await page.getByRole('button', { name: '+ Thêm đợt' }).click();
    await expect(page.locator(`#phases_${i}_name`)).toHaveValue(p.name);
    await typeDate(page.locator(`#phases_${i}_startDate`), p.startDate);
    if (p.startMonthOnly) await page.locator(`#phases_${i}_startMonthOnly`).check();
    await typeDate(page.locator(`#phases_${i}_endDate`), p.endDate);
    await page.locator(`#phases_${i}_description`).fill(p.description);
  }
  await expect(page.getByRole('checkbox', { name: /120 năm Ngày thành lập tỉnh Bắc Kạn/ })).toBeChecked();
  await page.getByRole('button', { name: 'Lưu phong trào' }).click();
  await expect(page.getByRole('cell', { name: SEED_MOVEMENT.name, exact: true })).toBeVisible();

  // A new plan from the movement: the đợt are filled in, the signer comes from the office.
  await page.getByRole('button', { name: `Lập kế hoạch cho ${SEED_MOVEMENT.name}` }).click();
  await page.getByRole('dialog', { name: 'Lập kế hoạch mới' }).getByRole('button', { name: 'Lập kế hoạch' }).click();
  const body = seedPlanBody();
  await expect(page.getByLabel('Trích yếu')).toHaveValue(
    'Phát động phong trào thi đua chào mừng các ngày lễ lớn trong năm 2020, chào mừng Đại hội Đảng các cấp hướng tới Đại hội toàn quốc lần thứ XIII của Đảng',
  );
  await expect(page.getByLabel('Họ tên người ký')).toHaveValue('Vi Văn Nghĩa');
  await expect(page.getByTestId('plan-number')).toHaveText(/Số:\s+\/KH-LĐLĐ/);

  // Typing a long plan is smoother without the live preview; it is switched on again below.
  await page.getByRole('switch', { name: 'Xem trước' }).click();

  // Opening paragraphs.
  for (const [i, t] of body.intro!.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Đoạn mở đầu: thêm đoạn' }).click();
    await page.getByLabel(`Đoạn mở đầu ${i + 1}`, { exact: true }).fill(t);
  }

  // Sections: titles are there; fill items, adding the missing ones and their "-"/"+" blocks.
  for (const [si, s] of body.sections!.entries()) {
    const sec = `Phần ${ROMAN[si]}`;
    await expect(page.getByLabel(`${sec}: tiêu đề`)).toHaveValue(s.title!);
    for (const [ii, it] of s.items!.entries()) {
      const where = `${sec}, mục ${ii + 1}`;
      if ((await page.getByLabel(`${where}: tiêu đề`).count()) === 0) await page.getByRole('button', { name: `${sec}: thêm mục` }).click();
      await page.getByLabel(`${where}: tiêu đề`).fill(it.title ?? '');
      if (!it.title) await page.getByLabel(`${where}: nội dung`).fill(it.text ?? '');
      if (it.role === 'phases') {
        // Filled from the movement: nothing to type.
        for (const [bi, b] of it.content!.entries()) await expect(page.getByLabel(`${where}, đoạn ${bi + 1}`, { exact: true })).toHaveValue(b.text);
        continue;
      }
      // The first blocks are typed one by one (the skeleton has one "-"; one more is added by button),
      // the rest pasted as lines the way a clerk copies them from last year's Word file.
      const blocks = it.content!;
      const typed = Math.min(blocks.length, 2);
      for (let bi = 0; bi < typed; bi++) {
        const b = blocks[bi];
        const field = page.getByLabel(`${where}, đoạn ${bi + 1}`, { exact: true });
        if ((await field.count()) === 0) {
          const button = b.marker === '+' ? 'thêm ý +' : b.marker === '-' ? 'thêm ý -' : 'thêm đoạn';
          await page.getByRole('button', { name: `${where}: ${button}`, exact: true }).click();
        }
        await field.fill(b.text);
      }
      if (blocks.length > typed) {
        await page.getByRole('button', { name: `${where}: dán văn bản` }).click();
        const paste = page.getByRole('dialog', { name: `Dán văn bản — ${where}` });
        const clip = wordClipboard(blocks.slice(typed));
        await paste.getByLabel('Văn bản dán vào').focus();
        // Runs in the page (DOM types are not in the Node test project): a paste event carrying both flavours.
        await page.evaluate(`(() => {
          const data = new DataTransfer();
          data.setData('text/html', ${JSON.stringify(clip.html)});
          data.setData('text/plain', ${JSON.stringify(clip.text)});
          document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        })()`);
        await expect(paste.getByLabel('Văn bản dán vào')).toHaveValue(clip.text);
        await paste.getByRole('button', { name: 'Thêm vào' }).click();
        await expect(paste).toBeHidden();
        await expect(page.getByLabel(`${where}, đoạn ${blocks.length}`, { exact: true })).toHaveValue(blocks[blocks.length - 1].text);
      }
    }
  }

  await page.getByLabel('Đoạn kết 1', { exact: true }).fill(body.closing![0]);

  // Nơi nhận: two labelled groups; the first pasted as a list, the second typed with (b/c)/(t/h) chosen per line.
  const [electronic, paper] = body.recipients!.groups!;
  await page.getByLabel('Nhóm nơi nhận 1: tên nhóm').fill(electronic.label!);
  await page.getByRole('button', { name: 'Nhóm 1: dán văn bản' }).click();
  const pasteRecipients = page.getByRole('dialog', { name: 'Dán văn bản — Nhóm 1' });
  await pasteRecipients.getByLabel('Văn bản dán vào').fill(electronic.items!.map((r) => `- ${r.name}${r.purpose ? ` (${r.purpose})` : ''};`).join('\n'));
  await pasteRecipients.getByRole('button', { name: 'Thêm vào' }).click();
  await expect(page.getByLabel('Nhóm 1, nơi nhận 8', { exact: true })).toHaveValue(electronic.items![7].name!);
  await page.getByRole('button', { name: 'Thêm nhóm nơi nhận' }).click();
  await page.getByLabel('Nhóm nơi nhận 2: tên nhóm').fill(paper.label!);
  for (const [ri, r] of paper.items!.entries()) {
    await page.getByRole('button', { name: 'Nhóm 2: thêm nơi nhận' }).click();
    await page.getByLabel(`Nhóm 2, nơi nhận ${ri + 1}`, { exact: true }).fill(r.name!);
    await chooseOption(page, page.getByLabel(`Nhóm 2, nơi nhận ${ri + 1}: mục đích`), `(${r.purpose})`);
  }
  await page.getByLabel('Lưu', { exact: true }).fill(body.recipients!.archive!);

  // Autosave.
  await expect(page.getByTestId('saved-at')).toHaveText(/^Đã lưu lúc \d{2}:\d{2}$/, { timeout: 15_000 });
  await page.getByRole('switch', { name: 'Xem trước' }).click();
  await expect(page.getByTestId('docx-preview').locator('section.docx').first()).toContainText('KẾ HOẠCH', { timeout: 20_000 });

  // Cấp số và ban hành: number 31 dated 13/11/2019.
  await page.getByRole('button', { name: 'Cấp số và ban hành' }).click();
  const issue = page.getByRole('dialog', { name: 'Cấp số và ban hành kế hoạch' });
  await issue.getByText('Chọn một số chưa dùng').click();
  await issue.getByLabel('Số văn bản').fill('31');
  await typeDate(issue.getByLabel('Ngày ban hành'), '2019-11-13');
  await expect(issue).toContainText('Số tiếp theo trong sổ năm 2019: 01');
  await issue.getByRole('button', { name: 'Cấp số và ban hành' }).click();
  await confirmNumber(page, '31/KH-LĐLĐ', 2019);
  await expect(issue).toBeHidden();
  await expect(page.getByTestId('plan-number')).toHaveText('Số: 31/KH-LĐLĐ');
  await expect(page.getByLabel('Trích yếu')).toBeDisabled();

  // Xuất .docx: the file in the bridge's export folder gives the seed's text.
  await page.getByRole('button', { name: 'Xuất .docx' }).click();
  await expect(page.getByText(/Đã xuất tệp:/)).toBeVisible();
  const files = readdirSync(office.exportDir).filter((f) => f.endsWith('.docx'));
  expect(files).toEqual(['Ke-hoach-31-KH-LDLD-ngay-2019-11-13.docx']);
  const xml = unzipDocx(readFileSync(join(office.exportDir, files[0])))['word/document.xml'];
  const actual = paragraphTexts(xml);
  const expected = expectedSeedParagraphs();
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) expect(actual[i], `paragraph ${i}`).toBe(expected[i]);

  // The register shows number 31 of 2019 and the unused 01–30.
  await page.getByRole('menuitem', { name: 'Sổ văn bản' }).click();
  await chooseOption(page, page.getByLabel('Năm của sổ'), '2019');
  // The register cell shows the identity as every list does: number, symbol and date (so the year too).
  await expect(page.getByRole('cell', { name: '31/KH-LĐLĐ ngày 13/11/2019', exact: true })).toBeVisible();
  await expect(page.getByTestId('register-gaps')).toContainText('01–30');
  await expect(page.getByTestId('register-next')).toHaveText('32');
});
