/** Runs and paragraph building blocks shared by the layout modules. */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun } from 'docx';
import { toRuns, type Align, type RichText } from '../model';
import type { LayoutOptions } from './options';
import { halfPoints, lineValue, ptToTwips } from './page';

export interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/** Context the layout modules share: options plus the text width of the current section. */
export interface LayoutContext {
  o: LayoutOptions;
  /** Text width of the current section, twips. */
  width: number;
  /** Table XML collected while rendering; placeholders in the document point into it. */
  tables: string[];
}

export function textRuns(o: LayoutOptions, text: RichText, style: RunStyle): TextRun[] {
  const out: TextRun[] = [];
  for (const run of toRuns(text)) {
    // "\n" inside a run is a manual line break (e.g. a two-line trích yếu).
    // Export is NFC whatever the input: text pasted from Word/PDF may arrive decomposed.
    run.text.normalize('NFC').split('\n').forEach((part, i) => {
      out.push(
        new TextRun({
          text: part,
          break: i > 0 ? 1 : undefined,
          font: o.font,
          size: halfPoints(style.size),
          bold: style.bold || run.bold || undefined,
          italics: style.italic || run.italic || undefined,
          underline: run.underline ? {} : undefined,
        }),
      );
    });
  }
  return out;
}

export function alignment(a: Align | undefined) {
  switch (a) {
    case 'left':
      return AlignmentType.LEFT;
    case 'right':
      return AlignmentType.RIGHT;
    case 'center':
      return AlignmentType.CENTER;
    default:
      return AlignmentType.JUSTIFIED;
  }
}

/** Single-spaced, no space before/after: header and signature lines. */
export function tightSpacing(beforePt = 0, afterPt = 0) {
  return { before: ptToTwips(beforePt), after: ptToTwips(afterPt), line: 240, lineRule: LineRuleType.AUTO };
}

/** Content spacing: ≥ 6 pt between paragraphs, line spacing 1.0–1.5. */
export function contentSpacing(o: LayoutOptions) {
  return { before: 0, after: ptToTwips(o.paragraphSpacing), line: lineValue(o.lineSpacing), lineRule: LineRuleType.AUTO };
}

export function firstLineTwips(o: LayoutOptions): number {
  return o.firstLineIndent === 1 ? 567 : 720;
}

/** A centred line of given text. */
export function centeredLine(o: LayoutOptions, text: RichText, style: RunStyle, beforePt = 0, afterPt = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: tightSpacing(beforePt, afterPt),
    children: textRuns(o, text, style),
  });
}

/**
 * A solid rule of `length` twips centred in a container `containerWidth` twips wide,
 * drawn as the bottom border of an empty, 4 pt high paragraph with computed indents
 * (underscores or underlining would have the wrong length and sit too close).
 */
export function ruleParagraph(o: LayoutOptions, length: number, containerWidth: number, afterPt = 0): Paragraph {
  const side = Math.max(0, Math.round((containerWidth - length) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: ptToTwips(afterPt), line: 80, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', font: o.font, size: 2 })],
  });
}
