/**
 * Tên loại, trích yếu, thẩm quyền, căn cứ, Kính gửi and the content blocks (ô 5a, 6, 9a).
 * Content is justified with a first-line indent; headings are bold and kept with what follows.
 */
import { AlignmentType, LineRuleType, Paragraph, TabStopType, TextRun } from 'docx';
import { upperVi } from '../../../../shared/vi-text/caps';
import { toRuns, type Align, type Block, type OfficialDocument, type RichText, type Run } from '../model';
import { textWidthMm } from './measure';
import { halfPoints, mmToTwips, ptToTwips } from './page';
import { renderTable } from './tables';
import {
  alignment, centeredLine, contentSpacing, firstLineTwips, ruleParagraph, textRuns, tightSpacing, type LayoutContext,
} from './text';

/** KẾ HOẠCH / trích yếu / short rule. A công văn has neither (its "V/v" line is in the header): a spacer only. */
export function renderTitle(ctx: LayoutContext, kindName: string, subject: string | undefined, beforePt = 12): Paragraph[] {
  const { o } = ctx;
  const kind = kindName.trim();
  if (!kind && !subject) {
    return [new Paragraph({ spacing: { before: 0, after: 0, line: ptToTwips(Math.max(beforePt - 6, 1)), lineRule: LineRuleType.EXACT }, children: [] })];
  }
  const out = kind ? [centeredLine(o, upperVi(kind), { size: o.sizes.title, bold: true }, beforePt)] : [];
  if (subject) {
    out.push(centeredLine(o, subject, { size: o.sizes.title, bold: true }, kind ? 0 : beforePt));
    out.push(ruleParagraph(o, subjectRuleLength(ctx, subject), ctx.width, 6));
  } else {
    out.push(ruleParagraph(o, mmToTwips(textWidthMm(upperVi(kind), o.sizes.title, true)), ctx.width, 6));
  }
  return out;
}

/** 1/3–1/2 of the trích yếu's longest line (a wrapped line counts as the full text width). */
export function subjectRuleLength(ctx: LayoutContext, subject: string): number {
  const longest = Math.max(...subject.split('\n').map((l) => mmToTwips(textWidthMm(l, ctx.o.sizes.title, true))));
  return Math.round(Math.min(longest, ctx.width) * ctx.o.ruleShare);
}

function contentParagraph(ctx: LayoutContext, runs: RichText, opts: { bold?: boolean; italic?: boolean; keepNext?: boolean; align?: Align; indent?: boolean; beforePt?: number } = {}) {
  const { o } = ctx;
  return new Paragraph({
    alignment: alignment(opts.align ?? 'justify'),
    indent: opts.indent === false ? undefined : { firstLine: firstLineTwips(o) },
    spacing: { ...contentSpacing(o), before: ptToTwips(opts.beforePt ?? 0) },
    keepNext: opts.keepNext || undefined,
    keepLines: opts.keepNext || undefined,
    children: textRuns(o, runs, { size: o.sizes.body, bold: opts.bold, italic: opts.italic }),
  });
}

function labelled(label: string, text: RichText, labelBold: boolean): Run[] {
  return [{ text: `${label} `, bold: labelBold || undefined }, ...toRuns(text)];
}

/** `keep`: the block stays on the page of what follows (the last block before the signature). */
export function renderBlock(ctx: LayoutContext, b: Block, keep = false): Paragraph {
  const { o } = ctx;
  switch (b.type) {
    case 'heading': {
      const text = b.level === 'section' ? upperRich(b.text) : b.text;
      return contentParagraph(ctx, b.label ? labelled(b.label, text, true) : text, { bold: true, keepNext: true, beforePt: 6 });
    }
    case 'numbered':
      return contentParagraph(ctx, labelled(b.label, b.text, false), { keepNext: keep });
    case 'paragraph':
      return contentParagraph(ctx, b.text, { bold: b.bold, italic: b.italic, align: b.align, indent: b.indent, keepNext: keep });
    case 'bullet':
      return contentParagraph(ctx, [{ text: `${b.marker} ` }, ...toRuns(b.text)], { keepNext: keep });
    case 'article':
      return contentParagraph(ctx, labelled(`Điều ${b.number}.`, b.text, true), { keepNext: keep });
    case 'centered':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...contentSpacing(o), before: ptToTwips(6) },
        keepNext: true,
        children: textRuns(o, b.text, { size: o.sizes.body, bold: b.bold ?? true, italic: b.italic }),
      });
    case 'table':
      return renderTable(ctx, b.table, keep);
  }
}

