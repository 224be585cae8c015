/**
 * A long decision list as a clerk edits it: a removed row comes back with Hoàn tác, and undoing back to
 * the saved list leaves the editor clean (leaving asks nothing, saves nothing); the money preview of every
 * row comes from one call; a list over 100 rows draws only the rows on screen.
 */
import { api, goTo } from './helpers';
import { expect, test } from './fixtures';
import { BAC_KAN_OFFICE } from '../helpers/core';

test('a 150-row decision: remove + undo is clean again, money in one call, only the rows on screen drawn', async ({ office }) => {
  const { page } = office;
  const me = await api(office, 'office.setup', BAC_KAN_OFFICE);
  const forms = (await api(office, 'commendations.catalogue', {})).forms.filter((f) => f.kind === 'form' && f.targets !== 'collective');
  const d = await api(office, 'commendations.saveDecision', {
    periodYear: 2026,
    decisionDate: '2026-06-15',
    achievement: 'đã có thành tích xuất sắc năm 2026',
    bases: ['Căn cứ Điều lệ Công đoàn Việt Nam'],
    proposalLine: 'Xét đề nghị của Hội đồng Thi đua - Khen thưởng',
    executors: 'Văn phòng và các cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
    awardees: Array.from({ length: 150 }, (_, i) => ({ nominationId: null, target: 'individual' as const, personId: null, organizationId: me.organizationId, name: `Đoàn Viên Số ${i + 1}`, positionUnit: 'Công đoàn cơ sở', formId: forms[i % 2].id, note: '' })),
  });
  const moneyCalls: string[] = [];
  page.on('request', (r) => r.url().includes('/rpc/commendations.') && r.url().match(/money/i) && moneyCalls.push(r.url().split('/rpc/')[1]));
  await page.reload();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
  await goTo(page, 'awards', 'decision', d.id);

  await expect(page.getByText('Danh sách tập thể, cá nhân (0 tập thể, 150 cá nhân)')).toBeVisible();
  await expect(page.getByTestId('decision-preview-total')).toContainText('đồng');
  await expect(page.getByTestId('decision-preview-total')).not.toContainText('Xem trước: 0 đồng');
  expect(moneyCalls).toEqual(['commendations.previewMoney']);
  // Virtualized: far fewer row buttons in the page than rows in the list.
  const drawn = await page.locator('[data-testid=awardees-table] button[aria-label^="Bỏ "]').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(60);

  await expect(page.getByTestId('decision-save-status')).toHaveText('Đã lưu');
  await page.getByRole('button', { name: 'Bỏ Đoàn Viên Số 1', exact: true }).click();
  await expect(page.getByText('Danh sách tập thể, cá nhân (0 tập thể, 149 cá nhân)')).toBeVisible();
  await expect(page.getByTestId('decision-save-status')).toContainText('Có thay đổi chưa lưu');
  await page.getByTestId('removed-notice').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(page.getByText('Danh sách tập thể, cá nhân (0 tập thể, 150 cá nhân)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bỏ Đoàn Viên Số 1', exact: true })).toBeVisible();
  // Back to exactly what was saved: clean, so leaving neither asks nor saves.
  await expect(page.getByTestId('decision-save-status')).toHaveText('Đã lưu');
  const saves: string[] = [];
  page.on('request', (r) => r.url().includes('/rpc/commendations.saveDecision') && saves.push(r.url()));
  await page.getByRole('button', { name: '← Danh sách quyết định' }).click();
  await expect(page.getByRole('tab', { name: 'Quyết định', selected: true })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(saves).toEqual([]);
  expect((await api(office, 'commendations.getDecision', { id: d.id })).awardees).toHaveLength(150);
});
