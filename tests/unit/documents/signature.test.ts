import { describe, expect, it } from 'vitest';
import { signatureLines } from '../../../src/main/core/documents/kinds/common';
import { composePlan } from '../../../src/main/core/documents/kinds/plan';
import { renderDocx } from '../../../src/main/core/documents/layout/render';
import { plan31 } from '../../fixtures/documents/plan-31';
import { paragraphsOf, unzipDocx } from './docx-xml';

describe('signature forms (ND30 Điều 13)', () => {
  it.each([
    [{ collective: 'BAN THƯỜNG VỤ', headTitle: 'CHỦ TỊCH' }, ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH']],
    [{ collective: 'Ban Chấp hành', headTitle: 'Chủ tịch' }, ['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH']],
    [{ collective: 'BAN THƯỜNG VỤ', headTitle: 'CHỦ TỊCH', as: 'KT.' as const, signerTitle: 'PHÓ CHỦ TỊCH' }, ['TM. BAN THƯỜNG VỤ', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']],
    [{ headTitle: 'CHỦ TỊCH', as: 'Q.' as const }, ['Q. CHỦ TỊCH']],
    [{ headTitle: 'CHỦ TỊCH', as: 'TL.' as const, signerTitle: 'CHÁNH VĂN PHÒNG' }, ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG']],
    [{ headTitle: 'CHỦ TỊCH', as: 'TUQ.' as const, signerTitle: 'TRƯỞNG BAN TỔ CHỨC' }, ['TUQ. CHỦ TỊCH', 'TRƯỞNG BAN TỔ CHỨC']],
  ])('%o', (form, lines) => {
    expect(signatureLines(form)).toEqual(lines);
  });

  it('refuses KT. without the signer title', () => {
    expect(() => signatureLines({ headTitle: 'CHỦ TỊCH', as: 'KT.' })).toThrow(/chức vụ/);
  });
});

describe('NFC export', () => {
  it('decomposed input comes out composed', async () => {
    const nfd = { ...plan31, subject: plan31.subject.normalize('NFD'), intro: plan31.intro.map((t) => (typeof t === 'string' ? t.normalize('NFD') : t)) };
    const xml = unzipDocx(await renderDocx(composePlan(nfd)))['word/document.xml'];
    const texts = paragraphsOf(xml).map((p) => p.text);
    expect(texts.join('\n')).toBe(texts.join('\n').normalize('NFC'));
    expect(texts).toContain(plan31.subject);
  });
});
