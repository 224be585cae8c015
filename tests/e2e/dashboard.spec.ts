import type { CallInput, CallName, CallOutput } from '../../src/shared/contract';
import { expect, test, type Office } from './fixtures';
import { openArea, setUpOffice } from './helpers';

async function api<K extends CallName>(office: Office, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const r = await office.bridge.app.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as CallOutput<K>;
}

function inDays(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
const dmy = (iso: string) => iso.split('-').reverse().join('/');

test('dashboard: open đợt with deadlines, units missing, drafts waiting for a number, last backup, links', async ({ office }) => {
  const { page } = office;
  await setUpOffice(page);
  const me = (await api(office, 'office.get', {}))!;
  const baBe = await api(office, 'organizations.create', { parentId: me.organizationId, level: 'upper', name: 'Liên đoàn Lao động huyện Ba Bể', code: 'BABE' });
  await api(office, 'organizations.create', { parentId: me.organizationId, level: 'upper', name: 'Liên đoàn Lao động huyện Chợ Đồn', code: 'CHODON' });
  const movement = await api(office, 'movements.save', {
    year: Number(inDays(0).slice(0, 4)),
    name: 'Phong trào thi đua chào mừng các ngày lễ lớn',
    phases: [{ name: 'Đợt đang chạy', endDate: inDays(20), registrationDeadline: inDays(3), reportDeadline: inDays(30) }],
  });
  await api(office, 'registrations.save', { movementId: movement.id, phaseId: movement.phases[0].id, organizationId: baBe.id, individuals: [] });
  await api(office, 'plans.create', { movementId: movement.id, templateId: null });

  await openArea(page, 'Báo cáo');
  await openArea(page, 'Trang chủ');
  const phase = page.getByTestId('dashboard-phase');
  await expect(phase).toContainText('Đợt đang chạy — Phong trào thi đua chào mừng các ngày lễ lớn');
  await expect(phase).toContainText('Còn 3 ngày');
  await expect(phase).toContainText(`Hạn đăng ký: ${dmy(inDays(3))}`);
  await expect(phase).toContainText(`Hạn báo cáo: ${dmy(inDays(30))}`);
  await expect(phase).toContainText('Chưa đăng ký (1): Liên đoàn Lao động huyện Chợ Đồn');
  await expect(phase).toContainText('Chưa báo cáo (2)');
  await expect(page.getByTestId('dashboard-drafts')).toContainText('Kế hoạch');
  await expect(page.getByTestId('dashboard-backup')).toContainText('Chưa có bản sao lưu nào.');
  // A fresh install says there is no backup yet, without the stale-backup warning (clerk-ux: no warning on a fresh install).
  await expect(page.getByTestId('dashboard-backup')).not.toContainText('Đã hơn một ngày chưa sao lưu.');

  await api(office, 'backup.create', {});
  await page.reload();
  await expect(page.getByTestId('dashboard-backup')).toContainText('(Sao lưu thủ công)');
  await expect(page.getByTestId('dashboard-backup')).not.toContainText('Đã hơn một ngày');

  // Links go to the areas.
  await phase.getByRole('button', { name: 'Số liệu' }).click();
  await expect(page.getByTestId('figures-counts')).toContainText('Chưa đăng ký1');
  await openArea(page, 'Trang chủ');
  await page.getByTestId('dashboard-drafts').getByRole('button', { name: 'Mở' }).click();
  await expect(page).toHaveURL(/#\/movements\/plan\//);
});
