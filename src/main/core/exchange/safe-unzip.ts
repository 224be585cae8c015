import { inflateRawSync } from 'node:zlib';
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

/** One entry of the central directory, checked; `raw` is its stored (compressed) bytes, not inflated. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate */
  compression: number;
  size: number;
  originalSize: number;
  raw: Uint8Array;
}

const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
const refuse = (message: string) => new AppError('BAD_FILE', message);
const broken = () => refuse('Tệp gói bị cắt cụt hoặc hỏng.');

/**
 * Reads the central directory of a zip nobody trusted yet, without inflating anything: every entry name
 * must be one we expect (no folders outside data/, no "..", no absolute or drive paths, no duplicates),
 * declared sizes, their total and the ratios are bounded, and each entry's stored bytes are located.
 * Callers inflate only what they checked (inflateEntry), after the signature.
 */
export function readZipDirectory(bytes: Uint8Array, allowed: (name: string) => boolean, limits: UnzipLimits = DEFAULT_LIMITS): Map<string, ZipEntry> {
  if (bytes.length > limits.maxPackageBytes) throw refuse(`Tệp gói quá lớn (${mb(bytes.length)}, tối đa ${mb(limits.maxPackageBytes)}).`);
  if (bytes.length < 22) throw refuse('Tệp không phải gói trao đổi .tdkt hợp lệ hoặc đã bị hỏng (không giải nén được).');
  const d = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let e = d.length - 22;
  for (; d.readUInt32LE(e) !== 0x06054b50; --e) {
    if (!e || d.length - e > 65558) throw refuse('Tệp không phải gói trao đổi .tdkt hợp lệ hoặc đã bị hỏng (không giải nén được).');
  }
  if (e >= 20 && d.readUInt32LE(e - 20) === 0x07064b50) throw refuse('Gói dùng định dạng ZIP64 không được hỗ trợ.');
  const count = d.readUInt16LE(e + 10);
  if (count > limits.maxEntries) throw refuse(`Gói chứa quá nhiều tệp (tối đa ${limits.maxEntries}).`);
  const out = new Map<string, ZipEntry>();
  let total = 0;
  let o = d.readUInt32LE(e + 16);
  for (let i = 0; i < count; i++) {
    if (o + 46 > e || d.readUInt32LE(o) !== 0x02014b50) throw broken();
    const compression = d.readUInt16LE(o + 10);
    const size = d.readUInt32LE(o + 20);
    const originalSize = d.readUInt32LE(o + 24);
    const nameLength = d.readUInt16LE(o + 28);
    const local = d.readUInt32LE(o + 42);
    if (o + 46 + nameLength > e) throw broken();
    const name = d.toString('utf8', o + 46, o + 46 + nameLength);
    o += 46 + nameLength + d.readUInt16LE(o + 30) + d.readUInt16LE(o + 32);
    if (size === 0xffffffff || originalSize === 0xffffffff || local === 0xffffffff) throw refuse('Gói dùng định dạng ZIP64 không được hỗ trợ.');
    // A folder entry ("_rels/", written by Excel and exceljs) is one trailing "/" on an empty entry.
    const path = name.endsWith('/') && originalSize === 0 ? name.slice(0, -1) : name;
    if (name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || path.split('/').some((p) => p === '..' || p === '.' || p === '')) {
      throw refuse(`Gói chứa tệp có đường dẫn không an toàn: “${name.slice(0, 120)}”. Gói bị từ chối.`);
    }
    if (!allowed(name)) throw refuse(`Gói chứa tệp không được phép: “${name.slice(0, 120)}”. Gói bị từ chối.`);
    if (out.has(name)) throw refuse(`Gói chứa hai tệp trùng tên “${name}”. Gói bị từ chối.`);
    if (compression !== 0 && compression !== 8) throw refuse(`Tệp “${name}” trong gói dùng kiểu nén không được hỗ trợ.`);
    if (originalSize > limits.maxEntryBytes) throw refuse(`Tệp “${name}” trong gói quá lớn khi giải nén (${mb(originalSize)}, tối đa ${mb(limits.maxEntryBytes)}).`);
    total += originalSize;
    if (total > limits.maxTotalBytes) throw refuse(`Tổng dung lượng giải nén của gói vượt giới hạn ${mb(limits.maxTotalBytes)}.`);
    if (originalSize > 1024 * 1024 && originalSize / Math.max(1, size) > limits.maxRatio) {
      throw refuse(`Tệp “${name}” trong gói có tỷ lệ nén bất thường (nghi là “bom nén”). Gói bị từ chối.`);
    }
    if (compression === 0 && size !== originalSize) throw broken();
    if (local + 30 > d.length || d.readUInt32LE(local) !== 0x04034b50) throw broken();
    const start = local + 30 + d.readUInt16LE(local + 26) + d.readUInt16LE(local + 28);
    if (start + size > d.length) throw broken();
    out.set(name, { name, compression, size, originalSize, raw: bytes.subarray(start, start + size) });
  }
  return out;
}

/**
 * Inflates one checked entry with zlib, never past its declared size (maxOutputLength: a lying header
 * cannot inflate a bomb), and refuses it unless the output is exactly the declared size.
 */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  let data: Uint8Array;
  try {
    // one chunk of the declared size spares zlib gluing 64 KiB pieces together
    data = entry.compression === 0 ? entry.raw.slice() : inflateRawSync(entry.raw, { maxOutputLength: Math.max(1, entry.originalSize), chunkSize: Math.max(64, entry.originalSize) });
  } catch {
    throw refuse(`Tệp “${entry.name}” trong gói bị hỏng (không giải nén được).`);
  }
  if (data.length !== entry.originalSize) throw refuse(`Tệp “${entry.name}” trong gói bị hỏng (kích thước không khớp).`);
  return data;
}

/** Every allowed entry, checked then inflated (for callers that trust nothing inside, e.g. spreadsheets). */
export function safeUnzip(bytes: Uint8Array, allowed: (name: string) => boolean, limits: UnzipLimits = DEFAULT_LIMITS): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [name, entry] of readZipDirectory(bytes, allowed, limits)) out.set(name, inflateEntry(entry));
  return out;
}
