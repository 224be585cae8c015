/**
 * Old Vietnamese 8-bit encodings found in spreadsheets typed before Unicode: TCVN3 (ABC, fonts ".VnTime")
 * and VNI (fonts "VNI-Times"). Excel shows such cells as Latin-1 gibberish ("ViÖt Nam", "Vieät Nam").
 *
 * Detection decodes a string both ways and keeps the reading whose words are valid Vietnamese syllables;
 * Latin-1 letters are also legitimate Unicode Vietnamese ("Võ Tá Hà"), so the text as typed competes too
 * and wins ties: valid Unicode is never "converted".
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

export const LEGACY_ENCODING_LABELS: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC, .VnTime)', vni: 'VNI (VNI-Times)' };

// TCVN 5712:1993 VN3: byte → letter. Upper-case toned letters have no code (the ".VnTimeH" fonts draw the
// lower-case codes as capitals), so words written in capitals are upper-cased after decoding.
const TCVN3_LETTERS: Record<number, string> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ',
  0xa8: 'ă', 0xa9: 'â', 0xaa: 'ê', 0xab: 'ô', 0xac: 'ơ', 0xad: 'ư', 0xae: 'đ',
  0xb5: 'à', 0xb6: 'ả', 0xb7: 'ã', 0xb8: 'á', 0xb9: 'ạ',
  0xbb: 'ằ', 0xbc: 'ẳ', 0xbd: 'ẵ', 0xbe: 'ắ', 0xc6: 'ặ',
  0xc7: 'ầ', 0xc8: 'ẩ', 0xc9: 'ẫ', 0xca: 'ấ', 0xcb: 'ậ',
  0xcc: 'è', 0xce: 'ẻ', 0xcf: 'ẽ', 0xd0: 'é', 0xd1: 'ẹ',
  0xd2: 'ề', 0xd3: 'ể', 0xd4: 'ễ', 0xd5: 'ế', 0xd6: 'ệ',
  0xd7: 'ì', 0xd8: 'ỉ', 0xdc: 'ĩ', 0xdd: 'í', 0xde: 'ị',
  0xdf: 'ò', 0xe1: 'ỏ', 0xe2: 'õ', 0xe3: 'ó', 0xe4: 'ọ',
  0xe5: 'ồ', 0xe6: 'ổ', 0xe7: 'ỗ', 0xe8: 'ố', 0xe9: 'ộ',
  0xea: 'ờ', 0xeb: 'ở', 0xec: 'ỡ', 0xed: 'ớ', 0xee: 'ợ',
  0xef: 'ù', 0xf1: 'ủ', 0xf2: 'ũ', 0xf3: 'ú', 0xf4: 'ụ',
  0xf5: 'ừ', 0xf6: 'ử', 0xf7: 'ữ', 0xf8: 'ứ', 0xf9: 'ự',
  0xfa: 'ỳ', 0xfb: 'ỷ', 0xfc: 'ỹ', 0xfd: 'ý', 0xfe: 'ỵ',
};
const TCVN3_CODES = new Map(Object.entries(TCVN3_LETTERS).map(([code, letter]) => [letter, Number(code)]));

// VNI: a vowel is followed by a mark character; a few letters have codes of their own.
const VNI_LETTERS: Record<string, string> = {
  'ñ': 'đ', 'Ñ': 'Đ', 'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư',
  'í': 'í', 'ì': 'ì', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'Í': 'Í', 'Ì': 'Ì', 'Æ': 'Ỉ', 'Ó': 'Ĩ', 'Ò': 'Ị',
  'î': 'ỵ', 'Î': 'Ỵ',
};
const ACUTE = '\u0301', GRAVE = '\u0300', HOOK = '\u0309', TILDE = '\u0303', DOT = '\u0323', CIRC = '\u0302', BREVE = '\u0306';
/** Mark character → combining marks (shape, then tone), lower and upper case alike. */
const VNI_MARKS: Record<string, string> = {
  'ù': ACUTE, 'ø': GRAVE, 'û': HOOK, 'õ': TILDE, 'ï': DOT,
  'â': CIRC, 'á': CIRC + ACUTE, 'à': CIRC + GRAVE, 'å': CIRC + HOOK, 'ã': CIRC + TILDE, 'ä': CIRC + DOT,
  'ê': BREVE, 'é': BREVE + ACUTE, 'è': BREVE + GRAVE, 'ú': BREVE + HOOK, 'ü': BREVE + TILDE, 'ë': BREVE + DOT,
};
for (const [k, v] of Object.entries(VNI_MARKS)) VNI_MARKS[k.toUpperCase()] = v;
const VNI_BASES = new Set([...'aeouyAEOUYơưƠƯ']);
const TONES = [ACUTE, GRAVE, HOOK, TILDE, DOT];

function upperCaseWordsWrittenInCapitals(s: string): string {
  // A word whose plain letters are all capitals was typed in a ".VnTimeH"-style capitals font.
  return s.replace(/[\p{L}\p{M}]+/gu, (w) => {
    const plain = w.replace(/[^A-Za-z]/g, '');
    return plain.length >= 2 && plain === plain.toUpperCase() && /[A-Z]/.test(plain) ? w.toLocaleUpperCase('vi') : w;
  });
}

