import { app, dialog, safeStorage, shell, type BrowserWindow } from 'electron';
import type { Host } from './core/host';

const strongVault = () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');

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
