/**
 * An issued tờ trình is final wherever it is held: the district's own database refuses to change it (migration
 * 0021), and the province refuses a package — even one signed with the district's genuine key — that would
 * rewrite or shorten it; undoing the package that brought it still removes it whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readRecord, type WireRecord } from '../../src/main/core/exchange/records';
import { TABLE_SPECS } from '../../src/main/core/exchange/tables';
import type { TestCore } from '../helpers/core';
import { FORMS } from '../helpers/commendations';
import { dumpAll, receive, send } from '../helpers/exchange';
import { forge } from '../helpers/exchange-chain';
import { count, threeOffices } from '../helpers/three-offices';

const opened: TestCore[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.cleanup();
});
const record = (core: TestCore, table: string, id: string): WireRecord => structuredClone(readRecord(core.app.store.sqlite, TABLE_SPECS[table], id)!);
const withoutJournal = (dump: string) => dump.replace(/exchange_imports[\s\S]*?\n\n/, '');

describe('an issued tờ trình across levels', () => {
  it('is refused when a package would change it at the receiver, and leaves with the undo of the package that brought it', async () => {
    const o = await threeOffices();
    opened.push(...o.all);
    const nominate = (fullName: string) =>
      o.district.call('commendations.saveNomination', { periodYear: 2026, sourceOrgId: o.districtId, target: 'individual', fullName, organizationId: o.districtId, positionUnit: 'Chuyên viên', proposedFormId: FORMS.giayKhen });
    const a = await nominate('Đặng Thị An');
    const b = await nominate('Hoàng Văn Bình');
    for (const n of [a, b]) await o.district.call('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 5, votesFor: 5, result: 'approved' });
    const p = await o.district.call('commendations.saveProposal', { formId: FORMS.giayKhen, addressee: 'Ban Thường vụ Liên đoàn Lao động tỉnh', superior: 'Ban Thường vụ Liên đoàn Lao động tỉnh', achievement: 'đã có thành tích xuất sắc năm 2026', bases: [], nominationIds: [a.id, b.id] });
    await o.district.call('commendations.issueProposal', { id: p.id, date: '2026-06-12' });
    // At the issuer no path changes it, a raw write included.
    expect(() => o.district.app.store.sqlite.prepare("UPDATE commendation_proposals SET achievement = 'khác' WHERE id = ?").run(p.id)).toThrow('Tờ trình đã ban hành không thể sửa');

    const up = await receive(o.province, await send(o.district, o.provinceId, { kind: 'nominations' }));
    expect(up.preview.counts.refused, JSON.stringify(up.preview.rows)).toBe(0);
    expect(count(o.province, 'commendation_proposal_items', 'proposal_id = ?', p.id)).toBe(2);

    // The district's own key signs a rewritten tờ trình with one name dropped and a higher revision.
    const rewritten = record(o.district, 'commendation_proposals', p.id);
    rewritten.row.achievement = 'thành tích viết lại sau khi ban hành';
    rewritten.row.revision = (rewritten.row.revision as number) + 5;
    rewritten.children.commendation_proposal_items = rewritten.children.commendation_proposal_items.filter((i) => i.nomination_id === a.id);
    const before = dumpAll(o.province);
    const forged = await receive(o.province, forge(o.district, o.districtId, o.provinceId, 'nominations', [{ table: 'commendation_proposals', records: [rewritten] }]));
    expect(forged.preview.rows[0]).toMatchObject({ status: 'refused', reason: expect.stringMatching(/Tờ trình đã ban hành ở máy này không thể thay đổi/) });
    expect(withoutJournal(dumpAll(o.province))).toBe(withoutJournal(before));
    expect(count(o.province, 'commendation_proposal_items', 'proposal_id = ?', p.id)).toBe(2);

    // Undoing the package that brought it removes the received tờ trình with its list (the lock is the issuer's).
    const journal = await o.province.call('exchange.journal', {});
    const first = journal.find((j) => j.packageId === up.preview.packageId)!;
    await o.province.call('exchange.undo', { importId: first.importId });
    expect(count(o.province, 'commendation_proposals', 'id = ?', p.id)).toBe(0);
    expect(count(o.province, 'commendation_proposal_items', 'proposal_id = ?', p.id)).toBe(0);
  });
});
