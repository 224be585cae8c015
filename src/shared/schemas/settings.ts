/**
 * Office settings the clerk changes in "Cài đặt": the layout of documents (within the legal ranges of
 * Nghị định 30/2020, Phụ lục I) and the Giấy khen printers' calibration. The ranges are data, shown
 * beside each field in the UI and enforced here, so a value outside them is never stored.
 */
import { z } from 'zod';
import { cleanLines } from '../vi-text/normalize';
import { safeString } from './common';

/** Legal ranges (ND30 Phụ lục I, docs/rules.md §1.1–1.2): [min, max]. */
export const DOCUMENT_LAYOUT_RANGES = {
  top: [20, 25],
  bottom: [20, 25],
  left: [30, 35],
  right: [15, 20],
  bodySize: [13, 14],
  lineSpacing: [1, 1.5],
  nationalTitleSize: [12, 13],
} as const satisfies Record<string, readonly [number, number]>;

export type LayoutRangeKey = keyof typeof DOCUMENT_LAYOUT_RANGES;

export const DOCUMENT_LAYOUT_LABELS: Record<LayoutRangeKey, { label: string; unit: string }> = {
  top: { label: 'Lề trên', unit: 'mm' },
  bottom: { label: 'Lề dưới', unit: 'mm' },
  left: { label: 'Lề trái', unit: 'mm' },
  right: { label: 'Lề phải', unit: 'mm' },
  bodySize: { label: 'Cỡ chữ nội dung', unit: 'pt' },
  lineSpacing: { label: 'Giãn dòng', unit: 'lần dòng đơn' },
  nationalTitleSize: { label: 'Cỡ chữ Quốc hiệu', unit: 'pt' },
};

/** "1,5": decimals as Vietnamese write them. */
export const viNumber = (n: number): string => String(n).replace('.', ',');

function ranged(key: LayoutRangeKey, step?: number) {
  const [min, max] = DOCUMENT_LAYOUT_RANGES[key];
  const { label, unit } = DOCUMENT_LAYOUT_LABELS[key];
  const message = `${label}: phải từ ${viNumber(min)} đến ${viNumber(max)} ${unit}`;
  const n = z.number({ error: `${label}: phải là số` }).min(min, message).max(max, message);
  // Font sizes go by half points, as Word offers them.
  return step ? n.refine((v) => Number.isInteger(v / step), `${label}: chỉ nhận bội số của ${viNumber(step)}`) : n;
}

// Letters and digits only: the unit's abbreviation goes into the ký hiệu ("05/LĐLĐ-VP").
const abbr = (label: string, max: number) =>
  safeString(label)
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max, `${label}: dài quá ${max} ký tự`).regex(/^[\p{L}\p{N}]*$/u, `${label}: chỉ gồm chữ và số, không dấu cách hay "-"`));

export const documentLayoutSettings = z
  .object({
    margins: z.object({ top: ranged('top'), bottom: ranged('bottom'), left: ranged('left'), right: ranged('right') }).strict(),
    bodySize: ranged('bodySize', 0.5),
    lineSpacing: ranged('lineSpacing'),
    nationalTitleSize: ranged('nationalTitleSize', 0.5),
    /**
     * The office's name in the header as the clerk breaks it (one line per line, at most 3); used only while
     * it spells the office's current name, so a rename never prints a stale header. '' = broken by word groups.
     */
    issuerLines: safeString('Tên đơn vị trên tiêu đề')
      .transform((s) => s.normalize('NFC').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n'))
      .pipe(z.string().max(300, 'Tên đơn vị trên tiêu đề: dài quá 300 ký tự').refine((s) => s.split('\n').length <= 3, 'Tên đơn vị trên tiêu đề: tối đa 3 dòng'))
      .optional()
      .default(''),
    /** Công văn: drafting unit in the ký hiệu, drafter's mark + copies (ô 12), address line (ô 13). */
    letter: z
      .object({
        unitAbbr: abbr('Ký hiệu đơn vị soạn thảo', 10),
        drafterInitials: abbr('Ký hiệu người soạn thảo', 6),
        copies: z
          .number({ error: 'Số bản phát hành: phải là số' })
          .int('Số bản phát hành: phải là số nguyên')
          .min(1, 'Số bản phát hành: ít nhất 1')
          .max(9999, 'Số bản phát hành: tối đa 9999')
          .nullable(),
        contact: safeString('Địa chỉ liên hệ')
          .transform(cleanLines)
          .pipe(
            z
              .string()
              .max(400, 'Địa chỉ liên hệ: dài quá 400 ký tự')
              .refine((s) => s.split('\n').length <= 3, 'Địa chỉ liên hệ: tối đa 3 dòng'),
          ),
      })
      .strict(),
  })
  .strict();

export type DocumentLayoutSettings = z.output<typeof documentLayoutSettings>;

export const DEFAULT_DOCUMENT_LAYOUT_SETTINGS: DocumentLayoutSettings = {
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  bodySize: 14,
  lineSpacing: 1.15,
  nationalTitleSize: 12,
  issuerLines: '',
  letter: { unitAbbr: '', drafterInitials: '', copies: null, contact: '' },
};

// ---- Giấy khen printers ----

/** How far a printer may misplace the print before calibration is pointless (matches the certificate layout). */
export const MAX_PRINTER_OFFSET_MM = 30;

const offset = (label: string) => {
  const message = `${label}: trong khoảng ±${MAX_PRINTER_OFFSET_MM} mm`;
  return z.number({ error: `${label}: phải là số` }).min(-MAX_PRINTER_OFFSET_MM, message).max(MAX_PRINTER_OFFSET_MM, message);
};

export const printerProfile = z
  .object({
    name: safeString('Tên máy in')
      .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
      .pipe(z.string().min(1, 'Tên máy in: không được để trống').max(80, 'Tên máy in: dài quá 80 ký tự')),
    /** mm; positive = the print moves right. */
    offsetX: offset('Độ lệch ngang'),
    /** mm; positive = the print moves down. */
    offsetY: offset('Độ lệch dọc'),
  })
  .strict();

export type PrinterProfile = z.output<typeof printerProfile>;

export const certificatePrinters = z
  .object({
    profiles: z.array(printerProfile).max(20, 'Tối đa 20 máy in'),
    /** The profile used unless the clerk picks another; null = none. */
    defaultName: safeString('Máy in mặc định').nullable(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    for (const p of v.profiles) {
      const key = p.name.toLocaleLowerCase('vi');
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `Tên máy in: "${p.name}" bị trùng` });
      seen.add(key);
    }
    if (v.defaultName !== null && !v.profiles.some((p) => p.name === v.defaultName)) {
      ctx.addIssue({ code: 'custom', message: 'Máy in mặc định: không có trong danh sách' });
    }
  });

export type CertificatePrinters = z.output<typeof certificatePrinters>;

export const DEFAULT_CERTIFICATE_PRINTERS: CertificatePrinters = { profiles: [], defaultName: null };