function upperRich(text: RichText): Run[] {
  return toRuns(text).map((r) => ({ ...r, text: upperVi(r.text) }));
}

/** Thẩm quyền line, căn cứ (italic, one per line), Kính gửi. */
export function renderPreamble(ctx: LayoutContext, doc: OfficialDocument): Paragraph[] {
  const { o } = ctx;
  const out: Paragraph[] = [];
  if (doc.authority) {
    out.push(centeredLine(o, upperVi(doc.authority), { size: o.sizes.body, bold: true }, 6, 6));
  }
  if (doc.addressees && doc.addressees.items.length > 0) out.push(...renderAddressees(ctx, doc.addressees.items));
  for (const base of doc.bases ?? []) out.push(contentParagraph(ctx, base, { italic: true }));
  return out;
}

const ADDRESSEE_LABEL = 'Kính gửi:';

/** One addressee: "Kính gửi: …" centred. Several: a dash list whose dashes line up after the colon. */
export function renderAddressees(ctx: LayoutContext, items: string[]): Paragraph[] {
  const { o } = ctx;
  const size = o.sizes.body;
  if (items.length === 1) {
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...contentSpacing(o), before: ptToTwips(6) },
        children: textRuns(o, `${ADDRESSEE_LABEL} ${items[0]}`, { size }),
      }),
    ];
  }
  // The list starts a quarter of the way in; the label hangs to the left of the first dash.
  const labelWidth = mmToTwips(textWidthMm(`${ADDRESSEE_LABEL} `, size)) + 60;
  const start = Math.round(ctx.width * 0.18) + labelWidth;
  return items.map(
    (item, i) =>
      new Paragraph({
        alignment: AlignmentType.LEFT,
        indent: { left: start, hanging: i === 0 ? labelWidth : 0 },
        tabStops: [{ type: TabStopType.LEFT, position: start }],
        spacing: { ...tightSpacing(i === 0 ? 6 : 0, i === items.length - 1 ? 6 : 0), line: 240 },
        children:
          i === 0
            ? [new TextRun({ text: ADDRESSEE_LABEL, font: o.font, size: halfPoints(size) }), new TextRun({ text: '\t', font: o.font, size: halfPoints(size) }), ...textRuns(o, `- ${item}`, { size })]
            : textRuns(o, `- ${item}`, { size }),
      }),
  );
}

/**
 * Blocks to docx elements. Each table is followed by a small empty paragraph: two tables
 * with nothing between them are merged into one by Word and LibreOffice.
 */
/**
 * `keepLastWithNext`: the last block is kept on the page of the signature block that follows, so the
 * signature never stands alone on a page (the closing table's row itself never splits).
 */
export function renderBlocks(ctx: LayoutContext, blocks: Block[], keepLastWithNext = false): Paragraph[] {
  const out: Paragraph[] = [];
  blocks.forEach((b, i) => {
    const keep = keepLastWithNext && i === blocks.length - 1;
    out.push(renderBlock(ctx, b, keep));
    if (b.type === 'table') {
      out.push(new Paragraph({ keepNext: keep || undefined, spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: '', font: ctx.o.font, size: 12 })] }));
    }
  });
  return out;
}

/** Appends "./." to the last block when it is text: "… thi đua./." (a list that ends in a table has none). */
export function withClosingMark(blocks: Block[]): Block[] {
  const out = [...blocks];
  for (let i = out.length - 1; i >= 0; i--) {
    const b = out[i];
    if (b.type === 'table' || b.type === 'heading') return out;
    const runs = toRuns(b.text);
    const last = runs[runs.length - 1];
    const t = last ? last.text.trimEnd() : '';
    const mark = t.endsWith('./.') ? '' : t.endsWith('.') ? '/.' : './.';
    const newRuns = last ? [...runs.slice(0, -1), { ...last, text: t }, { text: mark }] : [{ text: mark }];
    out[i] = { ...b, text: newRuns } as Block;
    return out;
  }
  return out;
}
