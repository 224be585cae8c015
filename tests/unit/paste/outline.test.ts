/**
 * Paste from Word: the clipboard HTML Word puts on the clipboard (MsoNormal paragraphs, list numbers in
 * mso-list:Ignore spans, <b>/<i>/<u> and span styles, conditional comments, &nbsp;) becomes outline blocks
 * with their inline marks; plain text gets the same levels.
 */
import { describe, expect, it } from 'vitest';
import { parseInline } from '../../../src/main/core/documents/model';
import { linesFromHtml, markedText, outlineFromPaste } from '../../../src/shared/paste/outline';

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8">
<style><!-- p.MsoNormal {margin:0cm; font-family:"Times New Roman"} --></style></head>
<body lang=VI><!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:14.0pt'>I. MỤC ĐÍCH, YÊU CẦU<o:p></o:p></span></b></p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><b><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;</span></span></b><![endif]><b>Mục đích<o:p></o:p></b></p>
<p class=MsoNormal>Động viên đoàn viên thi đua <i>lao động giỏi, lao động sáng tạo</i>, thực hiện tốt <span style='font-weight:bold'>Nghị quyết Đại hội</span> và <u>an toàn lao động</u>.</p>
<p class=MsoNormal>a) Đối với tập thể: đạt từ 90 điểm trở lên;</p>
<p class=MsoNormal>b) Đối với cá nhân: hoàn thành xuất sắc nhiệm vụ.</p>
<p class=MsoNormal><span style='mso-list:Ignore'>-<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span>Tỷ lệ không quá 15%;</p>
<p class=MsoNormal>+ Ưu tiên công nhân trực tiếp sản xuất &amp; người lao động.</p>
<p class=MsoNormal><b><i>Ghi chú:</i></b> hồ sơ gửi trước ngày 15/12.</p>
<p class=MsoNormal>A. PHẦN CHUNG</p>
<!--EndFragment--></body></html>`;

describe('Word clipboard HTML → outline', () => {
  const { blocks, pointStyle } = outlineFromPaste({ html: WORD_HTML, text: 'ignored' });

  it('recognises I./1./a)/-/+ and parts, dropping the typed numbers', () => {
    expect(blocks.map((b) => b.level)).toEqual(['section', 'clause', 'paragraph', 'point', 'point', 'bullet', 'sub', 'paragraph', 'part']);
    expect(blocks[0]).toMatchObject({ title: 'MỤC ĐÍCH, YÊU CẦU', text: '' });
    expect(blocks[1]).toMatchObject({ title: 'Mục đích', text: '' });
    expect(blocks[3].text).toBe('Đối với tập thể: đạt từ 90 điểm trở lên;');
    expect(blocks[5].text).toBe('Tỷ lệ không quá 15%;');
    expect(blocks[6].text).toBe('Ưu tiên công nhân trực tiếp sản xuất & người lao động.');
    expect(blocks[8]).toMatchObject({ level: 'part', title: 'PHẦN CHUNG' });
    expect(pointStyle).toBe('a)');
  });

  it('keeps italics, bold (tags and span styles) and underline as inline marks that read back as runs', () => {
    expect(blocks[2].text).toBe('Động viên đoàn viên thi đua *lao động giỏi, lao động sáng tạo*, thực hiện tốt **Nghị quyết Đại hội** và __an toàn lao động__.');
    expect(parseInline(blocks[2].text!)).toEqual([
      { text: 'Động viên đoàn viên thi đua ' },
      { text: 'lao động giỏi, lao động sáng tạo', italic: true },
      { text: ', thực hiện tốt ' },
      { text: 'Nghị quyết Đại hội', bold: true },
      { text: ' và ' },
      { text: 'an toàn lao động', underline: true },
      { text: '.' },
    ]);
    expect(blocks[7].text).toBe('***Ghi chú:*** hồ sơ gửi trước ngày 15/12.');
    expect(parseInline(blocks[7].text!)[0]).toEqual({ text: 'Ghi chú:', bold: true, italic: true });
  });

  it('skips style sheets, comments and conditional blocks; text is NFC', () => {
    const all = blocks.map((b) => `${b.title}${b.text}`).join('\n');
    expect(all).not.toMatch(/MsoNormal|font-family|supportLists|StartFragment/);
    const nfd = linesFromHtml('<p>Nguye\u0302\u0303n</p>');
    expect(nfd[0][0].text).toBe('Nguyễn');
  });
});

describe('plain text → outline', () => {
  it('reads the same levels, a. points, and tells a short heading from a sentence', () => {
    const { blocks, pointStyle } = outlineFromPaste({
      text: 'II. NỘI DUNG\n1. Đối tượng\n2. Các tập thể, cá nhân đăng ký thi đua gửi bản đăng ký trước ngày 15/3.\na. Tập thể;\nb. Cá nhân.\n– Gạch đầu dòng\n\n   Đoạn văn thường *có dấu sao*.',
    });
    expect(blocks.map((b) => [b.level, b.title, b.text])).toEqual([
      ['section', 'NỘI DUNG', ''],
      ['clause', 'Đối tượng', ''],
      ['clause', '', 'Các tập thể, cá nhân đăng ký thi đua gửi bản đăng ký trước ngày 15/3.'],
      ['point', '', 'Tập thể;'],
      ['point', '', 'Cá nhân.'],
      ['bullet', '', 'Gạch đầu dòng'],
      ['paragraph', '', 'Đoạn văn thường *có dấu sao*.'],
    ]);
    expect(pointStyle).toBe('a.');
    // Plain text keeps the clerk's own marks, as typed in the editor: *…* is italic.
    expect(parseInline(blocks[6].text!)).toEqual([{ text: 'Đoạn văn thường ' }, { text: 'có dấu sao', italic: true }, { text: '.' }]);
    // Word's text is literal: an asterisk there stays an asterisk.
    const word = outlineFromPaste({ html: '<p>Ghi chú *quan trọng*</p>', text: '' });
    expect(parseInline(word.blocks[0].text!)).toEqual([{ text: 'Ghi chú *quan trọng*' }]);
  });

  it('leaves a blank to fill in by hand as text, not underline', () => {
    expect(parseInline('Họ và tên: ________ Đơn vị: ____')).toEqual([{ text: 'Họ và tên: ________ Đơn vị: ____' }]);
    expect(markedText([{ text: ' đậm ', bold: true, italic: false, underline: false }])).toBe(' **đậm** ');
  });
});
