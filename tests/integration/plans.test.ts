import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BAC_KAN_OFFICE, startCore, type TestCore } from '../helpers/core';
import { BAC_KAN_FOUNDING, SEED_FILE, SEED_MOVEMENT, expectedSeedParagraphs, seedPlanBody } from '../helpers/seed-plan';
import { paragraphTexts, unzipDocx } from '../unit/documents/docx-xml';

let core: TestCore;
let officeId: string;
beforeEach(async () => {
  core = await startCore();
  officeId = (await core.call('office.setup', BAC_KAN_OFFICE)).organizationId;
});
afterEach(() => core.cleanup());

const texts = (b64: string) => paragraphTexts(unzipDocx(Buffer.from(b64, 'base64'))['word/document.xml']);
const snapshot = () =>
  ['plans', 'movements', 'movement_phases', 'register_entries', 'occasions', 'plan_templates'].map((t) => core.app.store.sqlite.prepare(`SELECT * FROM ${t}`).all());

async function seedMovement() {
  const local = await core.call('occasions.save', BAC_KAN_FOUNDING);
  const all = await core.call('occasions.anniversaries', { year: 2020 });
  return core.call('movements.save', { ...SEED_MOVEMENT, occasionIds: all.map((a) => a.occasionId).concat(local.id) });
}

describe('occasions and round anniversaries', () => {
  it('proposes multiples of 5 for a year, flags the round ones and writes them the seed way', async () => {
    await core.call('occasions.save', BAC_KAN_FOUNDING);
    const list = await core.call('occasions.anniversaries', { year: 2020 });
    const byText = Object.fromEntries(list.map((a) => [a.fullText, a.round]));
    expect(byText).toMatchObject({
      'Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)': true,
      'Kỷ niệm 120 năm Ngày thành lập tỉnh Bắc Kạn (11/4/1900 - 11/4/2020)': true,
      'Kỷ niệm 45 năm Ngày giải phóng miền Nam thống nhất đất nước (30/4/1975 - 30/4/2020)': false,
      'Kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2020)': true,
      'Kỷ niệm 75 năm Ngày Cách mạng Tháng Tám thành công (19/8/1945 - 19/8/2020)': false,
      'Kỷ niệm 75 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2020)': false,
      'Kỷ niệm 90 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 - 20/10/2020)': true,
    });
    // 134 years of 1/5 and 91 of 28/7 are not round.
    expect(list.map((a) => a.years)).toEqual([90, 120, 45, 130, 75, 75, 90]);
    // The seed's intro uses exactly these texts.
    const seed = readFileSync(SEED_FILE, 'utf8');
    for (const a of list.slice(0, 4)) expect(seed).toContain(a.text);
    const tens = await core.call('occasions.anniversaries', { year: 2020, step: 10 });
    expect(tens.every((a) => a.round)).toBe(true);
    expect(tens).toHaveLength(4);
  });

  it('edits and deletes catalogue entries; bad input changes nothing', async () => {
    const [first] = await core.call('occasions.list', {});
    expect(first.name).toBe('Ngày thành lập Đảng Cộng sản Việt Nam'); // calendar order: 03/02 first
    const edited = await core.call('occasions.save', { id: first.id, name: 'Ngày thành lập Đảng Cộng sản Việt Nam'.normalize('NFD'), originDate: '1930-02-03', kind: 'founding' });
    expect(edited.name).toBe('Ngày thành lập Đảng Cộng sản Việt Nam');
    const before = snapshot();
    const err = await core.fail('occasions.save', { name: ' ', originDate: '1930-02-30', kind: 'x' });
    expect(err.details!.join(' | ')).toMatch(/Tên ngày kỷ niệm: không được để trống.*Ngày gốc: ngày không tồn tại.*Loại ngày kỷ niệm không hợp lệ/);
    expect(snapshot()).toEqual(before);
    await core.call('occasions.delete', { id: first.id });
    expect((await core.call('occasions.list', {})).some((o) => o.id === first.id)).toBe(false);
  });
});

describe('movements', () => {
  it('saves a movement with phases, themes, khối and occasions', async () => {
    const m = await seedMovement();
    expect(m).toMatchObject({ year: 2020, organizationId: officeId, organizationName: 'Liên đoàn Lao động tỉnh Bắc Kạn', phaseCount: 2 });
    expect(m.phases[0]).toMatchObject({ name: 'Đợt 1', startDate: '2019-11-01', startMonthOnly: true, endDate: '2020-03-31' });
    expect(m.sectors).toEqual(['Khối cơ quan hành chính, sự nghiệp công lập', 'Khối doanh nghiệp']);
    expect(m.occasionIds).toHaveLength(7); // the 7 anniversaries of 2020, the province's founding among them
    const edited = await core.call('movements.save', { ...SEED_MOVEMENT, id: m.id, phases: [{ ...m.phases[1] }] });
    expect(edited.phases.map((p) => p.id)).toEqual([m.phases[1].id]); // phase ids survive edits
    expect((await core.call('movements.list', { year: 2020 })).map((x) => x.id)).toEqual([m.id]);
    // A copy of the form with the same phase ids makes a separate movement with its own phases.
    const copy = await core.call('movements.save', { ...SEED_MOVEMENT, year: 2022, phases: edited.phases });
    expect(copy.phases[0].id).not.toBe(edited.phases[0].id);
    expect((await core.call('movements.get', { id: m.id })).phases.map((p) => p.id)).toEqual([m.phases[1].id]);
    expect(await core.call('movements.list', { year: 2021 })).toEqual([]);
  });

  it('refuses a phase that ends before it starts, leaving the database as it was', async () => {
    const before = snapshot();
    const err = await core.fail('movements.save', { year: 2020, name: 'Phong trào', phases: [{ name: 'Đợt 1', startDate: '2020-05-01', endDate: '2020-04-01' }] });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toMatch(/ngày kết thúc phải sau ngày bắt đầu/);
    expect(snapshot()).toEqual(before);
  });
});

