import { cleanText } from './normalize';

/** The Vietnamese collator: ă â đ ê ô ơ ư are letters of their own; tones break ties. */
export const viCollator = new Intl.Collator('vi');

export function compareVi(a: string, b: string): number {
  return viCollator.compare(a, b);
}

export interface NameParts {
  /** họ và tên đệm, e.g. "Nguyễn Văn" */
  familyMiddle: string;
  /** tên, the last word, e.g. "An" */
  given: string;
}

export function splitPersonName(fullName: string): NameParts {
  const words = cleanText(fullName).split(' ').filter(Boolean);
  const given = words.pop() ?? '';
  return { familyMiddle: words.join(' '), given };
}

/** Lists of people sort by tên, then họ và tên đệm, then the full name. */
export function comparePersonNames(a: string, b: string): number {
  const pa = splitPersonName(a);
  const pb = splitPersonName(b);
  return compareVi(pa.given, pb.given) || compareVi(pa.familyMiddle, pb.familyMiddle) || compareVi(a, b);
}

// ---- A binary-sortable key that orders like viCollator, so SQLite can ORDER BY it. ----
// better-sqlite3 cannot register collations, so the collator's three levels are spelled out:
// primary = letters in the Vietnamese alphabet order, secondary = tones, tertiary = case.

const ALPHABET = [
  'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n',
  'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];
const LETTER_RANK = new Map(ALPHABET.map((l, i) => [l, i]));
// Tone order of the Vietnamese collation: ngang, huyền, hỏi, ngã, sắc, nặng.
const TONE_RANK: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
const LETTER_MARKS = /[\u0306\u0302\u031b]/; // breve, circumflex, horn make letters (ă â ê ô ơ ư)

function primaryChar(ch: string): string | null {
  if (ch === ' ') return ' ';
  if (ch >= '0' && ch <= '9') return String.fromCharCode(0x30 + (ch.charCodeAt(0) - 0x30));
  const rank = LETTER_RANK.get(ch);
  if (rank !== undefined) return String.fromCharCode(0x41 + rank);
  return null;
}

interface CharKey {
  primary: string;
  secondary: string;
  tertiary: string;
}
const charKeys = new Map<string, CharKey>();

function charKey(ch: string): CharKey {
  let k = charKeys.get(ch);
  if (k) return k;
  const lower = ch.toLowerCase();
  const decomposed = lower.normalize('NFD');
  const base = decomposed[0];
  const marks = decomposed.slice(1);
  const letterMark = marks.match(LETTER_MARKS)?.[0] ?? '';
  const letter = (base + letterMark).normalize('NFC');
  let tone = 0;
  for (const m of marks) tone = TONE_RANK[m] ?? tone;
  // Punctuation and other symbols sort before digits and letters, as in ICU.
  const primary = primaryChar(letter) ?? primaryChar(base) ?? '"';
  k = { primary, secondary: String.fromCharCode(0x30 + tone), tertiary: ch === lower ? '0' : '1' };
  charKeys.set(ch, k);
  return k;
}

function keyOfChars(keys: CharKey[]): string {
  let primary = '';
  let secondary = '';
  let tertiary = '';
  for (const k of keys) {
    primary += k.primary;
    secondary += k.secondary;
    tertiary += k.tertiary;
  }
  return `${primary}\x01${secondary}\x01${tertiary}`;
}

/** Key for one string; compare keys with plain binary order. */
export function viSortKey(input: string): string {
  return keyOfChars(Array.from(cleanText(input), charKey));
}

/** Key for a person's name in list order (tên, họ đệm, full name); the name is cleaned and scanned once. */
export function personSortKey(fullName: string): string {
  const clean = cleanText(fullName);
  const chars = Array.from(clean, charKey);
  const lastSpace = clean.lastIndexOf(' ');
  if (lastSpace < 0) return `${keyOfChars(chars)}\x02${keyOfChars([])}\x02${keyOfChars(chars)}`;
  // Indexes are in code points; the cleaned name is NFC Vietnamese, where each letter is one code point.
  const cut = Array.from(clean.slice(0, lastSpace)).length;
  return `${keyOfChars(chars.slice(cut + 1))}\x02${keyOfChars(chars.slice(0, cut))}\x02${keyOfChars(chars)}`;
}
