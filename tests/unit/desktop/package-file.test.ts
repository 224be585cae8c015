import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PACKAGE_BYTES, packageArg, readPackageFile } from '../../../src/main/package-file';

const dir = mkdtempSync(join(tmpdir(), 'tdkt-pkg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('argv → package path', () => {
  it('resolves a relative path against the working directory of the instance that received it', () => {
    expect(packageArg(['C:\\App\\ThiDuaKhenThuong.exe', 'goi\\Ke-hoach.TDKT'], '/home/clerk/Tải về')).toBe(join('/home/clerk/Tải về', 'goi\\Ke-hoach.TDKT'));
    expect(packageArg(['/opt/app', '--flag', 'ban.tdkt'], '/srv/nguyen van a')).toBe('/srv/nguyen van a/ban.tdkt');
  });

  it('keeps an absolute path, skips switches and the executable, and answers null without a package', () => {
    expect(packageArg(['/opt/app', '/data/Gói tháng 7.tdkt'], '/elsewhere')).toBe('/data/Gói tháng 7.tdkt');
    expect(packageArg(['/opt/app/x.tdkt'], '/w')).toBeNull(); // argv[0] is the program
    expect(packageArg(['/opt/app', '--tdkt-self-check=/tmp/r.tdkt'], '/w')).toBeNull();
    expect(packageArg(['/opt/app', 'notes.txt'], '/w')).toBeNull();
  });
});

describe('reading a double-clicked package', () => {
  it('reads a regular file within the limit', async () => {
    const file = join(dir, 'ok.tdkt');
    writeFileSync(file, Buffer.from('TDKT-PACKAGE'));
    const read = await readPackageFile(file);
    expect(read.ok && read.bytes.toString()).toBe('TDKT-PACKAGE');
  });

  it('refuses a file over 20 MB without reading it, with the size in the message', async () => {
    const file = join(dir, 'big.tdkt');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, MAX_PACKAGE_BYTES + 1); // sparse: no 20 MB written to disk
    closeSync(fd);
    const read = await readPackageFile(file);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/quá lớn \(21 MB, tối đa 20 MB\)/);
    const atLimit = join(dir, 'limit.tdkt');
    writeFileSync(atLimit, Buffer.alloc(1024, 1));
    expect((await readPackageFile(atLimit, 1024)).ok).toBe(true);
    expect((await readPackageFile(atLimit, 1023)).ok).toBe(false);
  });

  it('refuses a folder and a missing file with a Vietnamese message', async () => {
    const folder = join(dir, 'thu-muc.tdkt');
    mkdirSync(folder);
    const a = await readPackageFile(folder);
    expect(!a.ok && a.message).toMatch(/không phải là tệp gói dữ liệu/);
    const b = await readPackageFile(join(dir, 'khong-co.tdkt'));
    expect(!b.ok && b.message).toMatch(/không tồn tại hoặc không có quyền đọc/);
  });

  it.runIf(process.platform !== 'win32')('refuses a named pipe at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.tdkt');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const read = await readPackageFile(fifo);
    expect(read.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
