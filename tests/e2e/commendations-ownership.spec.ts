import { expect, test } from './fixtures';
import { api, openArea } from './helpers';
import { DISTRICT, deliver, PROVINCE, provinceAndDistrict } from './province-district';

test.use({ viewport: { width: 1366, height: 768 } });

const GIAY_KHEN = '00000000-0000-4000-8000-000000000601';

test('a nomination and a decision of another office show who manages them and offer no edit, delete or correction', async ({ office, browser }, info) => {
  const province = office;
  const { district, root, unitId } = await provinceAndDistrict(province, browser);
  const unit = { id: unitId };
  try {
    const nomination = { movementId: null, periodYear: new Date().getFullYear(), sourceOrgId: unit.id, proposedFormId: GIAY_KHEN, achievement: 'Hoàn thành xuất sắc nhiệm vụ' };
    await api(district, 'commendations.saveNomination', { ...nomination, target: 'individual', fullName: 'Lục Thị Mai', organizationId: unit.id, positionUnit: 'Chủ tịch công đoàn' });
    await deliver(district, province, root, 'nominations');
    // The province's own list for comparison: typed here, editable.
    await api(province, 'commendations.saveNomination', { ...nomination, sourceOrgId: root, target: 'collective', organizationId: root });

    const page = province.page;
    await page.reload();
    await openArea(page, 'Khen thưởng');
    await page.getByRole('tab', { name: 'Đề nghị & bình xét' }).click();
    const foreign = page.getByRole('row', { name: /Lục Thị Mai/ });
    await expect(foreign.getByTestId('owner-tag')).toHaveText(`Chỉ xem — do ${DISTRICT} quản lý`);
    await expect(foreign.getByRole('button', { name: 'Sửa' })).toHaveCount(0);
    await expect(foreign.getByRole('button', { name: 'Xóa' })).toHaveCount(0);
    await expect(foreign.getByRole('button', { name: /Bình xét/ })).toBeVisible();
    const ownRow = page.getByRole('row', { name: new RegExp(PROVINCE) });
    await expect(ownRow.getByRole('button', { name: 'Sửa' })).toBeVisible();
    await expect(ownRow.getByTestId('owner-tag')).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('nominations-owner.png') });

    // The province decides on the district's nomination; the decision goes down.
    const [n] = (await api(province, 'commendations.listNominations', { periodYear: nomination.periodYear })).filter((x) => x.displayName === 'Lục Thị Mai');
    await api(province, 'commendations.review', { nominationId: n.id, reviewedOn: `${nomination.periodYear}-06-10`, councilSize: 9, votesFor: 9, result: 'approved' });
    const decision = await api(province, 'commendations.saveDecision', {
      movementId: null,
      periodYear: nomination.periodYear,
      decisionDate: `${nomination.periodYear}-06-15`,
      achievement: 'đã có thành tích xuất sắc',
      bases: ['Căn cứ Điều lệ Công đoàn Việt Nam'],
      proposalLine: `Xét đề nghị của ${DISTRICT}`,
      executors: 'Các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
      awardees: [{ nominationId: n.id, target: n.target, personId: n.personId, organizationId: n.organizationId, name: n.displayName, positionUnit: n.positionUnit, formId: n.proposedFormId }],
    });
    await api(province, 'commendations.issueDecision', { id: decision.id, date: `${nomination.periodYear}-06-15` });
    await deliver(province, district, unit.id, 'decisions');

    const low = district.page;
    await low.reload();
    await openArea(low, 'Khen thưởng');
    await low.getByRole('tab', { name: 'Quyết định' }).click();
    const row = low.getByRole('row', { name: /01\/QĐ-LĐLĐ/ });
    await expect(row.getByTestId('owner-tag')).toHaveText(`Chỉ xem — do ${PROVINCE} quản lý`);
    await row.getByRole('button', { name: 'Mở' }).click();
    await expect(low.getByTestId('owner-notice')).toContainText(`Do “${PROVINCE}” quản lý — chỉ xem`);
    await expect(low.getByRole('button', { name: 'Lập quyết định đính chính' })).toHaveCount(0);
    await expect(low.getByRole('button', { name: /Xóa/ })).toHaveCount(0);
    await low.screenshot({ path: info.outputPath('decision-owner.png') });
  } finally {
    await district.bridge.close();
  }
});
