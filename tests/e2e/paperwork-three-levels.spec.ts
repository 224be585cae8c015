import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, openOffice, type Office } from './fixtures';
import { test } from './fixtures';
import { api, goTo, pickOption, setUpOffice } from './helpers';

/**
 * Issue 12 with three offices — province, district, CĐCS — each its own bridge, data folder and page.
 * Set-up (directory, keys, the records a scenario starts from) goes straight to each core; every package
 * is made and opened through the "Trao đổi dữ liệu" screen, and what the clerk then reads is checked on screen.
 */
const GIAY_KHEN = '00000000-0000-4000-8000-000000000601';
const PROVINCE = 'Liên đoàn Lao động tỉnh Bắc Kạn';
const DISTRICT = 'Liên đoàn Lao động huyện Ba Bể';
const CDCS = 'Công đoàn Trường THPT Ba Bể';

interface Levels {
  province: Office;
  district: Office;
  cdcs: Office;
  ids: { province: string; district: string; cdcs: string };
}

async function giveKey(from: Office, to: Office): Promise<void> {
  const { path } = await api(from, 'exchange.exportKey', {});
  const file = { fileName: basename(path!), dataBase64: readFileSync(path!).toString('base64') };
  const view = await api(to, 'exchange.inspectKey', file);
  await api(to, 'exchange.trustKey', { ...file, fingerprint: view.fingerprint });
}

async function threeLevels(province: Office, browser: Browser): Promise<Levels> {
  await setUpOffice(province.page);
  const pid = (await api(province, 'office.get', {}))!.organizationId;
  const d = await api(province, 'organizations.create', { parentId: pid, level: 'upper', name: DISTRICT, abbreviation: 'LĐLĐ', placeName: 'Ba Bể', parentLine: 'LĐLĐ TỈNH BẮC KẠN', code: 'BABE' });
  const c = await api(province, 'organizations.create', { parentId: d.id, level: 'grassroots', name: CDCS, abbreviation: 'CĐCS', placeName: 'Ba Bể', parentLine: 'LĐLĐ HUYỆN BA BỂ', code: 'THPTBB' });
  const file = await api(province, 'organizations.exportXlsx', {});
  const dataBase64 = readFileSync(file.path!).toString('base64');
  const district = await openOffice(await browser.newPage());
  const cdcs = await openOffice(await browser.newPage());
  for (const [o, id, signer] of [[district, d.id, 'Triệu Văn Hùng'], [cdcs, c.id, 'Hoàng Thị Lan']] as const) {
    await api(o, 'organizations.importXlsx', { fileName: 'danh-muc.xlsx', dataBase64 });
    await api(o, 'office.setupFromDirectory', { organizationId: id, signerAuthority: 'TM. BAN CHẤP HÀNH', signerTitle: 'CHỦ TỊCH', signerName: signer });
  }
  await giveKey(province, district);
  await giveKey(district, province);
  await giveKey(district, cdcs);
  await giveKey(cdcs, district);
  for (const o of [province, district, cdcs]) await o.page.setViewportSize({ width: 1366, height: 768 });
  return { province, district, cdcs, ids: { province: pid, district: d.id, cdcs: c.id } };
}

/** Makes a package on the exchange screen; returns the saved file (its name carries kind, number, year, receiver). */
async function sendVia(page: Page, kindLabel: RegExp, receiver: string): Promise<string> {
  await goTo(page, 'exchange');
  await page.reload();
  await pickOption(page, 'Loại gói', kindLabel);
  await pickOption(page, 'Đơn vị nhận', receiver);
  await page.getByRole('button', { name: 'Tạo gói (.tdkt)' }).click();
  const done = page.getByText(/Đã tạo gói số \d+ /);
  await expect(done).toBeVisible({ timeout: 60_000 }); // signing and writing the package is real work on a loaded machine
  return (await done.textContent())!.replace(/^.*?: /, '').trim();
}

