import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveFile, saveFileSync } from '../../src/main/core/util/save-file';

const folder = () => mkdtempSync(join(tmpdir(), 'tdkt-save-'));

describe('saveFile: an exported file appears whole or not at all', () => {
  it('writes the bytes and replaces an older file of the same name, leaving no temporary file', async () => {
    const dir = folder();
    const path = join(dir, 'Quyet-dinh.docx');
    writeFileSync(path, 'bản cũ');
    await saveFile(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['Quyet-dinh.docx']);
  });

  it('a watcher of the folder never sees the final name with part of the bytes', async () => {
    const dir = folder();
    const path = join(dir, 'Giay-khen.docx');
    const bytes = new Uint8Array(24 * 1024 * 1024).fill(7);
    const seen: number[] = [];
    let writing = true;
    const watch = (async () => {
      while (writing) {
        try {
          seen.push(statSync(path).size);
        } catch {
          // not there yet
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    await saveFile(path, bytes);
    writing = false;
    await watch;
    expect(seen.every((size) => size === bytes.length)).toBe(true);
    expect(statSync(path).size).toBe(bytes.length);
  });

  it('a failed write leaves the older file intact and no temporary file behind', async () => {
    const dir = folder();
    const target = join(dir, 'Bao-cao.docx');
    mkdirSync(target); // renaming a file over a folder fails on every platform
    await expect(saveFile(target, 'mới')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['Bao-cao.docx']);
    expect(statSync(target).isDirectory()).toBe(true);
  });

  it.runIf(process.platform !== 'win32')('keeps the mode asked for (a key file readable by its owner only)', async () => {
    const dir = folder();
    const path = join(dir, 'khoa.json');
    await saveFile(path, '{}', { mode: 0o600 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('saveFileSync: the same guarantees for the office key written at start-up', () => {
  it('replaces an older file whole, with the mode asked for, and leaves nothing beside it', () => {
    const dir = folder();
    const path = join(dir, 'office-key.json');
    writeFileSync(path, 'khóa cũ');
    saveFileSync(path, '{"khóa":"mới"}', { mode: 0o600 });
    expect(readFileSync(path, 'utf8')).toBe('{"khóa":"mới"}');
    expect(readdirSync(dir)).toEqual(['office-key.json']);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('a failed write leaves what was there and no temporary file', () => {
    const dir = folder();
    const target = join(dir, 'office-key.json');
    mkdirSync(target);
    expect(() => saveFileSync(target, 'mới')).toThrow();
    expect(readdirSync(dir)).toEqual(['office-key.json']);
  });
});
