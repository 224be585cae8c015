import { deflateRawSync } from 'node:zlib';
import { writeZip as writePlainZip } from '../../src/main/core/exchange/zip-write';

/** A tiny zip writer for hostile test input: any name, duplicates, lying sizes (on top of the app's writer). */
export interface RawEntry {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
  /** uncompressed size written in the headers (default: the real one) */
  declaredSize?: number;
}

export function writeZip(entries: RawEntry[]): Uint8Array {
  const zip = Buffer.from(writePlainZip(entries.map((e) => ({ name: e.name, data: e.data, ...(e.deflate ? { deflated: deflateRawSync(e.data) } : {}) }))));
  // Walk the headers in order and overwrite the uncompressed size where a test wants it to lie.
  let local = 0;
  let central = zip.readUInt32LE(zip.length - 6);
  for (const e of entries) {
    const localNext = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt32LE(local + 18);
    if (e.declaredSize !== undefined) {
      zip.writeUInt32LE(e.declaredSize >>> 0, local + 22);
      zip.writeUInt32LE(e.declaredSize >>> 0, central + 24);
    }
    local = localNext;
    central += 46 + zip.readUInt16LE(central + 28);
  }
  return new Uint8Array(zip);
}
