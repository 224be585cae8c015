import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_VERSION, dataName, type Manifest } from '../../src/main/core/exchange/format';
import { signBytes } from '../../src/main/core/exchange/keys';
import { officeKey } from '../helpers/exchange-chain';
import { assemblePackage, type PackageFile } from '../../src/main/core/exchange/pack';
import type { TestCore } from '../helpers/core';
import { dumpAll, receive, send, twoOffices, upload, type Offices } from '../helpers/exchange';
import { writeZip } from '../helpers/zip-writer';

/**
 * ≥ 1,000 hostile or broken packages, each refused with a clear Vietnamese message, and the
 * receiving database identical (every table) afterwards. A valid package is imported first, so a
 * mutation that leaves the signed content intact is refused as a replay.
 */
let o: Offices;
let valid: Uint8Array;
let manifest: Manifest;
let files: PackageFile[];
let snapshot: string;
let seed = 20250707;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýÁÀĐ]/;
const counts: Record<string, number> = {};
const messages: Record<string, Set<string>> = {};

beforeAll(async () => {
  o = await twoOffices();
  for (let i = 0; i < 15; i++) await o.upper.call('organizations.create', { parentId: o.upperId, level: 'upper', name: `Công đoàn ngành số ${i + 1}` });
  valid = new Uint8Array(await send(o.upper, o.lowerId, { kind: 'directory' }));
  const entries = unzipSync(valid);
  manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as Manifest;
  files = manifest.files.map((f) => ({ name: f.name, data: entries[f.name], records: f.records }));
  await receive(o.lower, valid);
  await o.lower.call('exchange.ownKey', {});
  snapshot = dumpAll(o.lower);
}, 60_000);

afterAll(async () => {
  console.log('fuzz cases by family:', JSON.stringify(counts));
  for (const [f, m] of Object.entries(messages)) console.log(`${f}: ${[...m].slice(0, 4).join(' | ')}`);
  await o.upper.cleanup();
  await o.lower.cleanup();
});

async function expectRefused(core: TestCore, family: string, bytes: Uint8Array): Promise<void> {
  counts[family] = (counts[family] ?? 0) + 1;
  const result = await core.app.dispatch('exchange.preview', upload(bytes));
  if (result.ok) throw new Error(`${family}: a mutated package was accepted`);
  expect(result.error.code, `${family}: ${result.error.message}`).not.toBe('INTERNAL');
  expect(result.error.message, family).toMatch(VIETNAMESE);
  (messages[family] ??= new Set()).add(result.error.message.slice(0, 60));
}

/** Re-signs with the sender's real key: the package is authentic, its content is not acceptable. */
function resigned(m: Partial<Manifest>, fs: PackageFile[] = files): Uint8Array {
  const key = officeKey(o.upper, o.upperId);
  const { files: _f, ...base } = { ...manifest, packageId: randomUUID(), ...m };
  return assemblePackage(base, fs, (d) => signBytes(key, d)).bytes;
}

const lines = () => new TextDecoder().decode(files[0].data).trimEnd().split('\n');
const withLines = (ls: string[]): PackageFile[] => [{ name: files[0].name, data: new TextEncoder().encode(`${ls.join('\n')}\n`), records: ls.length }];

