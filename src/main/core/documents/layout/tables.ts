/**
 * Ruled tables in the content and in annexes (danh sách, đăng ký): single borders, bold
 * repeated header row, group rows across all columns, bold total row.
 *
 * Tables are written as WordprocessingML text rather than docx objects: a danh sách of
 * 2,000 people is 10,000 cells, and the object path spent seconds serialising them.
 * The table goes into the document where a placeholder paragraph stands (see render.ts).
 */
import { LineRuleType, Paragraph, TextRun } from 'docx';
import { plainText, toRuns, type Align, type RichText, type TableModel } from '../model';
import { textWidthMm } from './measure';
import { halfPoints, mmToTwips } from './page';
import type { LayoutContext } from './text';

export function columnWidths(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * Widths from the weights, then every column widened to what it cannot wrap — a header word ("STT"), a
 * number ("101.000.000.000") or the longest word of a cell — taking the room from columns that have more
 * than they need, so no number or short header is ever cut mid-word.
 */
export function fitColumnWidths(total: number, weights: number[], mins: number[]): number[] {
  const widths = columnWidths(total, weights);
  if (mins.reduce((a, b) => a + b, 0) > total) return widths;
  for (let round = 0; round < weights.length; round++) {
    const short = widths.map((w, i) => Math.max(0, mins[i] - w));
    const need = short.reduce((a, b) => a + b, 0);
    if (need === 0) break;
    const spare = widths.map((w, i) => (short[i] > 0 ? 0 : Math.max(0, w - mins[i])));
    const spareSum = spare.reduce((a, b) => a + b, 0);
    if (spareSum <= 0) break;
    const take = Math.min(need, spareSum);
    widths.forEach((w, i) => {
      if (short[i] > 0) widths[i] = w + Math.round((take * short[i]) / need);
      else widths[i] = w - Math.round((take * spare[i]) / spareSum);
    });
  }
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Text that must stay on one line in its cell: a number as a whole, otherwise each word. */
function unbreakables(text: string): string[] {
  const t = text.trim();
  if (/^[\d.,/%()+\- ]+$/.test(t) && t.length <= 24) return [t];
  return t.split(/\s+/);
}

/** Narrowest width (twips) of each column: padding + its widest unbreakable piece. */
function minimumWidths(t: TableModel, size: number): number[] {
  const pad = 2 * 57 + mmToTwips(1);
  const widest = new Map<string, number>();
  const width = (s: string, bold: boolean) => {
    const key = `${bold ? 'b' : 'r'}${s}`;
    let w = widest.get(key);
    if (w === undefined) widest.set(key, (w = mmToTwips(textWidthMm(s, size, bold))));
    return w;
  };
  return t.columns.map((c, i) => {
    let m = Math.max(0, ...unbreakables(plainText(c.header)).map((s) => width(s, true)));
    for (const r of t.rows) {
      if (r.kind === 'group') continue;
      const cell = r.cells[i];
      if (cell) m = Math.max(m, ...unbreakables(plainText(cell)).map((s) => width(s, r.kind === 'total')));
    }
    return m + pad;
  });
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

/** The table as a <w:tbl> element; `keepWithNext` keeps its last row on the page of what follows (the signature). */
export function tableXml(ctx: LayoutContext, t: TableModel, keepWithNext = false): string {
  const size = t.fontSize ?? ctx.o.sizes.table;
  if (!(TABLE_STYLE_SIZES as readonly number[]).includes(size)) throw new RangeError(`Cỡ chữ bảng phải từ 11 đến 14, nhận được ${size}`);
  const style = `<w:pStyle w:val="${tableStyleId(size)}"/>`;
  const widths = fitColumnWidths(ctx.width, t.columns.map((c) => c.weight), minimumWidths(t, size));
  const para = (text: RichText, align: Align | undefined, bold: boolean, keep = false) =>
    `<w:p><w:pPr>${style}${keep ? '<w:keepNext/>' : ''}<w:jc w:val="${JC[align ?? 'left']}"/></w:pPr>${styledRunsXml(text, bold)}</w:p>`;
  const line = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${ctx.width}" w:type="dxa"/><w:tblBorders><w:top ${line}/><w:left ${line}/><w:bottom ${line}/><w:right ${line}/><w:insideH ${line}/><w:insideV ${line}/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${t.columns.map((c, i) => cellXml(widths[i], 1, para(c.header, 'center', true))).join('')}</w:tr>`,
  ];
  t.rows.forEach((r, k) => {
    const keep = keepWithNext && k === t.rows.length - 1;
    if (r.kind === 'group') {
      parts.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${cellXml(ctx.width, t.columns.length, para(r.text, 'left', true, keep))}</w:tr>`);
      return;
    }
    const bold = r.kind === 'total';
    parts.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${t.columns.map((c, i) => cellXml(widths[i], 1, para(r.cells[i] ?? '', c.align, bold, keep))).join('')}</w:tr>`);
  });
  parts.push('</w:tbl>');
  return parts.join('');
}

/** Marker text of the placeholder paragraph for table `index`. */
export function tableMarker(index: number): string {
  return `@@TDKT-TABLE-${index}@@`;
}

/** Registers the table's XML and returns the paragraph that stands in for it until render.ts splices it in. */
export function renderTable(ctx: LayoutContext, t: TableModel, keepWithNext = false): Paragraph {
  ctx.tables.push(tableXml(ctx, t, keepWithNext));
  return new Paragraph({ children: [new TextRun(tableMarker(ctx.tables.length - 1))] });
}

/** Replaces every placeholder paragraph in document.xml by its table. */
export function spliceTables(documentXml: string, tables: string[]): string {
  if (tables.length === 0) return documentXml;
  return documentXml.replace(/<w:p>(?:(?!<w:p>)[\s\S])*?@@TDKT-TABLE-(\d+)@@[\s\S]*?<\/w:p>/g, (_, i: string) => tables[Number(i)]);
}
