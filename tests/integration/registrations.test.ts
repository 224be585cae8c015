import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type TestCore } from '../helpers/core';
import { seedRegistrationWorld } from '../helpers/registrations';
import { paragraphTexts, unzipDocx } from '../unit/documents/docx-xml';

let core: TestCore;
let w: Awaited<ReturnType<typeof seedRegistrationWorld>>;
beforeEach(async () => {
  core = await startCore();
  w = await seedRegistrationWorld(core);
});
afterEach(() => core.cleanup());

const TABLES = ['registrations', 'registration_individuals', 'works', 'work_reviews', 'people', 'person_titles', 'xlsx_mappings'];
const snapshot = () => TABLES.map((t) => core.app.store.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());
const CONG_DOAN = '00000000-0000-4000-8000-000000000107';

function handEntry(overrides: Record<string, unknown> = {}) {
  return {
    movementId: w.movement.id,
    phaseId: w.phase1,
    organizationId: w.baBe.id,
    commitments: 'Phấn đấu hoàn thành xuất sắc nhiệm vụ năm 2020.',
    collectiveTitles: ['Tập thể lao động xuất sắc', '  Tập thể lao động xuất sắc '],
    memberCount: 1250,
    receivedOn: '2020-02-10',
    individuals: [
      { fullName: 'Đặng Thị Thủy', birthYear: 1985, position: 'Chủ tịch', title: 'Chiến sĩ thi đua cơ sở' },
      { fullName: 'Hoàng Văn Nam', birthYear: 1979, position: 'Phó Chủ tịch', title: 'Lao động tiên tiến' },
    ],
    works: [
      { name: 'Nhà văn hóa thôn Pác Ngòi', implementer: 'UBND xã Nam Mẫu', valueDong: 1_500_000_000, startDate: '2020-01-15', finishDate: '2020-07-20', occasionId: CONG_DOAN },
    ],
    ...overrides,
  };
}

