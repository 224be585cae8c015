import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';

/**
 * A double-clicked .tdkt package: Windows passes its path on the command line, to the first instance or to a
 * second one (which hands its argv and working directory to the first). A relative path is resolved against
 * the working directory of the instance that received it, never the running one's.
 */
export function packageArg(argv: readonly string[], workingDirectory: string): string | null {
  const arg = argv.slice(1).find((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.tdkt'));
  if (!arg) return null;
  return isAbsolute(arg) ? arg : resolve(workingDirectory, arg);
}

/** Exchange packages are small (a province's whole directory is a few MB); anything bigger is not ours. */
export const MAX_PACKAGE_BYTES = 20 * 1024 * 1024;

export type PackageRead = { ok: true; bytes: Buffer } | { ok: false; message: string };

/**
 * Reads a package only when it is a regular file of at most MAX_PACKAGE_BYTES: a folder, a pipe or a device
 * (which would block the read) and oversized files are refused with a message for the clerk. The size is
 * checked on the opened handle, so the file cannot be swapped between the check and the read.
 */
export async function readPackageFile(path: string, maxBytes = MAX_PACKAGE_BYTES): Promise<PackageRead> {
  let handle;
  try {
    // O_NONBLOCK (where it exists): opening a pipe for reading must not wait for a writer.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return { ok: false, message: `Không mở được tệp ${path}: tệp không tồn tại hoặc không có quyền đọc.` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, message: `${path} không phải là tệp gói dữ liệu (.tdkt).` };
    if (info.size > maxBytes) {
      return { ok: false, message: `Tệp ${path} quá lớn (${Math.ceil(info.size / 1024 / 1024)} MB, tối đa ${maxBytes / 1024 / 1024} MB): không phải gói trao đổi dữ liệu của phần mềm.` };
    }
    const bytes = await handle.readFile();
    if (bytes.length > maxBytes) return { ok: false, message: `Tệp ${path} quá lớn: không phải gói trao đổi dữ liệu của phần mềm.` };
    return { ok: true, bytes };
  } finally {
    await handle.close();
  }
}
