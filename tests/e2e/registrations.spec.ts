import type { CallInput, CallName, CallOutput } from '../../src/shared/contract';
import { PEOPLE_HEADER, sheetOf } from '../helpers/registrations';
import { expect, test, type Office } from './fixtures';
import { openArea, setUpOffice } from './helpers';

async function api<K extends CallName>(office: Office, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const r = await office.bridge.app.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as CallOutput<K>;
}

const countOf = (office: Office, table: string) =>
  (office.bridge.app.store.sqlite.prepare(`SELECT count(*) n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;

async function xlsx(header: string[], rows: (string | number)[][], name: string) {
  const f = await sheetOf(header, rows, { title: 'DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA NĂM 2020' });
  return { name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(f.dataBase64, 'base64') };
}

test('registrations: entry by hand, import with errors, fixed import, re-import, approval of a work', async ({ office }) => {
  // One long story on a machine shared by several test runs.
  test.setTimeout(300_000);
  const { page } = office;
  await setUpOffice(page);
  const me = (await api(office, 'office.get', {}))!;
  for (const [name, code] of [['Liên đoàn Lao động huyện Ba Bể', 'BABE'], ['Liên đoàn Lao động huyện Chợ Đồn', 'CHODON'], ['Công đoàn ngành Giáo dục', 'GIAODUC']]) {
    await api(office, 'organizations.create', { parentId: me.organizationId, level: 'upper', name, code });
  }
  await api(office, 'movements.save', {
    year: 2020,
    name: 'Phong trào thi đua chào mừng các ngày lễ lớn trong năm 2020',
    phases: [{ name: 'Đợt 1', registrationDeadline: '2020-02-15' }, { name: 'Đợt 2' }],
  });

  await openArea(page, 'Đăng ký');
  const tracker = page.getByTestId('tracker-table');
  await expect(tracker.getByRole('row', { name: /Liên đoàn Lao động huyện Ba Bể/ })).toContainText('Chưa đăng ký');
  await expect(page.getByTestId('tracker-counts')).toContainText('Chưa đăng ký3');

  // 1. Entry by hand for Ba Bể: one individual, one work.
  await tracker.getByRole('row', { name: /huyện Ba Bể/ }).getByRole('button', { name: 'Nhập đăng ký' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập bản đăng ký thi đua' });
  await dialog.getByLabel('Nội dung cam kết').fill('Phấn đấu hoàn thành xuất sắc nhiệm vụ năm 2020.');
  await dialog.getByRole('button', { name: 'Thêm cá nhân mới' }).click();
  await dialog.getByLabel('Họ và tên 1').fill('Đặng Thị Thủy');
  await dialog.getByLabel('Năm sinh 1').fill('1985');
  await dialog.getByLabel('Chức vụ 1').fill('Chủ tịch');
  await dialog.getByLabel('Danh hiệu đăng ký 1').fill('Chiến sĩ thi đua cơ sở');
  await dialog.getByRole('button', { name: 'Thêm công trình, sản phẩm' }).click();
  await dialog.getByLabel('Tên công trình 1').fill('Nhà văn hóa thôn Pác Ngòi');
  await dialog.getByLabel('Chủ đầu tư 1').fill('UBND xã Nam Mẫu');
  await dialog.getByLabel('Giá trị 1').fill('1500000000');
  // A lower unit's Bản đăng ký: the BCH chairman by default, the name typed by the clerk.
  await expect(dialog.getByLabel('Quyền hạn ký')).toHaveAttribute('placeholder', 'TM. BAN CHẤP HÀNH');
  await dialog.getByLabel('Họ tên người ký').fill('Hoàng Thị Lan');
  await page.setViewportSize({ width: 1366, height: 768 });
  await dialog.getByLabel('Họ tên người ký').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('registration-signer-1366.png') });
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  const baBeRow = tracker.getByRole('row', { name: /huyện Ba Bể/ });
  await expect(baBeRow).toContainText('Đã nhận');
  await expect(page.getByTestId('tracker-counts')).toContainText('Đã đăng ký1');
  expect(countOf(office, 'registrations')).toBe(1);
  expect(countOf(office, 'works')).toBe(1);
  expect(office.bridge.app.store.sqlite.prepare('SELECT signer_authority, signer_title, signer_name FROM registrations').get()).toEqual({ signer_authority: 'TM. BAN CHẤP HÀNH', signer_title: 'CHỦ TỊCH', signer_name: 'Hoàng Thị Lan' });
  const thuy = office.bridge.app.store.sqlite.prepare('SELECT full_name, birth_year FROM people').all();
  expect(thuy).toEqual([{ full_name: 'Đặng Thị Thủy', birth_year: 1985 }]);

  // 2. Import of a sheet with errors: every error listed with its row number, nothing written.
  await page.getByRole('tab', { name: 'Nhập từ Excel' }).click();
  const before = ['registrations', 'registration_individuals', 'people'].map((t) => countOf(office, t));
  const rows = [
    [1, 'Liên đoàn Lao động huyện Ba Bể', 'Đặng Thị Thuỷ', 1985, 'Chủ tịch', 'Chiến sĩ thi đua cơ sở'],
    [2, 'CHODON', 'Ma Thị Huyền', 1990, '', 'Lao động tiên tiến'],
    [3, 'LĐLĐ huyện Chợ Đồn', 'Nông Văn Dền', 1988, 'Đoàn viên', 'Lao động tiên tiến'],
  ];
  const bad = [rows[0], [2, 'Huyện không có', 'Ma Thị Huyền', 1990, '', 'Lao động tiên tiến'], [3, 'CHODON', 'Nông Văn Dền', 'tám tám', 'Đoàn viên', '']];
  await page.getByTestId('reg-import-input').setInputFiles(await xlsx(PEOPLE_HEADER, bad, 'dang-ky-loi.xlsx'));
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('Dòng 4: không tìm thấy đơn vị "Huyện không có"');
  await expect(errors).toContainText('Dòng 5: năm sinh "tám tám" không hợp lệ');
  await expect(errors).toContainText('Dòng 5: thiếu danh hiệu đăng ký.');
  await expect(page.getByRole('button', { name: /^Nhập \d+ dòng$/ })).toBeDisabled();
  expect(['registrations', 'registration_individuals', 'people'].map((t) => countOf(office, t))).toEqual(before);

  // 3. The fixed sheet: Thuỷ is matched to the person entered by hand, the others are new.
  const fixed = await xlsx(PEOPLE_HEADER, rows, 'dang-ky.xlsx');
  await page.getByTestId('reg-import-input').setInputFiles(fixed);
  await expect(page.getByTestId('import-counts')).toContainText('2 dòng mới · 0 cập nhật · 1 đã có · 0 dòng lỗi');
  await expect(page.getByTestId('import-preview')).toContainText('Đặng Thị Thủy (1985)');
  await page.getByRole('button', { name: 'Nhập 3 dòng' }).click();
  await expect(page.getByTestId('import-result')).toContainText('Đã nhập: 2 mới, 0 cập nhật, 1 đã có');
  expect(countOf(office, 'registrations')).toBe(2);
  expect(countOf(office, 'people')).toBe(3);
  expect(countOf(office, 'registration_individuals')).toBe(3);

  // 4. The same sheet again: nothing new.
  await page.getByTestId('reg-import-input').setInputFiles(fixed);
  await expect(page.getByTestId('import-counts')).toContainText('0 dòng mới · 0 cập nhật · 3 đã có · 0 dòng lỗi');
  await page.getByRole('button', { name: 'Nhập 3 dòng' }).click();
  await expect(page.getByTestId('import-result')).toContainText('Đã nhập: 0 mới, 0 cập nhật, 3 đã có');
  expect([countOf(office, 'registrations'), countOf(office, 'people'), countOf(office, 'registration_individuals')]).toEqual([2, 3, 3]);

  // 5. Approval of the work for a plaque, then the plaque attached.
  await page.getByRole('tab', { name: 'Công trình, sản phẩm gắn biển' }).click();
  const works = page.getByTestId('works-table');
  const workRow = works.getByRole('row', { name: /Nhà văn hóa thôn Pác Ngòi/ });
  await expect(workRow).toContainText('Đã đăng ký');
  await expect(workRow).toContainText('1.500.000.000');
  await workRow.getByRole('button', { name: 'Duyệt gắn biển' }).click();
  const review = page.getByRole('dialog', { name: /Duyệt gắn biển: Nhà văn hóa thôn Pác Ngòi/ });
  await review.getByLabel('Ghi chú xét duyệt').fill('Đủ điều kiện gắn biển chào mừng');
  await review.getByRole('button', { name: 'Duyệt gắn biển' }).click();
  await expect(review).toBeHidden();
  await expect(workRow).toContainText('Được duyệt gắn biển');
  await expect(workRow).toContainText('Đủ điều kiện gắn biển chào mừng');
  await workRow.getByRole('button', { name: 'Đã gắn biển' }).click();
  const attach = page.getByRole('dialog', { name: /Đã gắn biển: Nhà văn hóa thôn Pác Ngòi/ });
  await attach.getByRole('button', { name: 'Đã gắn biển' }).click();
  await expect(attach).toBeHidden();
  await expect(workRow.locator('.ant-tag')).toHaveText('Đã gắn biển');
  const { items: [work] } = await api(office, 'registrations.works', {});
  expect(work).toMatchObject({ status: 'plaque_attached', reviewNote: 'Đủ điều kiện gắn biển chào mừng' });

  // The tracker knows who is still missing, and the reminder letter addresses only them.
  await page.getByRole('tab', { name: 'Tình hình đăng ký' }).click();
  await expect(page.getByTestId('tracker-counts')).toContainText('Chưa đăng ký1');
  await page.getByRole('button', { name: 'In công văn đôn đốc' }).click();
  await expect(page.getByTestId('docx-preview')).toContainText('Công đoàn ngành Giáo dục');
});
