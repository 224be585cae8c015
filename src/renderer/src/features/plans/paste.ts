/** Text pasted from an old Word document → editor blocks and recipients. */
import type { ContentBlock, Recipient } from '@shared/schemas/plans';
import { outlineFromPaste } from '@shared/paste/outline';
import { contentFromOutline } from '@shared/paste/plan-outline';
import { newKey } from './keys';

/**
 * Pasted lines → content blocks: "- …" a bullet, "+ …" a sub-bullet, anything else a paragraph; numbered lines
 * keep their number, and Word's bold, italic and underline come through as inline marks.
 */
export function blocksFromPaste(text: string, html: string | null = null): ContentBlock[] {
  const { blocks, pointStyle } = outlineFromPaste({ text, html });
  return contentFromOutline(blocks, pointStyle).map((c) => ({ key: newKey(), ...c }));
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
