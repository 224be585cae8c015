import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionalText, safeString, text } from '../../../src/shared/schemas/common';
import { createPersonInput } from '../../../src/shared/schemas/people';
import { planBody } from '../../../src/shared/schemas/plans';
import { findRefusedChar, stripInvisible } from '../../../src/shared/vi-text/unsafe-chars';

const REFUSED = ['\u0000', '\u0001', '\u0007', '\u000B', '\u001B', '\u007F', '\u0085', '\u009B', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uD800', '\uDFFF'];
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF', '\u00AD', '\u061C'];

describe('unsafe characters', () => {
  it('finds every refused character, anywhere in the text', () => {
    for (const c of REFUSED) {
      expect(findRefusedChar(`Nguyễn Văn ${c}A`), JSON.stringify(c)).toMatch(/^U\+[0-9A-F]{4}$/);
      expect(findRefusedChar(`${c}`)).not.toBeNull();
    }
    expect(findRefusedChar('Nguyễn Văn A\tB\nC\r\nD 😀 𠀀')).toBeNull();
  });

  it('strips invisible format characters and keeps everything else', () => {
    for (const c of INVISIBLE) expect(stripInvisible(`Ng${c}uyễn${c}`)).toBe('Nguyễn');
    expect(stripInvisible('Đặng Thị Hà 😀')).toBe('Đặng Thị Hà 😀');
  });

  it('refuses control and bidi characters in every text helper with a Vietnamese message naming the field', () => {
    for (const schema of [text('Họ và tên'), optionalText('Họ và tên'), safeString('Họ và tên')]) {
      for (const c of ['\u0000', '\u0001', '\u202E']) {
        const r = schema.safeParse(`Nguyễn${c}Văn A`);
        expect(r.success).toBe(false);
        expect(r.error!.issues[0].message).toMatch(/^Họ và tên: có ký tự điều khiển/);
      }
    }
    expect(text('Họ và tên').parse('Ngu\u200Byễn\u200D Văn\uFEFF A')).toBe('Nguyễn Văn A');
  });

  it('applies inside nested contract schemas (a person, a plan body)', () => {
    const person = createPersonInput.safeParse({ fullName: 'Lê Văn \u202Egnọ', organizationId: '7b3f0a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b' });
    expect(person.success).toBe(false);
    const body = planBody.safeParse({ intro: ['Mở đầu\u0001'], signer: { authority: '', title: '', name: '' } });
    expect(body.success).toBe(false);
  });

  // Every string schema of the contract must start from safeString (directly or through text/optionalText).
  // A bare z.string() is allowed only as the target of .pipe() (it checks what safeString produced) or when
  // an anchored regex / uuid already limits it to plain characters.
  it('no input string schema in src/shared bypasses safeString', () => {
    const root = join(__dirname, '../../../src/shared');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(root);
    const offenders: string[] = [];
    for (const f of files) {
      const src = readFileSync(f, 'utf8').replace(/z\s*\n\s*\.string/g, 'z.string');
      const re = /z\.string\(/g;
      for (let m = re.exec(src); m; m = re.exec(src)) {
        const before = src.slice(Math.max(0, m.index - 60), m.index);
        const after = src.slice(m.index, m.index + 400).split(/\n\s*\n|,\n|\)\s*;/)[0];
        const isPipeTarget = /\.pipe\(\s*$/.test(before);
        const isSafeStringItself = f.endsWith('common.ts') && /superRefine\(/.test(after);
        const anchored = /\.regex\(\/\^/.test(after) || /\.uuid\(/.test(after);
        if (!isPipeTarget && !isSafeStringItself && !anchored) offenders.push(`${f.slice(root.length)}: ${after.slice(0, 80)}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
