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
const TABLE_END = 0x250;
const VI_START = 0x1e00;
const VI_END = 0x1f00;
const SPACE = ' ';
function buildFoldTable(): (string | undefined)[] {
  const table: (string | undefined)[] = [];
  const put = (c: number) => {
    const ch = String.fromCharCode(c);
    if (/\s/.test(ch)) table[c] = SPACE;
    else {
      const key = foldSlow(ch);
      // A key holding a space or a mark (none expected here) is left to the slow path.
      table[c] = /[\s\u0300-\u036f]/.test(key) && key !== '' ? undefined : key;
    }
  };
  for (let c = 0; c < TABLE_END; c++) put(c);
  for (let c = 0x300; c < 0x370; c++) table[c] = '';
  for (let c = VI_START; c < VI_END; c++) put(c);
  return table;
}
const FOLD_TABLE = buildFoldTable();

/**
 * Search key: no tone or letter marks, đ→d, lower case, single spaces (đ/Đ have no Unicode decomposition).
 * Table-driven: imports and lists fold tens of thousands of names, and NFD plus four regular expressions per
 * name showed in the profile. The same result as foldSlow for every string (tests/unit/vi-text/fold.test.ts).
 */
export function fold(s: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const key = c < TABLE_END || (c >= 0x300 && c < 0x370) || (c >= VI_START && c < VI_END) ? FOLD_TABLE[c] : undefined;
    if (key === undefined) return foldSlow(s);
    if (key === SPACE) {
      space = out.length > 0;
      continue;
    }
    if (key === '') continue;
    if (space) {
      out += ' ';
      space = false;
    }
    out += key;
  }
  return out;
}
