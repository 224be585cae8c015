import { app, dialog, safeStorage, shell, type BrowserWindow } from 'electron';
import type { Host } from './core/host';

const strongVault = () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
const PRINT_ANSWER_MS = 5 * 60_000;

export function electronHost(getWindow: () => BrowserWindow | null): Host {
  return {
    transport: 'electron',
    appVersion: app.getVersion(),
    // safeStorage ties the key file to this Windows/macOS/Linux user. Without a keyring (Linux "basic_text")
    // it is only obfuscation, so the key then stays a user-only file, as in the bridge (the file records which).
    keyVault: {
      get kind() {
        return strongVault() ? 'safeStorage' : 'file';
      },
      seal: (plain) => (strongVault() ? safeStorage.encryptString(plain.toString('base64')) : Buffer.from(plain)),
      open: (sealed) => (strongVault() ? Buffer.from(safeStorage.decryptString(sealed), 'base64') : Buffer.from(sealed)),
    },
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
