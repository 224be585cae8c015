/** A file name every file system and mail client accepts: no marks (đ→d), letters, digits and "-". */
export function documentFileName(stem: string, ext = 'docx'): string {
  const ascii = stem
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 -]/g, ' ')
    .trim()
    .replace(/\s+/g, '-');
  return `${ascii}.${ext}`;
}
