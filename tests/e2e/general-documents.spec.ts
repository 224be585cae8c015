/**
 * Văn bản khác as a clerk uses it at 1366×768: paste a Hướng dẫn from Word (clipboard HTML with headings, points,
 * bold and italic), delete a block and undo it, reload right after typing, then take the number — Enter in the
 * date only confirms the date, the confirmation names the number — and see the issued document locked.
 */
import { expect, test } from './fixtures';
import { confirmNumber, openArea, setUpOffice } from './helpers';

const WORD_HTML = `<html><body><!--StartFragment-->
<p class=MsoNormal><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
<p class=MsoNormal><b>1. Mục đích</b></p>
<p class=MsoNormal>Động viên đoàn viên <i>thi đua lao động giỏi</i> và <b>sáng tạo</b>.</p>
<p class=MsoNormal>a) Đối với tập thể: đạt từ 90 điểm;</p>
<p class=MsoNormal>- Tỷ lệ không quá 15%;</p>
<p class=MsoNormal><b>II. TỔ CHỨC THỰC HIỆN</b></p>
<p class=MsoNormal>Các tổ công đoàn thực hiện nghiêm túc.</p>
<!--EndFragment--></body></html>`;
const WORD_TEXT = 'I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nĐộng viên đoàn viên thi đua lao động giỏi và sáng tạo.\na) Đối với tập thể: đạt từ 90 điểm;\n- Tỷ lệ không quá 15%;\nII. TỔ CHỨC THỰC HIỆN\nCác tổ công đoàn thực hiện nghiêm túc.';

test.use({ viewport: { width: 1366, height: 768 } });

test('a Hướng dẫn pasted from Word, edited with undo, survives a reload and is issued deliberately', async ({ office }) => {
  const { page } = office;
  await setUpOffice(page);
  await openArea(page, 'Văn bản khác');
  await page.getByRole('button', { name: 'Soạn văn bản mới…' }).hover();
  await page.getByRole('menuitem', { name: 'Hướng dẫn' }).click();
  await expect(page.getByRole('heading', { name: /Hướng dẫn/ })).toBeVisible();

  await page.getByLabel('Trích yếu').fill('Bình xét thi đua năm 2026');

  // Paste from Word: the clipboard carries HTML and text, as Word puts them there.
  await page.getByRole('button', { name: 'Dán từ Word…' }).click();
  const box = page.getByLabel('Văn bản dán vào');
  await box.focus();
  // Runs in the page (DOM types are not in the Node test project): a paste event carrying both flavours.
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/html', ${JSON.stringify(WORD_HTML)});
    data.setData('text/plain', ${JSON.stringify(WORD_TEXT)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
  await expect(page.getByText('Đã nhận định dạng từ Word')).toBeVisible();
  await page.getByRole('button', { name: 'Thêm vào văn bản' }).click();
  const rows = page.getByTestId('outline-row');
  await expect(rows).toHaveCount(7);
  await expect(page.getByLabel('Đoạn 3: nội dung')).toHaveValue('Động viên đoàn viên *thi đua lao động giỏi* và **sáng tạo**.');
  await expect(page.getByLabel('Đoạn 1: tiêu đề')).toHaveValue('MỤC ĐÍCH, YÊU CẦU');

  // Delete a block, then undo it.
  await page.getByRole('button', { name: 'Đoạn 5: xóa' }).click();
  await expect(rows).toHaveCount(6);
  await page.getByRole('button', { name: 'Hoàn tác', exact: true }).click();
  await expect(rows).toHaveCount(7);
  await expect(page.getByLabel('Đoạn 5: nội dung')).toHaveValue('Tỷ lệ không quá 15%;');

  // Type, and reload 300 ms later: nothing is lost.
  await page.getByLabel('Đoạn 7: nội dung').fill('Các tổ công đoàn thực hiện nghiêm túc, báo cáo trước ngày 15/12/2026.');
  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.getByLabel('Đoạn 7: nội dung')).toHaveValue('Các tổ công đoàn thực hiện nghiêm túc, báo cáo trước ngày 15/12/2026.');

  // Take the number: Enter in the date only confirms the date.
  await page.getByRole('button', { name: 'Cấp số và ban hành…' }).click();
  const date = page.getByLabel('Ngày ban hành');
  await date.fill('12/03/2026');
  await date.press('Enter');
  await expect(page.getByTestId('confirm-number')).toHaveCount(0);
  const register = await office.bridge.app.dispatch('register.list', { year: 2026 });
  expect(register.ok && (register.value as { entries: unknown[] }).entries.length).toBe(0);
  await page.locator('.ant-modal-footer').getByRole('button', { name: 'Cấp số và ban hành' }).click();
  await confirmNumber(page, '01/HD-LĐLĐ', 2026);
  await expect(page.getByText('Đã ban hành', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Đoạn 1: tiêu đề')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('general-doc.png') });
});