/** Opens a package on the exchange screen: nothing refused, then applied. */
async function receiveVia(to: Office, path: string, expected: RegExp): Promise<void> {
  await goTo(to.page, 'exchange');
  await to.page.reload();
  await to.page.getByTestId('package-import-input').setInputFiles(path);
  await expect(to.page.getByTestId('preview-counts')).toHaveText(expected);
  await expect(to.page.getByTestId('preview-counts')).not.toContainText(/[1-9]\d* từ chối/);
  await to.page.getByRole('button', { name: 'Áp dụng' }).click();
  await expect(to.page.getByText(/Đã áp dụng gói/).last()).toBeVisible();
}

async function planDown(l: Levels): Promise<string> {
  const movement = await api(l.province, 'movements.save', { year: 2026, name: 'Phong trào thi đua lao động giỏi năm 2026', occasionIds: ['00000000-0000-4000-8000-000000000102'], phases: [{ name: 'Đợt 1', startDate: '2026-01-01', endDate: '2026-06-30' }] });
  await api(l.province, 'plans.create', { movementId: movement.id });
  await receiveVia(l.district, await sendVia(l.province.page, /^Kế hoạch, phong trào thi đua/, DISTRICT), /mới/);
  await receiveVia(l.cdcs, await sendVia(l.district.page, /^Kế hoạch, phong trào thi đua/, CDCS), /mới/);
  return movement.id;
}

const MEMBERS = [
  { fullName: 'Đặng Thị An', birthYear: 1985, title: 'Lao động tiên tiến' },
  { fullName: 'Hoàng Văn Thủy', birthYear: 1990, title: 'Chiến sĩ thi đua cơ sở' },
];

async function registrationsUp(l: Levels, movementId: string, individuals = MEMBERS, id?: string): Promise<{ id: string }> {
  const reg = await api(l.cdcs, 'registrations.save', { id, movementId, phaseId: null, organizationId: l.ids.cdcs, individuals });
  await receiveVia(l.district, await sendVia(l.cdcs.page, /^Đăng ký thi đua/, DISTRICT), /mới|thay đổi/);
  await receiveVia(l.province, await sendVia(l.district.page, /^Đăng ký thi đua/, PROVINCE), /mới|thay đổi/);
  return reg;
}

async function issue(o: Office, awardees: Record<string, unknown>[], date = '2026-06-15', movementId: string | null = null) {
  const d = await api(o, 'commendations.saveDecision', {
    movementId,
    periodYear: 2026,
    decisionDate: date,
    achievement: 'đã có thành tích xuất sắc năm 2026',
    bases: ['Căn cứ Điều lệ Công đoàn Việt Nam'],
    proposalLine: 'Xét đề nghị của Ban Tổ chức',
    executors: 'Các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
    awardees: awardees as never,
  });
  await api(o, 'commendations.issueDecision', { id: d.id, date });
  return d;
}

let extra: Office[] = [];
test.afterEach(async () => {
  for (const o of extra.splice(0)) await o.bridge.close();
});

