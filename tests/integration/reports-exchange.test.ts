import { afterEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../helpers/core';
import { receive, send, twoOffices, type Offices } from '../helpers/exchange';

const opened: TestCore[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.cleanup();
});

/**
 * The upper level knows the lower unit as one of its units (the directory is the upper's; here the lower's
 * own rows are copied under the upper office, as if the lower had been set up from the upper's directory).
 */
function knowLowerUnit(o: Offices): void {
  const lowerSql = o.lower.app.store.sqlite;
  const upperSql = o.upper.app.store.sqlite;
  const org = lowerSql.prepare('SELECT * FROM organizations WHERE id = ?').get(o.lowerId) as Record<string, unknown>;
  const names = lowerSql.prepare('SELECT * FROM organization_names WHERE organization_id = ?').all(o.lowerId) as Record<string, unknown>[];
  const insert = (table: string, row: Record<string, unknown>) =>
    upperSql.prepare(`INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((k) => `@${k}`).join(', ')})`).run(row);
  insert('organizations', { ...org, parent_id: o.upperId, code: 'CDCS01' });
  for (const n of names) insert('organization_names', n);
}

describe('phase reports travel up', () => {
  it('the lower unit issues its report and sends it up; the upper counts it and lists it among the lower reports', async () => {
    const o = await twoOffices();
    opened.push(o.upper, o.lower);
    knowLowerUnit(o);
    const movement = await o.upper.call('movements.save', { year: 2026, name: 'Phong trào thi đua lao động giỏi năm 2026', phases: [{ name: 'Đợt 1', endDate: '2026-06-30', reportDeadline: '2026-07-15' }] });
    const phaseId = movement.phases[0].id;
    await receive(o.lower, await send(o.upper, o.lowerId, { kind: 'directory' }));
    await receive(o.lower, await send(o.upper, o.lowerId, { kind: 'plan', movementId: movement.id }));

    const before = await o.upper.call('reports.figures', { movementId: movement.id, phaseId });
    expect(before.units.map((u) => [u.name, u.reportNumber])).toEqual([['Công đoàn Trường THPT Chuyên Bắc Kạn', null]]);

    const draft = await o.lower.call('reports.compose', { movementId: movement.id, phaseId });
    // Upward: Kính gửi the unit above in the lower's directory.
    expect(draft.body.addressees).toEqual([]);
    await o.lower.call('reports.save', { id: draft.id, subject: draft.subject, body: { ...draft.body, addressees: ['Ban Thường vụ Liên đoàn Lao động tỉnh Bắc Kạn'] } });
    // Drafts never travel.
    const kinds = await o.lower.call('exchange.kinds', {});
    expect(kinds.find((k) => k.kind === 'reports')).toMatchObject({ available: true, direction: 'up' });
    await o.lower.call('reports.issue', { id: draft.id, date: '2026-07-10' });

    const pkg = await send(o.lower, o.upperId, { kind: 'reports', movementId: movement.id, phaseId });
    const { preview } = await receive(o.upper, pkg);
    expect(preview.counts).toEqual({ new: 2, changed: 0, unchanged: 0, refused: 0 });

    const after = await o.upper.call('reports.figures', { movementId: movement.id, phaseId });
    expect(after.units[0].reportNumber).toBe('01/BC-CĐCS');
    expect(after.lowerReports).toEqual([expect.objectContaining({ organizationName: 'Công đoàn Trường THPT Chuyên Bắc Kạn', numberText: '01/BC-CĐCS', date: '2026-07-10' })]);
    expect(after.totals.reportsReceived).toBe(1);
    const list = await o.upper.call('reports.list', { movementId: movement.id });
    expect(list).toEqual([expect.objectContaining({ own: false, status: 'issued', numberText: '01/BC-CĐCS' })]);
    // The upper cannot edit the lower's report.
    expect(await o.upper.fail('reports.save', { id: draft.id, subject: 'Sửa', body: draft.body })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('chỉ đơn vị đó sửa được') });
    // The upper's own report composed now mentions the lower report.
    const own = await o.upper.call('reports.compose', { movementId: movement.id, phaseId });
    expect(own.body.sections[0].paragraphs.join('\n')).toContain('Báo cáo của cấp dưới: đã nhận 1 báo cáo (Công đoàn Trường THPT Chuyên Bắc Kạn số 01/BC-CĐCS).');
    // The same package twice changes nothing.
    expect((await o.upper.fail('exchange.preview', { fileName: 'goi.tdkt', dataBase64: pkg.toString('base64') })).code).toBe('CONFLICT');
  });
});
