import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const yml = readFileSync(resolve(root, 'electron-builder.yml'), 'utf8');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

describe('packaging config (checked here, used on the Windows release machine)', () => {
  it('ships better-sqlite3 as a runtime dependency, rebuilt for Electron and unpacked from the asar', () => {
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^\^?12\./);
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(yml).toMatch(/^npmRebuild: true$/m);
    expect(yml).toMatch(/^asarUnpack:\n\s+- '\*\*\/\*\.node'$/m);
    expect(pkg.main).toBe('./out/main/index.js');
    expect(pkg.scripts.postinstall).toBeUndefined(); // no Electron rebuild on CI installs
  });

  it('builds a per-user Vietnamese NSIS installer and a portable exe with the .tdkt association', () => {
    expect(yml).toMatch(/perMachine: false/);
    expect(yml).toMatch(/installerLanguages: \[vi_VN\]/);
    expect(yml).toMatch(/target: nsis/);
    expect(yml).toMatch(/target: portable/);
    expect(yml).toMatch(/fileAssociations:\n\s+- ext: tdkt/);
    const icon = /icon: (\S+)/.exec(yml)![1];
    expect(existsSync(resolve(root, icon))).toBe(true);
  });

  it('packs only the build output, not sources', () => {
    expect(yml).toMatch(/- out\/main\/\*\*/);
    expect(yml).toMatch(/- out\/renderer\/\*\*/);
    expect(yml).not.toMatch(/^\s+- src\//m);
  });
});
