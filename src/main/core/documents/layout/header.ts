/**
 * The borderless two-column header (ô 1–4): issuing body left, Quốc hiệu and Tiêu ngữ right,
 * "Số:" and the place-date on one row below. The right column is at least as wide as the
 * Quốc hiệu needs, so "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" never wraps.
 */
import { Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { formatPlaceDate } from '../../../../shared/vi-text/dates';
import { formatNumberLine } from '../../../../shared/vi-text/doc-number';
import { upperVi } from '../../../../shared/vi-text/caps';
import { letterSubjectText, type OfficialDocument } from '../model';
import { textWidthMm } from './measure';
import { mmToTwips } from './page';
import { centeredLine, ruleParagraph, type LayoutContext } from './text';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Left and right padding inside header and signature cells, twips (1 mm). */
export const CELL_PADDING = 57;

export interface HeaderGeometry {
  left: number;
  right: number;
  mottoRule: number;
  issuerRule: number;
}

/**
 * Column widths and rule lengths, twips. The right column takes its share of the width, or more
 * when the Quốc hiệu (or a long place-date such as "Thành phố Hồ Chí Minh, ngày …") needs it,
 * as long as the left column keeps room for its widest line and the "Số:" line.
 */
export function headerGeometry(
  ctx: Pick<LayoutContext, 'o' | 'width'>,
  doc: Pick<OfficialDocument, 'header'> & Partial<Pick<OfficialDocument, 'placeDate' | 'number'>>,
): HeaderGeometry {
  const { o, width } = ctx;
  const pad = 2 * CELL_PADDING;
  // 3 mm of slack over the measured width absorbs font differences between Word and LibreOffice
  // (docs/rules.md §1.6: ≥ ~92 mm at 12 pt, ≥ ~100 mm at 13 pt including padding).
  const slack = 3;
  const nationalTitle = mmToTwips(textWidthMm(NATIONAL_TITLE, o.sizes.nationalTitle, true) + slack) + pad;
  const placeDate = doc.placeDate
    ? mmToTwips(textWidthMm(formatPlaceDate(doc.placeDate.place, doc.placeDate.date), o.sizes.placeDate) + slack) + pad
    : 0;
  const leftLines = [
    ...doc.header.parent.map((l) => textWidthMm(upperVi(l), o.sizes.issuer)),
    ...doc.header.issuer.map((l) => textWidthMm(upperVi(l), o.sizes.issuer, true)),
    doc.number ? textWidthMm(formatNumberLine(doc.number.value, doc.number.symbol), o.sizes.number) : 0,
  ];
  const leftNeeds = mmToTwips(Math.max(...leftLines) + slack) + pad;
  const share = Math.round(width * (1 - o.headerLeftShare));
  // The Quốc hiệu always wins; the place-date only takes what the left column can spare.
  const right = Math.max(nationalTitle, Math.min(Math.max(share, placeDate), width - leftNeeds));
  const left = width - right;
  const mottoRule = mmToTwips(textWidthMm(MOTTO, o.sizes.motto, true));
  const widestIssuer = Math.max(...doc.header.issuer.map((l) => textWidthMm(upperVi(l), o.sizes.issuer, true)), 0);
  const issuerRule = Math.min(mmToTwips(widestIssuer * o.ruleShare), left - pad);
  return { left, right, mottoRule, issuerRule };
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: 0, bottom: 0 },
    children,
  });
}

export function renderHeader(ctx: LayoutContext, doc: OfficialDocument): Table {
  const { o } = ctx;
  const g = headerGeometry(ctx, doc);
  const s = o.sizes;
  const left: Paragraph[] = [
    ...doc.header.parent.map((l) => centeredLine(o, upperVi(l), { size: s.issuer })),
    ...doc.header.issuer.map((l) => centeredLine(o, upperVi(l), { size: s.issuer, bold: true })),
  ];
  if (g.issuerRule > 0) left.push(ruleParagraph(o, g.issuerRule, g.left - 2 * CELL_PADDING));
  const right: Paragraph[] = [
    centeredLine(o, NATIONAL_TITLE, { size: s.nationalTitle, bold: true }),
    centeredLine(o, MOTTO, { size: s.motto, bold: true }),
    ruleParagraph(o, g.mottoRule, g.right - 2 * CELL_PADDING),
  ];
  const numberLine = doc.number ? formatNumberLine(doc.number.value, doc.number.symbol) : '';
  const row2Left = [centeredLine(o, numberLine, { size: s.number }, 6)];
  // Công văn: the "V/v …" trích yếu sits under "Số:", 6 pt below, regular (ô 5b); long ones wrap in the cell.
  if (doc.letterSubject?.trim()) row2Left.push(centeredLine(o, letterSubjectText(doc.letterSubject), { size: s.letterSubject }, 6));
  const row2Right = [centeredLine(o, formatPlaceDate(doc.placeDate.place, doc.placeDate.date), { size: s.placeDate, italic: true }, 6)];
  return new Table({
    width: { size: g.left + g.right, type: WidthType.DXA },
    columnWidths: [g.left, g.right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ cantSplit: true, children: [cell(g.left, left), cell(g.right, right)] }),
      new TableRow({ cantSplit: true, children: [cell(g.left, row2Left), cell(g.right, row2Right)] }),
    ],
  });
}
