import { basename } from 'node:path';
import { readPackageFile } from './package-file';

/** The part of a BrowserWindow the inbox uses (Electron-free, so tests pass a fake). */
export interface InboxWindow {
  isDestroyed(): boolean;
  webContents: { isLoading(): boolean; send(channel: string, ...args: unknown[]): void };
}

/**
 * Double-click / "Mở bằng" on a .tdkt file: Windows passes the path on the command line (first start or a
 * second instance), macOS sends 'open-file'. The bytes go to the renderer as an event, which opens the
 * import preview (nothing is imported without the clerk's "Áp dụng"). A path that arrives before the page
 * is ready, or while it reloads, waits here and goes out at the next did-finish-load.
 */
export function createPackageInbox(warn: (message: string) => void): {
  offer(win: InboxWindow | null, path: string | null): Promise<void>;
  flush(win: InboxWindow | null): Promise<void>;
} {
  let waiting: string | null = null;

  async function offer(win: InboxWindow | null, path: string | null): Promise<void> {
    if (!path) return;
    if (!win || win.isDestroyed() || win.webContents.isLoading()) {
      waiting = path;
      return;
    }
    const read = await readPackageFile(path);
    if (!read.ok) return warn(read.message);
    win.webContents.send('event', 'exchange.fileOpened', { fileName: basename(path), dataBase64: read.bytes.toString('base64') });
  }

  return {
    offer,
    flush(win) {
      const path = waiting;
      waiting = null;
      return offer(win, path);
    },
  };
}
