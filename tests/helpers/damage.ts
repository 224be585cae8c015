import { closeSync, openSync, statSync, writeSync } from 'node:fs';

/** Overwrites `pages` 4 KiB pages in the middle of a database file (b-tree pages of its big tables). */
export function damagePages(file: string, pages: number): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  try {
    const junk = Buffer.alloc(4096 * pages, 0x5a);
    writeSync(fd, junk, 0, junk.length, Math.floor(size / 2 / 4096) * 4096);
  } finally {
    closeSync(fd);
  }
}
