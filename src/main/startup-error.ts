/**
 * What the clerk reads when the app cannot start or stops unexpectedly. The details go to the log file; the
 * box says in Vietnamese what happened and what to do, and where the log is.
 */
import { AppError } from '../shared/errors';

export interface FatalMessage {
  title: string;
  message: string;
}

/** better-sqlite3 built for another runtime than the one loading it (a wrong package, or a dev build). */
const WRONG_BUILD = /NODE_MODULE_VERSION|compiled against a different Node\.js version|not a valid Win32 application|better_sqlite3\.node/i;

export function describeStartupError(error: unknown, logFile: string | null): FatalMessage {
  const where = logFile ? `\n\nChi tiết đã ghi vào ${logFile}.` : '';
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  if (WRONG_BUILD.test(text)) {
    return {
      title: 'Bản cài đặt bị hỏng',
      message: `Thư viện cơ sở dữ liệu trong bản cài đặt không khớp với phần mềm. Dữ liệu của anh/chị không bị ảnh hưởng: hãy cài lại phần mềm từ bộ cài chính thức.${where}`,
    };
  }
  // The core's own refusals (a newer or damaged database, …) already carry a sentence for the clerk.
  if (error instanceof AppError) return { title: 'Không mở được dữ liệu', message: `${error.message}${where}` };
  return { title: 'Không khởi động được', message: `Phần mềm gặp lỗi khi khởi động và phải dừng lại. Hãy mở lại; nếu vẫn lỗi, gửi tệp nhật ký cho người hỗ trợ.${where}` };
}

export function describeCrash(kind: 'uncaught' | 'render-gone' | 'unresponsive', logFile: string | null): FatalMessage {
  const where = logFile ? `\n\nChi tiết đã ghi vào ${logFile}.` : '';
  switch (kind) {
    case 'render-gone':
      return { title: 'Màn hình bị dừng', message: `Màn hình làm việc bị dừng đột ngột và sẽ được mở lại. Những gì đã lưu vẫn còn nguyên.${where}` };
    case 'unresponsive':
      return { title: 'Phần mềm đang bận', message: `Phần mềm không phản hồi. Chọn "Chờ" nếu đang nhập hoặc xuất dữ liệu lớn, hoặc "Mở lại màn hình".${where}` };
    default:
      return { title: 'Lỗi không mong muốn', message: `Phần mềm gặp lỗi không mong muốn. Hãy lưu công việc và mở lại phần mềm.${where}` };
  }
}
