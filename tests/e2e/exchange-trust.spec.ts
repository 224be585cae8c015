import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openOffice, test } from './fixtures';
import { openArea } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const ok = <T>(r: unknown) => (r as { ok: true; value: T }).value;

test('a unit the upper level maintains shows its owner and cannot be renamed; the key upkeep actions are there', async ({ office, browser }, info) => {
  const upper = office;
  const up = upper.bridge.app;
  const root = ok<{ organizationId: string }>(await up.dispatch('office.setup', { level: 'province', name: 'Liên đoàn Lao động tỉnh Bắc Kạn', shortName: 'LĐLĐ tỉnh Bắc Kạn', abbreviation: 'LĐLĐ', placeName: 'Bắc Kạn', parentLine: 'TỔNG LĐLĐ VIỆT NAM', signerAuthority: 'TM. BAN THƯỜNG VỤ', signerTitle: 'CHỦ TỊCH', signerName: 'Vi Văn Nghĩa' })).organizationId;
  const unit = ok<{ id: string }>(await up.dispatch('organizations.create', { parentId: root, level: 'grassroots', name: 'Công đoàn Trường THPT Chuyên Bắc Kạn', abbreviation: 'CĐCS', placeName: 'Bắc Kạn' }));
  await up.dispatch('organizations.exportXlsx', {});
  const xlsx = join(upper.exportDir, readdirSync(upper.exportDir).find((f) => f.endsWith('.xlsx'))!);

  const lower = await openOffice(await browser.newPage());
  try {
    const low = lower.bridge.app;
    await low.dispatch('organizations.importXlsx', { fileName: 'danh-muc.xlsx', dataBase64: readFileSync(xlsx).toString('base64') });
    await low.dispatch('office.setupFromDirectory', { organizationId: unit.id, signerTitle: 'CHỦ TỊCH', signerName: 'Hoàng Thị Lan' });
    const page = lower.page;
    await page.reload();
    await openArea(page, 'Đơn vị & cá nhân');
    await page.getByRole('treeitem', { name: /Công đoàn Trường THPT Chuyên Bắc Kạn/ }).first().click();
    await expect(page.getByTestId('owner-notice')).toContainText('Do “Liên đoàn Lao động tỉnh Bắc Kạn” quản lý — chỉ xem');
    await expect(page.getByRole('button', { name: 'Đổi tên' })).toBeDisabled();
    await page.screenshot({ path: info.outputPath('owner-notice.png') });

    // A unit this office adds itself stays its own: editable, no notice.
    await low.dispatch('organizations.create', { parentId: unit.id, level: 'member', name: 'Công đoàn bộ phận Tổ Toán' });
    await page.reload();
    await openArea(page, 'Đơn vị & cá nhân');
    await page.getByRole('treeitem', { name: /Công đoàn bộ phận Tổ Toán/ }).first().click();
    await expect(page.getByTestId('owner-notice')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Đổi tên' })).toBeEnabled();

    await page.getByRole('menuitem', { name: 'Trao đổi dữ liệu' }).click();
    for (const name of ['Xuất khóa bí mật (chuyển máy)…', 'Nhập khóa bí mật…', 'Đổi khóa…', 'Thu hồi khóa của đơn vị (khóa bị lộ)…', 'Nhận thông báo đổi khóa…', 'Nhận thông báo thu hồi khóa…']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await page.getByRole('button', { name: 'Xuất khóa bí mật (chuyển máy)…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xuất khóa bí mật để chuyển sang máy mới' });
    await dialog.getByLabel('Mật khẩu bảo vệ khóa').fill('mật khẩu đủ dài 2026');
    await dialog.getByLabel('Nhập lại mật khẩu').fill('mật khẩu đủ dài 2026');
    await page.screenshot({ path: info.outputPath('export-secret.png') });
    await dialog.getByRole('button', { name: 'Lưu tệp' }).click();
    await expect(page.getByText(/Đã lưu tệp khóa bí mật/)).toBeVisible();
    expect(readdirSync(lower.exportDir).some((f) => f.endsWith('.tdkt-secret'))).toBe(true);

    // The key may have leaked: the office revokes it, saves the notice for its partners and signs with a new key.
    const before = (await page.getByTestId('own-fingerprint').textContent())!.trim();
    await page.getByRole('button', { name: 'Thu hồi khóa của đơn vị (khóa bị lộ)…' }).click();
    const revoke = page.getByRole('dialog', { name: 'Thu hồi khóa ký của đơn vị' });
    await revoke.getByLabel('Lý do thu hồi (ghi trong thông báo)').fill('Máy tính của văn phòng bị mất');
    await page.waitForTimeout(400); // the dialog's opening animation, for the screenshot only
    await page.screenshot({ path: info.outputPath('revoke-own-key.png') });
    await revoke.getByRole('button', { name: 'Thu hồi khóa và lưu thông báo' }).click();
    await expect(page.getByText(/Đã thu hồi khóa cũ; đơn vị ký bằng khóa mới/)).toBeVisible();
    await expect(page.getByTestId('own-fingerprint')).not.toHaveText(before);
    const notice = readdirSync(lower.exportDir).find((f) => f.startsWith('thu-hoi-khoa-'));
    expect(JSON.parse(readFileSync(join(lower.exportDir, notice!), 'utf8')).statement).toContain('Máy tính của văn phòng bị mất');
  } finally {
    await lower.bridge.close();
  }
});