describe('registration by hand', () => {
  it('saves the registration, creates the people once, keeps ids on re-save and tombstones removed rows', async () => {
    const r = await core.call('registrations.save', handEntry());
    expect(r).toMatchObject({ organizationName: 'Liên đoàn Lao động huyện Ba Bể', status: 'received', collectiveTitles: ['Tập thể lao động xuất sắc'], individualCount: 2, workCount: 1, memberCount: 1250 });
    expect(r.individuals.map((p) => p.fullName)).toEqual(['Đặng Thị Thủy', 'Hoàng Văn Nam']);
    expect(r.works[0]).toMatchObject({ name: 'Nhà văn hóa thôn Pác Ngòi', valueDong: 1_500_000_000, status: 'registered', occasionName: 'Ngày thành lập Công đoàn Việt Nam' });
    const people = await core.call('people.search', { query: 'thuy' });
    expect(people.items.map((p) => p.fullName)).toEqual(['Đặng Thị Thủy']);

    // Same people typed again (other tone placement, NFD): matched, not duplicated.
    const again = await core.call('registrations.save', handEntry({ id: r.id, individuals: [{ fullName: 'Đặng Thị Thuỷ'.normalize('NFD'), birthYear: 1985, position: 'Chủ tịch', title: 'Chiến sĩ thi đua cơ sở' }] }));
    expect(again.individuals).toHaveLength(1);
    expect(again.individuals[0].personId).toBe(r.individuals[0].personId);
    expect(again.works[0].id).toBe(r.works[0].id);
    expect((await core.call('people.search', { query: '' })).total).toBe(2);
    const tomb = core.app.store.sqlite.prepare('SELECT count(*) n FROM registration_individuals WHERE deleted_at IS NOT NULL').get();
    expect(tomb).toEqual({ n: 1 });
    expect(again.revision).toBe(2);
  });

  it('refuses bad input with Vietnamese messages and leaves the database unchanged', async () => {
    await core.call('registrations.save', handEntry());
    const before = snapshot();
    const cases: [unknown, RegExp][] = [
      [handEntry({ individuals: [{ fullName: '', title: 'Lao động tiên tiến' }] }), /Họ và tên: không được để trống/],
      [handEntry({ works: [{ name: 'Cầu', valueDong: -5 }] }), /Giá trị: không được âm/],
      [handEntry({ works: [{ name: 'Cầu', valueDong: 1.5 }] }), /Giá trị: phải là số đồng nguyên/],
      [handEntry({ works: [{ name: 'Cầu', startDate: '2020-05-01', finishDate: '2020-04-01' }] }), /Ngày hoàn thành: phải sau ngày khởi công/],
      [handEntry({ works: [{ name: 'Cầu', startDate: '31/02/2020' }] }), /Ngày khởi công: ngày không hợp lệ/],
      [handEntry({ phaseId: 'not-a-uuid' }), /Đợt thi đua: không hợp lệ/],
      [handEntry({ individuals: [{ fullName: 'A B', birthYear: 1990, title: 'X' }, { fullName: 'A B', birthYear: 1990, title: 'Y' }] }), /trùng với cá nhân thứ 1/],
    ];
    for (const [input, message] of cases) {
      const err = await core.fail('registrations.save', input);
      expect(err.code).toBe('VALIDATION');
      expect(err.message + (err.details ?? []).join(' ')).toMatch(message);
    }
    // A second registration for the same unit and phase is a conflict, not a duplicate.
    expect(await core.fail('registrations.save', handEntry())).toMatchObject({ code: 'CONFLICT' });
    // A phase of another movement.
    const other = await core.call('movements.save', { year: 2021, name: 'Phong trào khác', phases: [{ name: 'Đợt 1' }] });
    expect(await core.fail('registrations.save', handEntry({ phaseId: other.phases[0].id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(snapshot()).toEqual(before);
  });
});

describe('tracker and reminder letter', () => {
  it('lists who registered per phase, with counts, and prints a công văn to the others', async () => {
    await core.call('registrations.save', handEntry());
    await core.call('registrations.save', handEntry({ organizationId: w.nganhGd.id, status: 'draft', individuals: [], works: [] }));
    const t = await core.call('registrations.tracker', { movementId: w.movement.id, phaseId: w.phase1 });
    expect(t.units.map((u) => [u.name, u.status, u.individualCount, u.workCount])).toEqual([
      ['Liên đoàn Lao động huyện Ba Bể', 'received', 2, 1],
      ['Liên đoàn Lao động huyện Chợ Đồn', null, 0, 0],
      ['Công đoàn ngành Giáo dục', 'draft', 0, 0],
    ]);
    expect([t.registeredCount, t.missingCount, t.registrationDeadline]).toEqual([1, 2, '2020-02-15']);
    // Phase 2 is tracked on its own.
    const t2 = await core.call('registrations.tracker', { movementId: w.movement.id, phaseId: w.phase2 });
    expect([t2.registeredCount, t2.missingCount]).toEqual([0, 3]);

    const letter = await core.call('documents.preview', { kind: 'registration-reminder', id: w.phase1 });
    const text = paragraphTexts(unzipDocx(Buffer.from(letter.dataBase64, 'base64'))['word/document.xml']).join('\n');
    expect(text).toContain('V/v đôn đốc đăng ký thi đua');
    expect(text).toMatch(/- Liên đoàn Lao động huyện Chợ Đồn[;.]/);
    expect(text).toMatch(/- Công đoàn ngành Giáo dục[;.]/);
    expect(text).not.toContain('huyện Ba Bể');
    // The đợt's deadline (15/02/2020) has passed: the letter never asks for it again.
    expect(text).not.toContain('15/02/2020');
    expect(text).toContain('trong thời gian sớm nhất');
    expect(text).toContain('1/3 đơn vị');
  });
});

describe('works for plaques', () => {
  it('goes registered → approved → plaque attached → done, refuses skipped steps, and filters', async () => {
    const r = await core.call('registrations.save', handEntry({ works: [
      { name: 'Nhà văn hóa thôn Pác Ngòi', valueDong: 1_500_000_000, occasionId: CONG_DOAN },
      { name: 'Đường bê tông liên thôn', valueDong: 800_000_000 },
    ] }));
    const [a, b] = r.works;
    expect(await core.fail('registrations.reviewWork', { workId: a.id, action: 'attach', date: '2020-06-01' })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Đã đăng ký') });
    const approved = await core.call('registrations.reviewWork', { workId: a.id, action: 'approve', date: '2020-03-01', note: 'Đủ điều kiện gắn biển' });
    expect(approved).toMatchObject({ status: 'approved', approvedOn: '2020-03-01', reviewNote: 'Đủ điều kiện gắn biển' });
    expect(await core.fail('registrations.reviewWork', { workId: a.id, action: 'attach', date: '2020-02-01' })).toMatchObject({ code: 'VALIDATION' });
    await core.call('registrations.reviewWork', { workId: a.id, action: 'attach', date: '2020-07-28' });
    const done = await core.call('registrations.reviewWork', { workId: a.id, action: 'done', date: '2020-08-15' });
    expect(done).toMatchObject({ status: 'done', approvedOn: '2020-03-01', plaqueOn: '2020-07-28', doneOn: '2020-08-15', reviewNote: 'Đủ điều kiện gắn biển' });
    await core.call('registrations.reviewWork', { workId: b.id, action: 'refuse', date: '2020-03-01', note: 'Chưa đủ hồ sơ' });

    // The review is the office's own record; the unit's work row is untouched.
    const workRow = core.app.store.sqlite.prepare('SELECT revision FROM works WHERE id = ?').get(a.id);
    expect(workRow).toEqual({ revision: 1 });
    const review = core.app.store.sqlite.prepare('SELECT owner_id, revision FROM work_reviews WHERE work_id = ?').get(a.id);
    expect(review).toEqual({ owner_id: w.office.organizationId, revision: 3 });

    const byStatus = (await core.call('registrations.works', { movementId: w.movement.id, status: 'refused' })).items;
    expect(byStatus.map((x) => x.name)).toEqual(['Đường bê tông liên thôn']);
    const searched = (await core.call('registrations.works', { query: 'pac ngoi' })).items;
    expect(searched.map((x) => x.name)).toEqual(['Nhà văn hóa thôn Pác Ngòi']);

    const list = await core.call('documents.preview', { kind: 'works-list', id: w.phase1 });
    const text = paragraphTexts(unzipDocx(Buffer.from(list.dataBase64, 'base64'))['word/document.xml']).join('\n');
    expect(text).toContain('Nhà văn hóa thôn Pác Ngòi');
    expect(text).toContain('1.500.000.000');
    expect(text).toContain('Chào mừng Ngày thành lập Công đoàn Việt Nam');
    expect(text).not.toContain('Đường bê tông liên thôn');
  });
});

describe('documents and exports', () => {
  it('prints the Bản đăng ký from the stored registration and exports the lists to .xlsx', async () => {
    const r = await core.call('registrations.save', handEntry());
    const doc = await core.call('documents.preview', { kind: 'registration', id: r.id });
    const text = paragraphTexts(unzipDocx(Buffer.from(doc.dataBase64, 'base64'))['word/document.xml']).join('\n');
    for (const s of ['BẢN ĐĂNG KÝ THI ĐUA', 'Kính gửi: Ban Thường vụ Liên đoàn Lao động tỉnh Bắc Kạn', 'Tập thể lao động xuất sắc', 'Đặng Thị Thủy', 'Chiến sĩ thi đua cơ sở', 'Nhà văn hóa thôn Pác Ngòi', 'Tổng số đoàn viên: 1.250']) {
      expect(text).toContain(s);
    }
    for (const what of ['tracker', 'individuals', 'works'] as const) {
      const saved = await core.call('registrations.exportXlsx', { movementId: w.movement.id, phaseId: w.phase1, what });
      expect(saved.path).toMatch(/\.xlsx$/);
    }
  });
});

describe('person history', () => {
  it('shows a person’s registrations and titles across years', async () => {
    const r = await core.call('registrations.save', handEntry());
    const personId = r.individuals[0].personId;
    const m2021 = await core.call('movements.save', { year: 2021, name: 'Phong trào thi đua năm 2021', phases: [] });
    await core.call('registrations.save', { movementId: m2021.id, organizationId: w.baBe.id, individuals: [{ personId, fullName: 'Đặng Thị Thủy', birthYear: 1985, position: 'Chủ tịch', title: 'Chiến sĩ thi đua cơ sở' }] });
    await core.call('registrations.addPersonTitle', { personId, year: 2020, title: 'Chiến sĩ thi đua cơ sở', reference: 'Quyết định số 12/QĐ-LĐLĐ ngày 15/01/2021' });
    const h = await core.call('registrations.personHistory', { personId });
    expect(h.person.fullName).toBe('Đặng Thị Thủy');
    expect(h.registrations.map((e) => [e.year, e.phaseName, e.title])).toEqual([[2021, null, 'Chiến sĩ thi đua cơ sở'], [2020, 'Đợt 1', 'Chiến sĩ thi đua cơ sở']]);
    expect(h.titles).toMatchObject([{ year: 2020, title: 'Chiến sĩ thi đua cơ sở' }]);
  });
});
