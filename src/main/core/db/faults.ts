/**
 * File-system and SQLite faults turned into what the clerk can act on. better-sqlite3 throws SqliteError
 * with `code` = SQLITE_*; node:fs throws with `code` = E*. Anything else is not a storage fault (null).
 */
import { AppError } from '../../../shared/errors';

const CORRUPT = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);
const READ_ONLY = /^SQLITE_READONLY|^(EROFS|EACCES|EPERM)$|^SQLITE_PERM$|^SQLITE_AUTH$/;
const FULL = /^(SQLITE_FULL|ENOSPC|EDQUOT)$/;

function codeOf(e: unknown): string | null {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') return (e as { code: string }).code;
  return null;
}

/** Where the fault happened, for the message: the data file, the backups folder, an exported file… */
export interface FaultPlace {
  /** e.g. "tệp dữ liệu", "thư mục sao lưu" */
  what: string;
  path?: string;
}

/** Without a place: SQLite faults are about the data file, file-system ones about the path they name. */
function defaultWhere(code: string, e: unknown): string {
  if (code.startsWith('SQLITE')) return 'tệp dữ liệu';
  const path = e && typeof e === 'object' && 'path' in e ? String((e as { path: unknown }).path) : '';
  return path ? `tệp/thư mục ${path}` : 'tệp hoặc thư mục';
}

/** The Vietnamese AppError for a storage fault, or null when e is not one. */
export function storageFault(e: unknown, place?: FaultPlace): AppError | null {
  if (e instanceof AppError) return e;
  const code = codeOf(e);
  if (!code) return null;
  const where = place ? (place.path ? `${place.what} (${place.path})` : place.what) : defaultWhere(code, e);
  if (CORRUPT.has(code)) {
    return new AppError(
      'DB_INVALID',
      `Tệp dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu của phần mềm. Hãy khôi phục từ một bản sao lưu (màn hình "Khôi phục dữ liệu"); tệp hỏng được giữ lại để cán bộ kỹ thuật kiểm tra.`,
    );
  }
  if (FULL.test(code) || (code.startsWith('SQLITE_IOERR') && /ENOSPC|full/i.test(String((e as Error).message)))) {
    return new AppError('DISK_FULL', `Ổ đĩa đã đầy, không ghi được ${where}. Hãy giải phóng dung lượng (xóa tệp không cần, dọn thùng rác) rồi thử lại; dữ liệu đã lưu trước đó không bị mất.`);
  }
  if (READ_ONLY.test(code)) {
    return new AppError(
      'DB_READ_ONLY',
      `Không có quyền ghi vào ${where}: tệp hoặc thư mục đang ở chế độ chỉ đọc (hoặc nằm trên ổ đĩa, USB không cho ghi). Hãy bỏ thuộc tính "Chỉ đọc" (Read-only) hoặc chép dữ liệu sang thư mục có quyền ghi, rồi mở lại phần mềm.`,
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') {
    return new AppError('FILE_SYSTEM', `Không mở được ${where}: tệp hoặc thư mục không còn ở đó hoặc không truy cập được. Hãy kiểm tra ổ đĩa (USB, ổ mạng) đã được cắm/kết nối và thư mục có quyền ghi, rồi thử lại.`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'EBUSY') {
    return new AppError('FILE_SYSTEM', `${where[0].toUpperCase()}${where.slice(1)} đang bị chương trình khác giữ (một cửa sổ phần mềm khác, phần mềm sao lưu hoặc diệt virus). Hãy đóng chương trình đó rồi thử lại.`);
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new AppError('FILE_SYSTEM', `Lỗi đọc/ghi ổ đĩa khi dùng ${where}. Ổ đĩa có thể bị lỗi hoặc vừa bị rút ra; hãy kiểm tra ổ đĩa, sao lưu dữ liệu sang nơi khác và thử lại.`);
  }
  if (code === 'EMFILE' || code === 'ENFILE') {
    return new AppError('FILE_SYSTEM', 'Máy tính đang mở quá nhiều tệp. Hãy đóng bớt chương trình rồi thử lại.');
  }
  return null;
}
