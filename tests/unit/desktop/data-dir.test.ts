import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MOVED_NOTE, chooseDataDir, moveDataOnce } from '../../../src/main/data-dir';

const roaming = 'C:\\Users\\Nguyễn Văn A\\AppData\\Roaming\\Thi đua Khen thưởng';
const base = { isPackaged: true, platform: 'win32', userData: roaming };

describe('data folder choice', () => {
  it('puts an installed app in Local AppData and names Roaming as the folder to move from', () => {
    const c = chooseDataDir({ ...base, env: { LOCALAPPDATA: 'C:\\Users\\Nguyễn Văn A\\AppData\\Local' } });
    expect(c).toEqual({ ok: true, dir: join('C:\\Users\\Nguyễn Văn A\\AppData\\Local', 'Thi đua Khen thưởng'), previous: roaming });
  });

  it('gives a development run its own folder, never the installed app’s', () => {
    const c = chooseDataDir({ ...base, isPackaged: false, env: { LOCALAPPDATA: 'C:\\L' } });
    expect(c.ok && c.dir).toBe(join('C:\\L', 'Thi đua Khen thưởng (phát triển)'));
    expect(c.ok && c.previous).toBeNull();
    const linux = chooseDataDir({ isPackaged: false, platform: 'linux', userData: '/home/a/.config/Thi đua Khen thưởng', env: {} });
    expect(linux.ok && linux.dir).toBe('/home/a/.config/Thi đua Khen thưởng (phát triển)');
  });

  it('honours TDKT_DATA_DIR but refuses it empty or relative', () => {
    expect(chooseDataDir({ ...base, env: { TDKT_DATA_DIR: '/srv/tdkt', LOCALAPPDATA: 'C:\\L' } })).toEqual({ ok: true, dir: '/srv/tdkt', previous: null });
    for (const value of ['', '   ']) {
      const c = chooseDataDir({ ...base, env: { TDKT_DATA_DIR: value } });
      expect(!c.ok && c.message).toMatch(/TDKT_DATA_DIR đang để trống/);
    }
    const rel = chooseDataDir({ ...base, env: { TDKT_DATA_DIR: 'du-lieu' } });
    expect(!rel.ok && rel.message).toMatch(/đường dẫn đầy đủ/);
  });
});

describe('moving the data of an earlier version once', () => {
  const root = mkdtempSync(join(tmpdir(), 'tdkt-move-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('moves the database, its WAL, backups and logs, and leaves a note', () => {
    const from = join(root, 'Roaming');
    const to = join(root, 'Local', 'Thi đua Khen thưởng');
    mkdirSync(join(from, 'backups'), { recursive: true });
    writeFileSync(join(from, 'tdkt.sqlite'), 'db');
    writeFileSync(join(from, 'tdkt.sqlite-wal'), 'wal');
    writeFileSync(join(from, 'backups', 'tdkt-20260101-080000-hang-ngay.sqlite'), 'b');
    writeFileSync(join(from, 'Local State'), 'chromium'); // Electron's own files stay
    expect(moveDataOnce(from, to)).toBe(true);
    expect(readFileSync(join(to, 'tdkt.sqlite'), 'utf8')).toBe('db');
    expect(readFileSync(join(to, 'tdkt.sqlite-wal'), 'utf8')).toBe('wal');
    expect(existsSync(join(to, 'backups', 'tdkt-20260101-080000-hang-ngay.sqlite'))).toBe(true);
    expect(existsSync(join(from, 'tdkt.sqlite'))).toBe(false);
    expect(existsSync(join(from, 'Local State'))).toBe(true);
    expect(readFileSync(join(from, MOVED_NOTE), 'utf8')).toContain(to);
    // Once: the next start finds the data in place and moves nothing.
    writeFileSync(join(from, 'tdkt.sqlite'), 'older copy');
    expect(moveDataOnce(from, to)).toBe(false);
    expect(readFileSync(join(to, 'tdkt.sqlite'), 'utf8')).toBe('db');
  });

  it('does nothing without an old database or without a previous folder', () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    expect(moveDataOnce(empty, join(root, 'x'))).toBe(false);
    expect(moveDataOnce(null, join(root, 'x'))).toBe(false);
    expect(existsSync(join(root, 'x'))).toBe(false);
  });
});
