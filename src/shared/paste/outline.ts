/**
 * Text pasted from Word (its clipboard HTML, or plain text) → outline blocks: "A." parts, "I." sections,
 * "1." clauses, "a)"/"a." points, "-"/"+" bullets, paragraphs. Bold, italic and underline inside a line are
 * kept as the inline marks the documents read (**đậm**, *nghiêng*, __gạch chân__, ***đậm nghiêng***);
 * a line that is bold throughout is a heading. Numbers typed in the source are dropped: the composer
 * numbers again, so moving a block never leaves "3." after "1.".
 * No DOM: a small tolerant tag reader, so the same code runs in the renderer and under vitest on Node.
 */
import type { OutlineBlockInput, OutlineLevel } from '../schemas/general-documents';
import { decodeEntities } from './html-entities';

interface Style {
  bold: boolean;
  italic: boolean;
  underline: boolean;
}
interface Span extends Style {
  text: string;
}
/** One line of the source with its inline styles. */
export type PastedLine = Span[];

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote', 'section', 'article']);
const SKIP_CONTENT = new Set(['style', 'script', 'head', 'title', 'xml', 'template']);
const VOID = new Set(['br', 'img', 'meta', 'link', 'hr', 'input', 'col', 'wbr']);

function styleOf(tag: string, attrs: string): Partial<Style> {
  const s: Partial<Style> = {};
  if (tag === 'b' || tag === 'strong' || /^h[1-6]$/.test(tag)) s.bold = true;
  if (tag === 'i' || tag === 'em') s.italic = true;
  if (tag === 'u' || tag === 'ins') s.underline = true;
  const css = /style\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs);
  const style = (css?.[1] ?? css?.[2] ?? '').toLowerCase();
  if (style) {
    const weight = /font-weight\s*:\s*([a-z0-9]+)/.exec(style)?.[1];
    if (weight) s.bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
    const fontStyle = /font-style\s*:\s*([a-z]+)/.exec(style)?.[1];
    if (fontStyle) s.italic = fontStyle === 'italic' || fontStyle === 'oblique';
    const deco = /text-decoration(?:-line)?\s*:\s*([a-z ]+)/.exec(style)?.[1];
    if (deco) s.underline = deco.includes('underline');
  }
  return s;
}

/** Word's clipboard HTML → lines of styled spans. */
export function linesFromHtml(html: string): PastedLine[] {
  // Comments and Word's conditional blocks (<![if !supportLists]> …) carry no text of their own.
  const src = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[(?:end)?if[^\]]*\]>/gi, '');
  const lines: PastedLine[] = [];
  let line: Span[] = [];
  const stack: { tag: string; style: Partial<Style> }[] = [];
  let skipping: string | null = null;
  const current = (): Style => {
    const st: Style = { bold: false, italic: false, underline: false };
    for (const f of stack) Object.assign(st, Object.fromEntries(Object.entries(f.style).filter(([, v]) => v !== undefined)));
    return st;
  };
  const breakLine = () => {
    lines.push(line);
    line = [];
  };
  const re = /<\s*(\/?)\s*([a-zA-Z][\w:-]*)([^>]*)>|([^<]+)/g;
  for (const m of src.matchAll(re)) {
    if (m[4] !== undefined) {
      if (!skipping) line.push({ text: decodeEntities(m[4]), ...current() });
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (skipping) {
      if (closing && tag === skipping) skipping = null;
      continue;
    }
    if (SKIP_CONTENT.has(tag) && !closing) {
      if (!/\/\s*$/.test(m[3])) skipping = tag;
      continue;
    }
    if (tag === 'br') {
      breakLine();
      continue;
    }
    if (BLOCK_TAGS.has(tag)) breakLine();
    if (VOID.has(tag) || /\/\s*$/.test(m[3])) continue;
    if (closing) {
      const at = stack.map((f) => f.tag).lastIndexOf(tag);
      if (at >= 0) stack.splice(at);
    } else {
      stack.push({ tag, style: styleOf(tag, m[3]) });
    }
  }
  breakLine();
  return lines.map(normalizeLine).filter((l) => l.length > 0);
}

export function linesFromText(text: string): PastedLine[] {
  return text
    .split(/\r?\n/)
    .map((t) => normalizeLine([{ text: t, bold: false, italic: false, underline: false }]))
    .filter((l) => l.length > 0);
}

/** Collapses white space (tabs and nbsp after Word's list numbers), joins equal styles, trims the line. */
function normalizeLine(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const text = s.text.replace(/[\s\u00a0]+/g, ' ');
    if (!text) continue;
    const last = out[out.length - 1];
    if (last && last.bold === s.bold && last.italic === s.italic && last.underline === s.underline) last.text += text;
    else out.push({ ...s, text });
  }
  if (out.length) {
    out[0].text = out[0].text.replace(/^ +/, '');
    out[out.length - 1].text = out[out.length - 1].text.replace(/ +$/, '');
  }
  return out.filter((s) => s.text).map((s) => ({ ...s, text: s.text.normalize('NFC') }));
}

