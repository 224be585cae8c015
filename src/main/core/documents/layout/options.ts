/**
 * Layout settings an office may change, with the legal ranges of Nghị định 30/2020 (Phụ lục I).
 * Anything outside the ranges is refused rather than printed: a wrong margin gets the paper sent back.
 */

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface FontSizes {
  /** Quốc hiệu, 12–13. */
  nationalTitle: number;
  /** Tiêu ngữ, 13–14. */
  motto: number;
  /** Chủ quản and issuing body, 12–13. */
  issuer: number;
  /** "Số:", fixed 13. */
  number: number;
  /** Place-date, 13–14. */
  placeDate: number;
  /** "V/v …" trích yếu of a công văn under "Số:", 12–13. */
  letterSubject: number;
  /** Tên loại and trích yếu, 13–14. */
  title: number;
  /** Content, căn cứ, Kính gửi, signature, 13–14. */
  body: number;
  /** Tables in the content and annexes, 11–14. */
  table: number;
  /** "Nơi nhận:", fixed 12. */
  recipientsLabel: number;
  /** Nơi nhận items, fixed 11. */
  recipients: number;
  /** Page numbers, 13–14. */
  pageNumber: number;
}

export interface LayoutOptions {
  /** Millimetres. */
  margins: Margins;
  sizes: FontSizes;
  /** Multiple of single spacing, 1.0–1.5. */
  lineSpacing: number;
  /** Space after content paragraphs in pt, ≥ 6. */
  paragraphSpacing: number;
  /** First-line indent of content paragraphs in cm: 1 or 1.27. */
  firstLineIndent: 1 | 1.27;
  /** Share of the header width given to the left (issuer) cell, before the Quốc hiệu minimum applies. */
  headerLeftShare: number;
  /** Rules under the issuing body and the trích yếu, as a share of the text line: 1/3–1/2. */
  ruleShare: number;
  /** Space left for the signature and seal, in mm. */
  signatureSpace: number;
  font: string;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  sizes: {
    nationalTitle: 12,
    motto: 13,
    issuer: 12,
    number: 13,
    placeDate: 13,
    letterSubject: 12,
    title: 14,
    body: 14,
    table: 13,
    recipientsLabel: 12,
    recipients: 11,
    pageNumber: 14,
  },
  lineSpacing: 1.15,
  paragraphSpacing: 6,
  firstLineIndent: 1.27,
  headerLeftShare: 0.4,
  ruleShare: 0.4,
  signatureSpace: 25,
  font: 'Times New Roman',
};

export type LayoutOverrides = Partial<Omit<LayoutOptions, 'margins' | 'sizes'>> & {
  margins?: Partial<Margins>;
  sizes?: Partial<FontSizes>;
};

const RANGES: Record<string, [number, number]> = {
  'margins.top': [20, 25],
  'margins.bottom': [20, 25],
  'margins.left': [30, 35],
  'margins.right': [15, 20],
  'sizes.nationalTitle': [12, 13],
  'sizes.motto': [13, 14],
  'sizes.issuer': [12, 13],
  'sizes.number': [13, 13],
  'sizes.placeDate': [13, 14],
  'sizes.letterSubject': [12, 13],
  'sizes.title': [13, 14],
  'sizes.body': [13, 14],
  'sizes.table': [11, 14],
  'sizes.recipientsLabel': [12, 12],
  'sizes.recipients': [11, 11],
  'sizes.pageNumber': [13, 14],
  lineSpacing: [1, 1.5],
  paragraphSpacing: [6, 24],
  headerLeftShare: [0.3, 0.5],
  ruleShare: [1 / 3, 1 / 2],
  signatureSpace: [15, 50],
};

const LABELS: Record<string, string> = {
  'margins.top': 'Lề trên (mm)',
  'margins.bottom': 'Lề dưới (mm)',
  'margins.left': 'Lề trái (mm)',
  'margins.right': 'Lề phải (mm)',
  lineSpacing: 'Giãn dòng',
  paragraphSpacing: 'Khoảng cách đoạn (pt)',
};

export class LayoutOptionsError extends Error {}

/** Merges overrides onto the defaults and checks every value against its legal range. */
export function resolveLayoutOptions(overrides: LayoutOverrides = {}): LayoutOptions {
  const o: LayoutOptions = {
    ...DEFAULT_LAYOUT,
    ...overrides,
    margins: { ...DEFAULT_LAYOUT.margins, ...overrides.margins },
    sizes: { ...DEFAULT_LAYOUT.sizes, ...overrides.sizes },
  };
  const get = (path: string): unknown =>
    path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o);
  for (const [path, [min, max]] of Object.entries(RANGES)) {
    const v = get(path);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min - 1e-9 || v > max + 1e-9) {
      const label = LABELS[path] ?? path;
      throw new LayoutOptionsError(`${label} phải trong khoảng ${+min.toFixed(2)}–${+max.toFixed(2)}, nhận được ${String(v)}`);
    }
  }
  if (o.firstLineIndent !== 1 && o.firstLineIndent !== 1.27) {
    throw new LayoutOptionsError('Thụt đầu dòng phải là 1 cm hoặc 1,27 cm');
  }
  if (!o.font.trim()) throw new LayoutOptionsError('Phông chữ không được để trống');
  return o;
}