describe('exchange fuzz: every mutated package is refused and nothing is written', () => {
  it('truncated files (200)', async () => {
    for (let i = 0; i < 200; i++) await expectRefused(o.lower, 'truncated', valid.slice(0, Math.floor(rnd() * valid.length)));
  });

  it('bit flips (300)', async () => {
    for (let i = 0; i < 300; i++) {
      const b = valid.slice();
      for (let k = 1 + Math.floor(rnd() * 8); k > 0; k--) {
        const at = Math.floor(rnd() * b.length);
        b[at] ^= 1 << Math.floor(rnd() * 8);
      }
      await expectRefused(o.lower, 'bit flip', b);
    }
  });

  it('wrong signatures and unknown keys (100)', async () => {
    for (let i = 0; i < 50; i++) {
      const { privateKey } = generateKeyPairSync('ed25519');
      const { files: _f, ...base } = { ...manifest, packageId: randomUUID() };
      await expectRefused(o.lower, 'wrong signature', assemblePackage(base, files, (d) => sign(null, d, privateKey)).bytes);
    }
    for (let i = 0; i < 25; i++) {
      const { privateKey } = generateKeyPairSync('ed25519');
      const { files: _f, ...base } = { ...manifest, packageId: randomUUID(), sender: { id: randomUUID(), name: 'Đơn vị lạ', keyFingerprint: 'AAAA-BBBB-CCCC-DDDD' } };
      await expectRefused(o.lower, 'unknown key', assemblePackage(base, files, (d) => sign(null, d, privateKey)).bytes);
    }
    for (let i = 0; i < 25; i++) {
      // a valid manifest with a signature cut short, or missing
      const entries = unzipSync(valid);
      const sig = i % 2 ? entries['signature.sig'].slice(0, Math.floor(rnd() * 63)) : undefined;
      const raw = [{ name: 'manifest.json', data: entries['manifest.json'] }, ...files.map((f) => ({ name: f.name, data: f.data }))];
      await expectRefused(o.lower, 'signature cut', writeZip(sig ? [...raw, { name: 'signature.sig', data: sig }] : raw));
    }
  });

  it('traversal, absolute, duplicate and unexpected entry names (150)', async () => {
    const entries = unzipSync(valid);
    const good = Object.entries(entries).map(([name, data]) => ({ name, data }));
    const bad = ['../evil.ndjson', 'data/../../evil', 'data/../manifest.json', '..\\..\\windows\\system32\\x', '/etc/passwd', 'C:/Windows/win.ini', 'c:\\x', '\\\\server\\share\\x', 'data//organizations.ndjson', './manifest.json', 'data/evil.ndjson', 'readme.txt', 'data/organizations.ndjson/x', 'DATA/organizations.ndjson', 'data/organizations.NDJSON'];
    for (let i = 0; i < 100; i++) {
      const name = pick(bad);
      const list = [...good];
      list.splice(Math.floor(rnd() * (list.length + 1)), 0, { name, data: new TextEncoder().encode('{}') });
      await expectRefused(o.lower, name.includes('..') || /^([A-Za-z]:|\/|\\)/.test(name) ? 'traversal/absolute path' : 'unexpected name', writeZip(list));
    }
    for (let i = 0; i < 50; i++) {
      const dup = pick(good);
      await expectRefused(o.lower, 'duplicate name', writeZip([...good, { name: dup.name, data: i % 2 ? dup.data : new TextEncoder().encode('{"x":1}') }]));
    }
  });

  it('oversized entries and zip bombs (60)', async () => {
    const entries = unzipSync(valid);
    const good = Object.entries(entries).map(([name, data]) => ({ name, data }));
    for (let i = 0; i < 40; i++) {
      const victim = Math.floor(rnd() * good.length);
      const list = good.map((e, k) => (k === victim ? { ...e, deflate: true, declaredSize: 201 * 1024 * 1024 + Math.floor(rnd() * 2 ** 30) } : e));
      await expectRefused(o.lower, 'oversized entry', writeZip(list));
    }
    const zeros = new Uint8Array(60 * 1024 * 1024);
    const bomb = writeZip([...good.filter((e) => e.name !== files[0].name), { name: files[0].name, data: zeros, deflate: true }]);
    for (let i = 0; i < 10; i++) await expectRefused(o.lower, 'zip bomb (ratio)', bomb);
    const many = writeZip(Array.from({ length: 60 }, (_, k) => ({ name: `data/organizations${k}.ndjson`, data: new Uint8Array(1) })));
    for (let i = 0; i < 10; i++) await expectRefused(o.lower, 'many unknown entries', many);
  });

  it('invalid JSON, schema-invalid records and bad manifests, validly signed (250)', async () => {
    const original = lines();
    for (let i = 0; i < 50; i++) {
      const ls = [...original];
      const at = Math.floor(rnd() * ls.length);
      ls[at] = ls[at].slice(0, Math.floor(rnd() * ls[at].length)) + pick(['', '}', '{', '"', ',,', '\u0000']);
      await expectRefused(o.lower, 'invalid JSON record', resigned({}, withLines(ls)));
    }
    const breakers: ((r: { row: Record<string, unknown>; children: Record<string, Record<string, unknown>[]> }) => void)[] = [
      (r) => (r.row.id = 'not-a-uuid'),
      (r) => (r.row.revision = -1),
      (r) => (r.row.revision = '7'),
      (r) => (r.row.level = 'galaxy'),
      (r) => (r.row.code = ''),
      (r) => (r.row.parent_id = 42),
      (r) => (r.row.extra = 'x'),
      (r) => delete r.row.owner_id,
      (r) => (r.row.ended_on = '31/12/2024'),
      (r) => (r.children.organization_names[0].name = ''),
      (r) => (r.children.organization_names[0].organization_id = randomUUID()),
      (r) => (r.children.evil_table = [{}]),
      (r) => (r.children.organization_names[0].valid_from = null),
      (r) => (r.row.code = 'x'.repeat(5000)),
    ];
    for (let i = 0; i < 100; i++) {
      const ls = [...original];
      const at = Math.floor(rnd() * ls.length);
      const rec = JSON.parse(ls[at]);
      pick(breakers)(rec);
      ls[at] = JSON.stringify(rec);
      await expectRefused(o.lower, 'schema-invalid record', resigned({}, withLines(ls)));
    }
    for (let i = 0; i < 25; i++) {
      const ls = [...original, original[Math.floor(rnd() * original.length)]];
      await expectRefused(o.lower, 'duplicate record', resigned({}, withLines(ls)));
    }
    const manifestBreakers: Partial<Manifest>[] = [
      { formatVersion: FORMAT_VERSION + 1 },
      { formatVersion: FORMAT_VERSION - 1 },
      { minReaderVersion: 9 },
      { format: 'zip' as 'tdkt-package' },
      { kind: 'secrets' as 'directory' },
      { created: 'hôm qua' },
      { sequence: 0 },
      { packageId: 'abc' },
    ];
    for (let i = 0; i < 50; i++) await expectRefused(o.lower, 'bad manifest', resigned(pick(manifestBreakers)));
    for (let i = 0; i < 25; i++) {
      // the data file changed after signing: hash mismatch
      const entries = unzipSync(valid);
      const data = entries[files[0].name].slice();
      data[Math.floor(rnd() * data.length)] ^= 0x20;
      await expectRefused(o.lower, 'hash mismatch', writeZip(Object.entries({ ...entries, [files[0].name]: data }).map(([name, d]) => ({ name, data: d }))));
    }
  });

  it('wrong receiver, wrong kind for the files, replays (100)', async () => {
    for (let i = 0; i < 30; i++) await expectRefused(o.lower, 'wrong receiver', resigned({ receiverId: randomUUID() }));
    for (let i = 0; i < 20; i++) await expectRefused(o.lower, 'file not allowed for kind', resigned({ kind: 'plan' }, [{ ...files[0], name: dataName('organizations') }]));
    for (let i = 0; i < 50; i++) await expectRefused(o.lower, 'replay', valid);
  });

  it('left the database identical and counted at least 1,000 cases', () => {
    expect(dumpAll(o.lower)).toBe(snapshot);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1000);
  });
});
