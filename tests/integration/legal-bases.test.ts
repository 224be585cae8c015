import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BAC_KAN_OFFICE, startCore, type TestCore } from '../helpers/core';

/** Căn cứ pháp lý as dated data the clerk edits: add, edit, retire with a date, undo; the documents cite what is in force on their date. */
let core: TestCore;
let officeId: string;
beforeEach(async () => {
  core = await startCore();
  officeId = (await core.call('office.setup', BAC_KAN_OFFICE)).organizationId;
});
afterEach(() => core.cleanup());

const QUY_CHE = 'Căn cứ Quy chế khen thưởng của Liên đoàn Lao động tỉnh Bắc Kạn ban hành kèm theo Quyết định số 15/QĐ-LĐLĐ ngày 10/01/2026';
const inForce = (date: string, appliesTo: 'decision' | 'proposal' = 'decision') => core.call('catalogue.listLegalBases', { date, appliesTo });
const row = (text: string) => core.app.store.sqlite.prepare('SELECT text, valid_from, valid_to, owner_id, revision, deleted_at FROM legal_bases WHERE text = ?').get(text);

describe('legal bases (căn cứ) as dated data', () => {
  it('adds a line that decisions from its date cite, edits it, retires it with a date, and undoes each step', async () => {
    const seeded = await core.call('catalogue.getLegalBases', {});
    expect(seeded.length).toBeGreaterThan(0);
    const list = await core.call('catalogue.saveLegalBasis', { text: `  ${QUY_CHE}  `, appliesTo: 'decision', validFrom: '2026-01-10', source: 'QĐ 15/QĐ-LĐLĐ' });
    const added = list.find((b) => b.text === QUY_CHE)!;
    expect(added).toMatchObject({ appliesTo: 'decision', validFrom: '2026-01-10', validTo: null, receivedFrom: null });
    expect(list.map((b) => b.id).slice(0, -1)).toEqual(seeded.map((b) => b.id));
    expect(row(QUY_CHE)).toMatchObject({ owner_id: officeId, revision: 1 });
    // Cited by a decision dated from 10/01/2026 on, not before it, and not by a tờ trình.
    expect(await inForce('2026-01-09')).not.toContain(`${QUY_CHE};`);
    expect(await inForce('2026-01-10')).toContain(`${QUY_CHE};`);
    expect(await inForce('2026-03-01', 'proposal')).not.toContain(`${QUY_CHE};`);

    // Edit: now for both kinds.
    await core.call('catalogue.saveLegalBasis', { id: added.id, text: QUY_CHE, appliesTo: 'both', validFrom: '2026-01-10', source: 'QĐ 15/QĐ-LĐLĐ' });
    expect(await inForce('2026-03-01', 'proposal')).toContain(`${QUY_CHE};`);
    // Retire: the last day it applies is 30/06/2026.
    const retired = await core.call('catalogue.retireLegalBasis', { id: added.id, validTo: '2026-06-30' });
    expect(retired.find((b) => b.id === added.id)).toMatchObject({ validTo: '2026-06-30' });
    expect(await inForce('2026-06-30')).toContain(`${QUY_CHE};`);
    expect(await inForce('2026-07-01')).not.toContain(`${QUY_CHE};`);
    // Undo the retirement (the screen saves the row as it was), then undo the add (the line typed by mistake goes).
    await core.call('catalogue.saveLegalBasis', { id: added.id, text: QUY_CHE, appliesTo: 'both', validFrom: '2026-01-10', validTo: null, source: 'QĐ 15/QĐ-LĐLĐ' });
    expect(await inForce('2027-01-01')).toContain(`${QUY_CHE};`);
    const after = await core.call('catalogue.deleteLegalBasis', { id: added.id });
    expect(after.map((b) => b.id)).toEqual(seeded.map((b) => b.id));
    expect(row(QUY_CHE)).toMatchObject({ revision: 5, deleted_at: expect.any(String) });
    expect(await inForce('2026-03-01')).not.toContain(`${QUY_CHE};`);
  });

  it('refuses bad input and the upper level’s lines with a Vietnamese message, changing nothing', async () => {
    const bad = await core.fail('catalogue.saveLegalBasis', { text: QUY_CHE, appliesTo: 'decision', validFrom: '2026-05-01', validTo: '2026-04-30' });
    expect(bad.message).toMatch(/Ngày hết hiệu lực không được trước ngày áp dụng/);
    expect((await core.fail('catalogue.saveLegalBasis', { text: '   ', appliesTo: 'decision', validFrom: '2026-05-01' })).message).toMatch(/Nội dung căn cứ: không được để trống/);
    expect((await core.fail('catalogue.saveLegalBasis', { text: QUY_CHE, appliesTo: 'ca hai', validFrom: '2026-05-01' })).message).toMatch(/Dùng cho: không hợp lệ/);
    expect((await core.fail('catalogue.saveLegalBasis', { text: QUY_CHE, appliesTo: 'decision', validFrom: '2026-02-30' })).message).toMatch(/Áp dụng từ ngày: ngày không tồn tại/);
    const list = await core.call('catalogue.saveLegalBasis', { text: QUY_CHE, appliesTo: 'decision', validFrom: '2026-01-10' });
    const id = list.find((b) => b.text === QUY_CHE)!.id;
    // The same line twice on overlapping dates would be cited twice.
    expect((await core.fail('catalogue.saveLegalBasis', { text: QUY_CHE.toUpperCase(), appliesTo: 'both', validFrom: '2026-03-01' })).message).toMatch(/Căn cứ này đã có \(áp dụng từ 10\/01\/2026\)/);
    expect((await core.fail('catalogue.retireLegalBasis', { id, validTo: '2025-12-31' })).message).toMatch(/không được trước ngày căn cứ bắt đầu áp dụng \(10\/01\/2026\)/);
    // A line the upper level sent is theirs.
    const upper = (await core.call('organizations.tree', {})).find((o) => o.id !== officeId)?.id ?? '00000000-0000-4000-8000-0000000000aa';
    core.app.store.sqlite.prepare('UPDATE legal_bases SET owner_id = ? WHERE id = ?').run(upper, id);
    const before = row(QUY_CHE);
    expect((await core.fail('catalogue.retireLegalBasis', { id, validTo: '2026-06-30' })).message).toMatch(/gửi xuống trong gói danh mục; máy này không sửa hay xóa được/);
    expect((await core.fail('catalogue.deleteLegalBasis', { id })).code).toBe('CONFLICT');
    expect(row(QUY_CHE)).toEqual(before);
    expect((await core.call('catalogue.getLegalBases', {})).find((b) => b.id === id)?.receivedFrom).toBeTruthy();
  });
});
