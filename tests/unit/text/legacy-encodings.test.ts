import { describe, expect, it } from 'vitest';
import {
  decodeTcvn3, decodeVni, detectLegacyEncoding, encodeTcvn3, encodeVni, isVietnameseSyllable, toUnicode,
} from '../../../src/shared/vi-text/legacy-encodings';

// Strings as Excel shows old files typed in .VnTime (TCVN3) and VNI-Times fonts.
const TCVN3_VECTORS: [string, string][] = [
  ['ViÖt Nam', 'Việt Nam'],
  ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
  ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
  ['Liªn ®oµn Lao ®éng tØnh B¾c K¹n', 'Liên đoàn Lao động tỉnh Bắc Kạn'],
  ['NguyÔn ThÞ Thñy', 'Nguyễn Thị Thủy'],
  ['Tr­êng tiÓu häc Ba BÓ', 'Trường tiểu học Ba Bể'],
  ['Hå ChÝ Minh', 'Hồ Chí Minh'],
  ['§Æng V¨n Hïng', 'Đặng Văn Hùng'],
  ['C«ng tr×nh nhµ v¨n ho¸ th«n', 'Công trình nhà văn hoá thôn'],
  ['Lao ®éng tiªn tiÕn', 'Lao động tiên tiến'],
  ['ChiÕn sÜ thi ®ua c¬ së', 'Chiến sĩ thi đua cơ sở'],
];
const VNI_VECTORS: [string, string][] = [
  ['Vieät Nam', 'Việt Nam'],
  ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
  ['Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc'],
  ['Lieân ñoaøn Lao ñoäng tænh Baéc Kaïn', 'Liên đoàn Lao động tỉnh Bắc Kạn'],
  ['Nguyeãn Thò Thuûy', 'Nguyễn Thị Thủy'],
  ['Chuû tòch coâng ñoaøn cô sôû', 'Chủ tịch công đoàn cơ sở'],
  ['Khen thöôûng', 'Khen thưởng'],
  ['COÄNG HOØA', 'CỘNG HÒA'],
  ['Chieán só thi ñua cô sôû', 'Chiến sĩ thi đua cơ sở'],
];
const UNICODE_LEFT_ALONE = ['Võ Tá Hà', 'Lê Thu Hà', 'Nguyễn Văn An', 'Nguyen Van A', 'Trần Thị Ánh', 'Hà Nội', 'Đào Tú', 'Ô Mê Ga', 'Lò Văn Tú', '2.340.000', ''];

describe('TCVN3 (ABC, .VnTime)', () => {
  it.each(TCVN3_VECTORS)('decodes %s', (legacy, unicode) => {
    expect(decodeTcvn3(legacy)).toBe(unicode);
    expect(detectLegacyEncoding(legacy)).toBe('tcvn3');
    expect(toUnicode(legacy)).toEqual({ text: unicode, from: 'tcvn3' });
  });
  it('upper-cases words typed in the capitals font', () => {
    expect(decodeTcvn3('CéNG HOµ')).toBe('CỘNG HOÀ');
  });
  it('round-trips through the encoder', () => {
    for (const [, unicode] of TCVN3_VECTORS) expect(decodeTcvn3(encodeTcvn3(unicode))).toBe(unicode);
  });
});

describe('VNI (VNI-Times)', () => {
  it.each(VNI_VECTORS)('decodes %s', (legacy, unicode) => {
    expect(decodeVni(legacy)).toBe(unicode);
    expect(detectLegacyEncoding(legacy)).toBe('vni');
    expect(toUnicode(legacy).text).toBe(unicode);
  });
  it('round-trips through the encoder', () => {
    for (const [, unicode] of VNI_VECTORS) expect(decodeVni(encodeVni(unicode))).toBe(unicode);
  });
});

describe('detection', () => {
  it.each(UNICODE_LEFT_ALONE)('leaves Unicode %j alone', (s) => {
    expect(detectLegacyEncoding(s)).toBeNull();
    expect(toUnicode(s).text).toBe(s);
  });
  it('returns NFC for decomposed Unicode', () => {
    expect(toUnicode('Nguyễn'.normalize('NFD')).text).toBe('Nguyễn');
  });
  it('tells the two encodings apart on a corpus of names encoded both ways', () => {
    const names = ['Đặng Thị Thủy', 'Hoàng Văn Thụ', 'Lê Quang Đạo', 'Phạm Thị Hương', 'Nông Văn Dền', 'Triệu Thị Mười', 'Bế Văn Đàn', 'Hà Thị Nguyệt', 'Lường Văn Chiến', 'Ma Thị Huyền'];
    for (const n of names) {
      expect(detectLegacyEncoding(encodeTcvn3(n)), n).toBe('tcvn3');
      expect(detectLegacyEncoding(encodeVni(n)), n).toBe('vni');
      expect(toUnicode(encodeTcvn3(n)).text.toLocaleLowerCase('vi')).toBe(n.toLocaleLowerCase('vi'));
      expect(toUnicode(encodeVni(n)).text).toBe(n);
    }
  });
  it('knows a Vietnamese syllable', () => {
    for (const w of ['nghiêng', 'trường', 'khuyến', 'quốc', 'gì', 'Đặng', 'thuỷ', 'thủy', 'oanh']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['viưt', 'vaên', 'xyz', 'hoáà']) expect(isVietnameseSyllable(w), w).toBe(false);
  });
});
