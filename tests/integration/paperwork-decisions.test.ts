import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../helpers/core';
import { FORMS } from '../helpers/commendations';
import { receive, send } from '../helpers/exchange';
import { count, threeOffices, type ThreeOffices } from '../helpers/three-offices';

/**
 * Issue 12: nominations typed at the province from a lower unit's paper tờ trình are the province's own
 * records; the decision made from them travels down whole (decision, awardees, nominations, people, units,
 * register entry), through the district on to the CĐCS, or is held back whole; undo removes all of it.
 */
const opened: TestCore[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.cleanup();
});

/** The first plan package, naming a seeded occasion: nothing refused at either level (the seeded row is the same everywhere). */
async function movementDown(o: ThreeOffices) {
  const movement = await o.province.call('movements.save', {
    year: 2026,
    name: 'Phong trào thi đua lao động giỏi năm 2026',
    occasionIds: ['00000000-0000-4000-8000-000000000102'],
    phases: [{ name: 'Đợt 1', startDate: '2026-01-01', endDate: '2026-06-30' }],
  });
  const down = await receive(o.district, await send(o.province, o.districtId, { kind: 'plan', movementId: movement.id }));
  const on = await receive(o.cdcs, await send(o.district, o.cdcsId, { kind: 'plan', movementId: movement.id }));
  for (const p of [down.preview, on.preview]) expect(p.rows.filter((r) => r.status === 'refused')).toEqual([]);
  return movement;
}

/**
 * A paper tờ trình of the CĐCS typed at the province: one member (new to the province) and the CĐCS itself,
 * approved by the council. Year-end awards, not tied to a movement (no registration to check).
 */
