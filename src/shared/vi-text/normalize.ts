/** NFC, trimmed, inner runs of white space collapsed to one space. */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
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
