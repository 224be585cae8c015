import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';

/**
 * The packaging configuration as electron-builder itself loads and validates it (the release machine is
 * Windows; nothing here can build the installer). Then the NSIS include compiled for real when makensis
 * is installed (npm test installs it on Debian; CI fails rather than skips without it).
 */
const root = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const config = await getConfig(root, resolve(root, 'electron-builder.yml'), null);
const nsis = config.nsis!;

describe('packaging config (electron-builder’s own loader)', () => {
  it('is valid against electron-builder’s schema', async () => {
    const log = { isEnabled: false, add: () => undefined } as never;
    await expect(validateConfiguration(config, log)).resolves.toBeUndefined();
  });

  it('packs the Node build output only, with better-sqlite3 unpacked from the asar', () => {
    expect(pkg.main).toBe('./out/main/index.js');
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^\^?12\./);
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
    // The loader normalises the list into file sets.
    const files = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    expect(files.filter((f) => !f.startsWith('!'))).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    // dist-win.mjs forces the Electron rebuild and checks the packed binary; a marker-trusting rebuild is off.
    expect(config.npmRebuild).toBe(false);
    expect(pkg.scripts['dist:win']).toBe('node scripts/dist-win.mjs');
  });

  it('sets the Electron fuses: no RunAsNode, NODE_OPTIONS or inspector; asar integrity; app only from asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('installs per user, in one page, without elevation, in Vietnamese, with the NSIS include', () => {
    expect(nsis.oneClick).toBe(true);
    expect(nsis.perMachine).toBe(false);
    expect(nsis.allowElevation).toBe(false);
    expect(nsis.installerLanguages).toEqual(['vi_VN']);
    expect(nsis.include).toBe('build/installer.nsh');
    expect(existsSync(resolve(root, nsis.include!))).toBe(true);
    expect(nsis.deleteAppDataOnUninstall).toBe(false);
    const targets = (config.win!.target as { target: string }[]).map((t) => t.target);
    expect(targets).toEqual(['nsis']); // no portable build (README says why)
    expect(existsSync(resolve(root, config.win!.icon as string))).toBe(true);
  });

  it('associates .tdkt with an ASCII ProgID and a Vietnamese description', () => {
    const [assoc] = config.fileAssociations as { ext: string; name: string; description: string }[];
    expect(assoc.ext).toBe('tdkt');
    expect(assoc.name).toMatch(/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+$/);
    expect(assoc.description).toMatch(/Gói trao đổi dữ liệu/);
    const include = readFileSync(resolve(root, nsis.include!), 'utf8');
    expect(include).toContain(`!define TDKT_PROGID "${assoc.name}"`);
  });
});

const makensis = spawnSync('sh', ['-c', 'command -v makensis']).status === 0;
describe('NSIS include', () => {
  it.skipIf(!makensis && !process.env.CI)('compiles with warnings as errors; Vietnamese strings win; the verb is Vietnamese and the command quoted', () => {
    expect(makensis, 'makensis missing (Debian package nsis; npm test installs it)').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-nsis-'));
    try {
      // What electron-builder's script does around the include: its English message strings first,
      // customHeader expanded later at top level, customInstall inside the install section.
      const english = ['win7Required', 'x64WinRequired', 'appRunning', 'appCannotBeClosed', 'installing', 'areYouSureToUninstall', 'decompressionFailed', 'uninstallFailed', 'appClosing'];
      writeFileSync(
        join(dir, 'harness.nsi'),
        [
          'Unicode true',
          'SetCompress off',
          '!define PRODUCT_NAME "Thi đua Khen thưởng"',
          '!include MUI2.nsh',
          '!insertmacro MUI_PAGE_INSTFILES',
          '!insertmacro MUI_LANGUAGE "Vietnamese"',
          `OutFile "${join(dir, 'harness.exe')}"`,
          'Var appExe',
          ...english.map((id) => `LangString ${id} 1066 "English ${id}"`),
          `!include "${resolve(root, nsis.include!)}"`,
          '!insertmacro customHeader',
          'Section',
          '  StrCpy $appExe "$INSTDIR\\ThiDuaKhenThuong.exe"',
          `  DetailPrint "${english.map((id) => `$(${id})`).join(' ')}"`,
          '  !insertmacro customInstall',
          'SectionEnd',
        ].join('\n'),
      );
      execFileSync('makensis', ['-WX', '-INPUTCHARSET', 'UTF8', '-V2', join(dir, 'harness.nsi')], { stdio: 'pipe' });
      const exe = readFileSync(join(dir, 'harness.exe'));
      const has = (text: string) => exe.includes(Buffer.from(text, 'utf16le'));
      for (const id of english) expect(has(`English ${id}`), id).toBe(false);
      expect(has('Đang cài đặt, xin chờ…')).toBe(true);
      expect(has('Mở bằng Thi đua Khen thưởng')).toBe(true);
      expect(has('"%1"')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
