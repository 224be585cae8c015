/** Nơi nhận (ô 9b): "Nơi nhận:" 12 pt bold italic, items 11 pt with "- " at the left margin. */
import { AlignmentType, Paragraph } from 'docx';
import type { Recipients } from '../model';
import { textRuns, tightSpacing, type LayoutContext } from './text';

export function renderRecipients(ctx: LayoutContext, recipients: Recipients | undefined, beforePt: number): Paragraph[] {
  const { o } = ctx;
  const line = (text: string, italic = false) =>
    new Paragraph({ alignment: AlignmentType.LEFT, spacing: tightSpacing(), children: textRuns(o, text, { size: o.sizes.recipients, italic }) });
  const out = [
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: tightSpacing(beforePt),
      children: textRuns(o, 'Nơi nhận:', { size: o.sizes.recipientsLabel, bold: true, italic: true }),
    }),
  ];
  for (const group of recipients?.groups ?? []) {
    if (group.label) out.push(line(group.label, true));
    for (const item of group.items) out.push(line(`- ${item}`));
  }
  return out;
}
