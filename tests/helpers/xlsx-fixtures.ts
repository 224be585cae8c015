import { readFileSync } from 'node:fs';
import { constants, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { writeZip as writePlainZip } from '../../src/main/core/exchange/zip-write';
import { PEOPLE_HEADER } from './registrations';

/** A deflate stream of `mib` MiB of zeros, about 1 KiB per MiB: full-flushed 1 MiB blocks repeated, then the final block. */
export function zerosDeflated(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

/** An .xlsx-shaped zip whose sheet entry is `deflated`, declaring `declared` bytes once inflated. */
export function bombXlsx(deflated: Buffer, declared: number): { fileName: string; dataBase64: string } {
  const zip = Buffer.from(
    writePlainZip([
      { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(0), deflated },
    ]),
  );
  // Patch the sheet's uncompressed size in its local header and in the central directory.
  const local = 30 + zip.readUInt16LE(26) + zip.readUInt32LE(18);
  const central = zip.readUInt32LE(zip.length - 6);
  const second = central + 46 + zip.readUInt16LE(central + 28);
  zip.writeUInt32LE(declared >>> 0, local + 22);
  zip.writeUInt32LE(declared >>> 0, second + 24);
  return { fileName: 'bom.xlsx', dataBase64: zip.toString('base64') };
}

/** A registration sheet of `rows` individuals over the three units of seedRegistrationWorld, written streaming. */
export async function largeIndividualsSheet(path: string, rows: number): Promise<Buffer> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(PEOPLE_HEADER).commit();
  const units = ['Liên đoàn Lao động huyện Ba Bể', 'Liên đoàn Lao động huyện Chợ Đồn', 'Công đoàn ngành Giáo dục'];
  for (let i = 0; i < rows; i++) ws.addRow([i + 1, units[i % 3], `Nguyễn Văn Người ${i}`, 1960 + (i % 40), 'Giáo viên', 'Lao động tiên tiến']).commit();
  await ws.commit();
  await wb.commit();
  return readFileSync(path);
}
