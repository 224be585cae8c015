/**
 * SQLite's BINARY collation (UTF-8 bytes, that is code point order) for JS strings, so a list kept in JS and
 * merged with rows read again keeps exactly the order of `ORDER BY` in SQL. JS `<` compares UTF-16 code
 * units, which differs only where a surrogate (a code point past U+FFFF) meets U+E000–U+FFFF.
 */
export function compareBinary(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates moved above U+E000–U+FFFF, where the code points they encode belong. */
const codePointRank = (unit: number): number => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit);
