/** Conditions travel down with the catalogue package and are what the lower level's review checks; read-only there. */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../helpers/core';
import { receive, send } from '../helpers/exchange';
import { threeOffices } from '../helpers/three-offices';

const LDTT = '00000000-0000-4000-8000-000000000605';
const BK_TINH = '00000000-0000-4000-8000-000000000603';
const opened: TestCore[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.cleanup();
});

describe('award conditions in the catalogue package', () => {
  it('a province condition reaches the district, is checked there on its nominations, and cannot be edited there', async () => {
    const o = await threeOffices();
    opened.push(...o.all);
    const c = await o.province.call('awardRules.save', {
      formId: BK_TINH, target: 'individual', shape: 'title_each_year', subjectFormIds: [LDTT], years: 2, endOffset: 1,
      label: 'Hai năm liền Lao động tiên tiến (quy định của tỉnh)', validFrom: '2025-01-01', source: 'Hướng dẫn 05/HD-LĐLĐ tỉnh, mục 2',
    });
    const down = await receive(o.district, await send(o.province, o.districtId, { kind: 'catalogue' }));
    expect(down.preview.counts.refused).toBe(0);
    expect(down.preview.rows.filter((r) => r.status === 'new').map((r) => r.label)).toContain('Hai năm liền Lao động tiên tiến (quy định của tỉnh) (từ 2025-01-01)');
    const received = (await o.district.call('awardRules.list', {})).find((x) => x.id === c.id)!;
    expect(received).toMatchObject({ ownerId: o.provinceId, source: 'Hướng dẫn 05/HD-LĐLĐ tỉnh, mục 2' });
    // The district's own nomination for the province's form is checked against the province's condition.
    const n = await o.district.call('commendations.saveNomination', { periodYear: 2026, sourceOrgId: o.districtId, target: 'individual', fullName: 'Triệu Thị Mai', organizationId: o.districtId, proposedFormId: BK_TINH });
    const [r] = await o.district.call('awardRules.check', { nominationIds: [n.id], date: '2026-06-10' });
    expect(r.checks.find((x) => x.condition?.id === c.id)).toMatchObject({ ok: false, message: 'Lao động tiên tiến 2024, 2025: thiếu năm 2024, 2025' });
    expect((await o.district.fail('awardRules.save', { ...received, label: 'sửa ở huyện' })).message).toMatch(/cấp trên ban hành/);
  });
});
