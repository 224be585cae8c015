import { unzipSync } from 'fflate';
import { AppError } from '../../../shared/errors';

/** Limits checked on the zip's central directory before anything is decompressed. */
export interface UnzipLimits {
  maxPackageBytes: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxEntries: number;
  /** uncompressed / compressed, above which an entry is treated as a zip bomb */
  maxRatio: number;
}

export const DEFAULT_LIMITS: UnzipLimits = {
  maxPackageBytes: 64 * 1024 * 1024,
  maxEntryBytes: 200 * 1024 * 1024,
  maxTotalBytes: 300 * 1024 * 1024,
  maxEntries: 40,
  // ndjson compresses ~5–15×; 1000× only happens with crafted input.
  maxRatio: 1000,
};

const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
const refuse = (message: string) => new AppError('BAD_FILE', message);

/**
 * Unzips a package that nobody trusted yet: every entry name must be one we expect (no folders
 * outside data/, no "..", no absolute or drive paths, no duplicates), declared sizes and ratios are
 * bounded, and the real output size must equal the declared one.
 */
export function safeUnzip(bytes: Uint8Array, allowed: (name: string) => boolean, limits: UnzipLimits = DEFAULT_LIMITS): Map<string, Uint8Array> {
  if (bytes.length > limits.maxPackageBytes) {
    throw refuse(`Tệp gói quá lớn (${mb(bytes.length)}, tối đa ${mb(limits.maxPackageBytes)}).`);
  }
  const seen = new Set<string>();
  const declared = new Map<string, number>();
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        const name = file.name;
        if (seen.size >= limits.maxEntries) throw refuse(`Gói chứa quá nhiều tệp (tối đa ${limits.maxEntries}).`);
        if (name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').some((p) => p === '..' || p === '.' || p === '')) {
          throw refuse(`Gói chứa tệp có đường dẫn không an toàn: “${name.slice(0, 120)}”. Gói bị từ chối.`);
        }
        if (!allowed(name)) throw refuse(`Gói chứa tệp không được phép: “${name.slice(0, 120)}”. Gói bị từ chối.`);
        if (seen.has(name)) throw refuse(`Gói chứa hai tệp trùng tên “${name}”. Gói bị từ chối.`);
        seen.add(name);
        if (file.compression !== 0 && file.compression !== 8) throw refuse(`Tệp “${name}” trong gói dùng kiểu nén không được hỗ trợ.`);
        if (file.originalSize > limits.maxEntryBytes) {
          throw refuse(`Tệp “${name}” trong gói quá lớn khi giải nén (${mb(file.originalSize)}, tối đa ${mb(limits.maxEntryBytes)}).`);
        }
        total += file.originalSize;
        if (total > limits.maxTotalBytes) throw refuse(`Tổng dung lượng giải nén của gói vượt giới hạn ${mb(limits.maxTotalBytes)}.`);
        if (file.originalSize > 1024 * 1024 && file.originalSize / Math.max(1, file.size) > limits.maxRatio) {
          throw refuse(`Tệp “${name}” trong gói có tỷ lệ nén bất thường (nghi là “bom nén”). Gói bị từ chối.`);
        }
        if (file.size > bytes.length) throw refuse('Tệp gói bị cắt cụt hoặc hỏng.');
        declared.set(name, file.originalSize);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refuse('Tệp không phải gói trao đổi .tdkt hợp lệ hoặc đã bị hỏng (không giải nén được).');
  }
  const out = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    if (data.length !== declared.get(name)) throw refuse(`Tệp “${name}” trong gói bị hỏng (kích thước không khớp).`);
    out.set(name, data);
  }
  return out;
}
