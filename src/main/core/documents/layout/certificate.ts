/**
 * Certificate pages: every field is a frame positioned from the page edge (w:framePr),
 * so the print lands on the blank's lines whatever the margins. One section; pages are
 * separated by page-break-before on each certificate's anchor, so the last page is the last
 * certificate and no blank page follows.
 */
import {
  AlignmentType, BorderStyle, Document, FrameAnchorType, FrameWrap, LineRuleType, PageOrientation, Paragraph, TextRun,
} from 'docx';
import {
  DEFAULT_CERTIFICATE_TEMPLATE, FIELD_LABELS, certificateTexts, checkOffset, checkTemplate,
  type CertificateBatchInput,
  type CertificateFieldKey, type CertificateTemplate, type CertificateText, type PrinterOffset,
} from '../kinds/certificate';
import { halfPoints, mmToTwips } from './page';
import { packDocument, documentStyles } from './render';
import { resolveLayoutOptions } from './options';

const FONT = 'Times New Roman';

function align(a: 'left' | 'center' | 'right' | undefined) {
  return a === 'left' ? AlignmentType.LEFT : a === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
}

function fieldParagraph(t: CertificateTemplate, key: CertificateFieldKey, text: string, offset: PrinterOffset, boxed = false): Paragraph {
  const f = t.fields[key];
  const line = { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 1 };
  return new Paragraph({
    frame: {
      type: 'absolute',
      position: { x: mmToTwips(f.x + offset.x), y: mmToTwips(f.y + offset.y) },
      width: mmToTwips(f.width),
      anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
      wrap: FrameWrap.NONE,
    },
    alignment: align(f.align),
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    border: boxed ? { top: line, bottom: line, left: line, right: line } : undefined,
    children: text.split('\n').map(
      (part, i) =>
        new TextRun({ text: part, break: i > 0 ? 1 : undefined, font: FONT, size: halfPoints(f.size), bold: f.bold, italics: f.italic }),
    ),
  });
}

/**
 * The in-flow paragraph a page's frames hang on. LibreOffice anchors a frame to the next
 * in-flow paragraph and Word keeps it where it stands, so it goes after the frames of its page.
 */
function anchorParagraph(): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: '', font: FONT, size: 2 })],
  });
}

/** One section per page: a section break (not a page-break paragraph) ends each page, so nothing trails the last one. */
function certificateDocument(t: CertificateTemplate, pages: Paragraph[][]): Document {
  const landscape = t.paper.width > t.paper.height;
  const o = resolveLayoutOptions();
  const properties = {
    page: {
      size: {
        width: mmToTwips(landscape ? t.paper.height : t.paper.width),
        height: mmToTwips(landscape ? t.paper.width : t.paper.height),
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { top: 567, bottom: 567, left: 567, right: 567, header: 0, footer: 0, gutter: 0 },
    },
  };
  return new Document({
    creator: 'Thi đua Khen thưởng',
    styles: documentStyles(o),
    sections: pages.map((children) => ({ properties, children: [...children, anchorParagraph()] })),
  });
}

const KEYS = Object.keys(FIELD_LABELS) as CertificateFieldKey[];

export function buildCertificates(texts: CertificateText[], template: CertificateTemplate, offset: PrinterOffset): Document {
  checkTemplate(template);
  checkOffset(offset);
  if (texts.length === 0) throw new Error('Không có giấy khen nào để in');
  const pages = texts.map((text) => [
    ...KEYS.filter((k) => text[k].trim() !== '').map((k) => fieldParagraph(template, k, text[k], offset)),
  ]);
  return certificateDocument(template, pages);
}

export async function renderCertificatesDocx(texts: CertificateText[], template: CertificateTemplate, offset: PrinterOffset = { x: 0, y: 0 }): Promise<Uint8Array> {
  return packDocument(buildCertificates(texts, template, offset));
}

/**
 * One test page on plain paper: a box where each field will print and two marks 10 mm in from
 * the top-left corner. Laid over a blank against the light, it shows how far the printer is off.
 */
export async function renderCertificateTestPage(template: CertificateTemplate, offset: PrinterOffset = { x: 0, y: 0 }): Promise<Uint8Array> {
  checkTemplate(template);
  checkOffset(offset);
  const mark = (x: number, y: number, text: string) =>
    new Paragraph({
      frame: {
        type: 'absolute',
        position: { x: mmToTwips(x + offset.x), y: mmToTwips(y + offset.y) },
        width: mmToTwips(60),
        anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
        wrap: FrameWrap.NONE,
      },
      children: [new TextRun({ text, font: FONT, size: 20 })],
    });
  const page = [
    mark(10, 10, '┼ 10 mm, 10 mm — TRANG IN THỬ'),
    mark(template.paper.width / 2 - 30, template.paper.height - 20, `Độ lệch đang dùng: ${offset.x} mm, ${offset.y} mm`),
    ...KEYS.map((k) => fieldParagraph(template, k, `[${FIELD_LABELS[k]}]`, offset, true)),
  ];
  return packDocument(certificateDocument(template, [page]));
}

/** A batch straight from domain data: one Giấy khen per recipient. */
export async function renderCertificateBatch(
  input: CertificateBatchInput,
  template: CertificateTemplate = DEFAULT_CERTIFICATE_TEMPLATE,
  offset: PrinterOffset = { x: 0, y: 0 },
): Promise<Uint8Array> {
  return renderCertificatesDocx(certificateTexts(input), template, offset);
}
