/**
 * Document generation speed: a decision with 2,000 awardees (< 1 s) and 1,000 Giấy khen in one
 * file (< 3 s), each beside the same job done by docxtemplater from an equivalent template
 * (built here with the same layout code, text replaced by {tags} and {#loops}).
 * Run: npx vitest run -c vitest.bench.config.ts bench/documents.bench.ts
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { Document, FrameAnchorType, FrameWrap, Packer, PageBreak, PageOrientation, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { measure, report } from './harness';
import { composeDecision } from '../src/main/core/documents/kinds/decision';
import { orderAwardees, summarize } from '../src/main/core/documents/kinds/awardee-list';
import { DEFAULT_CERTIFICATE_TEMPLATE, certificateTexts, type CertificateFieldKey } from '../src/main/core/documents/kinds/certificate';
import { renderCertificateBatch } from '../src/main/core/documents/layout/certificate';
import { mmToTwips } from '../src/main/core/documents/layout/page';
import { renderDocx } from '../src/main/core/documents/layout/render';
import type { OfficialDocument, TableModel } from '../src/main/core/documents/model';
import { formatNumberVi } from '../src/shared/vi-text/money';
import { certificateInput, decisionInput } from '../tests/fixtures/documents/samples';

const AWARDEES = 2000;
const CERTIFICATES = 1000;

function ratio(template: number, ours: number): string {
  return `docxtemplater/ours = ${(template / ours).toFixed(2)}×`;
}

/** The decision with every variable replaced by a tag; the list rows are docxtemplater row loops. */
async function decisionTemplate(): Promise<Uint8Array> {
  const doc: OfficialDocument = composeDecision(decisionInput(1, 1));
  doc.number = { value: 99, symbol: { typeAbbr: 'QĐ', issuerAbbr: 'LĐLĐ' } };
  doc.subject = '{subject}';
  doc.body = [
    { type: 'centered', text: 'QUYẾT ĐỊNH:' },
    { type: 'article', number: 1, text: '{article1}' },
    { type: 'article', number: 2, text: '{article2}' },
    { type: 'article', number: 3, text: '{article3}' },
  ];
  const row = (loop: string) => ({
    kind: 'data' as const,
    cells: [`{#${loop}}{stt}`, '{name}', '{unit}', '{amount}', `{note}{/${loop}}`],
  });
  const table: TableModel = {
    columns: ['STT', 'Tên tập thể / Họ và tên', 'Chức vụ, đơn vị', 'Số tiền (đồng)', 'Ghi chú'].map((header, i) => ({ header, weight: [8, 30, 36, 15, 11][i] })),
    rows: [
      { kind: 'group', text: '{collectiveHeading}' },
      row('collectives'),
      { kind: 'group', text: '{individualHeading}' },
      row('individuals'),
      { kind: 'total', cells: ['', '{totalLabel}', '', '{totalAmount}', ''] },
    ],
  };
  doc.annexes![0].body = [{ type: 'table', table }];
  return renderDocx(doc);
}

function decisionData() {
  const input = decisionInput(100, AWARDEES - 100);
  const s = summarize(input.awardees);
  const { collectives, individuals } = orderAwardees(input.awardees);
  const rows = (list: typeof collectives) =>
    list.map((a, i) => ({ stt: i + 1, name: a.name, unit: a.positionUnit ?? '', amount: formatNumberVi(a.amount ?? 0), note: '' }));
  return {
    subject: 'Về việc tặng Giấy khen cho các tập thể, cá nhân',
    article1: `Tặng Giấy khen cho ${s.collectives} tập thể và ${s.individuals} cá nhân (có danh sách kèm theo).`,
    article2: `Tổng số tiền thưởng: ${formatNumberVi(s.totalAmount)} đồng.`,
    article3: input.executors,
    collectiveHeading: `I. TẬP THỂ (${s.collectives})`,
    individualHeading: `II. CÁ NHÂN (${s.individuals})`,
    collectives: rows(collectives),
    individuals: rows(individuals),
    totalLabel: `Tổng cộng: ${s.collectives} tập thể và ${s.individuals} cá nhân`,
    totalAmount: formatNumberVi(s.totalAmount),
  };
}

/** One certificate page of frames with {tags}, inside a {#certs} loop ending in a page break. */
async function certificateTemplate(): Promise<Uint8Array> {
  const t = DEFAULT_CERTIFICATE_TEMPLATE;
  const frame = (key: CertificateFieldKey) => {
    const f = t.fields[key];
    return new Paragraph({
      frame: {
        type: 'absolute',
        position: { x: mmToTwips(f.x), y: mmToTwips(f.y) },
        width: mmToTwips(f.width),
        anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
        wrap: FrameWrap.NONE,
      },
      children: [new TextRun({ text: `{${key}}`, font: 'Times New Roman', size: f.size * 2, bold: f.bold, italics: f.italic })],
    });
  };
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph('{#certs}'),
          ...(Object.keys(t.fields) as CertificateFieldKey[]).map(frame),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph('{/certs}'),
        ],
      },
    ],
  });
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf);
}

/** Same work done? Count table rows (decision) or frames (certificates) in both outputs. */
function count(bytes: Uint8Array, pattern: RegExp): number {
  return strFromU8(unzipSync(bytes)['word/document.xml']).match(pattern)?.length ?? 0;
}

function renderTemplate(template: Uint8Array, data: object): Uint8Array {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
}

test('decision with 2,000 awardees', async () => {
  const input = decisionInput(100, AWARDEES - 100);
  let size = 0;
  const ours = await measure(async () => {
    size = (await renderDocx(composeDecision(input))).byteLength;
  }, 10);
  report(`documents: Quyết định + danh sách ${AWARDEES} người (docx)`, ours, 1000, `${(size / 1024).toFixed(0)} KB`);

  const template = await decisionTemplate();
  const data = decisionData();
  let tsize = 0;
  const theirs = await measure(() => {
    tsize = renderTemplate(template, data).byteLength;
  }, 10);
  report(`documents: same decision with docxtemplater`, theirs, undefined, `${(tsize / 1024).toFixed(0)} KB; ${ratio(theirs.medianMs, ours.medianMs)}`);
  const rows = [count(await renderDocx(composeDecision(input)), /<w:tr>/g), count(renderTemplate(template, data), /<w:tr>/g)];
  console.log(`BENCH documents: table rows written: ours ${rows[0]}, docxtemplater ${rows[1]}`);
  expect(Math.abs(rows[0] - rows[1])).toBeLessThanOrEqual(4);
});

test('1,000 Giấy khen in one file', async () => {
  const input = certificateInput(CERTIFICATES);
  let size = 0;
  const ours = await measure(async () => {
    size = (await renderCertificateBatch(input)).byteLength;
  }, 5, 1);
  report(`documents: ${CERTIFICATES} Giấy khen (docx)`, ours, 3000, `${(size / 1024).toFixed(0)} KB`);

  const template = await certificateTemplate();
  const data = { certs: certificateTexts(input) };
  let tsize = 0;
  const theirs = await measure(() => {
    tsize = renderTemplate(template, data).byteLength;
  }, 5, 1);
  report(`documents: same Giấy khen with docxtemplater`, theirs, undefined, `${(tsize / 1024).toFixed(0)} KB; ${ratio(theirs.medianMs, ours.medianMs)}`);
  const frames = [count(await renderCertificateBatch(input), /<w:framePr /g), count(renderTemplate(template, data), /<w:framePr /g)];
  console.log(`BENCH documents: frames written: ours ${frames[0]}, docxtemplater ${frames[1]}`);
});