test('(1) paper nominations typed at the province → decision → district → CĐCS, where the awardee’s history shows it', async ({ office, browser }) => {
  test.setTimeout(480_000);
  const l = await threeLevels(office, browser);
  extra = [l.district, l.cdcs];
  await planDown(l);
  const base = { movementId: null, periodYear: 2026, sourceOrgId: l.ids.cdcs, proposedFormId: GIAY_KHEN, achievement: 'Hoàn thành xuất sắc nhiệm vụ' };
  const noms = [
    await api(l.province, 'commendations.saveNomination', { ...base, target: 'individual', fullName: 'Lục Thị Mai', organizationId: l.ids.cdcs, positionUnit: 'Giáo viên' }),
    await api(l.province, 'commendations.saveNomination', { ...base, target: 'collective', organizationId: l.ids.cdcs }),
  ];
  for (const n of noms) await api(l.province, 'commendations.review', { nominationId: n.id, reviewedOn: '2026-06-10', councilSize: 9, votesFor: 9, result: 'approved' });
  await issue(l.province, noms.map((n) => ({ nominationId: n.id, target: n.target, personId: n.personId, organizationId: n.organizationId, name: n.displayName, positionUnit: n.positionUnit, formId: n.proposedFormId })));

  const toDistrict = await sendVia(l.province.page, /^Quyết định khen thưởng/, DISTRICT);
  expect(basename(toDistrict)).toMatch(/^quyet-dinh-khen-thuong-so-\d\d-\d{4}-gui-Lien-doan-Lao-dong-huyen-Ba-Be\.tdkt$/);
  await goTo(l.district.page, 'exchange');
  await l.district.page.reload();
  await l.district.page.getByTestId('package-import-input').setInputFiles(toDistrict);
  // The decision reads as the clerk writes it, and arrives whole: decision, list, nominations, person, number.
  await expect(l.district.page.getByText(/Quyết định 01\/QĐ-LĐLĐ ngày 15\/6\/2026/).first()).toBeVisible();
  await expect(l.district.page.getByTestId('preview-counts')).toHaveText(/7 mới/);
  await l.district.page.getByRole('button', { name: 'Áp dụng' }).click();
  await expect(l.district.page.getByText(/Đã áp dụng gói/).last()).toBeVisible();

  await receiveVia(l.cdcs, await sendVia(l.district.page, /^Quyết định khen thưởng/, CDCS), /mới/);
  await goTo(l.cdcs.page, 'awards', 'history');
  await l.cdcs.page.reload();
  await l.cdcs.page.getByLabel('Tìm trong lịch sử khen thưởng').fill('luc thi mai');
  await l.cdcs.page.getByLabel('Tìm trong lịch sử khen thưởng').press('Enter');
  const row = l.cdcs.page.getByRole('row', { name: /Lục Thị Mai/ });
  await expect(row).toContainText('01/QĐ-LĐLĐ');
  await expect(row).toContainText('Giấy khen');
  await l.cdcs.page.screenshot({ path: 'test-results/paperwork-cdcs-history.png' });
});

