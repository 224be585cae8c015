/** The "Văn bản" form's flat values ↔ the stored settings, and zod issues → form fields. */
import type { z } from 'zod';
import {
  DOCUMENT_LAYOUT_LABELS, DOCUMENT_LAYOUT_RANGES, viNumber, type DocumentLayoutSettings, type LayoutRangeKey,
} from '@shared/schemas/settings';

export interface LayoutFormValues {
  top: number | null;
  bottom: number | null;
  left: number | null;
  right: number | null;
  bodySize: number | null;
  lineSpacing: number | null;
  nationalTitleSize: number | null;
  issuerLines: string;
  unitAbbr: string;
  drafterInitials: string;
  copies: number | null;
  contact: string;
}

export const LETTER_LABELS = {
  unitAbbr: 'Ký hiệu đơn vị soạn thảo',
  drafterInitials: 'Ký hiệu người soạn thảo',
  copies: 'Số bản phát hành',
  contact: 'Địa chỉ liên hệ',
} as const;

/** Field → label as the server's messages start, so its errors land beside the field. */
export const FIELD_LABELS: Record<keyof LayoutFormValues, string> = {
  ...(Object.fromEntries(Object.entries(DOCUMENT_LAYOUT_LABELS).map(([k, v]) => [k, v.label])) as Record<LayoutRangeKey, string>),
  ...LETTER_LABELS,
  issuerLines: 'Tên đơn vị trên tiêu đề',
};

/** "Lề trên (20–25 mm)". */
export function rangeLabel(key: LayoutRangeKey): string {
  const [min, max] = DOCUMENT_LAYOUT_RANGES[key];
  const { label, unit } = DOCUMENT_LAYOUT_LABELS[key];
  return `${label} (${viNumber(min)}–${viNumber(max)} ${unit})`;
}

export function toForm(s: DocumentLayoutSettings): LayoutFormValues {
  return { ...s.margins, bodySize: s.bodySize, lineSpacing: s.lineSpacing, nationalTitleSize: s.nationalTitleSize, issuerLines: s.issuerLines, ...s.letter };
}

/** Empty number boxes go as null, so the schema answers "phải là số" beside the field. */
export function fromForm(v: LayoutFormValues): unknown {
  return {
    margins: { top: v.top, bottom: v.bottom, left: v.left, right: v.right },
    bodySize: v.bodySize,
    lineSpacing: v.lineSpacing,
    nationalTitleSize: v.nationalTitleSize,
    issuerLines: v.issuerLines ?? '',
    letter: { unitAbbr: v.unitAbbr ?? '', drafterInitials: v.drafterInitials ?? '', copies: v.copies ?? null, contact: v.contact ?? '' },
  };
}

export function fieldErrors(error: z.ZodError): { name: keyof LayoutFormValues; errors: string[] }[] {
  const byField = new Map<keyof LayoutFormValues, string[]>();
  for (const issue of error.issues) {
    const name = issue.path.at(-1) as keyof LayoutFormValues;
    if (!(name in FIELD_LABELS)) continue;
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
  }
  return [...byField.entries()].map(([name, errors]) => ({ name, errors }));
}
