/**
 * Certificate pages: every field is a frame positioned from the page edge (w:framePr), so the
 * print lands on the blank's lines whatever the margins. Each page is a section of its own,
 * closed by a section break, so the last page is the last certificate: no blank page follows.
 * LibreOffice anchors a frame to the next in-flow paragraph and Word keeps it where it stands,
 * so each page's tiny in-flow paragraph comes after its frames.
 * Pages are written as WordprocessingML text: 1,000 certificates are 9,000 frames, too slow as objects.
 */
import { Document, PageOrientation, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  DEFAULT_CERTIFICATE_TEMPLATE, FIELD_LABELS, certificateTexts, checkOffset, checkTemplate,
  type CertificateBatchInput, type CertificateFieldKey, type CertificateTemplate, type CertificateText, type PrinterOffset,
} from '../kinds/certificate';
import { mmToTwips } from './page';
import { documentStyles } from './render';
import { resolveLayoutOptions } from './options';
import { runsXml } from './tables';

const FONT = 'Times New Roman';
const MARKER = '@@TDKT-CERTIFICATES@@';
const KEYS = Object.keys(FIELD_LABELS) as CertificateFieldKey[];

interface FrameSpec {
  x: number;
  y: number;
  width: number;
  size: number;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
}

function frameXml(f: FrameSpec, text: string, offset: PrinterOffset, boxed = false): string {
  const frame = `<w:framePr w:w="${mmToTwips(f.width)}" w:x="${mmToTwips(f.x + offset.x)}" w:y="${mmToTwips(f.y + offset.y)}" w:hAnchor="page" w:vAnchor="page" w:wrap="none"/>`;
  const line = 'w:val="single" w:sz="4" w:space="1" w:color="808080"';
  const border = boxed ? `<w:pBdr><w:top ${line}/><w:left ${line}/><w:bottom ${line}/><w:right ${line}/></w:pBdr>` : '';
  const runs = runsXml(FONT, [{ text, bold: f.bold, italic: f.italic }], f.size, false);
  return `<w:p><w:pPr>${frame}${border}<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="${f.align ?? 'center'}"/></w:pPr>${runs}</w:p>`;
}

/** The page's in-flow paragraph, 1 pt high; it carries the section break except on the last page. */
function anchorXml(sectPr: string): string {
  return `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>${sectPr}</w:pPr></w:p>`;
}

/** Packs pages (each a string of frames) into one landscape (or portrait) document. */
async function packPages(t: CertificateTemplate, pages: string[]): Promise<Uint8Array> {
  const landscape = t.paper.width > t.paper.height;
  const doc = new Document({
    creator: 'Thi đua Khen thưởng',
    styles: documentStyles(resolveLayoutOptions()),
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for landscape.
            size: {
              width: mmToTwips(landscape ? t.paper.height : t.paper.width),
              height: mmToTwips(landscape ? t.paper.width : t.paper.height),
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: 567, bottom: 567, left: 567, right: 567, header: 0, footer: 0, gutter: 0 },
          },
        },
        children: [new Paragraph({ children: [new TextRun(MARKER)] })],
      },
    ],
  });
  const buf = await Packer.toBuffer(doc);
  const files = unzipSync(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
  const xml = strFromU8(files['word/document.xml']);
  const sectPr = /<w:sectPr>[\s\S]*?<\/w:sectPr>(?=<\/w:body>)/.exec(xml)![0];
  const body = pages.map((p, i) => p + anchorXml(i < pages.length - 1 ? sectPr : '')).join('');
  files['word/document.xml'] = strToU8(xml.replace(/<w:p>(?:(?!<w:p>)[\s\S])*?@@TDKT-CERTIFICATES@@[\s\S]*?<\/w:p>/, () => body));
  return zipSync(files, { level: 1 });
}

export async function renderCertificatesDocx(
  texts: CertificateText[],
  template: CertificateTemplate,
  offset: PrinterOffset = { x: 0, y: 0 },
): Promise<Uint8Array> {
  checkTemplate(template);
  checkOffset(offset);
  if (texts.length === 0) throw new Error('Không có giấy khen nào để in');
  const pages = texts.map((text) =>
    KEYS.filter((k) => text[k].trim() !== '')
      .map((k) => frameXml(template.fields[k], text[k], offset))
      .join(''),
  );
  return packPages(template, pages);
}

/** "2,5", "-1,5": decimals as the clerk writes them. */
const mmText = (n: number) => String(n).replace('.', ',');

/**
 * One test page on plain paper: a box where each field will print and a mark 10 mm in from
 * the top-left corner. Laid over a blank against the light, it shows how far the printer is off.
 */
export async function renderCertificateTestPage(template: CertificateTemplate, offset: PrinterOffset = { x: 0, y: 0 }): Promise<Uint8Array> {
  checkTemplate(template);
  checkOffset(offset);
  const note = (x: number, y: number, text: string) => frameXml({ x, y, width: 90, size: 10, align: 'left' }, text, offset);
  const page = [
    note(10, 10, '┼ 10 mm, 10 mm — TRANG IN THỬ'),
    note(template.paper.width / 2 - 45, template.paper.height - 20, `Độ lệch đang dùng: ngang ${mmText(offset.x)} mm, dọc ${mmText(offset.y)} mm`),
    ...KEYS.map((k) => frameXml(template.fields[k], `[${FIELD_LABELS[k]}]`, offset, true)),
  ].join('');
  return packPages(template, [page]);
}

/** A batch straight from domain data: one Giấy khen per recipient. */
export async function renderCertificateBatch(
  input: CertificateBatchInput,
  template: CertificateTemplate = DEFAULT_CERTIFICATE_TEMPLATE,
  offset: PrinterOffset = { x: 0, y: 0 },
): Promise<Uint8Array> {
  return renderCertificatesDocx(certificateTexts(input), template, offset);
}
