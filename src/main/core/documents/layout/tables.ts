/** Ruled tables in the content and in annexes (danh sách, đăng ký): single borders, bold repeated header row. */
import {
  BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType,
} from 'docx';
import type { RichText, TableModel } from '../model';
import { ptToTwips } from './page';
import { alignment, textRuns, type LayoutContext } from './text';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const TABLE_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

export function columnWidths(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export function renderTable(ctx: LayoutContext, t: TableModel): Table {
  const { o } = ctx;
  const size = t.fontSize ?? o.sizes.table;
  const widths = columnWidths(ctx.width, t.columns.map((c) => c.weight));
  const para = (text: RichText, align: Parameters<typeof alignment>[0], bold = false) =>
    new Paragraph({
      alignment: alignment(align ?? 'left'),
      spacing: { before: ptToTwips(2), after: ptToTwips(2), line: 240, lineRule: LineRuleType.AUTO },
      children: textRuns(o, text, { size, bold }),
    });
  const cell = (i: number, children: Paragraph[], span = 1) =>
    new TableCell({
      width: { size: span === 1 ? widths[i] : widths.slice(i, i + span).reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnSpan: span > 1 ? span : undefined,
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 57, right: 57, top: 0, bottom: 0 },
      children,
    });
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: t.columns.map((c, i) => cell(i, [para(c.header, 'center', true)])),
    }),
  ];
  for (const r of t.rows) {
    if (r.kind === 'group') {
      rows.push(new TableRow({ cantSplit: true, children: [cell(0, [para(r.text, 'left', true)], t.columns.length)] }));
      continue;
    }
    const bold = r.kind === 'total';
    rows.push(
      new TableRow({
        cantSplit: true,
        children: t.columns.map((c, i) => cell(i, [para(r.cells[i] ?? '', c.align, bold)])),
      }),
    );
  }
  return new Table({
    width: { size: ctx.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows,
  });
}
