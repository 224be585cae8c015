/** [1,2,3,5,8,9] → "01–03, 05, 08–09" */
export function gapText(gaps: number[]): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const parts: string[] = [];
  for (let i = 0; i < gaps.length; ) {
    let j = i;
    while (j + 1 < gaps.length && gaps[j + 1] === gaps[j] + 1) j++;
    parts.push(i === j ? p(gaps[i]) : `${p(gaps[i])}–${p(gaps[j])}`);
    i = j + 1;
  }
  return parts.join(', ');
}
