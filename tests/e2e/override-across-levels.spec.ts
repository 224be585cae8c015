import { expect, test } from './fixtures';
import { api, openArea } from './helpers';
import { deliver, DISTRICT, provinceAndDistrict } from './province-district';

test.use({ viewport: { width: 1366, height: 768 } });

const CSTD_CO_SO = '00000000-0000-4000-8000-000000000606';
const REASON = 'Sáng kiến đã được Hội đồng huyện công nhận, quyết định đang trình ký';

test('the upper council reads the reason a lower council approved a nomination over an unmet condition', async ({ office, browser }, info) => {
  const province = office;
  const { district, root, unitId } = await provinceAndDistrict(province, browser);
  const unit = { id: unitId };
  try {
    const year = new Date().getFullYear();
    const n = await api(district, 'commendations.saveNomination', { movementId: null, periodYear: year, sourceOrgId: unit.id, proposedFormId: CSTD_CO_SO, achievement: 'Hoàn thành xuất sắc nhiệm vụ', target: 'individual', fullName: 'Lục Thị Mai', organizationId: unit.id, positionUnit: 'Chuyên viên' });
    await api(district, 'commendations.review', { nominationId: n.id, reviewedOn: `${year}-06-10`, councilSize: 5, votesFor: 5, result: 'approved', overrideReason: REASON });
    await deliver(district, province, root, 'nominations');

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
