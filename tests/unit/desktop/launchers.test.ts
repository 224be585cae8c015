import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs launcher modules (run by node before anything is built)
import { checkNodeVersion, missingPackages } from '../../../scripts/lib/dependencies.mjs';
// @ts-expect-error plain .mjs launcher module
import { electronExecutable } from '../../../scripts/lib/electron-binary.mjs';
// @ts-expect-error plain .mjs launcher module
import { nativeModuleLoads } from '../../../scripts/lib/native-module.mjs';
// @ts-expect-error plain .mjs launcher module
import { browserForTests, installCommand, missingSystemPackages } from '../../../scripts/lib/system-packages.mjs';

const root = resolve(__dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'tdkt-launch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm start / npm test: what is missing', () => {
  it('lists the packages of package.json absent from node_modules', () => {
    writeFileSync(join(tmp, 'package.json'), JSON.stringify({ dependencies: { a: '1', '@s/b': '2' }, devDependencies: { c: '3' } }));
    mkdirSync(join(tmp, 'node_modules', '@s', 'b'), { recursive: true });
    writeFileSync(join(tmp, 'node_modules', '@s', 'b', 'package.json'), '{}');
    expect(missingPackages(tmp)).toEqual(['a', 'c']);
    expect(missingPackages(root)).toEqual([]); // this checkout is installed
  });

  it('names the Debian packages to install from what the machine lacks', () => {
    const probe = (has: string[], liberation: boolean, env: Record<string, string> = {}) => ({ onPath: (c: string) => has.includes(c), hasLiberation: () => liberation, env });
    expect(missingSystemPackages(probe(['chromium', 'soffice', 'pdftoppm', 'pdftotext', 'makensis'], true))).toEqual([]);
    expect(missingSystemPackages(probe([], false))).toEqual(['chromium', 'libreoffice-writer-nogui', 'poppler-utils', 'fonts-liberation', 'nsis']);
    expect(missingSystemPackages(probe(['soffice', 'pdftoppm', 'makensis'], true, { CHROMIUM_PATH: '/opt/chrome' }))).toEqual(['poppler-utils']);
    expect(installCommand(['chromium', 'nsis'])).toBe('sudo apt-get update && sudo apt-get install -y chromium nsis');
  });

  it('off Linux, drives Edge or Chrome when CHROMIUM_PATH is not set', () => {
    expect(browserForTests({ CHROMIUM_PATH: 'D:\\chromium\\chrome.exe' }, () => true)).toBe('D:\\chromium\\chrome.exe');
    expect(browserForTests({}, (p: string) => p.endsWith('msedge.exe'))).toMatch(/Microsoft\\Edge\\Application\\msedge\.exe$/);
    expect(browserForTests({}, () => false)).toBeNull();
  });

  it('accepts Node 20.19+ and 22.12+, refuses older ones in Vietnamese', () => {
    for (const v of ['20.19.0', '20.20.2', '22.12.0', '22.20.0', '24.1.0']) expect(checkNodeVersion(v)).toBeNull();
    for (const v of ['18.20.0', '20.18.1', '21.7.3', '22.11.0']) expect(checkNodeVersion(v)).toMatch(/quá cũ/);
  });

  it('finds no Electron binary where only the package is installed (here), and better-sqlite3 loads under Node', () => {
    expect(electronExecutable(tmp)).toBeNull();
    mkdirSync(join(tmp, 'node_modules', 'electron', 'dist'), { recursive: true });
    writeFileSync(join(tmp, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(electronExecutable(tmp)).toBeNull(); // path.txt without the file
    writeFileSync(join(tmp, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(electronExecutable(tmp)).toBe(join(tmp, 'node_modules', 'electron', 'dist', 'electron'));
    expect(nativeModuleLoads(root)).toBe(true);
    expect(nativeModuleLoads(tmp)).toBe(false); // no better-sqlite3 there
  });
});
