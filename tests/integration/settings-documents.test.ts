/**
 * Office settings reach the documents: layout settings within the legal ranges (Vietnamese messages,
 * nothing stored on refusal), applied to every rendered document; công văn slots from the settings;
 * Giấy khen printer profiles whose offsets move the calibration page's frames.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CERTIFICATE_TEMPLATE } from '../../src/main/core/documents/kinds/certificate';
import { mmToTwips } from '../../src/main/core/documents/layout/page';
import { DEFAULT_DOCUMENT_LAYOUT_SETTINGS, type DocumentLayoutSettings } from '../../src/shared/schemas/settings';
import { startCore, type TestCore } from '../helpers/core';
import { seedRegistrationWorld } from '../helpers/registrations';
import { attr, findParagraph, paragraphTexts, sectionsOf, unzipDocx } from '../unit/documents/docx-xml';

let core: TestCore;
let w: Awaited<ReturnType<typeof seedRegistrationWorld>>;
beforeEach(async () => {
  core = await startCore();
  w = await seedRegistrationWorld(core);
});
afterEach(() => core.cleanup());

const stored = () => core.app.store.sqlite.prepare("SELECT key, value FROM app_meta WHERE key LIKE 'settings.%' ORDER BY key").all();
const layout = (patch: Partial<DocumentLayoutSettings> = {}): DocumentLayoutSettings => ({ ...structuredClone(DEFAULT_DOCUMENT_LAYOUT_SETTINGS), ...patch });
const reminderXml = async () => {
  const files = unzipDocx(Buffer.from((await core.call('documents.preview', { kind: 'registration-reminder', id: w.phase1 })).dataBase64, 'base64'));
  return { files, xml: files['word/document.xml'] };
};

describe('document layout settings', () => {
  it('refuses values outside the legal ranges with Vietnamese messages and stores nothing', async () => {
    expect(await core.call('settings.documentLayout.get', {})).toEqual(DEFAULT_DOCUMENT_LAYOUT_SETTINGS);
    const cases: [unknown, RegExp][] = [
      [layout({ margins: { top: 20, bottom: 20, left: 29, right: 15 } }), /Lề trái: phải từ 30 đến 35 mm/],
      [layout({ margins: { top: 26, bottom: 20, left: 30, right: 15 } }), /Lề trên: phải từ 20 đến 25 mm/],
      [layout({ margins: { top: 20, bottom: 19, left: 30, right: 15 } }), /Lề dưới: phải từ 20 đến 25 mm/],
      [layout({ margins: { top: 20, bottom: 20, left: 30, right: 21 } }), /Lề phải: phải từ 15 đến 20 mm/],
      [layout({ bodySize: 12 }), /Cỡ chữ nội dung: phải từ 13 đến 14 pt/],
      [layout({ bodySize: 13.3 }), /Cỡ chữ nội dung: chỉ nhận bội số của 0,5/],
      [layout({ lineSpacing: 1.6 }), /Giãn dòng: phải từ 1 đến 1,5/],
      [layout({ nationalTitleSize: 14 }), /Cỡ chữ Quốc hiệu: phải từ 12 đến 13 pt/],
      [layout({ letter: { unitAbbr: 'V-P', drafterInitials: '', copies: null, contact: '' } }), /Ký hiệu đơn vị soạn thảo: chỉ gồm chữ và số/],
      [layout({ letter: { unitAbbr: '', drafterInitials: 'PL', copies: 0, contact: '' } }), /Số bản phát hành: ít nhất 1/],
      [{ ...layout(), margins: { top: '20', bottom: 20, left: 30, right: 15 } }, /Lề trên: phải là số/],
    ];
    for (const [input, message] of cases) {
      const e = await core.fail('settings.documentLayout.set', input);
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toMatch(message);
    }
    expect(stored()).toEqual([]);
    expect(await core.call('settings.documentLayout.get', {})).toEqual(DEFAULT_DOCUMENT_LAYOUT_SETTINGS);
  });

  it('a document rendered after changing margins, size and spacing carries them', async () => {
    const before = sectionsOf((await reminderXml()).xml)[0];
    expect([attr(before, 'pgMar', 'top'), attr(before, 'pgMar', 'left')]).toEqual(['1134', '1701']);
    const saved = await core.call('settings.documentLayout.set', layout({ margins: { top: 25, bottom: 22, left: 35, right: 20 }, bodySize: 13, lineSpacing: 1.5, nationalTitleSize: 13 }));
    expect(saved.margins).toEqual({ top: 25, bottom: 22, left: 35, right: 20 });
    expect(await core.call('settings.documentLayout.get', {})).toEqual(saved);

    const { xml } = await reminderXml();
    const sect = sectionsOf(xml)[0];
    expect(['top', 'bottom', 'left', 'right'].map((k) => attr(sect, 'pgMar', k))).toEqual(['1417', '1247', '1984', '1134']);
    const body = findParagraph(xml, 'Thực hiện ');
    expect(attr(body.pPr, 'spacing', 'line')).toBe('360');
    expect(body.runs[0].size).toBe(26);
    expect(findParagraph(xml, 'CỘNG HÒA XÃ HỘI').runs[0].size).toBe(26);

    // Exported files too (documents.export goes through the same sources).
    const out = await core.call('documents.export', { kind: 'registration-reminder', id: w.phase1 });
    const exported = unzipDocx(readFileSync(out.path!))['word/document.xml'];
    expect(attr(sectionsOf(exported)[0], 'pgMar', 'left')).toBe('1984');
  });

  it('fills the công văn slots from the settings: ký hiệu unit, drafter mark, address line', async () => {
    await core.call('settings.documentLayout.set', layout({
      letter: { unitAbbr: 'VP', drafterInitials: 'pl', copies: 30, contact: '  Địa chỉ: Số 8, đường Trường Chinh  \n\nĐiện thoại: 0209 3870 123 ' },
    }));
    const saved = await core.call('settings.documentLayout.get', {});
    expect(saved.letter).toEqual({ unitAbbr: 'VP', drafterInitials: 'pl', copies: 30, contact: 'Địa chỉ: Số 8, đường Trường Chinh\nĐiện thoại: 0209 3870 123' });
    const { files, xml } = await reminderXml();
    const texts = paragraphTexts(xml);
    expect(texts).toContain('Số: /LĐLĐ-VP');
    expect(texts).toContain('V/v đôn đốc đăng ký thi đua');
    expect(texts.at(-1)).toBe('Vi Văn Nghĩa');
    expect(texts).toContain('PL.(30)');
    const footers = Object.entries(files).filter(([n]) => /^word\/footer\d*\.xml$/.test(n)).map(([, x]) => paragraphTexts(x).join('|'));
    expect(footers).toContain('Địa chỉ: Số 8, đường Trường Chinh|Điện thoại: 0209 3870 123');
  });
});

describe('Giấy khen printer profiles', () => {
  const hp = { name: 'HP LaserJet P1102 (phòng Tổ chức)', offsetX: 2.5, offsetY: -1.5 };

  it('stores named profiles, refuses bad ones with Vietnamese messages and stores nothing', async () => {
    expect(await core.call('settings.certificatePrinters.get', {})).toEqual({ profiles: [], defaultName: null });
    const bad: [unknown, RegExp][] = [
      [{ profiles: [{ ...hp, offsetX: 31 }], defaultName: null }, /Độ lệch ngang: trong khoảng ±30 mm/],
      [{ profiles: [{ ...hp, offsetY: -30.5 }], defaultName: null }, /Độ lệch dọc: trong khoảng ±30 mm/],
      [{ profiles: [{ ...hp, name: '  ' }], defaultName: null }, /Tên máy in: không được để trống/],
      [{ profiles: [hp, { ...hp, name: 'hp laserjet p1102 (phòng tổ chức)' }], defaultName: null }, /bị trùng/],
      [{ profiles: [hp], defaultName: 'Canon' }, /Máy in mặc định: không có trong danh sách/],
    ];
    for (const [input, message] of bad) {
      const e = await core.fail('settings.certificatePrinters.set', input);
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toMatch(message);
    }
    expect(stored()).toEqual([]);
    const canon = { name: 'Canon LBP 2900', offsetX: 0, offsetY: 3 };
    const saved = await core.call('settings.certificatePrinters.set', { profiles: [hp, canon], defaultName: canon.name });
    expect(saved).toEqual({ profiles: [hp, canon], defaultName: 'Canon LBP 2900' });
    expect(await core.call('settings.certificatePrinters.get', {})).toEqual(saved);
  });

  it('the calibration test page is moved by the profile offsets', async () => {
    const framesOf = (path: string) =>
      [...unzipDocx(readFileSync(path))['word/document.xml'].matchAll(/<w:framePr[^>]*w:x="(\d+)" w:y="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const zero = await core.call('settings.certificatePrinters.exportTestPage', { name: 'Không lệch', offsetX: 0, offsetY: 0 });
    const shifted = await core.call('settings.certificatePrinters.exportTestPage', hp);
    expect(shifted.path).toMatch(/Trang-in-thu-Giay-khen-HP-LaserJet-P1102.*\.docx$/);
    const a = framesOf(zero.path!);
    const b = framesOf(shifted.path!);
    expect(a.length).toBeGreaterThanOrEqual(Object.keys(DEFAULT_CERTIFICATE_TEMPLATE.fields).length);
    expect(b).toHaveLength(a.length);
    const recipient = DEFAULT_CERTIFICATE_TEMPLATE.fields.recipient;
    expect(b).toContainEqual([mmToTwips(recipient.x + 2.5), mmToTwips(recipient.y - 1.5)]);
    b.forEach(([x, y], i) => {
      expect(Math.abs(x - a[i][0] - mmToTwips(2.5))).toBeLessThanOrEqual(1);
      expect(Math.abs(y - a[i][1] + mmToTwips(1.5))).toBeLessThanOrEqual(1);
    });
    expect(paragraphTexts(unzipDocx(readFileSync(shifted.path!))['word/document.xml']).join(' ')).toContain('Độ lệch đang dùng: ngang 2,5 mm, dọc -1,5 mm');
  });
});
