/** Lists longer than this are virtualized: a 2,000-row list must open and redraw as fast as a short one. */
export const VIRTUAL_FROM = 100;

/**
 * antd Table props for a list of `rows` rows: past VIRTUAL_FROM only the rows on screen exist in the page
 * (a body `height` px tall, columns `width` px wide in all); a short list stays a plain, fully accessible table.
 */
export function longListProps(rows: number, height: number, width: number): { virtual?: boolean; scroll?: { y: number; x: number } } {
  return rows > VIRTUAL_FROM ? { virtual: true, scroll: { y: height, x: width } } : {};
}
