/** Units and page geometry. OOXML measures in twips (1/20 pt); sizes in half-points. */
import type { LayoutOptions } from './options';

export const A4 = { widthMm: 210, heightMm: 297, widthTwips: 11906, heightTwips: 16838 };

export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export function twipsToMm(twips: number): number {
  return (twips * 25.4) / 1440;
}

export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

export function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Width of the text block in twips (page width minus left and right margins). */
export function textWidthTwips(o: LayoutOptions, landscape = false): number {
  const pageMm = landscape ? A4.heightMm : A4.widthMm;
  return mmToTwips(pageMm - o.margins.left - o.margins.right);
}

export function pageMarginTwips(o: LayoutOptions) {
  return {
    top: mmToTwips(o.margins.top),
    bottom: mmToTwips(o.margins.bottom),
    left: mmToTwips(o.margins.left),
    right: mmToTwips(o.margins.right),
    // The page number sits in the top margin; 10 mm from the edge keeps it clear of the text.
    header: mmToTwips(10),
    footer: mmToTwips(10),
    gutter: 0,
  };
}

/** `line` value for lineRule=auto: 240 = single. */
export function lineValue(multiple: number): number {
  return Math.round(240 * multiple);
}
