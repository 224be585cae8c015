/**
 * General documents through the real core: a Hướng dẫn bình xét of a CĐCS rebuilt from its text (pasted, so the
 * paste parser is part of the path), numbered from the register (01/HD-CĐ), locked once issued, rendered, and
 * opened in LibreOffice; a công văn numbered {issuer}-{unit}; every kind generated and converted.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outlineFromPaste } from '../../src/shared/paste/outline';
import { GENERAL_KIND_CODES, type GeneralKind } from '../../src/shared/schemas/general-documents';
import { startCore, type TestCore } from '../helpers/core';
import { requireSoffice, skipWithoutSoffice } from '../helpers/libreoffice';
import { paragraphTexts, unzipDocx } from '../unit/documents/docx-xml';

const CDCS = {
  level: 'grassroots' as const,
  name: 'Công đoàn cơ sở Công ty Điện lực Bắc Kạn',
  shortName: 'CĐCS Công ty Điện lực',
  abbreviation: 'CĐ',
  placeName: 'Bắc Kạn',
  parentLine: 'CÔNG ĐOÀN ĐIỆN LỰC VIỆT NAM',
  signerAuthority: 'TM. BAN CHẤP HÀNH',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Hoàng Thị Lan',
};

const HUONG_DAN = readFileSync(join(__dirname, '../fixtures/documents/huong-dan-binh-xet-cdcs.txt'), 'utf8');

let core: TestCore;

beforeAll(async () => {
  core = await startCore();
  await core.call('office.setup', CDCS);
});
afterAll(() => core.cleanup());

async function docxText(kind: 'general', id: string): Promise<{ paragraphs: string[]; bytes: Buffer }> {
  const preview = await core.call('documents.preview', { kind, id });
  const bytes = Buffer.from(preview.dataBase64, 'base64');
  return { paragraphs: paragraphTexts(unzipDocx(bytes)['word/document.xml']), bytes };
}

async function makeHuongDan(): Promise<string> {
  const draft = await core.call('generalDocs.create', { kind: 'HD' });
  const pasted = outlineFromPaste({ text: HUONG_DAN });
  await core.call('generalDocs.save', {
    id: draft.id,
    subject: 'Bình xét thi đua và chấm điểm tổ công đoàn năm 2026',
    plannedDate: null,
    unitAbbr: '',
    body: { ...draft.body, blocks: pasted.blocks, pointStyle: pasted.pointStyle, recipients: { groups: [{ label: '', items: [{ name: 'Các tổ công đoàn', purpose: 't/h' }] }], archive: 'VT' } },
  });
  return draft.id;
}

describe('Hướng dẫn bình xét of a CĐCS rebuilt from its text', () => {
  it('keeps A./B., I./II., 1./2., a./b., -/+ in order, numbered again from the levels', async () => {
    const id = await makeHuongDan();
    const { paragraphs } = await docxText('general', id);
    const body = paragraphs.join('\n');
    // The structure of the source, in order.
    const expected = [
      'HƯỚNG DẪN',
      'Bình xét thi đua và chấm điểm tổ công đoàn năm 2026',
      'Thực hiện Kế hoạch số 05/KH-CĐ',
      'A. BÌNH XÉT THI ĐUA',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'Đánh giá đúng kết quả',
      '2. Yêu cầu',
      'II. ĐỐI TƯỢNG, TIÊU CHUẨN',
      '1. Đối với cá nhân',
      'a. Danh hiệu "Lao động tiên tiến"',
      'b. Danh hiệu "Chiến sĩ thi đua cơ sở"',
      '- Tỷ lệ không quá 15%',
      '+ Ưu tiên đoàn viên trực tiếp sản xuất.',
      '2. Đối với tập thể',
      'B. CHẤM ĐIỂM TỔ CÔNG ĐOÀN',
      'I. THANG ĐIỂM',
      '1. Công tác tổ chức, phát triển đoàn viên: 30 điểm.',
      '3. Công tác thi đua, tuyên truyền: 30 điểm.',
      'II. TỔ CHỨC THỰC HIỆN',
      'Trong quá trình thực hiện',
      'Nơi nhận:',
      '- Các tổ công đoàn (t/h);',
      '- Lưu: VT.',
      'Hoàng Thị Lan',
    ];
    let at = 0;
    for (const e of expected) {
      const found = body.indexOf(e, at);
      expect(found, `"${e}" after position ${at}`).toBeGreaterThanOrEqual(at);
      at = found + e.length;
    }
    // The chủ quản line is cut between words when it is wider than the header's left cell (issuer-lines.ts);
    // either way it stands whole above the issuing body's name.
    expect(body).toMatch(/^CÔNG ĐOÀN ĐIỆN LỰC\sVIỆT NAM\nCÔNG ĐOÀN CƠ SỞ\nCÔNG TY ĐIỆN LỰC BẮC KẠN$/m);
    expect(body).toContain('Số:');
    expect(body).toMatch(/\/HD-CĐ/);
  });

  it('takes 01/HD-CĐ from the register at issue, then refuses edits and deletion', async () => {
    const id = await makeHuongDan();
    const issued = await core.call('generalDocs.issue', { id, date: '2026-03-12', number: null });
    expect(issued.status).toBe('issued');
    expect(issued.identity).toBe('01/HD-CĐ ngày 12/3/2026');
    const register = await core.call('register.list', { year: 2026 });
    expect(register.entries.map((e) => e.numberText)).toContain('01/HD-CĐ');
    const { paragraphs } = await docxText('general', id);
    expect(paragraphs.join('\n')).toContain('Số: 01/HD-CĐ');
    const refused = await core.fail('generalDocs.save', { id, subject: 'Khác', plannedDate: null, unitAbbr: '', body: issued.body });
    expect(refused.message).toMatch(/đã ban hành/);
    expect((await core.fail('generalDocs.delete', { id })).message).toMatch(/đã ban hành/);
    expect((await core.call('generalDocs.get', { id })).subject).toBe('Bình xét thi đua và chấm điểm tổ công đoàn năm 2026');
  });

  it('refuses to issue an empty document, naming what is missing, and takes no number', async () => {
    const before = (await core.call('register.list', { year: 2026 })).entries.length;
    const draft = await core.call('generalDocs.create', { kind: 'TB' });
    const e = await core.fail('generalDocs.issue', { id: draft.id, date: '2026-04-01', number: null });
    expect(e.message).toMatch(/trích yếu/);
    expect((await core.call('register.list', { year: 2026 })).entries.length).toBe(before);
  });
});

describe('every general kind', () => {
  const dir = () => join(core.dir, 'general-kinds');
  const sample = (kind: GeneralKind) => ({
    subject: kind === 'CV' ? 'V/v gửi hồ sơ đề nghị khen thưởng năm 2026' : `Văn bản mẫu loại ${kind}`,
    addressees: kind === 'CV' || kind === 'GM' || kind === 'TTr' ? ['Ban Chấp hành Công đoàn Điện lực Việt Nam'] : [],
  });

  it('composes each kind with its tên loại and ký hiệu; a công văn has none and prints V/v under Số', async () => {
    for (const kind of GENERAL_KIND_CODES) {
      const draft = await core.call('generalDocs.create', { kind });
      const s = sample(kind);
      await core.call('generalDocs.save', {
        id: draft.id,
        subject: s.subject,
        plannedDate: null,
        unitAbbr: kind === 'CV' ? 'VP' : '',
        body: { ...draft.body, addressees: s.addressees, blocks: [{ level: 'paragraph', title: '', text: `Nội dung *nghiêng* và **đậm** của văn bản ${kind}.` }] },
      });
      const issued = await core.call('generalDocs.issue', { id: draft.id, date: '2026-05-04', number: null });
      const { paragraphs, bytes } = await docxText('general', draft.id);
      const text = paragraphs.join('\n');
      if (kind === 'CV') {
        expect(issued.identity).toMatch(/^\d{2}\/CĐ-VP ngày 04\/5\/2026$/);
        expect(text).toContain('V/v gửi hồ sơ đề nghị khen thưởng năm 2026');
        expect(text).not.toMatch(/^CÔNG VĂN$/m);
      } else {
        expect(issued.identity).toMatch(new RegExp(`^\\d{2}/${kind}-CĐ ngày 04/5/2026$`));
      }
      if (s.addressees.length) expect(text).toContain('Kính gửi');
      writeFileSync(join(core.dir, `general-${kind}.docx`), bytes);
    }
    expect(dir()).toBeTruthy();
  });

  describe.skipIf(skipWithoutSoffice)('in LibreOffice', () => {
    it('opens each kind and the Hướng dẫn: Quốc hiệu on one line, text in order', async () => {
      const soffice = requireSoffice();
      const id = await makeHuongDan();
      writeFileSync(join(core.dir, 'general-HD-full.docx'), (await docxText('general', id)).bytes);
      const files = ['general-HD-full', ...GENERAL_KIND_CODES.map((k) => `general-${k}`)];
      execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', core.dir, ...files.map((f) => join(core.dir, `${f}.docx`))], { stdio: 'ignore', timeout: 120_000 });
      for (const f of files) {
        const pdf = join(core.dir, `${f}.pdf`);
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
        expect(pages, f).toBeGreaterThanOrEqual(1);
        const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
        expect(text, f).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
        if (f === 'general-HD-full') {
          const flat = text.replace(/\s+/g, ' ');
          const order = ['A. BÌNH XÉT THI ĐUA', 'I. MỤC ĐÍCH, YÊU CẦU', 'b. Danh hiệu', 'B. CHẤM ĐIỂM TỔ CÔNG ĐOÀN', 'II. TỔ CHỨC THỰC HIỆN', 'Hoàng Thị Lan'];
          let at = 0;
          for (const o of order) {
            const found = flat.indexOf(o, at);
            expect(found, o).toBeGreaterThanOrEqual(at);
            at = found;
          }
        }
      }
    });
  });
});
