/**
 * Ruled tables in the content and in annexes (danh sách, đăng ký): single borders, bold
 * repeated header row, group rows across all columns, bold total row.
 *
 * Tables are written as WordprocessingML text rather than docx objects: a danh sách of
 * 2,000 people is 10,000 cells, and the object path spent seconds serialising them.
 * The table goes into the document where a placeholder paragraph stands (see render.ts).
 */
import { LineRuleType, Paragraph, TextRun } from 'docx';
import { toRuns, type Align, type RichText, type TableModel } from '../model';
import { halfPoints } from './page';
import type { LayoutContext } from './text';

export function columnWidths(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

const JC: Record<Align, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

/** Paragraph styles for table text, one per allowed size: font, size and spacing live in the style, not in every run. */
export const TABLE_STYLE_SIZES = [11, 12, 13, 14] as const;

export function tableStyleId(size: number): string {
  return `TdktTable${size}`;
}

export function tableParagraphStyles(font: string) {
  return TABLE_STYLE_SIZES.map((size) => ({
    id: tableStyleId(size),
    name: `Bảng ${size}`,
    basedOn: 'Normal',
    quickFormat: false,
    run: { font: { ascii: font, hAnsi: font, cs: font, eastAsia: font }, size: halfPoints(size) },
    paragraph: { spacing: { before: 60, after: 60, line: 240, lineRule: LineRuleType.AUTO } },
  }));
}

/** Runs that take font and size from the paragraph style: only emphasis is written. */
function styledRunsXml(text: RichText, bold: boolean): string {
  let out = '';
  for (const r of toRuns(text)) {
    const b = bold || r.bold ? '<w:b/><w:bCs/>' : '';
    const i = r.italic ? '<w:i/><w:iCs/>' : '';
    const u = r.underline ? '<w:u w:val="single"/>' : '';
    const rPr = b || i || u ? `<w:rPr>${b}${i}${u}</w:rPr>` : '';
    r.text.normalize('NFC').split('\n').forEach((part, k) => {
      out += `<w:r>${rPr}${k > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(part)}</w:t></w:r>`;
    });
  }
  return out;
}

export function runsXml(font: string, text: RichText, size: number, bold: boolean): string {
  const sz = halfPoints(size);
  const fonts = `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}" w:eastAsia="${font}"/>`;
  let out = '';
  for (const r of toRuns(text)) {
    const b = bold || r.bold ? '<w:b/><w:bCs/>' : '';
    const i = r.italic ? '<w:i/><w:iCs/>' : '';
    const u = r.underline ? '<w:u w:val="single"/>' : '';
    r.text.normalize('NFC').split('\n').forEach((part, k) => {
      out += `<w:r><w:rPr>${fonts}${b}${i}${u}<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/></w:rPr>${k > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(part)}</w:t></w:r>`;
    });
  }
  return out;
}

function cellXml(width: number, span: number, paragraph: string): string {
  const grid = span > 1 ? `<w:gridSpan w:val="${span}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${grid}<w:vAlign w:val="center"/></w:tcPr>${paragraph}</w:tc>`;
}

/** The table as a <w:tbl> element. */
export function tableXml(ctx: LayoutContext, t: TableModel): string {
  const size = t.fontSize ?? ctx.o.sizes.table;
  if (!(TABLE_STYLE_SIZES as readonly number[]).includes(size)) throw new RangeError(`Cỡ chữ bảng phải từ 11 đến 14, nhận được ${size}`);
  const style = `<w:pStyle w:val="${tableStyleId(size)}"/>`;
  const widths = columnWidths(ctx.width, t.columns.map((c) => c.weight));
  const para = (text: RichText, align: Align | undefined, bold: boolean) =>
    `<w:p><w:pPr>${style}<w:jc w:val="${JC[align ?? 'left']}"/></w:pPr>${styledRunsXml(text, bold)}</w:p>`;
  const line = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${ctx.width}" w:type="dxa"/><w:tblBorders><w:top ${line}/><w:left ${line}/><w:bottom ${line}/><w:right ${line}/><w:insideH ${line}/><w:insideV ${line}/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${t.columns.map((c, i) => cellXml(widths[i], 1, para(c.header, 'center', true))).join('')}</w:tr>`,
  ];
  for (const r of t.rows) {
    if (r.kind === 'group') {
      parts.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${cellXml(ctx.width, t.columns.length, para(r.text, 'left', true))}</w:tr>`);
      continue;
    }
    const bold = r.kind === 'total';
    parts.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${t.columns.map((c, i) => cellXml(widths[i], 1, para(r.cells[i] ?? '', c.align, bold))).join('')}</w:tr>`);
  }
  parts.push('</w:tbl>');
  return parts.join('');
}

/** Marker text of the placeholder paragraph for table `index`. */
export function tableMarker(index: number): string {
  return `@@TDKT-TABLE-${index}@@`;
}

/** Registers the table's XML and returns the paragraph that stands in for it until render.ts splices it in. */
export function renderTable(ctx: LayoutContext, t: TableModel): Paragraph {
  ctx.tables.push(tableXml(ctx, t));
  return new Paragraph({ children: [new TextRun(tableMarker(ctx.tables.length - 1))] });
}

/** Replaces every placeholder paragraph in document.xml by its table. */
export function spliceTables(documentXml: string, tables: string[]): string {
  if (tables.length === 0) return documentXml;
  return documentXml.replace(/<w:p>(?:(?!<w:p>)[\s\S])*?@@TDKT-TABLE-(\d+)@@[\s\S]*?<\/w:p>/g, (_, i: string) => tables[Number(i)]);
}
