import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { launchTarget, stubDialogs, type StubTargets } from '../../electron/setup';

describe('Electron smoke test setup', () => {
  it('stubDialogs runs from its source text alone, where require and process do not exist', async () => {
    // What Playwright's app.evaluate does: the function travels as text into the main process.
    const context: Record<string, unknown> = {};
    const fn = runInNewContext(`(${stubDialogs.toString()})`, context) as typeof stubDialogs;
    expect(stubDialogs.toString()).not.toMatch(/mainModule|require\(/);
    const targets: StubTargets = { dialog: { showSaveDialog: null }, shell: { openPath: null } };
    fn(targets, 'C:\\Temp\\tdkt-electron-1\\exports');
    const save = targets.dialog.showSaveDialog as (...a: unknown[]) => Promise<{ canceled: boolean; filePath: string }>;
    expect(await save({ id: 1 }, { defaultPath: 'danh-muc-don-vi-2026-07-10.xlsx' })).toEqual({ canceled: false, filePath: 'C:\\Temp\\tdkt-electron-1\\exports\\danh-muc-don-vi-2026-07-10.xlsx' });
    expect((await save({ defaultPath: 'x/y/Báo cáo.docx' })).filePath).toBe('C:\\Temp\\tdkt-electron-1\\exports\\Báo cáo.docx');
    const open = targets.shell.openPath as (p: string) => Promise<string>;
    expect(await open('C:\\Temp\\a.docx')).toBe('');
    expect(runInNewContext('globalThis.opened', context)).toEqual(['C:\\Temp\\a.docx']);
  });

  it('launches the unpackaged build, or the packaged exe named by TDKT_ELECTRON_EXE', () => {
    expect(launchTarget({}, '/r/out/main/index.js')).toEqual({ args: ['/r/out/main/index.js'] });
    expect(launchTarget({ TDKT_ELECTRON_EXE: '' }, '/r/out/main/index.js')).toEqual({ args: ['/r/out/main/index.js'] });
    expect(launchTarget({ TDKT_ELECTRON_EXE: 'D:\\dist\\smoke\\win-unpacked\\ThiDuaKhenThuong.exe' }, '/m')).toEqual({ executablePath: 'D:\\dist\\smoke\\win-unpacked\\ThiDuaKhenThuong.exe', args: [] });
  });
});
