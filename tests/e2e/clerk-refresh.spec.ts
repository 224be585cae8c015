/**
 * Lists refresh after an edit elsewhere or a wholesale change (restore/import: data.changed 'all')
 * without the clerk navigating away; a failed read is said in Vietnamese.
 */
import { expect, test } from './fixtures';
import { api, openArea, setUpOffice } from './helpers';

test('movements, plans and the register refresh after edits elsewhere and after a restore', async ({ office }) => {
  const { page } = office;
  await setUpOffice(page);
  const backup = await api(office, 'backup.create', {});
  await api(office, 'movements.save', { year: 2026, name: 'Phong trào A năm 2026', phases: [] });

  await openArea(page, 'Phong trào & kế hoạch');
  await expect(page.getByRole('cell', { name: 'Phong trào A năm 2026', exact: true })).toBeVisible();

  // Another window (or an import) adds a movement and a plan: the open lists show them.
  const b = await api(office, 'movements.save', { year: 2026, name: 'Phong trào B năm 2026', phases: [] });
  await expect(page.getByRole('cell', { name: 'Phong trào B năm 2026', exact: true })).toBeVisible();
  const plan = await api(office, 'plans.create', { movementId: b.id });
  await expect(page.getByRole('button', { name: `Mở kế hoạch ${plan.subject}` })).toBeVisible();

  // A restore replaces everything: both movements go, without leaving the screen.
  await api(office, 'backup.restore', { fileName: backup.fileName });
  await expect(page.getByRole('cell', { name: 'Phong trào A năm 2026', exact: true })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: 'Phong trào B năm 2026', exact: true })).toHaveCount(0);

  await openArea(page, 'Sổ văn bản');
  await expect(page.getByTestId('register-next')).toHaveText('01');
  await api(office, 'register.add', { kindAbbr: 'QĐ', date: `${new Date().getFullYear()}-01-05`, subject: 'Quyết định lấy số ngoài', number: null });
  await expect(page.getByTestId('register-next')).toHaveText('02');
});
