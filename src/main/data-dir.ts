/**
 * Where the database, backups and logs live. Local AppData, not Roaming: a domain's folder redirection can
 * put Roaming on a network share, where SQLite's WAL is unsafe. A development run (not packaged) uses its
 * own folder so `npm start` on a clerk's PC never touches the real data. TDKT_DATA_DIR overrides both, but
 * an empty value is refused (it would put the data in whatever the current folder is).
 */
import { cpSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export const APP_FOLDER = 'Thi đua Khen thưởng';
/** Electron's userData inside the data folder (Chromium's profile, the single-instance lock). */
export const CHROMIUM_FOLDER = 'giao-dien';
export const DEV_SUFFIX = ' (phát triển)';

export interface DataDirInput {
  env: Record<string, string | undefined>;
  isPackaged: boolean;
  platform: string;
  /** Electron's userData (Roaming AppData on Windows): the folder of versions before 0.2. */
  userData: string;
}

export type DataDirChoice = { ok: true; dir: string; previous: string | null } | { ok: false; message: string };

export function chooseDataDir(input: DataDirInput): DataDirChoice {
  const override = input.env.TDKT_DATA_DIR;
  if (override !== undefined) {
    if (override.trim() === '') return { ok: false, message: 'Biến môi trường TDKT_DATA_DIR đang để trống: hãy xóa biến này hoặc đặt một thư mục cụ thể.' };
    if (!isAbsolute(override.trim())) return { ok: false, message: `TDKT_DATA_DIR phải là đường dẫn đầy đủ (ví dụ C:\\DuLieu\\TDKT), không phải "${override}".` };
    return { ok: true, dir: resolve(override.trim()), previous: null };
  }
  const suffix = input.isPackaged ? '' : DEV_SUFFIX;
  const local = input.platform === 'win32' ? input.env.LOCALAPPDATA : undefined;
  if (!local) return { ok: true, dir: input.userData + suffix, previous: null };
  return { ok: true, dir: join(local, APP_FOLDER + suffix), previous: input.isPackaged ? input.userData : null };
}

/** What a data folder holds; window.json is the remembered window. */
const DATA_ENTRIES = ['tdkt.sqlite', 'tdkt.sqlite-wal', 'tdkt.sqlite-shm', 'backups', 'logs', 'window.json'];
export const MOVED_NOTE = 'DU-LIEU-DA-CHUYEN.txt';

/**
 * Moves the data of an earlier version into the new folder, once: only when the old folder has a database
 * and the new one has none. A move across drives falls back to a copy, the old files left in place with a
 * note saying where the data went.
 */
export function moveDataOnce(from: string | null, to: string): boolean {
  if (!from || from === to || !existsSync(join(from, 'tdkt.sqlite')) || existsSync(join(to, 'tdkt.sqlite'))) return false;
  mkdirSync(to, { recursive: true });
  for (const name of DATA_ENTRIES) {
    const source = join(from, name);
    if (!existsSync(source)) continue;
    try {
      renameSync(source, join(to, name));
    } catch {
      cpSync(source, join(to, name), { recursive: true, errorOnExist: false });
    }
  }
  writeFileSync(join(from, MOVED_NOTE), `Dữ liệu Thi đua Khen thưởng đã được chuyển sang thư mục:\r\n${to}\r\n`, 'utf8');
  return true;
}
