import { ipcMain, type BrowserWindow } from 'electron';
import type { CoreApp } from './core/app';

/** One channel for calls, one for events: the handler names travel as data. */
export function bindIpc(core: CoreApp, getWindow: () => BrowserWindow | null): void {
  ipcMain.handle('rpc', (event, name: unknown, payload: unknown) => {
    // Only our own page may call in.
    if (event.senderFrame?.url && !event.senderFrame.url.startsWith('file://') && !process.env.ELECTRON_RENDERER_URL) {
      return { ok: false, error: { code: 'UNKNOWN_HANDLER', message: 'Yêu cầu bị từ chối.' } };
    }
    return core.dispatch(name, payload);
  });
  core.onEvent((name, payload) => getWindow()?.webContents.send('event', name, payload));
}
