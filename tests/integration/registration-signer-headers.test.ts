/**
 * Issue 14, open items 1 and 3, through the real core and LibreOffice:
 * - the Bản đăng ký prints its signer (authority, title, name) from the registration; the office's own
 *   registration defaults to the office's signer, a lower unit's to its BCH chairman with the name typed;
 * - the office's manual header break applies to the office only; lower units' names (dated data) break
 *   automatically, only between word groups.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationsSpec } from '../../src/main/core/exchange/tables-registrations';
import { wordGroups } from '../../src/main/core/documents/layout/issuer-lines';
import { seedCommendationWorld } from '../helpers/commendations';
import { startCore, type TestCore } from '../helpers/core';
import { requireSoffice, skipWithoutSoffice } from '../helpers/libreoffice';
import { normalizeWs, paragraphTexts, unzipDocx } from '../unit/documents/docx-xml';

let core: TestCore;
let w: Awaited<ReturnType<typeof seedCommendationWorld>>;
const regs: Record<string, string> = {};
const docx: Record<string, Buffer> = {};

const LOWER = [
  { key: 'dienLuc', name: 'Công đoàn cơ sở Công ty Điện lực Bắc Kạn', level: 'grassroots' as const, lines: ['CÔNG ĐOÀN CƠ SỞ', 'CÔNG TY ĐIỆN LỰC BẮC KẠN'] },
  { key: 'yTe', name: 'Công đoàn ngành Y tế Lâm Đồng', level: 'upper' as const, lines: ['CÔNG ĐOÀN', 'NGÀNH Y TẾ LÂM ĐỒNG'] },
  { key: 'choDon', name: 'Liên đoàn Lao động huyện Chợ Đồn', level: 'upper' as const, lines: ['LIÊN ĐOÀN LAO ĐỘNG', 'HUYỆN CHỢ ĐỒN'] },
];

const textOf = (b: Buffer) => paragraphTexts(unzipDocx(b)['word/document.xml']).map(normalizeWs);

beforeAll(async () => {
  core = await startCore();
  w = await seedCommendationWorld(core);
  // The office's own break, deliberately unlike the automatic one: it must not leak into lower units.
  const layout = await core.call('settings.documentLayout.get', {});
  await core.call('settings.documentLayout.set', { ...layout, issuerLines: 'Liên đoàn Lao động tỉnh\nBắc Kạn' });
  const save = (organizationId: string, extra: Record<string, unknown> = {}) =>
    core.call('registrations.save', { movementId: w.movement.id, phaseId: w.phaseId, organizationId, submittedOn: '2026-02-10', collectiveTitles: ['Tập thể lao động xuất sắc'], targets: 'Phát triển thêm 47 đoàn viên', ...extra });
  regs.office = (await save(w.office.organizationId)).id;
  for (const u of LOWER) {
    const id = u.key === 'choDon' ? w.choDon.id : (await core.call('organizations.create', { parentId: w.office.organizationId, level: u.level, name: u.name, code: u.key.toUpperCase() })).id;
    const signer = u.key === 'dienLuc' ? { signerName: 'Hoàng Thị Lan' } : u.key === 'yTe' ? { signerAuthority: 'TM. BAN THƯỜNG VỤ', signerTitle: 'PHÓ CHỦ TỊCH', signerName: 'Đinh Văn Tú' } : {};
    regs[u.key] = (await save(id, signer)).id;
  }
  for (const [key, id] of Object.entries(regs)) docx[key] = Buffer.from((await core.call('documents.preview', { kind: 'registration', id })).dataBase64, 'base64');
}, 120_000);

afterAll(async () => core?.cleanup());

describe('Bản đăng ký: the signer', () => {
  it('stores the signer: the office signer for its own, the chairman of the unit (name as typed) for a lower unit', async () => {
    expect((await core.call('registrations.get', { id: regs.office })).signer).toEqual({ authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Vi Văn Nghĩa' });
    expect((await core.call('registrations.get', { id: regs.dienLuc })).signer).toEqual({ authority: 'TM. BAN CHẤP HÀNH', title: 'CHỦ TỊCH', name: 'Hoàng Thị Lan' });
    expect((await core.call('registrations.get', { id: regs.yTe })).signer).toEqual({ authority: 'TM. BAN THƯỜNG VỤ', title: 'PHÓ CHỦ TỊCH', name: 'Đinh Văn Tú' });
    // Nothing typed for a lower unit: its BCH chairman, never the office's signer.
    expect((await core.call('registrations.get', { id: regs.choDon })).signer).toEqual({ authority: 'TM. BAN CHẤP HÀNH', title: 'CHỦ TỊCH', name: '' });
  });

  it('prints the authority, the title and then the name under the signature', () => {
    const cases: [string, string[]][] = [
      ['office', ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Vi Văn Nghĩa']],
      ['dienLuc', ['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH', 'Hoàng Thị Lan']],
      ['yTe', ['TM. BAN THƯỜNG VỤ', 'PHÓ CHỦ TỊCH', 'Đinh Văn Tú']],
    ];
    for (const [key, [authority, title, name]] of cases) {
      const t = textOf(docx[key]);
      const a = t.lastIndexOf(authority);
      expect(a, key).toBeGreaterThan(t.indexOf('BẢN ĐĂNG KÝ THI ĐUA'));
      expect(t[a + 1], key).toBe(title);
      expect(t.indexOf(name, a), key).toBeGreaterThan(a + 1);
    }
  });

  it('a blank field on a later save takes the default again, the registration keeps its rows', async () => {
    const r = await core.call('registrations.save', { id: regs.office, movementId: w.movement.id, phaseId: w.phaseId, organizationId: w.office.organizationId, signerName: '  ', targets: 'Phát triển thêm 50 đoàn viên' });
    expect(r.signer.name).toBe('Vi Văn Nghĩa');
    expect(r.targets).toBe('Phát triển thêm 50 đoàn viên');
    expect((await core.fail('registrations.save', { id: regs.office, movementId: w.movement.id, phaseId: w.phaseId, organizationId: w.office.organizationId, signerName: 'x'.repeat(101) })).message).toMatch(/Họ tên người ký: dài quá 100 ký tự/);
    expect((await core.call('registrations.get', { id: regs.office })).signer.name).toBe('Vi Văn Nghĩa');
  });
});

describe('exchange: the signer travels with the registration', () => {
  const u = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
  const row = { id: u, owner_id: u, revision: 1, deleted_at: null, movement_id: u, phase_id: null, organization_id: u, commitments: '', targets: '', collective_titles: '[]', member_count: null, status: 'submitted', submitted_on: null, received_on: null, note: '', created_at: '2026-02-10T00:00:00.000Z', updated_at: '2026-02-10T00:00:00.000Z' };
  it('is a column of the registrations table spec; a package from before migration 0015 reads as blank (the default prints)', () => {
    expect(registrationsSpec.columns).toEqual(expect.arrayContaining(['signer_authority', 'signer_title', 'signer_name']));
    expect(registrationsSpec.schema.parse(row)).toMatchObject({ signer_authority: '', signer_title: '', signer_name: '' });
    expect(registrationsSpec.schema.parse({ ...row, signer_name: 'Hoàng Thị Lan' })).toMatchObject({ signer_name: 'Hoàng Thị Lan' });
    expect(registrationsSpec.schema.safeParse({ ...row, signer_name: 'x'.repeat(101) }).success).toBe(false);
  });
});

describe('header lines: the office break is the office own, lower units break between word groups', () => {
  it('lower units: the chủ quản line, then the name cut only at word-group boundaries', () => {
    for (const u of LOWER) {
      const t = textOf(docx[u.key]);
      expect(t[0], u.key).toBe('LĐLĐ TỈNH BẮC KẠN');
      expect(t.slice(1, 1 + u.lines.length), u.key).toEqual(u.lines);
      // Each line is a run of whole word groups of the name.
      const groups = wordGroups(u.name.toLocaleUpperCase('vi')).map((g) => g.join(' '));
      for (const line of u.lines) {
        let rest = line;
        while (rest) {
          const g = groups.find((x) => rest === x || rest.startsWith(`${x} `));
          expect(g, `${u.key}: "${line}"`).toBeDefined();
          rest = rest.slice(g!.length).trim();
        }
      }
    }
  });

  it('the office own registration uses the manual break', () => {
    expect(textOf(docx.office).slice(1, 3)).toEqual(['LIÊN ĐOÀN LAO ĐỘNG TỈNH', 'BẮC KẠN']);
  });
});

describe.skipIf(skipWithoutSoffice)('rendered by LibreOffice', () => {
  let dir: string;
  const pdfPages = (key: string) => execFileSync('pdftotext', ['-layout', join(dir, `${key}.pdf`), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());

  beforeAll(() => {
    const soffice = requireSoffice();
    dir = mkdtempSync(join(tmpdir(), 'tdkt-signer-'));
    for (const [key, b] of Object.entries(docx)) writeFileSync(join(dir, `${key}.docx`), b);
    execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(docx).map((k) => join(dir, `${k}.docx`))], { stdio: 'ignore', timeout: 90_000 });
  }, 120_000);
  afterAll(() => {
    if (dir && !process.env.KEEP_DOCS) rmSync(dir, { recursive: true, force: true });
  });

  it('the signer name is on the page of the signature, under it, with body text above', () => {
    for (const [key, name] of [['office', 'Vi Văn Nghĩa'], ['dienLuc', 'Hoàng Thị Lan'], ['yTe', 'Đinh Văn Tú']]) {
      const pages = pdfPages(key);
      const at = pages.findIndex((p) => p.includes(name));
      expect(at, key).toBeGreaterThanOrEqual(0);
      const page = pages[at];
      expect(page.indexOf('CHỦ TỊCH'), key).toBeGreaterThanOrEqual(0);
      expect(page.indexOf('CHỦ TỊCH'), key).toBeLessThan(page.indexOf(name));
      const above = page.split(/Nơi nhận:|TM\. BAN/)[0].split('\n').map((l) => l.trim()).filter((l) => l && !/^\d+$/.test(l));
      expect(above.length, `${key}: body text above the signature`).toBeGreaterThan(0);
    }
  });

  it('each header line of a lower unit stays whole on one rendered line', () => {
    for (const u of LOWER) {
      const first = pdfPages(u.key)[0].split('\n');
      for (const line of u.lines) expect(first.some((l) => new RegExp(`(^|\\s{2,})${line}(\\s{2,}|$)`).test(l.trim()) || l.trim() === line), `${u.key}: ${line}`).toBe(true);
    }
  });
});
