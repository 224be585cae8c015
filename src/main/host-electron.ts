import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { Host } from './core/host';

const PRINT_ANSWER_MS = 5 * 60_000;

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
    // shell.openPath resolves with '' on success and an English error text otherwise (e.g. no Word installed).
    async openPath(path) {
      const error = await shell.openPath(path);
      return error ? 'máy chưa có chương trình mở được loại tệp này (ví dụ Microsoft Word cho .docx); hãy cài chương trình đó hoặc dùng "Mở thư mục"' : '';
    },
    async showInFolder(path) {
      shell.showItemInFolder(path);
    },
    printWindow() {
      const win = getWindow();
      if (!win) return Promise.resolve(false);
      // The callback has been known not to fire in some Electron versions; calls run one at a time, so a
      // print that never answers must not hold every later call.
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), PRINT_ANSWER_MS);
        win.webContents.print({ silent: false, printBackground: true }, (success) => {
          clearTimeout(timer);
          resolve(success);
        });
      });
    },
  };
}
