import { inflateRawSync } from 'node:zlib';
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
  let files: Map<string, Uint8Array>;
  try {
    // fflate walks the central directory and the filter checks every entry; nothing is inflated by it
    // (its pure-JS inflate is ~10× slower than zlib): the checked entries are inflated by inflateEntries.
    const checked: { name: string; size: number; originalSize: number; compression: number }[] = [];
    unzipSync(bytes, {
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
        checked.push({ name, size: file.size, originalSize: file.originalSize, compression: file.compression });
        return false;
      },
    });
    files = inflateEntries(bytes, checked);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refuse('Tệp không phải gói trao đổi .tdkt hợp lệ hoặc đã bị hỏng (không giải nén được).');
  }
  const out = new Map<string, Uint8Array>();
  for (const [name, data] of files) {
    if (data.length !== declared.get(name)) throw refuse(`Tệp “${name}” trong gói bị hỏng (kích thước không khớp).`);
    out.set(name, data);
  }
  return out;
}

/**
 * Walks the central directory again, as fflate's unzipSync does, to find each checked entry's data, and
 * inflates it with zlib, never past its declared size. Any disagreement with the checked list, a ZIP64
 * field (never written by this app) or a read past the end refuses the package.
 */
function inflateEntries(bytes: Uint8Array, checked: { name: string; size: number; originalSize: number; compression: number }[]): Map<string, Uint8Array> {
  const d = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = () => refuse('Tệp gói bị cắt cụt hoặc hỏng.');
  let e = d.length - 22;
  for (; d.readUInt32LE(e) !== 0x06054b50; --e) if (!e || d.length - e > 65558) throw broken();
  const count = d.readUInt16LE(e + 8);
  let o = d.readUInt32LE(e + 16);
  if (e >= 20 && d.readUInt32LE(e - 20) === 0x07064b50) throw refuse('Gói dùng định dạng ZIP64 không được hỗ trợ.');
  if (count !== checked.length) throw broken();
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    if (d.readUInt32LE(o) !== 0x02014b50) throw broken();
    const compression = d.readUInt16LE(o + 10);
    const size = d.readUInt32LE(o + 20);
    const originalSize = d.readUInt32LE(o + 24);
    const nameLength = d.readUInt16LE(o + 28);
    const local = d.readUInt32LE(o + 42);
    const c = checked[i];
    if (size === 0xffffffff || originalSize === 0xffffffff || local === 0xffffffff) throw refuse('Gói dùng định dạng ZIP64 không được hỗ trợ.');
    if (compression !== c.compression || size !== c.size || originalSize !== c.originalSize) throw broken();
    o += 46 + nameLength + d.readUInt16LE(o + 30) + d.readUInt16LE(o + 32);
    if (d.readUInt32LE(local) !== 0x04034b50) throw broken();
    const start = local + 30 + d.readUInt16LE(local + 26) + d.readUInt16LE(local + 28);
    if (start + size > d.length) throw broken();
    const raw = bytes.subarray(start, start + size);
    // maxOutputLength: zlib stops (throws) at the declared size, so a lying header cannot inflate a bomb;
    // one chunk of the declared size spares zlib gluing 64 KiB pieces together.
    out.set(c.name, c.compression === 0 ? raw.slice() : inflateRawSync(raw, { maxOutputLength: Math.max(1, c.originalSize), chunkSize: Math.max(64, c.originalSize) }));
  }
  return out;
}