export function decodeTcvn3(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    out += code >= 0xa0 && code <= 0xff ? (TCVN3_LETTERS[code] ?? ch) : ch;
  }
  return upperCaseWordsWrittenInCapitals(out).normalize('NFC');
}

export function decodeVni(s: string): string {
  let out = '';
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const letter = VNI_LETTERS[ch] ?? ch;
    const mark = VNI_MARKS[chars[i + 1] ?? ''];
    // An 'ô'/'ö' after a vowel is the letter ơ/ư (as in "öô" = ươ), never a mark, so letters decode first.
    if (mark && VNI_BASES.has(letter)) {
      out += (letter + mark).normalize('NFC');
      i++;
    } else {
      out += letter;
    }
  }
  return out.normalize('NFC');
}

/** Unicode → TCVN3 (for test vectors and fixtures); capitals become the lower-case codes. */
export function encodeTcvn3(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const code = TCVN3_CODES.get(ch) ?? TCVN3_CODES.get(ch.toLocaleLowerCase('vi'));
    out += code !== undefined ? String.fromCharCode(code) : ch;
  }
  return out;
}

const VNI_LETTER_CODES = new Map(Object.entries(VNI_LETTERS).map(([k, v]) => [v, k]));
// Keyed by canonical (NFD) mark order: a dot below sorts before a breve or circumflex.
const VNI_MARK_CODES = new Map(Object.entries(VNI_MARKS).filter(([k]) => k === k.toLowerCase()).map(([k, v]) => [`a${v}`.normalize('NFD').slice(1), k]));

/** Unicode → VNI (for test vectors and fixtures). */
export function encodeVni(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const own = VNI_LETTER_CODES.get(ch);
    if (own) {
      out += own;
      continue;
    }
    const d = ch.normalize('NFD');
    let base = d[0];
    let marks = d.slice(1);
    // ơ, ư keep their horn as a letter code; the tone follows as a mark.
    if (marks.startsWith('\u031b')) {
      base = (base + '\u031b').normalize('NFC');
      marks = marks.slice(1);
      base = VNI_LETTER_CODES.get(base) ?? base;
    }
    if (!marks) {
      out += base;
      continue;
    }
    const code = VNI_MARK_CODES.get(marks);
    out += code ? base + (base === base.toUpperCase() && base !== base.toLowerCase() ? code.toUpperCase() : code) : ch;
  }
  return out;
}

// ---- Detection ----

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?';
const NUCLEUS =
  '(?:uyê|uya|uyu|iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|oao|ia|iê|iu|yê|ai|ao|au|ay|âu|ây|eo|êu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)';
const CODA = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);

/** One written syllable, tones aside: onset, vowel cluster, final consonant; at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  const d = word.normalize('NFD').toLocaleLowerCase('vi');
  let tones = 0;
  for (const ch of d) if (TONES.includes(ch)) tones++;
  if (tones > 1) return false;
  const bare = [...d].filter((ch) => !TONES.includes(ch)).join('').normalize('NFC');
  return SYLLABLE.test(bare);
}

/** Unicode Vietnamese uses these Latin-1 letters itself; any other Latin-1 character is suspect. */
const LATIN1_VIETNAMESE = new Set([...'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý']);

function plausibility(s: string): number {
  let score = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xa1 && c <= 0xff && !LATIN1_VIETNAMESE.has(ch)) score -= 3;
  }
  for (const word of s.match(/[\p{L}\p{M}]+/gu) ?? []) {
    if (/^[A-Za-z]+$/.test(word)) continue;
    score += isVietnameseSyllable(word) ? 1 : -2;
  }
  return score;
}

/** Which old encoding a string is in, or null for Unicode (and plain ASCII). */
export function detectLegacyEncoding(s: string): LegacyEncoding | null {
  if (!/[\u00a1-\u00ff]/.test(s)) return null;
  // Any Vietnamese letter beyond Latin-1 (ă, đ, ơ, ư, ạ…) means the text is already Unicode.
  if (/[\u0100-\u024f\u1ea0-\u1ef9]/.test(s)) return null;
  const asIs = plausibility(s);
  const tcvn3 = plausibility(decodeTcvn3(s));
  const vni = plausibility(decodeVni(s));
  const best = Math.max(tcvn3, vni);
  if (best <= asIs || best <= 0) return null;
  return vni >= tcvn3 ? 'vni' : 'tcvn3';
}

export function decodeLegacy(s: string, encoding: LegacyEncoding): string {
  return encoding === 'tcvn3' ? decodeTcvn3(s) : decodeVni(s);
}

/**
 * One cell of a file known to be in `encoding`: converted only when the converted text reads better,
 * so Unicode cells of a mixed file are kept as they are.
 */
export function decodeIfBetter(s: string, encoding: LegacyEncoding): string {
  if (!/[\u00a1-\u00ff]/.test(s) || /[\u0100-\u024f\u1ea0-\u1ef9]/.test(s)) return s;
  const decoded = decodeLegacy(s, encoding);
  return plausibility(decoded) > plausibility(s) ? decoded : s;
}

/** The text in Unicode NFC, and the encoding it was converted from (null when it was Unicode already). */
export function toUnicode(s: string): { text: string; from: LegacyEncoding | null } {
  const from = detectLegacyEncoding(s);
  return { text: from ? decodeLegacy(s, from) : s.normalize('NFC'), from };
}