test('(2) CĐCS members registered → up through the district → the province reviews and awards them', async ({ office, browser }) => {
  test.setTimeout(480_000);
  const l = await threeLevels(office, browser);
  extra = [l.district, l.cdcs];
  const movementId = await planDown(l);
  const reg = await registrationsUp(l, movementId);
  const atProvince = await api(l.province, 'registrations.get', { id: reg.id });
  const thuy = atProvince.individuals.find((i) => i.fullName === 'Hoàng Văn Thủy')!;
  const nom = await api(l.province, 'commendations.saveNomination', { movementId, periodYear: 2026, sourceOrgId: l.ids.district, target: 'individual', personId: thuy.personId, organizationId: l.ids.cdcs, proposedFormId: GIAY_KHEN });
  // Reviewed on the nominations screen: the registration check passes for a CĐCS member.
  await goTo(l.province.page, 'awards', 'nominations');
  await l.province.page.reload();
  await expect(l.province.page.getByRole('row', { name: /Hoàng Văn Thủy/ })).toBeVisible();
  const checks = await api(l.province, 'commendations.checkNomination', { id: nom.id });
  expect(checks.find((c) => c.code === 'registration')?.message).toMatch(/có trong danh sách đăng ký thi đua/);
  const n = await api(l.province, 'commendations.review', { nominationId: nom.id, reviewedOn: '2026-06-10', councilSize: 9, votesFor: 9, result: 'approved' });
  await issue(l.province, [{ nominationId: n.id, target: n.target, personId: n.personId, organizationId: n.organizationId, name: n.displayName, positionUnit: n.positionUnit, formId: n.proposedFormId }], '2026-06-15', movementId);
  await receiveVia(l.district, await sendVia(l.province.page, /^Quyết định khen thưởng/, DISTRICT), /mới/);
  // "Ngày nhận" at the district is the import day.
  const tracker = await api(l.district, 'registrations.tracker', { movementId, phaseId: null });
  expect(tracker.units.find((u) => u.organizationId === l.ids.cdcs)?.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test('(3) a person entered at two levels is merged once and the next package maps to the survivor', async ({ office, browser }) => {
  test.setTimeout(480_000);
  const l = await threeLevels(office, browser);
  extra = [l.district, l.cdcs];
  const movementId = await planDown(l);
  // At the province, by hand and without a birth year, a Giấy khen in 2026.
  await issue(l.province, [{ target: 'individual', organizationId: l.ids.cdcs, name: 'Đặng Thị An', positionUnit: 'Giáo viên', formId: GIAY_KHEN }], '2026-03-02');
  const reg = await registrationsUp(l, movementId);

  // Right after the package is applied the clerk is told, and goes to the candidates from there.
  const page = l.province.page;
  await expect(page.getByTestId('duplicates-notice')).toContainText('Có 1 nhóm cá nhân có thể là cùng một người');
  await page.getByRole('button', { name: 'Xem cá nhân trùng' }).click();
  const group = page.getByTestId('duplicate-group');
  await expect(group).toHaveCount(1);
  await expect(group).toContainText('1985');
  await expect(group).toContainText('chưa có');
  await page.screenshot({ path: 'test-results/paperwork-duplicates.png' });
  await group.getByRole('row', { name: /1985/ }).getByRole('button', { name: 'Giữ bản này' }).click();
  await page.getByRole('button', { name: 'Hợp nhất' }).click();
  await expect(page.getByText('Không có cá nhân nào có thể trùng.')).toBeVisible();

  // The same-year check now sees the award made to the other record.
  const received = (await api(l.province, 'registrations.get', { id: reg.id })).individuals.find((i) => i.fullName === 'Đặng Thị An')!.personId;
  const nom = await api(l.province, 'commendations.saveNomination', { movementId, periodYear: 2026, sourceOrgId: l.ids.cdcs, target: 'individual', personId: received, organizationId: l.ids.cdcs, proposedFormId: GIAY_KHEN });
  const dup = (await api(l.province, 'commendations.checkNomination', { id: nom.id })).find((c) => c.code === 'duplicate')!;
  expect(dup.message).toMatch(/đã được tặng "Giấy khen" năm 2026 theo Quyết định số 01\/QĐ-LĐLĐ/);

  // The next package (a changed title) lands on the same identity: no new candidate.
  await registrationsUp(l, movementId, MEMBERS.map((m) => ({ ...m, title: 'Chiến sĩ thi đua cơ sở' })), reg.id);
  await goTo(page, 'organizations', 'duplicates');
  await page.reload();
  await expect(page.getByText('Không có cá nhân nào có thể trùng.')).toBeVisible();
});

test('(4) a catalogue package brings a new union form down; a decision at the district uses it with the right money', async ({ office, browser }) => {
  test.setTimeout(480_000);
  const l = await threeLevels(office, browser);
  extra = [l.district, l.cdcs];
  const form = await api(l.province, 'commendations.saveForm', { kind: 'form', name: 'Bằng khen chuyên đề "Giỏi việc nước, đảm việc nhà" của Ban Chấp hành Liên đoàn Lao động tỉnh', targets: 'both', issuingLevel: 'LĐLĐ tỉnh', requiredSharePct: 50, note: '' });
  await api(l.province, 'commendations.saveCoefficient', { formId: form.id, target: 'individual', coefficient: 1, validFrom: '2026-01-01', source: 'Quy chế khen thưởng của LĐLĐ tỉnh', needsCheck: false });
  await receiveVia(l.district, await sendVia(l.province.page, /^Danh mục khen thưởng/, DISTRICT), /2 mới/);

  // Cài đặt → Khen thưởng at the district: what came from above, from when, and read-only.
  const page = l.district.page;
  await goTo(page, 'awards', 'settings');
  await page.reload();
  const changes = page.getByRole('table').filter({ hasText: 'Hệ số 1 × lương cơ sở (cá nhân), áp dụng từ 01/01/2026' });
  await expect(changes).toBeVisible();
  await expect(changes).toContainText(PROVINCE);
  await expect(page.getByRole('row', { name: /Giỏi việc nước, đảm việc nhà/ }).first().getByText('Cấp trên')).toBeVisible();
  await page.getByText('Thay đổi nhận từ cấp trên').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/paperwork-catalogue-changes.png' });

  const person = await api(l.district, 'people.create', { fullName: 'Nông Thị Hoa', organizationId: l.ids.cdcs, birthYear: 1988 });
  const d = await issue(l.district, [{ target: 'individual', personId: person.id, organizationId: l.ids.cdcs, name: person.fullName, positionUnit: 'Giáo viên', formId: form.id }]);
  const view = await api(l.district, 'commendations.getDecision', { id: d.id });
  expect(view.awardees.map((a) => a.amount)).toEqual([2_340_000]);
});
