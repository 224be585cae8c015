/**
 * Wording shared by every document that names a movement, a đợt or a year, so the công văn, the danh sách,
 * the Bản đăng ký and the Báo cáo say the same thing the same way.
 */

export function lowerFirst(s: string): string {
  return s ? s[0].toLocaleLowerCase('vi') + s.slice(1) : s;
}

/** "Phong trào … năm 2026" stays as it is; "Phong trào …" gets " năm 2026" — the year is never written twice. */
export function withYear(text: string, year: number): string {
  return new RegExp(`(^|\\D)${year}(\\D|$)`).test(text) ? text : `${text} năm ${year}`;
}

/** "Đợt 1 phong trào thi đua … năm 2026" or "phong trào thi đua … năm 2026" (for after "Thực hiện"). */
export function scopeLabel(movementName: string, phaseName: string | null, year: number): string {
  const movement = lowerFirst(withYear(movementName.trim(), year));
  return phaseName ? `${phaseName.trim()} ${movement}` : movement;
}

/**
 * The rule every figure follows (services/reports/figures.ts): a registration or a decision made for the
 * whole movement counts in each of its đợt. Printed under tables and beside counts where it matters.
 */
export const WHOLE_MOVEMENT_RULE = 'Đăng ký thi đua và quyết định khen thưởng cả phong trào được tính cho từng đợt.';

/**
 * Thousands dots in the numbers of free text ("1203 đoàn viên" → "1.203 đoàn viên"). Years (1900–2100),
 * document numbers ("số 1203/QĐ"), dates, decimals and codes touching letters are left alone.
 */
export function groupThousands(text: string): string {
  return text.replace(/(?<![\d/.,\-\p{L}])(\d{4,})(?![\d/.,\-\p{L}])/gu, (m) => {
    const n = Number(m);
    if (m.length === 4 && n >= 1900 && n <= 2100) return m;
    return m.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  });
}
