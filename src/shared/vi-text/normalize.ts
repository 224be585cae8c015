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

/**
 * Search key: no tone or letter marks, đ→d, lower case, single spaces.
 * đ/Đ have no Unicode decomposition, so they are mapped by hand.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
