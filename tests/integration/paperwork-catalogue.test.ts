import { afterEach, describe, expect, it } from 'vitest';
import { UNION_FORMS } from '../../src/main/core/db/migrations/0009-paperwork-across-levels';
import type { TestCore } from '../helpers/core';
import { receive, send } from '../helpers/exchange';
import { count, threeOffices } from '../helpers/three-offices';

/**
 * Issue 12: the catalogue package (down): forms and titles, coefficients, lương cơ sở, rounding and căn cứ,
 * each with its effective date. The lower office sees what changed and from when, cannot edit what it
 * received, relays it on, and computes money and căn cứ from it.
 */
const opened: TestCore[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.cleanup();
});

const SEEDED_2026_SALARY = '00000000-0000-4000-8000-000000000804';

describe('catalogue package down', () => {
  it('brings a new union form, a revised lương cơ sở and a căn cứ down two levels; read-only there; money and căn cứ follow', async () => {
    const o = await threeOffices();
    opened.push(...o.all);
    // A tờ trình goes to each office's real upper level (not the central level), with the căn cứ in force.
    const defaults = await Promise.all(o.all.map((c) => c.call('catalogue.getProposalDefaults', {})));
    expect(defaults.map((d) => d.addressee)).toEqual(['Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam', 'Ban Thường vụ Liên đoàn Lao động tỉnh Bắc Kạn', 'Ban Thường vụ Liên đoàn Lao động huyện Ba Bể']);
    expect(defaults[2]).toMatchObject({ superior: 'Ban Thường vụ Liên đoàn Lao động huyện Ba Bể', upperName: 'Liên đoàn Lao động huyện Ba Bể' });
    expect(defaults[2].bases[0]).toBe('Căn cứ Điều lệ Công đoàn Việt Nam;');
    // Every office starts with the union's own forms (seeded, same ids).
    for (const core of o.all) {
      const names = (await core.call('commendations.catalogue', {})).forms.map((f) => f.name);
      expect(names).toEqual(expect.arrayContaining(UNION_FORMS.map((f) => f.name)));
    }
    // The province adds a form with its coefficients, revises the seeded 2026 lương cơ sở, adds a căn cứ line.
    const form = await o.province.call('commendations.saveForm', { kind: 'form', name: 'Bằng khen chuyên đề "Xanh - Sạch - Đẹp" của Ban Chấp hành Liên đoàn Lao động tỉnh', targets: 'both', issuingLevel: 'LĐLĐ tỉnh', requiredSharePct: 50, note: '' });
    await o.province.call('commendations.saveCoefficient', { formId: form.id, target: 'individual', coefficient: 1, validFrom: '2026-01-01', source: 'Quy chế khen thưởng của LĐLĐ tỉnh', needsCheck: false });
    await o.province.call('commendations.saveBaseSalary', { id: SEEDED_2026_SALARY, amount: 2_530_000, validFrom: '2026-07-01', source: 'NĐ 161/2026/NĐ-CP (đã đối chiếu)', needsCheck: false });
    o.province.app.store.sqlite
      .prepare(`INSERT INTO legal_bases (id, text, applies_to, valid_from, sort_order, source, needs_check, owner_id, revision, created_at, updated_at)
                VALUES ('6f1c7f0e-3b1d-4a55-9a43-0d6f2a9d1c01', 'Căn cứ Quy chế khen thưởng của Liên đoàn Lao động tỉnh Bắc Kạn', 'decision', '2026-05-01', 9, 'Quyết định của LĐLĐ tỉnh', 0, ?, 1, '2026-05-01T00:00:00Z', '2026-05-01T00:00:00Z')`)
      .run(o.provinceId);

    const down = await receive(o.district, await send(o.province, o.districtId, { kind: 'catalogue' }));
    expect(down.preview.counts.refused).toBe(0);
    // Seeded rows identical everywhere are unchanged, not refused (the old "Bản ghi do đơn vị mình quản lý").
    expect(down.preview.counts.unchanged).toBeGreaterThan(20);
    const shown = (status: string) => down.preview.rows.filter((r) => r.status === status).map((r) => r.label).sort();
    expect(shown('new')).toEqual(
      [
        'Bằng khen chuyên đề "Xanh - Sạch - Đẹp" của Ban Chấp hành Liên đoàn Lao động tỉnh',
        'Hệ số 1 × lương cơ sở (cá nhân), áp dụng từ 01/01/2026',
        'Căn cứ Quy chế khen thưởng của Liên đoàn Lao động tỉnh Bắc Kạn, áp dụng từ 01/5/2026',
      ].sort(),
    );
    expect(shown('changed')).toEqual(['Lương cơ sở 2.530.000 đồng, áp dụng từ 01/7/2026']);

    // What changed and from when, with the value before.
    const changes = await o.district.call('catalogue.listChanges', {});
    expect(changes.find((c) => c.id === SEEDED_2026_SALARY)).toMatchObject({ change: 'changed', validFrom: '2026-07-01', senderName: 'Liên đoàn Lao động tỉnh Bắc Kạn' });
    expect(changes.filter((c) => c.change === 'new')).toHaveLength(3);

    // Received values are the province's: shown as such and refused for local edits, the database unchanged.
    const cat = await o.district.call('commendations.catalogue', {});
    expect(cat.baseSalaries.find((s) => s.id === SEEDED_2026_SALARY)).toMatchObject({ needsCheck: false, receivedFrom: 'Liên đoàn Lao động tỉnh Bắc Kạn' });
    expect(cat.forms.find((f) => f.id === form.id)?.receivedFrom).toBe('Liên đoàn Lao động tỉnh Bắc Kạn');
    expect(cat.forms.find((f) => f.id === UNION_FORMS[0].id)?.receivedFrom).toBeNull();
    const before = o.district.app.store.sqlite.prepare('SELECT * FROM base_salaries ORDER BY id').all();
    const refused = await o.district.fail('commendations.saveBaseSalary', { id: SEEDED_2026_SALARY, amount: 9_999_999, validFrom: '2026-07-01', source: '', needsCheck: false });
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(refused.message).toMatch(/Liên đoàn Lao động tỉnh Bắc Kạn ban hành/);
    expect((await o.district.fail('commendations.deleteDated', { table: 'baseSalary', id: SEEDED_2026_SALARY })).code).toBe('CONFLICT');
    expect((await o.district.fail('commendations.saveForm', { id: form.id, kind: 'form', name: 'Đổi tên', targets: 'both', issuingLevel: '', requiredSharePct: 50, note: '' })).code).toBe('CONFLICT');
    expect(o.district.app.store.sqlite.prepare('SELECT * FROM base_salaries ORDER BY id').all()).toEqual(before);

    // Căn cứ in force on a date come from the dated table.
    expect(await o.district.call('catalogue.listLegalBases', { date: '2026-04-30', appliesTo: 'decision' })).not.toContain('Căn cứ Quy chế khen thưởng của Liên đoàn Lao động tỉnh Bắc Kạn;');
    expect(await o.district.call('catalogue.listLegalBases', { date: '2026-06-15', appliesTo: 'decision' })).toContain('Căn cứ Quy chế khen thưởng của Liên đoàn Lao động tỉnh Bắc Kạn;');

    // Relayed on to the CĐCS.
    const on = await receive(o.cdcs, await send(o.district, o.cdcsId, { kind: 'catalogue' }));
    expect(on.preview.counts).toMatchObject({ refused: 0, new: 3, changed: 1 });
    expect(count(o.cdcs, 'award_forms', 'id = ? AND owner_id = ?', form.id, o.provinceId)).toBe(1);

    // A decision at the district uses the new form: 1 × 2.340.000 before 01/7/2026, 1 × 2.530.000 after.
    expect((await o.district.call('commendations.money', { formId: form.id, target: 'individual', date: '2026-06-15' })).amount).toBe(2_340_000);
    expect((await o.district.call('commendations.money', { formId: form.id, target: 'individual', date: '2026-07-15' })).amount).toBe(2_530_000);

    // Undo puts the district's catalogue back as it was.
    await o.district.call('exchange.undo', { importId: down.applied.importId });
    expect(count(o.district, 'award_forms', 'id = ?', form.id)).toBe(0);
    expect(o.district.app.store.sqlite.prepare('SELECT needs_check, owner_id FROM base_salaries WHERE id = ?').get(SEEDED_2026_SALARY)).toEqual({ needs_check: 1, owner_id: null });
    expect(await o.district.call('catalogue.listChanges', {})).toEqual([]);
  }, 180_000);
});
