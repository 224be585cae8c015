import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { Host } from './core/host';

export function electronHost(getWindow: () => BrowserWindow | null): Host {
  return {
    transport: 'electron',
    appVersion: app.getVersion(),
    async chooseSavePath(suggestedName, filters) {
      const win = getWindow();
      const options = { title: 'Lưu tệp', defaultPath: suggestedName, filters, buttonLabel: 'Lưu' };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    // shell.openPath resolves with '' on success and an error text otherwise.
    openPath: (path) => shell.openPath(path),
    async showInFolder(path) {
      shell.showItemInFolder(path);
    },
    printWindow() {
      const win = getWindow();
      if (!win) return Promise.resolve(false);
      return new Promise((resolve) => win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success)));
    },
  };
}
