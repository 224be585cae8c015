import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openOffice, test, type Office } from './fixtures';
import { api, openArea } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const CSTD_CO_SO = '00000000-0000-4000-8000-000000000606';
const DISTRICT = 'Liên đoàn Lao động huyện Ba Bể';
const PROVINCE = 'Liên đoàn Lao động tỉnh Bắc Kạn';
const REASON = 'Sáng kiến đã được Hội đồng huyện công nhận, quyết định đang trình ký';

async function trust(from: Office, to: Office): Promise<void> {
  const { path } = await api(from, 'exchange.exportKey', {});
  const file = { fileName: 'k.tdkt-key', dataBase64: readFileSync(path!).toString('base64') };
  const view = await api(to, 'exchange.inspectKey', file);
  await api(to, 'exchange.trustKey', { ...file, fingerprint: view.fingerprint });
}

test('the upper council reads the reason a lower council approved a nomination over an unmet condition', async ({ office, browser }, info) => {
  const province = office;
  const root = (await api(province, 'office.setup', { level: 'province', name: PROVINCE, shortName: 'LĐLĐ tỉnh Bắc Kạn', abbreviation: 'LĐLĐ', placeName: 'Bắc Kạn', parentLine: 'TỔNG LĐLĐ VIỆT NAM', signerAuthority: 'TM. BAN THƯỜNG VỤ', signerTitle: 'CHỦ TỊCH', signerName: 'Vi Văn Nghĩa' })).organizationId;
  const unit = await api(province, 'organizations.create', { parentId: root, level: 'upper', name: DISTRICT, abbreviation: 'LĐLĐ', placeName: 'Ba Bể', parentLine: 'LĐLĐ TỈNH BẮC KẠN' });
  await api(province, 'organizations.exportXlsx', {});
  const xlsx = join(province.exportDir, readdirSync(province.exportDir).find((f) => f.endsWith('.xlsx'))!);

  const district = await openOffice(await browser.newPage());
  try {
    await api(district, 'organizations.importXlsx', { fileName: 'danh-muc.xlsx', dataBase64: readFileSync(xlsx).toString('base64') });
    await api(district, 'office.setupFromDirectory', { organizationId: unit.id, signerAuthority: 'TM. BAN THƯỜNG VỤ', signerTitle: 'CHỦ TỊCH', signerName: 'Triệu Văn Hùng' });
    await trust(province, district);
    await trust(district, province);
    const year = new Date().getFullYear();
    const n = await api(district, 'commendations.saveNomination', { movementId: null, periodYear: year, sourceOrgId: unit.id, proposedFormId: CSTD_CO_SO, achievement: 'Hoàn thành xuất sắc nhiệm vụ', target: 'individual', fullName: 'Lục Thị Mai', organizationId: unit.id, positionUnit: 'Chuyên viên' });
    await api(district, 'commendations.review', { nominationId: n.id, reviewedOn: `${year}-06-10`, councilSize: 5, votesFor: 5, result: 'approved', overrideReason: REASON });
    const { path } = await api(district, 'exchange.export', { kind: 'nominations', receiverId: root, full: false });
    const preview = await api(province, 'exchange.preview', { fileName: 'goi.tdkt', dataBase64: readFileSync(path!).toString('base64') });
    await api(province, 'exchange.apply', { token: preview.token });

    const page = province.page;
    await page.reload();
    await openArea(page, 'Khen thưởng');
    await page.getByRole('tab', { name: 'Đề nghị & bình xét' }).click();
    const row = page.getByRole('row', { name: /Lục Thị Mai/ });
    // Not approved here (the district's vote is not the province's), but the district's override is flagged.
    await expect(row.getByText('Cấp dưới thông qua khi chưa đạt điều kiện')).toBeVisible();
    await expect(row.getByText('Đã thông qua')).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('nominations-lower-override.png') });

    await row.getByRole('button', { name: 'Bình xét Lục Thị Mai' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bình xét đề nghị khen thưởng' });
    await expect(dialog.getByText(`Hội đồng ${DISTRICT}`)).toBeVisible();
    await expect(dialog.getByText(`Đã thông qua khi chưa đạt điều kiện. Lý do: ${REASON}`)).toBeVisible();
    await page.screenshot({ path: info.outputPath('review-lower-override.png') });
  } finally {
    await district.bridge.close();
  }
});
