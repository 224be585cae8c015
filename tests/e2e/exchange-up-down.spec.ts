import { expect, openOffice, test } from './fixtures';
import { core, handKey, receivePackage, sendPackage } from './exchange-helpers';
import { pickOption, setUpOffice } from './helpers';

const GIAY_KHEN = '00000000-0000-4000-8000-000000000601'; // seeded catalogue id (migration 0005)
const LOWER_NAME = 'Công đoàn Trường THPT Chuyên Bắc Kạn';

/**
 * Two offices, two bridges, two pages. The lower office starts from the upper level's directory; then a
 * plan goes down, registrations and a nomination go up, and the decision comes down — every package made
 * and opened through the "Trao đổi dữ liệu" screens.
 */
test('plan down, registrations and a nomination up, the decision down between two offices', async ({ office, browser }) => {
  test.setTimeout(480_000);
  const upper = office;
  await setUpOffice(upper.page);
  const upperId = (await core<{ organizationId: string }>(upper, 'office.get', {})).organizationId;
  const unit = await core<{ id: string }>(upper, 'organizations.create', { parentId: upperId, level: 'grassroots', name: LOWER_NAME, abbreviation: 'CĐCS', placeName: 'Bắc Kạn' });
  const directory = await core<{ path: string }>(upper, 'organizations.exportXlsx', {});

  const lower = await openOffice(await browser.newPage());
  try {
    // The lower office is that very unit of the upper's directory.
    await lower.page.getByRole('button', { name: 'Thiết lập từ danh mục của cấp trên…' }).click();
    const dialog = lower.page.getByRole('dialog', { name: 'Thiết lập từ danh mục của cấp trên' });
    await dialog.getByTestId('setup-directory-input').setInputFiles(directory.path);
    await pickOption(lower.page, 'Đơn vị của mình', `${LOWER_NAME} (CĐCS)`, dialog);
    await dialog.getByLabel('Họ tên người ký').fill('Hoàng Thị Lan');
    await dialog.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
    await expect(lower.page.getByRole('menuitem', { name: 'Trang chủ' })).toBeVisible();

    for (const o of [upper, lower]) {
      await o.page.getByRole('menuitem', { name: 'Trao đổi dữ liệu' }).click();
      await expect(o.page.getByTestId('own-fingerprint')).toBeVisible();
    }
    await handKey(upper, lower);
    await handKey(lower, upper);

    // Plan down.
    const movement = await core<{ id: string }>(upper, 'movements.save', {
      year: 2026,
      name: 'Phong trào thi đua lao động giỏi năm 2026',
      phases: [{ name: 'Đợt 1', startDate: '2026-01-01', endDate: '2026-06-30' }],
    });
    await core(upper, 'plans.create', { movementId: movement.id });
    await upper.page.reload();
    await receivePackage(lower, await sendPackage(upper.page, /^Kế hoạch, phong trào thi đua/, LOWER_NAME, 1), /2 mới/);

    // Registrations up: one registration, two people, one work.
    const reg = await core<{ individuals: { personId: string; fullName: string }[] }>(lower, 'registrations.save', {
      movementId: movement.id,
      phaseId: null,
      organizationId: unit.id,
      collectiveTitles: ['Công đoàn cơ sở vững mạnh'],
      individuals: [
        { fullName: 'Đặng Thị An', birthYear: 1985, title: 'Lao động tiên tiến' },
        { fullName: 'Hoàng Văn Thủy', birthYear: 1990, title: 'Chiến sĩ thi đua cơ sở' },
      ],
      works: [{ name: 'Nhà đa năng Trường THPT Chuyên', valueDong: 1_500_000_000, startDate: '2026-01-10', finishDate: '2026-05-19' }],
    });
    await lower.page.reload();
    await receivePackage(upper, await sendPackage(lower.page, /^Đăng ký thi đua/, 'Liên đoàn Lao động tỉnh Bắc Kạn', 1), /6 mới/);
    const found = await core<{ items: { fullName: string }[] }>(upper, 'people.search', { query: 'dang thi an' });
    expect(found.items.map((p) => p.fullName)).toEqual(['Đặng Thị An']);

    // A nomination up.
    const an = reg.individuals.find((i) => i.fullName === 'Đặng Thị An')!;
    const nomination = await core<{ id: string }>(lower, 'commendations.saveNomination', {
      movementId: movement.id,
      periodYear: 2026,
      sourceOrgId: unit.id,
      target: 'individual',
      personId: an.personId,
      organizationId: unit.id,
      positionUnit: 'Giáo viên',
      proposedFormId: GIAY_KHEN,
    });
    await lower.page.reload();
    await receivePackage(upper, await sendPackage(lower.page, /^Đề nghị khen thưởng/, 'Liên đoàn Lao động tỉnh Bắc Kạn', 2), /1 mới/);

    // The upper's council approves, the decision is issued, and it goes down.
    const n = await core<{ id: string; target: string; personId: string; organizationId: string; displayName: string; positionUnit: string; proposedFormId: string }>(upper, 'commendations.review', {
      nominationId: nomination.id,
      reviewedOn: '2026-06-10',
      councilSize: 9,
      votesFor: 9,
      result: 'approved',
    });
    const decision = await core<{ id: string }>(upper, 'commendations.saveDecision', {
      movementId: movement.id,
      periodYear: 2026,
      decisionDate: '2026-06-15',
      achievement: 'đã có thành tích xuất sắc trong phong trào thi đua lao động giỏi năm 2026',
      bases: ['Căn cứ Điều lệ Công đoàn Việt Nam'],
      proposalLine: 'Xét đề nghị của Ban Tổ chức',
      executors: 'Các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
      awardees: [{ nominationId: n.id, target: n.target, personId: n.personId, organizationId: n.organizationId, name: n.displayName, positionUnit: n.positionUnit, formId: n.proposedFormId }],
    });
    await core(upper, 'commendations.issueDecision', { id: decision.id, date: '2026-06-15' });
    await upper.page.reload();
    await receivePackage(lower, await sendPackage(upper.page, /^Quyết định khen thưởng/, LOWER_NAME, 2), /4 mới/); // register entry, decision, awardee, bình xét

    const atLower = lower.bridge.app.store.sqlite.prepare('SELECT status, issuer_id, total_amount FROM decisions WHERE id = ?').get(decision.id);
    expect(atLower).toEqual({ status: 'issued', issuer_id: upperId, total_amount: 710_000 });
    await expect(lower.page.getByTestId('exchange-journal').getByRole('cell', { name: 'Quyết định khen thưởng' })).toBeVisible();
  } finally {
    await lower.bridge.close();
  }
});
