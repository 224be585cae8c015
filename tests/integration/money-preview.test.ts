/** commendations.previewMoney: every (form, target) pair of a list priced in one call, each as commendations.money says. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BAC_KAN_OFFICE, startCore, type TestCore } from '../helpers/core';
import { FORMS } from '../helpers/commendations';

let core: TestCore;
beforeEach(async () => {
  core = await startCore();
  await core.call('office.setup', BAC_KAN_OFFICE);
});
afterEach(async () => core.cleanup());

describe('money for all pairs of a list in one call', () => {
  it('gives each pair, in the order asked, exactly what commendations.money gives for it on that date', async () => {
    const pairs = [
      { formId: FORMS.giayKhen, target: 'individual' as const },
      { formId: FORMS.giayKhen, target: 'collective' as const },
      { formId: FORMS.bangKhenTld, target: 'individual' as const },
      { formId: FORMS.csTdCoSo, target: 'individual' as const },
    ];
    for (const date of ['2026-06-30', '2026-07-01']) {
      const got = await core.call('commendations.previewMoney', { date, pairs });
      expect(got.map((r) => [r.formId, r.target, r.error])).toEqual(pairs.map((p) => [p.formId, p.target, null]));
      for (const [i, p] of pairs.entries()) expect(got[i].money).toEqual(await core.call('commendations.money', { ...p, date }));
    }
    const june = await core.call('commendations.previewMoney', { date: '2026-06-30', pairs });
    expect(june.map((r) => r.money!.amount)).toEqual([710_000, 1_410_000, 3_510_000, 2_340_000]);
  });

  it('a pair whose form is not in the catalogue says why; the other pairs are still priced', async () => {
    const missing = '00000000-0000-4000-8000-0000000009ff';
    const got = await core.call('commendations.previewMoney', {
      date: '2026-06-30',
      pairs: [{ formId: missing, target: 'individual' }, { formId: FORMS.giayKhen, target: 'individual' }],
    });
    expect(got[0]).toMatchObject({ formId: missing, money: null, error: expect.stringContaining('Không tìm thấy') });
    expect(got[1]).toMatchObject({ error: null, money: { amount: 710_000 } });
  });

  it('refuses a malformed request in Vietnamese', async () => {
    expect((await core.fail('commendations.previewMoney', { date: '2026-06-30', pairs: [] })).message).toContain('chưa có hình thức nào');
    expect((await core.fail('commendations.previewMoney', { date: '30/06/2026', pairs: [{ formId: FORMS.giayKhen, target: 'individual' }] })).message).toContain('Ngày quyết định');
    expect((await core.fail('commendations.previewMoney', { date: '2026-06-30', pairs: [{ formId: FORMS.giayKhen, target: 'ai' }] })).message).toContain('Đối tượng');
    const many = Array.from({ length: 501 }, () => ({ formId: FORMS.giayKhen, target: 'individual' }));
    expect((await core.fail('commendations.previewMoney', { date: '2026-06-30', pairs: many })).message).toContain('nhiều quá 500');
  });
});
