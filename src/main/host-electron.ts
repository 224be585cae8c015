import { app, dialog, type BrowserWindow } from 'electron';
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
  };
}
