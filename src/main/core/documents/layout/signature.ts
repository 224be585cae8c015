/**
 * The closing table: Nơi nhận on the left, the signature block on the right (ô 7a–7c, 9b).
 * "Nơi nhận:" sits level with the first authority line; the name is centred under the
 * title block after room for the signature and seal.
 */
import { AlignmentType, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { upperVi } from '../../../../shared/vi-text/caps';
import { drafterMarkText, type DrafterMark, type Recipients, type Signature } from '../model';
import { CELL_PADDING } from './header';
import { mmToTwips, ptToTwips } from './page';
import { renderRecipients } from './recipients';
import { centeredLine, textRuns, tightSpacing, type LayoutContext } from './text';

export function signatureParagraphs(ctx: LayoutContext, signature: Signature, beforePt: number): Paragraph[] {
  const { o } = ctx;
  const out = signature.lines.map((l, i) => centeredLine(o, upperVi(l), { size: o.sizes.body, bold: true }, i === 0 ? beforePt : 0));
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...tightSpacing(), before: mmToTwips(o.signatureSpace) },
      children: textRuns(o, signature.name, { size: o.sizes.body, bold: true }),
    }),
  );
  return out;
}

/** Ô 12: "PL.(300)", 11 pt, under the Nơi nhận list. */
function drafterParagraph(ctx: LayoutContext, mark: DrafterMark): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: tightSpacing(6),
    children: textRuns(ctx.o, drafterMarkText(mark), { size: ctx.o.sizes.recipients }),
  });
}

export function renderClosing(ctx: LayoutContext, signature: Signature | undefined, recipients: Recipients | undefined, drafter?: DrafterMark, coSignature?: Signature): Table {
  const left = Math.round(ctx.width * 0.45);
  const right = ctx.width - left;
  const beforePt = 6;
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.TOP,
      margins: { left: 0, right: CELL_PADDING, top: 0, bottom: 0 },
      children,
    });
  // Two signers side by side: the shorter title block is padded so both names stand on one line.
  const tall = Math.max(signature?.lines.length ?? 0, coSignature?.lines.length ?? 0);
  const padded = (sig: Signature): Signature => ({ ...sig, lines: [...sig.lines, ...Array<string>(tall - sig.lines.length).fill('')] });
  if (coSignature && signature) signature = padded(signature);
  const leftCell = coSignature
    ? signatureParagraphs(ctx, padded(coSignature), beforePt)
    : recipients
      ? renderRecipients(ctx, recipients, beforePt)
      : [new Paragraph({ spacing: { before: ptToTwips(beforePt) } })];
  if (drafter?.initials.trim()) leftCell.push(drafterParagraph(ctx, drafter));
  const rightCell = signature ? signatureParagraphs(ctx, signature, beforePt) : [new Paragraph({})];
  return new Table({
    width: { size: ctx.width, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftCell), cell(right, rightCell)] })],
  });
}
