import { itemWhere, sectionWhere } from '@shared/plans/where';
import { savePlanInput } from '@shared/schemas/plans';
import type { Problem } from '../../lib/draftStore';

type Path = readonly PropertyKey[];

/** "Phần I, mục 1", "Đoạn mở đầu 2", … — the field a path points at, as the editor labels it. */
export function planFieldName(path: Path): string {
  const [top, a, b, c, d, e] = path;
  if (top === 'subject') return 'Trích yếu';
  if (top === 'plannedDate') return 'Ngày dự kiến ban hành';
  if (top !== 'body') return 'Kế hoạch';
  if (a === 'intro') return `Đoạn mở đầu ${Number(b) + 1}`;
  if (a === 'closing') return `Đoạn kết ${Number(b) + 1}`;
  if (a === 'recipients') return 'Nơi nhận';
  if (a === 'signer') return 'Người ký';
  if (a !== 'sections' || typeof b !== 'number') return 'Kế hoạch';
  if (c === 'title') return `${sectionWhere(b)}: tiêu đề`;
  if (c === 'content' && typeof d === 'number') return `${sectionWhere(b)}, đoạn ${d + 1}`;
  if (c !== 'items' || typeof d !== 'number') return sectionWhere(b);
  if (e === 'title') return `${itemWhere(b, d)}: tiêu đề`;
  if (e === 'content' && typeof path[6] === 'number') return `${itemWhere(b, d)}, đoạn ${path[6] + 1}`;
  return itemWhere(b, d);
}

/** "dài quá 8000 ký tự" → "dài quá 8.000 ký tự": numbers as a Vietnamese reader writes them. */
const viNumbers = (s: string) => s.replace(/\d{4,}/g, (n) => Number(n).toLocaleString('vi-VN'));

/** What the core would refuse in this draft, each named by its place: "Phần I, mục 1: dài quá 8.000 ký tự". */
export function planProblems(input: unknown): Problem[] {
  const r = savePlanInput.safeParse(input);
  if (r.success) return [];
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const issue of r.error.issues) {
    // A text checked for length names its path up to the string itself.
    const path = issue.path;
    const key = path.map(String).join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    const what = issue.message.includes(': ') ? issue.message.slice(issue.message.indexOf(': ') + 2) : issue.message;
    out.push({ path: key, message: `${planFieldName(path)}: ${viNumbers(what)}` });
  }
  return out;
}
