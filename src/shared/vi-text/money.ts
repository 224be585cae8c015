/**
 * Money and numbers the Vietnamese way: "." groups thousands, "," marks decimals,
 * and amounts are read out in words (đọc số thành chữ) for decisions and payment lists.
 */

export interface NumberWordsOptions {
  /** Word for a zero tens digit before a unit: "linh" (North, official default) or "lẻ". */
  odd?: 'linh' | 'lẻ';
  /** Unit 4 after "mươi": "bốn" (safer in money lines) or "tư". */
  four?: 'bốn' | 'tư';
  thousand?: 'nghìn' | 'ngàn';
  billion?: 'tỷ' | 'tỉ';
}

export interface MoneyWordsOptions extends NumberWordsOptions {
  /** Currency word appended at the end; default "đồng". */
  currency?: string;
  /** Append "chẵn" for amounts that are whole thousands (e.g. "... nghìn đồng chẵn"). */
  even?: boolean;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** "2.340.000"; decimals (if any) after ",". */
export function formatNumberVi(value: number, fractionDigits = 0): string {
  if (!Number.isFinite(value)) throw new RangeError(`Số không hợp lệ: ${value}`);
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [intPart, frac] = fixed.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '-' : '') + grouped + (frac ? ',' + frac : '');
}

/** "2.340.000 đồng". */
export function formatMoney(amount: number, currency = 'đồng'): string {
  return `${formatNumberVi(Math.round(amount))} ${currency}`.trim();
}

function readTriple(n: number, full: boolean, o: Required<NumberWordsOptions>): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const words: string[] = [];
  // Inner groups are read with all three digits: 1.050.000 = "một triệu không trăm năm mươi nghìn".
  if (full || h > 0) words.push(DIGITS[h], 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (words.length > 0) words.push(o.odd);
      words.push(DIGITS[u]);
    }
  } else if (t === 1) {
    words.push('mười');
    if (u === 5) words.push('lăm');
    else if (u > 0) words.push(DIGITS[u]);
  } else {
    words.push(DIGITS[t], 'mươi');
    if (u === 1) words.push('mốt');
    else if (u === 4) words.push(o.four);
    else if (u === 5) words.push('lăm');
    else if (u > 0) words.push(DIGITS[u]);
  }
  return words;
}

function groupUnit(index: number, o: Required<NumberWordsOptions>): string[] {
  const base = ['', o.thousand, 'triệu'][index % 3];
  const words = base ? [base] : [];
  // Above tỷ the units repeat: nghìn tỷ, triệu tỷ, tỷ tỷ.
  for (let i = 0; i < Math.floor(index / 3); i++) words.push(o.billion);
  return words;
}

/** Lower-case words for a non-negative integer: 1001 → "một nghìn không trăm linh một". */
export function numberToWords(value: number, options: NumberWordsOptions = {}): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Chỉ đọc được số nguyên: ${value}`);
  const o: Required<NumberWordsOptions> = { odd: 'linh', four: 'bốn', thousand: 'nghìn', billion: 'tỷ', ...options };
  if (value < 0) return `âm ${numberToWords(-value, options)}`;
  if (value === 0) return DIGITS[0];
  const groups: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 1000)) groups.push(v % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (groups[i] === 0) continue; // 1.000.500 = "một triệu năm trăm": zero groups are skipped
    words.push(...readTriple(groups[i], words.length > 0, o), ...groupUnit(i, o));
  }
  return words.join(' ');
}

/** Sentence-cased amount in words: 105 → "Một trăm linh năm đồng". */
export function moneyToWords(amount: number, options: MoneyWordsOptions = {}): string {
  const currency = options.currency ?? 'đồng';
  const words = numberToWords(Math.round(amount), options);
  let text = `${words} ${currency}`.trim();
  if (options.even && amount !== 0 && Math.round(amount) % 1000 === 0) text += ' chẵn';
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
