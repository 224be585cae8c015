import { sheetOf } from '../helpers/registrations';
import { expect, test, type Office } from './fixtures';
import { api, goTo, listOf, openArea, openListOf, setUpOffice, typeDate } from './helpers';

/**
 * Issue 12 at 1366×768: the .xlsx import matches person rows one by one (CCCD, else name + birth + unit) and
 * applies exactly the clerk's "same person" / "new person"; the căn cứ lines are edited as dated data (add,
 * edit, retire from a date, undo) and a new decision starts with those in force on its date.
 */
const HEADER = ['STT', 'Đơn vị', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Chức vụ', 'Danh hiệu đăng ký'];

const sql = (office: Office) => office.bridge.app.store.sqlite;

async function xlsx(rows: (string | number)[][]) {
  const f = await sheetOf(HEADER, rows, { title: 'DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA NĂM 2026' });
  return { name: 'dang-ky-ca-nhan.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(f.dataBase64, 'base64') };
}

test('registration import: each person row matched, the clerk chooses same or new person, exactly that is written', async ({ office }) => {
  test.setTimeout(240_000);
  const { page } = office;
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpOffice(page);
  const me = (await api(office, 'office.get', {}))!;
  const unit = await api(office, 'organizations.create', { parentId: me.organizationId, level: 'upper', name: 'Liên đoàn Lao động huyện Ba Bể', code: 'BABE' });
  await api(office, 'movements.save', { year: 2026, name: 'Phong trào thi đua lao động giỏi năm 2026', phases: [{ name: 'Đợt 1' }] });
  // Already here: one with a CCCD (name spelled differently), one without a birth year, two namesakes born the same year.
  const byId = await api(office, 'people.create', { fullName: 'Đặng Thị Thuỳ', organizationId: unit.id, birthYear: 1985, idNumber: '001185000111' });
  const noYear = await api(office, 'people.create', { fullName: 'Hoàng Văn Nam', organizationId: unit.id, birthYear: null });
  await api(office, 'people.create', { fullName: 'Ma Thị Huyền', organizationId: unit.id, birthYear: 1990 });
  const twinB = await api(office, 'people.create', { fullName: 'Ma Thị Huyền', organizationId: unit.id, birthYear: 1990 });

  await openArea(page, 'Đăng ký');
  await page.getByRole('tab', { name: 'Nhập từ Excel' }).click();
  // A wrong CCCD and a date that does not exist are named on their row; nothing can be imported.
  await page.getByTestId('reg-import-input').setInputFiles(await xlsx([[1, 'BABE', 'Lý Thị Mai', '31/02/1985', '1085012345', '', 'Lao động tiên tiến']]));
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('Dòng 3: ngày sinh "31/02/1985" không đúng dạng dd/mm/yyyy hoặc không có thật');
  await expect(errors).toContainText('Dòng 3: số CCCD "1085012345" có 10 chữ số, thiếu số 0 ở đầu?');
  await expect(page.getByRole('button', { name: /^Nhập \d+ dòng$/ })).toBeDisabled();

  await page.getByTestId('reg-import-input').setInputFiles(
    await xlsx([
      [1, 'BABE', 'Đặng Thị Thủy', '14/07/1985', '001185000111', 'Chủ tịch', 'Chiến sĩ thi đua cơ sở'],
      [2, 'BABE', 'Hoàng Văn Nam', '12/05/1979', '', '', 'Lao động tiên tiến'],
      [3, 'BABE', 'Ma Thị Huyền', '02/09/1990', '', '', 'Lao động tiên tiến'],
      [4, 'BABE', 'Lò Văn Chín', '', '', '', 'Lao động tiên tiến'],
    ]),
  );
  await expect(page.getByTestId('import-counts')).toContainText('0 dòng lỗi');
  // Suggestions: the CCCD decides alone; the one namesake without a year; two equal namesakes → the clerk chooses.
  await expect(page.getByTestId('person-choice-3')).toContainText('Cùng người: Đặng Thị Thuỳ (1985)');
  await expect(page.getByTestId('person-choice-3')).toContainText('cùng số CCCD');
  await expect(page.getByTestId('person-choice-4')).toContainText('Cùng người: Hoàng Văn Nam');
  await expect(page.getByTestId('person-choice-5')).toContainText('Người mới');
  await expect(page.getByTestId('person-choice-5')).toContainText('Có 2 người có thể trùng: hãy chọn');
  await expect(page.getByTestId('import-preview')).toContainText('Người mới (chưa có trong danh sách)');

  // The clerk: row 4 is another Hoàng Văn Nam (new person); row 5 is the second Ma Thị Huyền. By keyboard.
  const row4 = page.getByLabel('Cá nhân ở dòng 4');
  await row4.focus();
  await row4.press('Enter');
  await (await listOf(page, row4)).getByTitle('Người mới (khác người đã có)').click();
  await expect(page.getByTestId('person-choice-4')).toContainText('Người mới (khác người đã có)');
  await (await openListOf(page, page.getByLabel('Cá nhân ở dòng 5'))).locator('.ant-select-item-option').nth(1).click();
  await expect(page.getByTestId('person-choice-5')).toContainText('cùng năm sinh 1990');
  await page.screenshot({ path: test.info().outputPath('import-person-matching-1366.png') });

  const before = (sql(office).prepare('SELECT count(*) FROM people').pluck().get() as number);
  await page.getByRole('button', { name: 'Nhập 4 dòng' }).click();
  await expect(page.getByTestId('import-result')).toContainText('cá nhân: 2 mới, 2 khớp với danh sách đã có');
  expect(sql(office).prepare('SELECT count(*) FROM people').pluck().get()).toBe(before + 2);
  const chosen = sql(office).prepare('SELECT p.id, p.full_name FROM registration_individuals i JOIN people p ON p.id = i.person_id ORDER BY i.sort_order').all() as { id: string; full_name: string }[];
  expect(chosen[0].id).toBe(byId.id);
  expect(chosen[1].id).not.toBe(noYear.id);
  const secondHuyen = sql(office).prepare('SELECT id FROM people WHERE full_name = ? ORDER BY created_at, id').pluck().all('Ma Thị Huyền') as string[];
  // The option list follows the preview's order of candidates; whichever was second is the one written.
  expect(secondHuyen).toContain(chosen[2].id);
  expect([twinB.id, secondHuyen.find((x) => x !== twinB.id)]).toContain(chosen[2].id);
  expect(sql(office).prepare('SELECT birth_date FROM people WHERE id = ?').pluck().get(byId.id)).toBe('1985-07-14');
});

test('căn cứ pháp lý: add, edit, retire from a date and undo; a new decision starts with the lines in force', async ({ office }) => {
  test.setTimeout(240_000);
  const { page } = office;
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpOffice(page);
  await openArea(page, 'Cài đặt');
  await page.getByRole('button', { name: 'Căn cứ pháp lý' }).click();
  const table = page.getByTestId('legal-bases');
  await expect(table).toContainText('Luật Thi đua, khen thưởng');

  const text = 'Căn cứ Quy chế khen thưởng của Liên đoàn Lao động tỉnh Bắc Kạn';
  await page.getByRole('button', { name: 'Thêm căn cứ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm căn cứ' });
  await dialog.getByLabel('Nội dung căn cứ').fill(text);
  await typeDate(page, 'Áp dụng từ ngày', '10/01/2026', dialog);
  await dialog.getByLabel('Nguồn').fill('QĐ 15/QĐ-LĐLĐ');
  await dialog.getByLabel('Nguồn').press('Enter');
  await expect(dialog).toBeHidden();
  const row = table.getByRole('row', { name: new RegExp(text) });
  await expect(row).toContainText('10/01/2026 – nay');
  await expect(row).toContainText('Quyết định, tờ trình');

  // Undo the add: the line is gone.
  await page.getByTestId('legal-basis-notice').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(row).toHaveCount(0);
  expect(office.bridge.app.store.sqlite.prepare('SELECT count(*) FROM legal_bases WHERE text = ? AND deleted_at IS NULL').pluck().get(text)).toBe(0);

  // Add again, edit it (decisions only), retire it after 30/06/2026, undo the retirement.
  await page.getByRole('button', { name: 'Thêm căn cứ' }).click();
  await dialog.getByLabel('Nội dung căn cứ').fill(text);
  await typeDate(page, 'Áp dụng từ ngày', '10/01/2026', dialog);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await row.getByRole('button', { name: `Sửa căn cứ: ${text}` }).click();
  const edit = page.getByRole('dialog', { name: 'Sửa căn cứ' });
  await (await openListOf(page, edit.getByLabel('Dùng cho'))).getByTitle('Quyết định', { exact: true }).click();
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect(edit).toBeHidden();
  await expect(row.locator('td').nth(1)).toHaveText('Quyết định');
  await row.getByRole('button', { name: `Cho hết hiệu lực: ${text}` }).click();
  const retire = page.getByRole('dialog', { name: 'Cho căn cứ hết hiệu lực' });
  await typeDate(page, 'Ngày cuối cùng áp dụng', '30/06/2026', retire);
  await retire.getByRole('button', { name: 'Hết hiệu lực' }).click();
  await expect(retire).toBeHidden();
  await expect(row).toContainText('10/01/2026 – 30/06/2026');
  await expect(row).toContainText('Hết hiệu lực');
  expect(await api(office, 'catalogue.listLegalBases', { date: '2026-07-01', appliesTo: 'decision' })).not.toContain(`${text};`);
  await page.getByTestId('legal-basis-notice').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(row).toContainText('10/01/2026 – nay');
  await page.screenshot({ path: test.info().outputPath('legal-bases-1366.png') });
  await expect(row.locator('td').nth(1)).toHaveText('Quyết định');

  // The documents cite it: a new decision (dated today, after 10/01/2026) starts with it among its căn cứ.
  expect(await api(office, 'catalogue.listLegalBases', { date: '2026-07-01', appliesTo: 'decision' })).toContain(`${text};`);
  expect(await api(office, 'catalogue.listLegalBases', { date: '2026-07-01', appliesTo: 'proposal' })).not.toContain(`${text};`);
  await goTo(page, 'awards', 'decision', 'new');
  await expect(page.getByLabel('Căn cứ (mỗi dòng một căn cứ)')).toHaveValue(new RegExp(`${text};`));
});
