/**
 * Capitalisation for names in documents (Nghị định 30/2020, Phụ lục II):
 * headers print names in UPPER case, running text in "organisation case"
 * ("Liên đoàn Lao động tỉnh Bắc Kạn": type/function words capitalised, the generic
 * word "tỉnh" lower-case, every syllable of the proper name capitalised).
 */

export function upperVi(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi');
}

export function lowerVi(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('vi');
}

/** First letter upper-case, the rest untouched. */
export function capitalizeFirst(s: string): string {
  const t = s.normalize('NFC');
  const first = [...t][0];
  return first === undefined ? t : first.toLocaleUpperCase('vi') + t.slice(first.length);
}

/** Sentence case: "phát động PHONG TRÀO" → "Phát động phong trào". */
export function sentenceCase(s: string): string {
  return capitalizeFirst(lowerVi(s));
}

/** Every syllable capitalised, for proper names: "bắc kạn" → "Bắc Kạn". */
export function titleCaseVi(s: string): string {
  return lowerVi(s)
    .split(/(\s+)/)
    .map((w) => capitalizeFirst(w))
    .join('');
}

/**
 * Fixed phrases of union and state body names in their written form. Longest match wins.
 * Offices can pass more (or different) phrases through the options.
 */
export const DEFAULT_NAME_PHRASES: readonly string[] = [
  'Tổng Liên đoàn Lao động',
  'Liên đoàn Lao động',
  'Công đoàn',
  'Ban Chấp hành',
  'Ban Thường vụ',
  'Đoàn Chủ tịch',
  'Ủy ban Kiểm tra',
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
  'Hội đồng Thi đua - Khen thưởng',
  'Văn phòng',
  'Việt Nam',
  'Trung ương',
  'Ban Công tác cơ sở',
  'Ban Tổ chức',
  'Ban Tuyên giáo',
  'Ban Chính sách - Pháp luật',
  'Ban Nữ công',
  'Ban Tài chính',
  'Ban Dân vận',
];

/** Generic words for administrative units; the words after them are a proper name. */
export const ADMIN_UNIT_WORDS: readonly string[] = [
  'thành phố', 'thị xã', 'thị trấn', 'đặc khu', 'tỉnh', 'huyện', 'quận', 'xã', 'phường',
];

export interface NameCaseOptions {
  phrases?: readonly string[];
  /** Extra proper names to keep capitalised wherever they appear ("Bắc Kạn", "Điện Biên Phủ"). */
  properNames?: readonly string[];
}

function wordsOf(s: string): string[] {
  return s.split(' ').filter(Boolean);
}

/**
 * "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN" → "Liên đoàn Lao động tỉnh Bắc Kạn";
 * "LIÊN ĐOÀN LAO ĐỘNG QUẬN 1" → "Liên đoàn Lao động Quận 1" (generic word before a number is capitalised).
 */
export function organizationNameCase(name: string, options: NameCaseOptions = {}): string {
  const phrases = [...(options.phrases ?? DEFAULT_NAME_PHRASES), ...(options.properNames ?? [])]
    .map((p) => wordsOf(p.normalize('NFC')))
    .sort((a, b) => b.length - a.length);
  const admin = ADMIN_UNIT_WORDS.map((w) => wordsOf(w)).sort((a, b) => b.length - a.length);
  const src = wordsOf(lowerVi(name).replace(/\s+/g, ' '));
  const out: string[] = [];
  const matchAt = (i: number, phrase: string[]) =>
    phrase.length <= src.length - i && phrase.every((w, k) => lowerVi(w) === src[i + k]);

  let i = 0;
  while (i < src.length) {
    const phrase = phrases.find((p) => matchAt(i, p));
    if (phrase) {
      out.push(...phrase);
      i += phrase.length;
      continue;
    }
    const unit = admin.find((p) => matchAt(i, p));
    if (unit) {
      const rest = src.slice(i + unit.length);
      // "Thành phố Hồ Chí Minh", "Quận 1": the generic word is part of the name.
      const special = /^\d/.test(rest[0] ?? '') || rest.join(' ').startsWith('hồ chí minh');
      out.push(...(special ? [capitalizeFirst(unit[0]), ...unit.slice(1)] : unit));
      i += unit.length;
      // The proper name runs to the end or to the next known phrase.
      while (i < src.length && !phrases.some((p) => matchAt(i, p)) && !admin.some((p) => matchAt(i, p))) {
        out.push(capitalizeFirst(src[i]));
        i++;
      }
      continue;
    }
    out.push(out.length === 0 ? capitalizeFirst(src[i]) : src[i]);
    i++;
  }
  return capitalizeFirst(out.join(' '));
}
