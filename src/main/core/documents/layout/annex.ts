/**
 * Annexes and danh sách kèm theo: each on its own pages (a new section), numbered from 1
 * separately (ND30 III.1.đ), landscape when the table needs it.
 */
import { Paragraph, Table } from 'docx';
import { upperVi } from '../../../../shared/vi-text/caps';
import type { Annex } from '../model';
import { renderBlocks, subjectRuleLength } from './body';
import { centeredLine, ruleParagraph, type LayoutContext } from './text';

export function renderAnnex(ctx: LayoutContext, annex: Annex): (Paragraph | Table)[] {
  const { o } = ctx;
  const out: (Paragraph | Table)[] = [];
  if (annex.label) out.push(centeredLine(o, annex.label, { size: 14, bold: true }, 0, 6));
  out.push(centeredLine(o, upperVi(annex.title), { size: o.sizes.title, bold: true }));
  if (annex.subtitle) out.push(centeredLine(o, annex.subtitle, { size: o.sizes.title, bold: true }));
  if (annex.reference) out.push(centeredLine(o, annex.reference, { size: o.sizes.body, italic: true }));
  out.push(ruleParagraph(o, subjectRuleLength(ctx, annex.subtitle ?? annex.title), ctx.width, 12));
  out.push(...renderBlocks(ctx, annex.body));
  return out;
}
