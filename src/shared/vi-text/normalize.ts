/** NFC, trimmed, inner runs of white space collapsed to one space. */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Several paragraphs typed one per line: each line as cleanText, empty lines dropped, "\n" between. */
export function cleanLines(s: string): string {
  return s
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The definition of the search key: no tone or letter marks, đ→d, lower case, single spaces. */
export function foldSlow(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Latin, its extensions and the Vietnamese block (U+1E00–U+1EFF) folded one character at a time: for these
// the key of a string is the keys of its characters (NFD splits a letter from its marks, lower-casing has no
// context outside Greek), white space apart. Anything else sends the whole string to foldSlow.
const VI_START = 0x1e00;
const VI_END = 0x1f00;
/** Per code unit below VI_END: the one code unit of its key, or one of these. */
const SLOW = -1;
const DROP = -2;
const SPACE = -3;
function buildFoldTable(): Int32Array {
  const table = new Int32Array(VI_END).fill(SLOW);
  const put = (c: number) => {
    const ch = String.fromCharCode(c);
    if (/\s/.test(ch)) table[c] = SPACE;
    else {
      const key = foldSlow(ch);
      // A key of several code units, or holding a space or a mark (none expected here), is left to the slow path.
      table[c] = key === '' ? DROP : key.length === 1 && !/[\s\u0300-\u036f]/.test(key) ? key.charCodeAt(0) : SLOW;
    }
  };
  for (let c = 0; c < 0x250; c++) put(c);
  for (let c = 0x300; c < 0x370; c++) table[c] = DROP;
  for (let c = VI_START; c < VI_END; c++) put(c);
  return table;
}
const FOLD_TABLE = buildFoldTable();
let keyUnits = new Uint16Array(256);
const utf16 = new TextDecoder('utf-16le');

/**
 * Search key: no tone or letter marks, đ→d, lower case, single spaces (đ/Đ have no Unicode decomposition).
 * Table-driven: imports and lists fold tens of thousands of names, and NFD plus four regular expressions per
 * name showed in the profile. The key's code units are written into one buffer and made a string once
 * (appending a character at a time built a rope per name: slower than foldSlow). The same result as foldSlow
 * for every string (tests/unit/vi-text/fold.test.ts).
 */
export function fold(s: string): string {
  if (keyUnits.length < s.length) keyUnits = new Uint16Array(2 * s.length);
  const out = keyUnits;
  let n = 0;
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const key = c < VI_END ? FOLD_TABLE[c] : SLOW;
    if (key >= 0) {
      if (space) {
        out[n++] = 0x20;
        space = false;
      }
      out[n++] = key;
    } else if (key === SPACE) space = n > 0;
    else if (key === SLOW) return foldSlow(s);
  }
  return utf16.decode(out.subarray(0, n));
}
