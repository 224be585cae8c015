/**
 * The smoke test's setup, kept apart so vitest can check it (tests/unit/desktop/smoke-setup.test.ts).
 *
 * stubDialogs runs inside Electron's main process through Playwright's app.evaluate, which sends the
 * function's source text: it must be self-contained. Electron modules arrive as its argument; it uses no
 * require and no process.mainModule (undefined when Electron loads the app with import(), Electron ≥ 28),
 * so paths are joined as strings and folders are made by the test process beforehand.
 */
export interface StubTargets {
  dialog: { showSaveDialog: unknown };
  shell: { openPath: unknown };
}

export function stubDialogs({ dialog, shell }: StubTargets, saveDir: string): void {
  const g = globalThis as unknown as { opened: string[] };
  g.opened = [];
  const sep = saveDir.includes('\\') ? '\\' : '/';
  dialog.showSaveDialog = async (...args: unknown[]) => {
    const options = (args.length > 1 ? args[1] : args[0]) as { defaultPath?: string };
    const name = (options.defaultPath ?? 'tep').split(/[\\/]/).pop();
    return { canceled: false, filePath: `${saveDir}${sep}${name}` };
  };
  shell.openPath = async (path: string) => {
    g.opened.push(path);
    return '';
  };
}

/**
 * What to launch: the unpackaged build (out/main/index.js run by the electron package), or a packaged app
 * when TDKT_ELECTRON_EXE names its executable (dist/smoke/win-unpacked/ThiDuaKhenThuong.exe, built without
 * the fuses: Playwright drives the main process through the inspector the release build switches off).
 */
export function launchTarget(env: Record<string, string | undefined>, mainScript: string): { executablePath?: string; args: string[] } {
  const exe = env.TDKT_ELECTRON_EXE?.trim();
  return exe ? { executablePath: exe, args: [] } : { args: [mainScript] };
}
