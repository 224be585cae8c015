/**
 * Giấy khen printed onto pre-printed blanks (phôi): only the variable text, each field at a
 * position measured on the blank (mm from its top-left corner), shifted by the printer's
 * calibrated offset. Landscape, one certificate per page, no trailing blank page.
 */
import { formatDocNumber, type DocSymbol } from '../../../../shared/vi-text/doc-number';
import { formatPlaceDate, formatShortDate, type DateInput } from '../../../../shared/vi-text/dates';
import { upperVi } from '../../../../shared/vi-text/caps';
import type { SignerInput } from './common';

export type CertificateFieldKey =
  | 'awardingBody'
  | 'recipient'
  | 'positionUnit'
  | 'achievement'
  | 'decision'
  | 'goldBook'
  | 'placeDate'
  | 'signerTitle'
  | 'signerName';

export interface CertificateField {
  /** mm from the left edge of the blank. */
  x: number;
  /** mm from the top edge of the blank. */
  y: number;
  /** Width of the text box in mm; text wraps inside it. */
  width: number;
  /** pt. */
  size: number;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface CertificateTemplate {
  /** Blank size in mm (landscape A4 by default). */
  paper: { width: number; height: number };
  fields: Record<CertificateFieldKey, CertificateField>;
}

/** Printer calibration: how far the printer misplaces the print, in mm (positive = right / down). */
export interface PrinterOffset {
  x: number;
  y: number;
}

export const MAX_PRINTER_OFFSET_MM = 30;

/** A starting layout for an A4 landscape blank; offices measure their own phôi and save it. */
export const DEFAULT_CERTIFICATE_TEMPLATE: CertificateTemplate = {
  paper: { width: 297, height: 210 },
  fields: {
    awardingBody: { x: 38, y: 50, width: 221, size: 16, bold: true, align: 'center' },
    recipient: { x: 38, y: 86, width: 221, size: 20, bold: true, align: 'center' },
    positionUnit: { x: 38, y: 99, width: 221, size: 15, align: 'center' },
    achievement: { x: 38, y: 110, width: 221, size: 15, align: 'center' },
    decision: { x: 25, y: 165, width: 110, size: 12, align: 'left' },
    goldBook: { x: 25, y: 172, width: 110, size: 12, align: 'left' },
    placeDate: { x: 160, y: 140, width: 120, size: 14, italic: true, align: 'center' },
    signerTitle: { x: 160, y: 147, width: 120, size: 14, bold: true, align: 'center' },
    signerName: { x: 160, y: 182, width: 120, size: 15, bold: true, align: 'center' },
  },
};

export interface CertificateRecipient {
  kind: 'individual' | 'collective';
  name: string;
  /** Chức vụ, đơn vị (individual) or parent unit (collective). */
  positionUnit?: string;
  /** Overrides the batch's achievement text. */
  achievement?: string;
  /** Số sổ vàng. */
  goldBookNumber?: string;
}

export interface CertificateBatchInput {
  /** Awarding body as printed, e.g. ["BAN CHẤP HÀNH", "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN"]. */
  awardingBody: string[];
  achievement: string;
  decision: { number: number | null; symbol: DocSymbol; date: DateInput };
  place: string;
  date: DateInput;
  signer: SignerInput;
  /** Printed before an individual's name, "Đồng chí: " by default; collectives print the name alone. */
  individualPrefix?: string;
  recipients: CertificateRecipient[];
}

/** The text of each field for one certificate. */
export type CertificateText = Record<CertificateFieldKey, string>;

export function certificateTexts(input: CertificateBatchInput): CertificateText[] {
  const decision = `Quyết định số ${formatDocNumber(input.decision.number, input.decision.symbol)}, ngày ${formatShortDate(input.decision.date)}`;
  const prefix = input.individualPrefix ?? 'Đồng chí: ';
  return input.recipients.map((r) => ({
    awardingBody: input.awardingBody.map(upperVi).join('\n'),
    recipient: r.kind === 'individual' ? `${prefix}${r.name}` : r.name,
    positionUnit: r.positionUnit ?? '',
    achievement: (r.achievement ?? input.achievement).trim(),
    decision,
    goldBook: r.goldBookNumber ? `Số sổ vàng: ${r.goldBookNumber}` : '',
    placeDate: formatPlaceDate(input.place, input.date),
    signerTitle: input.signer.lines.map(upperVi).join('\n'),
    signerName: input.signer.name,
  }));
}

export class CertificateError extends Error {}

export function checkOffset(offset: PrinterOffset): PrinterOffset {
  for (const v of [offset.x, offset.y]) {
    if (!Number.isFinite(v) || Math.abs(v) > MAX_PRINTER_OFFSET_MM) {
      throw new CertificateError(`Độ lệch máy in phải trong khoảng ±${MAX_PRINTER_OFFSET_MM} mm, nhận được ${v}`);
    }
  }
  return offset;
}

export function checkTemplate(t: CertificateTemplate): CertificateTemplate {
  for (const [key, f] of Object.entries(t.fields)) {
    if (f.x < 0 || f.y < 0 || f.width <= 0 || f.x + f.width > t.paper.width || f.y > t.paper.height) {
      throw new CertificateError(`Vị trí trường "${key}" nằm ngoài phôi`);
    }
  }
  return t;
}

/** Names shown on the test page, so the clerk can match boxes to what will print there. */
export const FIELD_LABELS: CertificateText = {
  awardingBody: 'CƠ QUAN KHEN THƯỞNG',
  recipient: 'Họ tên / tên tập thể',
  positionUnit: 'Chức vụ, đơn vị',
  achievement: 'Thành tích',
  decision: 'Số, ngày quyết định',
  goldBook: 'Số sổ vàng',
  placeDate: 'Địa danh, ngày tháng năm',
  signerTitle: 'QUYỀN HẠN, CHỨC VỤ',
  signerName: 'Họ tên người ký',
};