describe('plans', () => {
  it('fills the phases from the movement and re-creates the seed plan 31/KH-LĐLĐ text exactly', async () => {
    const m = await seedMovement();
    const draft = await core.call('plans.create', { movementId: m.id });
    expect(draft.subject).toBe('Phát động phong trào thi đua chào mừng các ngày lễ lớn trong năm 2020, chào mừng Đại hội Đảng các cấp hướng tới Đại hội toàn quốc lần thứ XIII của Đảng');
    expect(draft.body.signer).toEqual({ authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Vi Văn Nghĩa' });
    const phases = draft.body.sections[1].items.find((i) => i.role === 'phases')!;
    const seedBody = seedPlanBody();
    expect(phases.content.map((c) => [c.marker, c.text])).toEqual(seedBody.sections![1].items![1].content!.map((c) => [c.marker, c.text]));
    expect(draft.status).toBe('draft');
    expect(draft.numberText).toBe('      /KH-LĐLĐ');

    const saved = await core.call('plans.save', { id: draft.id, movementId: m.id, subject: draft.subject, plannedDate: '2019-11-13', body: seedBody });
    expect(saved.revision).toBe(2);
    // The draft prints a blank number and a blank day.
    const draftText = texts((await core.call('documents.preview', { kind: 'plan', id: draft.id })).dataBase64);
    expect(draftText).toContain('Số: /KH-LĐLĐ');
    expect(draftText).toContain('Bắc Kạn, ngày tháng 11 năm 2019');

    const issued = await core.call('plans.issue', { id: draft.id, date: '2019-11-13', number: 31 });
    expect(issued).toMatchObject({ status: 'issued', issuedNumber: 31, issuedDate: '2019-11-13', numberText: '31/KH-LĐLĐ' });
    const preview = await core.call('documents.preview', { kind: 'plan', id: draft.id });
    const actual = texts(preview.dataBase64);
    const expected = expectedSeedParagraphs();
    for (let i = 0; i < Math.max(actual.length, expected.length); i++) expect(actual[i], `paragraph ${i}`).toBe(expected[i]);

    const out = await core.call('documents.export', { kind: 'plan', id: draft.id });
    expect(out.path).toMatch(/Ke-hoach-31-KH-LDLD-ngay-2019-11-13\.docx$/);
    expect(texts(readFileSync(out.path!).toString('base64'))).toEqual(expected);

    const reg = await core.call('register.list', { year: 2019 });
    expect(reg.entries).toHaveLength(1);
    expect(reg.entries[0]).toMatchObject({ number: 31, numberText: '31/KH-LĐLĐ', recordKind: 'plan', recordId: draft.id, date: '2019-11-13' });
    expect(reg.gaps).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('locks an issued plan, never issues twice and refuses a taken number without issuing', async () => {
    const a = await core.call('plans.create', {});
    const body = seedPlanBody();
    await core.call('plans.save', { id: a.id, subject: 'Kế hoạch A', body });
    const b = await core.call('plans.create', {});
    await core.call('plans.save', { id: b.id, subject: 'Kế hoạch B', body });

    expect((await core.call('plans.issue', { id: a.id, date: '2024-03-05' })).numberText).toBe('01/KH-LĐLĐ');
    const before = snapshot();
    const taken = await core.fail('plans.issue', { id: b.id, date: '2024-04-01', number: 1 });
    expect(taken.code).toBe('CONFLICT');
    expect(snapshot()).toEqual(before);
    expect((await core.call('plans.get', { id: b.id })).status).toBe('draft');
    expect((await core.call('plans.issue', { id: b.id, date: '2024-04-01' })).numberText).toBe('02/KH-LĐLĐ');

    const edit = await core.fail('plans.save', { id: a.id, subject: 'Sửa', body });
    expect(edit.code).toBe('CONFLICT');
    expect(edit.message).toMatch(/Kế hoạch số 01\/KH-LĐLĐ đã ban hành ngày 05\/03\/2024 nên không thể sửa/);
    expect((await core.fail('plans.issue', { id: a.id, date: '2024-05-01' })).code).toBe('CONFLICT');
    expect((await core.fail('plans.delete', { id: a.id })).code).toBe('CONFLICT');
    expect(snapshot()[3]).toHaveLength(2);

    // The way to change it: a new draft with the same content.
    const copy = await core.call('plans.duplicate', { id: a.id });
    expect(copy).toMatchObject({ status: 'draft', subject: 'Kế hoạch A', issuedNumber: null });
    await core.call('plans.delete', { id: copy.id });
    expect((await core.call('plans.list', {})).map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('lists everything missing before issuing, and refuses a "+" without a "-" above it', async () => {
    const p = await core.call('plans.create', {});
    const err = await core.fail('plans.issue', { id: p.id, date: '2024-03-05' });
    expect(err.code).toBe('VALIDATION');
    expect(err.details).toEqual(expect.arrayContaining(['Trích yếu: không được để trống', 'Phần I, mục 1: chưa có tiêu đề hoặc nội dung']));
    expect((await core.call('register.list', { year: 2024 })).entries).toEqual([]);

    const before = snapshot();
    const body = seedPlanBody();
    body.sections![0].content = [{ marker: '+', text: 'mồ côi' }];
    const bad = await core.fail('plans.save', { id: p.id, subject: 'X', body });
    expect(bad.message).toMatch(/Phần I: ý “\+” phải đứng sau một ý “-”/);
    expect(snapshot()).toEqual(before);
    expect((await core.fail('documents.preview', { kind: 'khong-co', id: p.id })).message).toMatch(/chưa được hỗ trợ/);

    // Text typed with "Unicode tổ hợp" (NFD) is stored NFC, white space collapsed.
    const nfd = seedPlanBody();
    nfd.intro = ['  Năm 2020   là năm tổ chức Đại hội '.normalize('NFD')];
    const saved = await core.call('plans.save', { id: p.id, subject: 'Kế hoạch thi đua'.normalize('NFD'), body: nfd });
    expect(saved.subject).toBe('Kế hoạch thi đua'.normalize('NFC'));
    expect(saved.body.intro).toEqual(['Năm 2020 là năm tổ chức Đại hội'.normalize('NFC')]);
  });

  it('saves a plan as a template and reuses it next year with the new phases and signer', async () => {
    const m = await seedMovement();
    const p = await core.call('plans.create', { movementId: m.id });
    await core.call('plans.save', { id: p.id, movementId: m.id, subject: p.subject, body: seedPlanBody() });
    const t = await core.call('plans.saveTemplate', { planId: p.id, name: 'Kế hoạch thi đua các ngày lễ lớn' });
    expect(await core.call('plans.templates', {})).toEqual([t]);

    await core.call('office.update', { signerAuthority: 'TM. BAN THƯỜNG VỤ', signerTitle: 'CHỦ TỊCH', signerName: 'Nguyễn Văn Mới' });
    const next = await core.call('movements.save', {
      year: 2021,
      name: 'Phong trào thi đua năm 2021',
      phases: [{ name: 'Đợt 1', startDate: '2021-01-01', endDate: '2021-06-30', description: 'Thi đua chào mừng Đại hội XIII.' }],
    });
    const fromTemplate = await core.call('plans.create', { movementId: next.id, templateId: t.id });
    expect(fromTemplate.subject).toBe(p.subject);
    expect(fromTemplate.body.signer.name).toBe('Nguyễn Văn Mới');
    const phases = fromTemplate.body.sections[1].items.find((i) => i.role === 'phases')!;
    expect(phases.content.map((c) => c.text)).toEqual(['Các phong trào thi đua được chia thành 01 đợt:', '*Đợt 1, từ 01/01/2021 đến 30/6/2021*: Thi đua chào mừng Đại hội XIII.']);
    expect(fromTemplate.body.sections[0]).toEqual((await core.call('plans.get', { id: p.id })).body.sections[0]);
    await core.call('plans.deleteTemplate', { id: t.id });
    expect(await core.call('plans.templates', {})).toEqual([]);
  });
});

describe('Kính gửi on a plan', () => {
  it('prints the addressees when the plan has them, and nothing when it has none', async () => {
    const m = await seedMovement();
    const p = await core.call('plans.create', { movementId: m.id });
    const body = seedPlanBody();
    await core.call('plans.save', { id: p.id, movementId: m.id, subject: p.subject, body: { ...body, addressees: ['Các công đoàn cấp trên trực tiếp cơ sở', 'Các công đoàn cơ sở trực thuộc'] } });
    const withTo = paragraphTexts(unzipDocx(Buffer.from((await core.call('documents.preview', { kind: 'plan', id: p.id })).dataBase64, 'base64'))['word/document.xml']).join('\n');
    expect(withTo).toMatch(/Kính gửi:/);
    expect(withTo).toContain('Các công đoàn cấp trên trực tiếp cơ sở;');
    expect(withTo).toContain('Các công đoàn cơ sở trực thuộc.');
    await core.call('plans.save', { id: p.id, movementId: m.id, subject: p.subject, body });
    const without = paragraphTexts(unzipDocx(Buffer.from((await core.call('documents.preview', { kind: 'plan', id: p.id })).dataBase64, 'base64'))['word/document.xml']).join('\n');
    expect(without).not.toMatch(/Kính gửi/);
  });
});
