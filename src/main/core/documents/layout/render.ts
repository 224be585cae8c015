/**
 * Renders any OfficialDocument to .docx bytes: A4, legal margins, Times New Roman,
 * page numbers top centre from page 2 (titlePg with an empty first-page header),
 * annexes as their own sections.
 */
import { AlignmentType, Document, Header, ISectionOptions, Packer, PageNumber, PageOrientation, Paragraph, Table, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { spliceTables, tableParagraphStyles } from './tables';
import type { OfficialDocument } from '../model';
import { renderAnnex } from './annex';
import { renderBlocks, renderPreamble, renderTitle, withClosingMark } from './body';
import { renderHeader } from './header';
import { resolveLayoutOptions, type LayoutOptions, type LayoutOverrides } from './options';
import { A4, halfPoints, pageMarginTwips, textWidthTwips } from './page';
import { renderClosing } from './signature';
import { contactFooter, emptyFooters } from './footer';
import type { LayoutContext } from './text';

function pageNumberHeaders(o: LayoutOptions) {
  return {
    first: new Header({ children: [new Paragraph({ children: [] })] }),
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], font: o.font, size: halfPoints(o.sizes.pageNumber) })],
        }),
      ],
    }),
  };
}

/** Section page setup; `restartNumbering` makes an annex count its pages from 1. */
export function sectionProperties(o: LayoutOptions, landscape: boolean, restartNumbering: boolean): ISectionOptions['properties'] {
  return {
    titlePage: true,
    page: {
      // docx swaps width and height itself for landscape, so both take the portrait figures.
      size: {
        width: A4.widthTwips,
        height: A4.heightTwips,
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: pageMarginTwips(o),
      pageNumbers: restartNumbering ? { start: 1 } : undefined,
    },
  };
}

export function documentStyles(o: LayoutOptions) {
  return {
    default: {
      document: {
        run: { font: { ascii: o.font, hAnsi: o.font, cs: o.font, eastAsia: o.font }, size: halfPoints(o.sizes.body) },
      },
    },
    paragraphStyles: tableParagraphStyles(o.font),
  };
}

export interface BuiltDocument {
  document: Document;
  /** Table XML to splice in where the placeholders stand. */
  tables: string[];
}

export function buildDocument(doc: OfficialDocument, overrides?: LayoutOverrides): BuiltDocument {
  const o = resolveLayoutOptions(overrides);
  const landscape = doc.landscape ?? false;
  const tables: string[] = [];
  const ctx: LayoutContext = { o, width: textWidthTwips(o, landscape), tables };
  const body = doc.closingMark === false ? doc.body : withClosingMark(doc.body);
  const closing = Boolean(doc.signature || doc.coSignature || doc.recipients || doc.drafter);
  const main: (Paragraph | Table)[] = [
    renderHeader(ctx, doc),
    ...renderTitle(ctx, doc.kindName, doc.subject),
    ...renderPreamble(ctx, doc),
    ...renderBlocks(ctx, body, closing),
  ];
  if (closing) main.push(renderClosing(ctx, doc.signature, doc.recipients, doc.drafter, doc.coSignature));
  const contact = (doc.contact ?? []).filter((l) => l.trim());
  const sections: ISectionOptions[] = [
    {
      properties: sectionProperties(o, landscape, false),
      headers: pageNumberHeaders(o),
      footers: contact.length ? contactFooter(o, contact) : undefined,
      children: main,
    },
  ];
  for (const annex of doc.annexes ?? []) {
    const actx: LayoutContext = { o, width: textWidthTwips(o, annex.landscape ?? false), tables };
    sections.push({
      properties: sectionProperties(o, annex.landscape ?? false, true),
      headers: pageNumberHeaders(o),
      // A section without footers inherits the previous one's: annexes must not repeat the contact line.
      footers: contact.length ? emptyFooters() : undefined,
      children: renderAnnex(actx, annex),
    });
  }
  const document = new Document({
    creator: 'Thi đua Khen thưởng',
    styles: documentStyles(o),
    sections,
  });
  return { document, tables };
}

/** Packs a docx Document; table XML collected during layout replaces its placeholders. */
export async function packDocument(document: Document, tables: string[] = []): Promise<Uint8Array> {
  const buf = await Packer.toBuffer(document);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  if (tables.length === 0) return bytes;
  const files = unzipSync(bytes);
  files['word/document.xml'] = strToU8(spliceTables(strFromU8(files['word/document.xml']), tables));
  // Level 1: a 2,000-row list deflates several times faster, for a few per cent more bytes.
  return zipSync(files, { level: 1 });
}

/** The one entry point: model in, .docx bytes out. */
export async function renderDocx(doc: OfficialDocument, options?: LayoutOverrides): Promise<Uint8Array> {
  const built = buildDocument(doc, options);
  return packDocument(built.document, built.tables);
}
