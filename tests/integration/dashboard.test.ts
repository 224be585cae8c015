import { afterEach, describe, expect, it } from 'vitest';
import { BAC_KAN_OFFICE, startCore, type TestCore } from '../helpers/core';
import { send, twoOffices, upload } from '../helpers/exchange';

const opened: TestCore[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.cleanup();
});

/** YYYY-MM-DD of today + n days (local time, as the dashboard counts). */
function inDays(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

describe('dashboard.summary', () => {
  it('lists open đợt with deadlines and missing units, drafts waiting for a number and the last backup', async () => {
    const c = await startCore();
    opened.push(c);
    const office = await c.call('office.setup', BAC_KAN_OFFICE);
    const baBe = await c.call('organizations.create', { parentId: office.organizationId, level: 'upper', name: 'Liên đoàn Lao động huyện Ba Bể', code: 'BABE' });
    await c.call('organizations.create', { parentId: office.organizationId, level: 'upper', name: 'Liên đoàn Lao động huyện Chợ Đồn', code: 'CHODON' });
    const year = Number(inDays(0).slice(0, 4));
    const movement = await c.call('movements.save', {
      year,
      name: 'Phong trào thi đua chào mừng các ngày lễ lớn',
      phases: [
        { name: 'Đợt đã xong', startDate: inDays(-90), endDate: inDays(-40), reportDeadline: inDays(-30) },
        { name: 'Đợt đang chạy', startDate: inDays(-10), endDate: inDays(20), registrationDeadline: inDays(5), reportDeadline: inDays(30) },
      ],
    });
    const running = movement.phases[1].id;
    await c.call('registrations.save', { movementId: movement.id, phaseId: running, organizationId: baBe.id, individuals: [] });
    const plan = await c.call('plans.create', { movementId: movement.id, templateId: null });
    const report = await c.call('reports.compose', { movementId: movement.id, phaseId: running });

    let s = await c.call('dashboard.summary', {});
    expect(s.today).toBe(inDays(0));
    expect(s.openPhases.map((p) => p.phaseName)).toEqual(['Đợt đang chạy']);
    const p = s.openPhases[0];
    expect(p).toMatchObject({ registrationDeadline: inDays(5), reportDeadline: inDays(30), daysLeft: 5, unitsTotal: 2 });
    expect(p.notRegistered.map((u) => u.name)).toEqual(['Liên đoàn Lao động huyện Chợ Đồn']);
    expect(p.notReported.map((u) => u.name)).toEqual(['Liên đoàn Lao động huyện Ba Bể', 'Liên đoàn Lao động huyện Chợ Đồn']);
    expect(s.drafts.map((d) => [d.kind, d.id])).toEqual(expect.arrayContaining([['plan', plan.id], ['phase-report', report.id]]));
    expect(s.lastBackup).toBeNull();
    expect(s.backupStale).toBe(true);

    const backup = await c.call('backup.create', {});
    await c.call('reports.issue', { id: report.id, date: inDays(0) });
    s = await c.call('dashboard.summary', {});
    expect(s.lastBackup).toMatchObject({ fileName: backup.fileName, reason: 'Sao lưu thủ công' });
    expect(s.backupStale).toBe(false);
    expect(s.drafts.map((d) => d.kind)).toEqual(['plan']);
  });

  it('shows packages opened and not applied, and packages undone', async () => {
    const o = await twoOffices();
    opened.push(o.upper, o.lower);
    await o.upper.call('organizations.create', { parentId: o.upperId, level: 'upper', name: 'Công đoàn ngành Giáo dục' });
    const bytes = await send(o.upper, o.lowerId, { kind: 'directory' });
    const preview = await o.lower.call('exchange.preview', upload(bytes));
    let s = await o.lower.call('dashboard.summary', {});
    expect(s.packages).toEqual([expect.objectContaining({ packageId: preview.packageId, state: 'previewed', kindLabel: 'Danh mục đơn vị', senderName: 'Liên đoàn Lao động tỉnh Bắc Kạn' })]);
    const applied = await o.lower.call('exchange.apply', { token: preview.token });
    expect((await o.lower.call('dashboard.summary', {})).packages).toEqual([]);
    await o.lower.call('exchange.undo', { importId: applied.importId });
    s = await o.lower.call('dashboard.summary', {});
    expect(s.packages).toEqual([expect.objectContaining({ packageId: preview.packageId, state: 'undone' })]);
    // The other office's dashboard does not see this office's previews.
    expect((await o.upper.call('dashboard.summary', {})).packages).toEqual([]);
  });

  it('needs the office to be set up', async () => {
    const c = await startCore();
    opened.push(c);
    expect((await c.fail('dashboard.summary', {})).code).toBe('NOT_SET_UP');
    expect((await c.fail('dashboard.summary', { extra: 1 })).code).toBe('VALIDATION');
  });
});