const escapeMarks = (t: string) => t.replace(/\*/g, '\\*');

/**
 * Spans → text with inline marks; spaces stay outside the marks so "**đậm** và" reads back the same. Asterisks in
 * Word's text are literal (escaped); in plain text they are the clerk's own *nghiêng* marks, as typed in the editor.
 */
export function markedText(spans: Span[], literalAsterisks = true): string {
  return spans
    .map((s) => {
      const m = /^( *)(.*?)( *)$/s.exec(literalAsterisks ? escapeMarks(s.text) : s.text)!;
      if (!m[2]) return m[0];
      let t = m[2];
      if (s.underline) t = `__${t}__`;
      if (s.bold && s.italic) t = `***${t}***`;
      else if (s.bold) t = `**${t}**`;
      else if (s.italic) t = `*${t}*`;
      return `${m[1]}${t}${m[3]}`;
    })
    .join('');
}

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))\.\s*(.*)$/s;
const PART = /^([A-ZĐ])\.\s+(.*)$/s;
const CLAUSE = /^(\d{1,3})[.)]\s+(.*)$/s;
const POINT = /^([a-zđ])([).])\s+(.*)$/s;
const BULLET = /^[-–—•·▪●◦]\s*(.*)$/s;
const SUB = /^\+\s*(.*)$/s;

interface Classified {
  level: OutlineLevel;
  /** How many characters of the plain line the label took. */
  labelLength: number;
  pointMark?: ')' | '.';
}

function classify(plain: string): Classified {
  const roman = ROMAN.exec(plain);
  if (roman && roman[1]) return { level: 'section', labelLength: plain.length - roman[2].length };
  const part = PART.exec(plain);
  if (part) return { level: 'part', labelLength: plain.length - part[2].length };
  const clause = CLAUSE.exec(plain);
  if (clause) return { level: 'clause', labelLength: plain.length - clause[2].length };
  const point = POINT.exec(plain);
  if (point) return { level: 'point', labelLength: plain.length - point[3].length, pointMark: point[2] as ')' | '.' };
  const sub = SUB.exec(plain);
  if (sub) return { level: 'sub', labelLength: plain.length - sub[1].length };
  const bullet = BULLET.exec(plain);
  if (bullet) return { level: 'bullet', labelLength: plain.length - bullet[1].length };
  return { level: 'paragraph', labelLength: 0 };
}

/** Drops the first n characters of the line's text, keeping the styles of what is left. */
function dropChars(spans: Span[], n: number): Span[] {
  const out: Span[] = [];
  let left = n;
  for (const s of spans) {
    if (left >= s.text.length) {
      left -= s.text.length;
      continue;
    }
    out.push({ ...s, text: s.text.slice(left) });
    left = 0;
  }
  return normalizeLine(out);
}

// A numbered line reads as a heading when bold throughout, or (plain text) short and not a sentence.
function isHeading(spans: Span[], level: OutlineLevel): boolean {
  if (level === 'part' || level === 'section') return true;
  if (level !== 'clause' && level !== 'point') return false;
  const words = spans.filter((s) => s.text.trim());
  if (words.length && words.every((s) => s.bold)) return true;
  if (words.some((s) => s.bold || s.italic || s.underline)) return false;
  const plain = spans.map((s) => s.text).join('');
  return plain.length <= 90 && !/[.;:,]$/.test(plain);
}

export interface PastedOutline {
  blocks: OutlineBlockInput[];
  /** "a)" or "a." as most points of the source were written. */
  pointStyle: 'a)' | 'a.';
}

export function outlineFromLines(lines: PastedLine[], literalAsterisks = true): PastedOutline {
  let paren = 0;
  let dot = 0;
  const blocks = lines.map((spans): OutlineBlockInput => {
    const plain = spans.map((s) => s.text).join('');
    const c = classify(plain);
    if (c.pointMark === ')') paren++;
    if (c.pointMark === '.') dot++;
    const rest = dropChars(spans, c.labelLength);
    if (isHeading(rest, c.level)) {
      const title = rest.map((s) => s.text).join('');
      return { level: c.level, title, text: '' };
    }
    // A "-" line bold throughout is still a bullet; its marks keep the bold.
    return { level: c.level, title: '', text: markedText(rest, literalAsterisks) };
  });
  return { blocks, pointStyle: dot > paren ? 'a.' : 'a)' };
}

/** What a paste event gives: Word's HTML when there is some, else the plain text. */
export function outlineFromPaste(input: { html?: string | null; text?: string | null }): PastedOutline {
  const html = input.html && /<[a-z]/i.test(input.html) ? input.html : null;
  return html ? outlineFromLines(linesFromHtml(html)) : outlineFromLines(linesFromText(input.text ?? ''), false);
}
