import { describe, expect, it } from 'vitest';
import { peopleFromText, peopleToText } from '../../../src/renderer/src/features/dossier/peopleText';

describe('council members typed one per line', () => {
  it('reads name, position and absence, and writes them back the same way', () => {
    const text = 'Vi Văn Nghĩa - Chủ tịch LĐLĐ tỉnh - Chủ tịch Hội đồng\n\n  Hà Thị Liễu – Phó Chủ tịch  \nLa Văn Hùng (vắng)\nNguyễn Thị Hòa-Mai';
    const people = peopleFromText(text);
    expect(people).toEqual([
      { name: 'Vi Văn Nghĩa', position: 'Chủ tịch LĐLĐ tỉnh - Chủ tịch Hội đồng', present: true },
      { name: 'Hà Thị Liễu', position: 'Phó Chủ tịch', present: true },
      { name: 'La Văn Hùng', position: '', present: false },
      // A hyphen without spaces is part of the name.
      { name: 'Nguyễn Thị Hòa-Mai', position: '', present: true },
    ]);
    expect(peopleFromText(peopleToText(people))).toEqual(people);
  });
});
