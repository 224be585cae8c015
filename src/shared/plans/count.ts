/** "02" for counts in running text ("chia thành 02 đợt"), as union documents write them. */
export function countText(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
