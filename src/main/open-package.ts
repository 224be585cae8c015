import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BrowserWindow } from 'electron';

/**
 * Double-click / "Open with" on a .tdkt file: Windows passes the path on the command line (first
 * start or a second instance), macOS sends 'open-file'. The bytes go to the renderer as an event,
 * which opens the import preview (nothing is imported without the clerk's "Áp dụng").
 */
export function packageArg(argv: string[]): string | null {
  return argv.slice(1).find((a) => a.toLowerCase().endsWith('.tdkt')) ?? null;
}

let waiting: string | null = null;

export async function openPackage(win: BrowserWindow | null, path: string | null): Promise<void> {
  if (!path) return;
  if (!win || win.webContents.isLoading()) {
    waiting = path; // sent once the page has loaded (flushPackage)
    return;
  }
  try {
    const bytes = await readFile(path);
    win.webContents.send('event', 'exchange.fileOpened', { fileName: basename(path), dataBase64: bytes.toString('base64') });
  } catch (e) {
    console.error('open .tdkt', e);
  }
}

export function flushPackage(win: BrowserWindow | null): void {
  const path = waiting;
  waiting = null;
  void openPackage(win, path);
}
