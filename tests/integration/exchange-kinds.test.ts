import { afterEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../helpers/core';
import { FORMS } from '../helpers/commendations';
import { receive, send, twoOffices, upload, type Offices } from '../helpers/exchange';

/**
 * The kinds beyond directory and plan, between two offices (province above, grassroots union below):
 * a plan down, registrations up with their people and works, a nomination up, then the decision down
 * with the upper level's bình xét and duyệt công trình. Each package is idempotent and never touches
 * the receiver's own records.
 */
const opened: TestCore[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.cleanup();
});

/** The upper knows the lower unit as one of its units (as if the lower had been set up from its directory). */
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

/** Rows of a table owned by (or made locally by) an office, as one comparable string. */
function ownRows(core: TestCore, table: string, ownerId: string): string {
  const rows = core.app.store.sqlite.prepare(`SELECT * FROM ${table} WHERE owner_id IS NULL OR owner_id = ? ORDER BY id`).all(ownerId);
  return JSON.stringify(rows);
}

const count = (core: TestCore, table: string, where = '1') => core.app.store.sqlite.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${where}`).pluck().get() as number;

describe('exchange kinds: registrations up, nominations up, decisions down', () => {
  it('carries a plan down, a registration with people and works up, a nomination up and the decision down; idempotent; receivers keep their own rows', async () => {
    const o = await twoOffices();
    opened.push(o.upper, o.lower);
    knowLowerUnit(o);
    const kinds = await o.lower.call('exchange.kinds', {});
    expect(kinds.filter((k) => ['registrations', 'nominations', 'decisions'].includes(k.kind)).map((k) => [k.kind, k.direction, k.available])).toEqual([
      ['registrations', 'up', true],
      ['nominations', 'up', true],
      ['decisions', 'down', true],
    ]);

    // Plan down.
    const movement = await o.upper.call('movements.save', { year: 2026, name: 'Phong trào thi đua lao động giỏi năm 2026', phases: [{ name: 'Đợt 1', startDate: '2026-01-01', endDate: '2026-06-30' }] });
    const phaseId = movement.phases[0].id;
    await receive(o.lower, await send(o.upper, o.lowerId, { kind: 'directory' }));
    await receive(o.lower, await send(o.upper, o.lowerId, { kind: 'plan', movementId: movement.id }));
    expect(count(o.lower, 'movement_phases', `id = '${phaseId}'`)).toBe(1);

    // The upper's own records, which no package from below may change: a person and a registration of its own.
    const upperPerson = await o.upper.call('people.create', { fullName: 'Vi Văn Nghĩa', organizationId: o.upperId });
    await o.upper.call('registrations.save', { movementId: movement.id, phaseId: null, organizationId: o.upperId, individuals: [{ personId: upperPerson.id, fullName: 'Vi Văn Nghĩa', title: 'Chiến sĩ thi đua cơ sở' }] });
    const upperOwn = () => ['people', 'registrations', 'registration_individuals', 'works'].map((t) => ownRows(o.upper, t, o.upperId)).join('\n');
    const upperBefore = upperOwn();

    // Registrations up: the lower's registration, its two people and one work.
    const reg = await o.lower.call('registrations.save', {
      movementId: movement.id,
      phaseId: null,
      organizationId: o.lowerId,
      collectiveTitles: ['Công đoàn cơ sở vững mạnh'],
      individuals: [
        { fullName: 'Đặng Thị An', birthYear: 1985, title: 'Lao động tiên tiến' },
        { fullName: 'Hoàng Văn Thủy', birthYear: 1990, title: 'Chiến sĩ thi đua cơ sở' },
      ],
      works: [{ name: 'Nhà đa năng Trường THPT Chuyên', valueDong: 1_500_000_000, startDate: '2026-01-10', finishDate: '2026-05-19' }],
    });
    const regPkg = await send(o.lower, o.upperId, { kind: 'registrations', movementId: movement.id });
    const up = await receive(o.upper, regPkg);
    expect(up.preview.counts).toEqual({ new: 6, changed: 0, unchanged: 0, refused: 0 });
    expect(up.preview.rows.map((r) => r.table).sort()).toEqual(['people', 'people', 'registration_individuals', 'registration_individuals', 'registrations', 'works']);
    const atUpper = await o.upper.call('registrations.get', { id: reg.id });
    expect(atUpper.individuals.map((i) => i.fullName).sort()).toEqual(['Hoàng Văn Thủy', 'Đặng Thị An']);
    expect(atUpper.works.map((w) => w.name)).toEqual(['Nhà đa năng Trường THPT Chuyên']);
    // The signer of the Bản đăng ký travels with it: the lower office's own signer by default.
    expect(reg.signer.name).not.toBe('');
    expect(atUpper.signer).toEqual(reg.signer);
    // Folded keys are computed by the receiver: the people are found by search.
    expect((await o.upper.call('people.search', { query: 'dang thi an' })).items.map((p) => p.fullName)).toEqual(['Đặng Thị An']);
    expect(upperOwn()).toBe(upperBefore);

    // Idempotent: the same package again is refused as a replay, nothing written; nothing new to send; a full resend is all unchanged.
    const replay = await o.upper.app.dispatch('exchange.preview', upload(regPkg));
    expect(replay).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await o.lower.call('exchange.export', { kind: 'registrations', receiverId: o.upperId, movementId: movement.id })).records).toBe(0);
    const full = await receive(o.upper, await send(o.lower, o.upperId, { kind: 'registrations', movementId: movement.id, full: true }));
    expect(full.preview.counts).toEqual({ new: 0, changed: 0, unchanged: 6, refused: 0 });

    // A change at the lower travels as "changed" (higher revision wins).
    await o.lower.call('registrations.save', { ...regInput(reg), commitments: 'Hoàn thành 100% chỉ tiêu' });
    const changed = await receive(o.upper, await send(o.lower, o.upperId, { kind: 'registrations', movementId: movement.id }));
    expect(changed.preview.counts.changed).toBeGreaterThanOrEqual(1);
    expect(changed.preview.counts.refused).toBe(0);
    expect((await o.upper.call('registrations.get', { id: reg.id })).commitments).toBe('Hoàn thành 100% chỉ tiêu');

    // The upper approves the work (its own record about the lower's work).
    await o.upper.call('registrations.reviewWork', { workId: atUpper.works[0].id, action: 'approve', date: '2026-06-01' });

    // Nominations up: the lower proposes one of its registered people.
    const an = atUpper.individuals.find((i) => i.fullName === 'Đặng Thị An')!;
    const nom = await o.lower.call('commendations.saveNomination', {
      movementId: movement.id,
      periodYear: 2026,
      sourceOrgId: o.lowerId,
      target: 'individual',
      personId: an.personId,
      organizationId: o.lowerId,
      positionUnit: 'Giáo viên',
      proposedFormId: FORMS.giayKhen,
    });
    const nomUp = await receive(o.upper, await send(o.lower, o.upperId, { kind: 'nominations', movementId: movement.id }));
    // The person named travels with it (a package stands on its own) and is unchanged here.
    expect(nomUp.preview.counts).toEqual({ new: 1, changed: 0, unchanged: 1, refused: 0 });
    expect(upperOwn()).toBe(upperBefore);

    // The upper's council approves it and the upper issues the decision.
    const n = await o.upper.call('commendations.review', { nominationId: nom.id, reviewedOn: '2026-06-10', councilSize: 9, votesFor: 9, result: 'approved' });
    const decision = await o.upper.call('commendations.saveDecision', {
      movementId: movement.id,
      periodYear: 2026,
      decisionDate: '2026-06-15',
      achievement: 'đã có thành tích xuất sắc trong phong trào thi đua lao động giỏi năm 2026',
      bases: ['Căn cứ Điều lệ Công đoàn Việt Nam'],
      proposalLine: 'Xét đề nghị của Ban Tổ chức',
      executors: 'Các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
      awardees: [{ nominationId: n.id, target: n.target, personId: n.personId, organizationId: n.organizationId, name: n.displayName, positionUnit: n.positionUnit, formId: n.proposedFormId }],
    });
    await o.upper.call('commendations.issueDecision', { id: decision.id, date: '2026-06-15' });

    // Decisions down: register entry, awardee, decision, the bình xét and the duyệt công trình; the lower's own rows untouched.
    const lowerOwn = () => ['people', 'registrations', 'registration_individuals', 'works', 'nominations'].map((t) => ownRows(o.lower, t, o.lowerId)).join('\n');
    const lowerBefore = lowerOwn();
    const decPkg = await send(o.upper, o.lowerId, { kind: 'decisions', movementId: movement.id });
    const down = await receive(o.lower, decPkg);
    // The issuing unit travels with its decision (already here: unchanged).
    expect(down.preview.counts).toEqual({ new: 5, changed: 0, unchanged: 1, refused: 0 });
    expect(down.preview.rows.map((r) => r.table).sort()).toEqual(['decision_awardees', 'decisions', 'nomination_reviews', 'organizations', 'register_entries', 'work_reviews']);
    expect(lowerOwn()).toBe(lowerBefore);
    const atLower = o.lower.app.store.sqlite.prepare('SELECT status, issuer_id, total_amount FROM decisions WHERE id = ?').get(decision.id);
    expect(atLower).toEqual({ status: 'issued', issuer_id: o.upperId, total_amount: 710_000 });
    expect(o.lower.app.store.sqlite.prepare('SELECT status FROM work_reviews').pluck().all()).toEqual(['approved']);

    // Idempotent down as well; undoing the import removes everything it wrote, the register entry included (issue 12).
    expect(await o.lower.app.dispatch('exchange.preview', upload(decPkg))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const again = await receive(o.lower, await send(o.upper, o.lowerId, { kind: 'decisions', movementId: movement.id, full: true }));
    expect(again.preview.counts).toEqual({ new: 0, changed: 0, unchanged: 6, refused: 0 });
    await o.lower.call('exchange.undo', { importId: down.applied.importId });
    expect(count(o.lower, 'decisions')).toBe(0);
    expect(count(o.lower, 'register_entries', `issuer_id = '${o.upperId}'`)).toBe(0);
    expect(lowerOwn()).toBe(lowerBefore);
  }, 120_000);

  it('refuses a registration whose đợt is not at the receiver, with the reason, and writes none of it', async () => {
    const o = await twoOffices();
    opened.push(o.upper, o.lower);
    knowLowerUnit(o);
    const movement = await o.upper.call('movements.save', { year: 2026, name: 'Phong trào thi đua năm 2026', phases: [{ name: 'Đợt 1' }] });
    await receive(o.lower, await send(o.upper, o.lowerId, { kind: 'directory' }));
    await receive(o.lower, await send(o.upper, o.lowerId, { kind: 'plan', movementId: movement.id }));
    await o.lower.call('registrations.save', { movementId: movement.id, phaseId: movement.phases[0].id, organizationId: o.lowerId, individuals: [{ fullName: 'Lò Văn Minh', title: 'Lao động tiên tiến' }] });
    // As if the upper had lost the đợt (restored an older backup): the registration cannot be placed.
    o.upper.app.store.sqlite.exec('PRAGMA foreign_keys = OFF');
    o.upper.app.store.sqlite.prepare('DELETE FROM movement_phases WHERE movement_id = ?').run(movement.id);
    o.upper.app.store.sqlite.exec('PRAGMA foreign_keys = ON');
    const { preview } = await receive(o.upper, await send(o.lower, o.upperId, { kind: 'registrations', movementId: movement.id }));
    // The registration and its individual are refused with the reason; the person (who needs nothing missing) is kept.
    expect(preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0, refused: 2 });
    expect(preview.rows.find((r) => r.table === 'registrations')?.reason).toMatch(/Thiếu đợt thi đua/);
    expect(preview.rows.find((r) => r.table === 'registration_individuals')?.reason).toMatch(/Thiếu bản đăng ký/);
    expect(count(o.upper, 'registrations')).toBe(0);
    expect(count(o.upper, 'registration_individuals')).toBe(0);
  }, 120_000);

  it('carries a nomination the upper typed for the lower unit from paper down with the decision made from it (issue 12)', async () => {
    const o = await twoOffices();
    opened.push(o.upper, o.lower);
    knowLowerUnit(o);
    const movement = await o.upper.call('movements.save', { year: 2026, name: 'Phong trào thi đua năm 2026', phases: [{ name: 'Đợt 1' }] });
    await receive(o.lower, await send(o.upper, o.lowerId, { kind: 'directory' }));
    await receive(o.lower, await send(o.upper, o.lowerId, { kind: 'plan', movementId: movement.id }));
    // The upper types the lower unit's nomination itself from paper: the upper's record (proposing unit = the
    // lower), which the lower has never seen; it travels with the decision.
    await o.upper.call('registrations.save', { movementId: movement.id, phaseId: null, organizationId: o.lowerId, collectiveTitles: ['Công đoàn cơ sở vững mạnh'] });
    const nom = await o.upper.call('commendations.saveNomination', { movementId: movement.id, periodYear: 2026, sourceOrgId: o.lowerId, target: 'collective', organizationId: o.lowerId, proposedFormId: FORMS.giayKhen });
    const n = await o.upper.call('commendations.review', { nominationId: nom.id, reviewedOn: '2026-06-10', councilSize: 5, votesFor: 5, result: 'approved' });
    const decision = await o.upper.call('commendations.saveDecision', {
      movementId: movement.id,
      periodYear: 2026,
      decisionDate: '2026-06-15',
      achievement: 'đã có thành tích xuất sắc',
      bases: ['Căn cứ Điều lệ Công đoàn Việt Nam'],
      proposalLine: 'Xét đề nghị của Ban Tổ chức',
      executors: 'Các tập thể có tên tại Điều 1 căn cứ Quyết định thi hành.',
      awardees: [{ nominationId: n.id, target: n.target, personId: null, organizationId: n.organizationId, name: n.displayName, positionUnit: '', formId: n.proposedFormId }],
    });
    await o.upper.call('commendations.issueDecision', { id: decision.id, date: '2026-06-15' });
    const before = count(o.lower, 'decisions');
    const { preview } = await receive(o.lower, await send(o.upper, o.lowerId, { kind: 'decisions', movementId: movement.id }));
    expect(preview.counts.refused).toBe(0);
    expect(preview.rows.filter((r) => r.status === 'new').map((r) => r.table).sort()).toEqual(['decision_awardees', 'decisions', 'nomination_reviews', 'nominations', 'register_entries']);
    expect(count(o.lower, 'decisions')).toBe(before + 1);
    expect(count(o.lower, 'nominations', `id = '${nom.id}' AND owner_id = '${o.upperId}' AND source_org_id = '${o.lowerId}'`)).toBe(1);
  }, 120_000);
});

function regInput(reg: { id: string; movementId: string; phaseId: string | null; organizationId: string; individuals: { personId: string; fullName: string; title: string }[]; works: { id: string; name: string; valueDong: number | null; startDate: string | null; finishDate: string | null }[] }) {
  return {
    id: reg.id,
    movementId: reg.movementId,
    phaseId: reg.phaseId,
    organizationId: reg.organizationId,
    collectiveTitles: ['Công đoàn cơ sở vững mạnh'],
    individuals: reg.individuals.map((i) => ({ personId: i.personId, fullName: i.fullName, title: i.title })),
    works: reg.works.map((w) => ({ id: w.id, name: w.name, valueDong: w.valueDong, startDate: w.startDate, finishDate: w.finishDate })),
  };
}
