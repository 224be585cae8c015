import { ipcMain, type BrowserWindow } from 'electron';
import type { CoreApp } from './core/app';
import { isTrustedSender } from './app-url';

/** One channel for calls, one for events: the handler names travel as data. */
export function bindIpc(core: CoreApp, getWindow: () => BrowserWindow | null, allowedUrl: string): void {
  ipcMain.handle('rpc', (event, name: unknown, payload: unknown) => {
    const win = getWindow();
    const frame = event.senderFrame;
    const trusted = isTrustedSender({ frameUrl: frame?.url, isMainFrame: !!frame && frame.parent === null, isMainWindow: !!win && !win.isDestroyed() && event.sender === win.webContents }, allowedUrl);
    if (!trusted) return { ok: false, error: { code: 'UNKNOWN_HANDLER', message: 'Yêu cầu bị từ chối.' } };
    return core.dispatch(name, payload);
  });
  core.onEvent((name, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send('event', name, payload);
  });
}