async function paperDecision(o: ThreeOffices, formId: string = FORMS.giayKhen) {
  const movementId = null;
  const base = { movementId, periodYear: 2026, sourceOrgId: o.cdcsId, proposedFormId: formId, achievement: 'Hoàn thành xuất sắc nhiệm vụ năm học 2025-2026' };
  const person = await o.province.call('commendations.saveNomination', { ...base, target: 'individual', fullName: 'Lục Thị Mai', organizationId: o.cdcsId, positionUnit: 'Giáo viên' });
  const unit = await o.province.call('commendations.saveNomination', { ...base, target: 'collective', organizationId: o.cdcsId });
  const noms = [person, unit];
  for (const n of noms) await o.province.call('commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 9, votesFor: 9, result: 'approved' });
  const decision = await o.province.call('commendations.saveDecision', {
    movementId,
    periodYear: 2026,
    decisionDate: '2026-06-15',
    achievement: 'đã có thành tích xuất sắc trong năm học 2025-2026',
    bases: ['Căn cứ Điều lệ Công đoàn Việt Nam'],
    proposalLine: 'Xét đề nghị của Công đoàn Trường THPT Ba Bể',
    executors: 'Các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
    awardees: noms.map((n) => ({ nominationId: n.id, target: n.target, personId: n.personId, organizationId: n.organizationId, name: n.displayName, positionUnit: n.positionUnit, formId: n.proposedFormId })),
  });
  await o.province.call('commendations.issueDecision', { id: decision.id, date: '2026-06-15' });
  return { decision, noms };
}

describe('paper nominations → decision → district → CĐCS', () => {
  it('owns paper nominations at the province, and carries the decision whole two levels down; undo removes everything it wrote', async () => {
    const o = await threeOffices();
    opened.push(...o.all);
    await movementDown(o);
    const { decision, noms } = await paperDecision(o);
    const p = o.province.app.store.sqlite;
    // Typed here from paper: the province's own record, the CĐCS as proposing unit.
    expect(p.prepare('SELECT DISTINCT owner_id, source_org_id FROM nominations').all()).toEqual([{ owner_id: o.provinceId, source_org_id: o.cdcsId }]);

    // The file names kind, number to that receiver, year and receiver: two packages never share a name.
    const exported = await o.province.call('exchange.export', { kind: 'decisions', receiverId: o.districtId });
    expect(basename(exported.path!)).toBe(`quyet-dinh-khen-thuong-so-0${exported.sequence}-${new Date().getFullYear()}-gui-Lien-doan-Lao-dong-huyen-Ba-Be.tdkt`);
    const before = count(o.district, 'register_entries');
    const down = await receive(o.district, readFileSync(exported.path!));
    expect(down.preview.rows.filter((r) => r.status === 'refused')).toEqual([]);
    const tables = down.preview.rows.filter((r) => r.status === 'new').map((r) => r.table).sort();
    expect(tables).toEqual(['decision_awardees', 'decision_awardees', 'decisions', 'nominations', 'nominations', 'people', 'register_entries']);
    const decRow = down.preview.rows.find((r) => r.table === 'decisions')!;
    expect(decRow.label).toMatch(/^Quyết định 01\/QĐ-LĐLĐ ngày 15\/6\/2026/);
    expect(count(o.district, 'decisions', "id = ? AND status = 'issued'", decision.id)).toBe(1);
    expect(count(o.district, 'nominations', 'owner_id = ?', o.provinceId)).toBe(2);
    expect(count(o.district, 'people', "full_name = 'Lục Thị Mai'")).toBe(1);

    // The district passes it on to the CĐCS, whose member it names; the member's history there shows it.
    const on = await receive(o.cdcs, await send(o.district, o.cdcsId, { kind: 'decisions' }));
    expect(on.preview.counts.refused).toBe(0);
    const personId = noms[0].personId!;
    const history = await o.cdcs.call('commendations.history', { personId, limit: 50 });
    expect(history.map((h) => [h.name, h.numberText, h.formName, h.amount])).toEqual([['Lục Thị Mai', '01/QĐ-LĐLĐ', 'Giấy khen', 710_000]]);

    // Undo at the district: decision, awardees, nominations, person and register entry all go.
    await o.district.call('exchange.undo', { importId: down.applied.importId });
    expect(count(o.district, 'decisions')).toBe(0);
    expect(count(o.district, 'decision_awardees')).toBe(0);
    expect(count(o.district, 'nominations')).toBe(0);
    expect(count(o.district, 'people', "full_name = 'Lục Thị Mai'")).toBe(0);
    expect(count(o.district, 'register_entries')).toBe(before);
    // And the office's own issued decisions stay locked in the database itself.
    expect(() => p.prepare('DELETE FROM decisions WHERE id = ?').run(decision.id)).toThrow(/không thể xóa/);
    expect(() => p.prepare('DELETE FROM register_entries').run()).toThrow(/không thể xóa/);
  }, 180_000);

  it('holds a decision back whole — no register entry, person or nomination without it — and applies it once what it lacks arrives', async () => {
    const o = await threeOffices();
    opened.push(...o.all);
    await movementDown(o);
    // A form made at the province only: the district does not know it until the catalogue package comes.
    const form = await o.province.call('commendations.saveForm', { kind: 'form', name: 'Giấy khen chuyên đề của Ban Thường vụ Liên đoàn Lao động tỉnh', targets: 'both', issuingLevel: 'LĐLĐ tỉnh', requiredSharePct: 50, note: '' });
    await o.province.call('commendations.saveCoefficient', { formId: form.id, target: 'individual', coefficient: 0.5, validFrom: '2026-01-01', source: 'Quy chế của LĐLĐ tỉnh', needsCheck: false });
    await o.province.call('commendations.saveCoefficient', { formId: form.id, target: 'collective', coefficient: 1, validFrom: '2026-01-01', source: 'Quy chế của LĐLĐ tỉnh', needsCheck: false });
    await paperDecision(o, form.id);
    const pkg = await send(o.province, o.districtId, { kind: 'decisions' });
    const held = await receive(o.district, pkg);
    expect(held.preview.counts).toMatchObject({ new: 0, changed: 0 });
    // Only units already here may stay as they are; everything else is held back.
    expect(held.preview.rows.filter((r) => r.status !== 'refused' && r.table !== 'organizations')).toEqual([]);
    const entry = held.preview.rows.find((r) => r.table === 'register_entries')!;
    expect(entry.reason).toMatch(/Đi kèm .*đang bị giữ lại/);
    for (const t of ['decisions', 'decision_awardees', 'nominations', 'register_entries']) expect(count(o.district, t)).toBe(0);
    expect(count(o.district, 'people', "full_name = 'Lục Thị Mai'")).toBe(0);

    // The catalogue package brings the form and its coefficients; the same decision then applies whole.
    const cat = await receive(o.district, await send(o.province, o.districtId, { kind: 'catalogue' }));
    expect(cat.preview.counts.refused).toBe(0);
    expect(cat.preview.rows.filter((r) => r.status === 'new').map((r) => r.label)).toEqual(
      expect.arrayContaining(['Giấy khen chuyên đề của Ban Thường vụ Liên đoàn Lao động tỉnh', 'Hệ số 0,5 × lương cơ sở (cá nhân), áp dụng từ 01/01/2026']),
    );
    await o.district.call('exchange.undo', { importId: held.applied.importId });
    const again = await receive(o.district, pkg);
    expect(again.preview.counts.refused).toBe(0);
    expect(count(o.district, 'decisions')).toBe(1);
    expect(o.district.app.store.sqlite.prepare('SELECT total_amount FROM decisions').pluck().get()).toBe(1_170_000 + 2_340_000);
  }, 180_000);
});
