/**
 * Ô 13: the issuer's address, phone, e-mail… at the foot of page 1 only, under a full-width solid
 * rule, 11 pt regular. It is the first-page footer (the section already has a distinct first page
 * for the page numbers), so it stays at the foot whatever the length of the content.
 */
import { AlignmentType, BorderStyle, Footer, LineRuleType, Paragraph } from 'docx';
import type { LayoutOptions } from './options';
import { textRuns } from './text';

export function contactFooter(o: LayoutOptions, lines: string[]): { first: Footer; default: Footer } {
  const paragraphs = lines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: i === 0 ? 40 : 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        // The rule is the top border of the first line, across the whole text width.
        border: i === 0 ? { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 } } : undefined,
        children: textRuns(o, line, { size: o.sizes.recipients }),
      }),
  );
  return { first: new Footer({ children: paragraphs }), default: new Footer({ children: [new Paragraph({ children: [] })] }) };
}

export function emptyFooters(): { first: Footer; default: Footer } {
  return { first: new Footer({ children: [new Paragraph({ children: [] })] }), default: new Footer({ children: [new Paragraph({ children: [] })] }) };
}
