/** Text pasted from an old Word document → editor blocks and recipients. */
import type { ContentBlock, Recipient } from '@shared/schemas/plans';
import { newKey } from './keys';

/** One block per line: "- …" a bullet, "+ …" a sub-bullet, anything else a paragraph. */
export function blocksFromText(text: string): ContentBlock[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^([-–•+])\s*(.*)$/.exec(l);
      if (!m) return { key: newKey(), marker: '', text: l };
      return { key: newKey(), marker: m[1] === '+' ? '+' : '-', text: m[2] };
    });
}

/** "- Tổng LĐLĐ Việt Nam (b/c);" → { name: "Tổng LĐLĐ Việt Nam", purpose: "b/c" }. */
export function recipientsFromText(text: string): Recipient[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^[-–•]\s*/, '').replace(/[;.]+$/, '').trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(.*?)\s*\((b\/c|t\/h)\)$/.exec(l);
      return m ? { key: newKey(), name: m[1], purpose: m[2] as 'b/c' | 't/h' } : { key: newKey(), name: l, purpose: '' };
    });
}
