import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file the clerk exports (.docx, .xlsx, .tdkt, a key file) whole or not at all: the bytes go to a
 * hidden temporary file beside it, are flushed to disk, then renamed over the target. A crash, a full disk or
 * a program watching the folder (Explorer, an e-mail client attaching it) never meets a half-written file under
 * the final name, and an older file of that name stays intact until the new one is complete.
 */
export async function saveFile(path: string, data: Uint8Array | string, options: { mode?: number } = {}): Promise<void> {
  const tmp = tempBeside(path);
  try {
    const handle = await open(tmp, 'wx', options.mode ?? 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** The same, synchronously: for the few writes made before the app answers calls (the office key at start-up). */
export function saveFileSync(path: string, data: Uint8Array | string, options: { mode?: number } = {}): void {
  const tmp = tempBeside(path);
  try {
    const fd = openSync(tmp, 'wx', options.mode ?? 0o666);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

const tempBeside = (path: string) => join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
