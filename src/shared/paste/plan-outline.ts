/**
 * A pasted outline (outline.ts) in the shape of a Kế hoạch: "I." parts become sections (an "A." part too: a plan
 * has no level above I.), "1." clauses become items (titled when the source line was a heading), and everything
 * under them — paragraphs, "-"/"+" lines and "a)" points, which a plan writes as paragraphs with their letter —
 * becomes their content. Text before the first section is the plan's opening. Inline marks are kept.
 */
import { POINT_LETTERS } from '../vi-text/point-letters';
import type { OutlineBlockInput } from '../schemas/general-documents';

export interface PastedContent {
  marker: '' | '-' | '+';
  text: string;
}
export interface PastedItem {
  title: string;
  text: string;
  content: PastedContent[];
}
export interface PastedSection {
  title: string;
  content: PastedContent[];
  items: PastedItem[];
}
export interface PastedPlan {
  intro: string[];
  sections: PastedSection[];
}

/** One block as a content line: points keep their letter ("a) …"), a titled block prints its title bold. */
function contentOf(b: OutlineBlockInput, pointLabel: string): PastedContent {
  const text = b.text ?? '';
  const title = b.title ?? '';
  if (b.level === 'bullet') return { marker: '-', text };
  if (b.level === 'sub') return { marker: '+', text };
  const head = title ? `**${title}**${text ? ` ${text}` : ''}` : text;
  return { marker: '', text: b.level === 'point' ? `${pointLabel} ${head}` : head };
}

export function planFromOutline(blocks: OutlineBlockInput[], pointStyle: 'a)' | 'a.' = 'a)'): PastedPlan {
  const plan: PastedPlan = { intro: [], sections: [] };
  let section: PastedSection | null = null;
  let item: PastedItem | null = null;
  let points = 0;
  for (const b of blocks) {
    if (b.level === 'part' || b.level === 'section') {
      section = { title: b.title || b.text || '', content: [], items: [] };
      plan.sections.push(section);
      item = null;
      continue;
    }
    if (b.level === 'clause' && section) {
      item = { title: b.title ?? '', text: b.title ? '' : (b.text ?? ''), content: [] };
      if (b.title && b.text) item.content.push({ marker: '', text: b.text });
      section.items.push(item);
      points = 0;
      continue;
    }
    if (b.level === 'point') points++;
    const line = contentOf(b, `${POINT_LETTERS[(points - 1 + POINT_LETTERS.length) % POINT_LETTERS.length]}${pointStyle === 'a.' ? '.' : ')'}`);
    if (item) item.content.push(line);
    else if (section) section.content.push(line);
    else if (line.text) plan.intro.push(line.marker ? `${line.marker} ${line.text}` : line.text);
  }
  return plan;
}

/** For a list of paragraphs (one item's content): every block a line, numbered lines keep a number. */
export function contentFromOutline(blocks: OutlineBlockInput[], pointStyle: 'a)' | 'a.' = 'a)'): PastedContent[] {
  let clauses = 0;
  let points = 0;
  return blocks.map((b) => {
    if (b.level === 'clause') {
      clauses++;
      points = 0;
      const head = b.title ? `**${clauses}. ${b.title}**${b.text ? ` ${b.text}` : ''}` : `${clauses}. ${b.text ?? ''}`;
      return { marker: '', text: head };
    }
    if (b.level === 'point') points++;
    return contentOf(b, `${POINT_LETTERS[(points - 1 + POINT_LETTERS.length) % POINT_LETTERS.length]}${pointStyle === 'a.' ? '.' : ')'}`);
  });
}
