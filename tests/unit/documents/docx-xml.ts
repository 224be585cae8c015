/** Helpers for reading generated .docx files in tests: unzip with fflate, pull paragraphs and runs out of the XML. */
import { strFromU8, unzipSync } from 'fflate';

export function unzipDocx(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(data);
  return out;
}

export function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface XmlRun {
  text: string;
  bold: boolean;
  italic: boolean;
  size: number | null;
  font: string | null;
}

export interface XmlParagraph {
  xml: string;
  pPr: string;
  text: string;
  runs: XmlRun[];
}

const PARA = /<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p(?:\s[^>]*)?\/>/g;
const RUN = /<w:r(?:\s[^>]*)?>([\s\S]*?)<\/w:r>/g;

export function runsOf(pXml: string): XmlRun[] {
  const runs: XmlRun[] = [];
  for (const m of pXml.matchAll(RUN)) {
    const body = m[1];
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body)?.[1] ?? '';
    let text = '';
    for (const t of body.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
      text += t[0].startsWith('<w:tab') ? '\t' : t[0].startsWith('<w:br') ? '\n' : decodeXml(t[1]);
    }
    const on = (tag: string) => new RegExp(`<w:${tag}(?:\\s+w:val="(?:true|1|on)")?\\s*/>`).test(rPr);
    runs.push({
      text,
      bold: on('b'),
      italic: on('i'),
      size: Number(/<w:sz w:val="(\d+)"/.exec(rPr)?.[1] ?? NaN) || null,
      font: /<w:rFonts[^>]*w:ascii="([^"]+)"/.exec(rPr)?.[1] ?? null,
    });
  }
  return runs;
}

export function paragraphsOf(xml: string): XmlParagraph[] {
  return [...xml.matchAll(PARA)].map((m) => {
    const pXml = m[0];
    const runs = runsOf(pXml);
    return { xml: pXml, pPr: /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(pXml)?.[1] ?? '', text: runs.map((r) => r.text).join(''), runs };
  });
}

/** Non-empty paragraph texts with white space normalised. */
export function paragraphTexts(xml: string): string[] {
  return paragraphsOf(xml)
    .map((p) => normalizeWs(p.text))
    .filter(Boolean);
}

export function normalizeWs(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function findParagraph(xml: string, startsWith: string): XmlParagraph {
  const p = paragraphsOf(xml).find((q) => normalizeWs(q.text).startsWith(startsWith));
  if (!p) throw new Error(`paragraph not found: ${startsWith}`);
  return p;
}

export function attr(xml: string, tag: string, name: string): string | null {
  return new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml)?.[1] ?? null;
}

export function tablesOf(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

export function rowsOf(tableXml: string): string[] {
  return [...tableXml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr\s[^>]*>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
}

export function sectionsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
}

/** The header part a section uses for the given type ("default" | "first"). */
export function headerPart(files: Record<string, string>, sectPr: string, type: 'default' | 'first'): string {
  const rId = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(sectPr)?.[1];
  const rels = files['word/_rels/document.xml.rels'];
  const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return files[`word/${target}`];
}

export const TWIPS_PER_MM = 1440 / 25.4;
