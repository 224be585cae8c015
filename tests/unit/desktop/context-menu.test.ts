import { describe, expect, it } from 'vitest';
import { contextMenuItems } from '../../../src/main/context-menu';

const flags = { canCut: true, canCopy: false, canPaste: true, canSelectAll: true };

describe('right-click menu', () => {
  it('offers Cắt, Sao chép, Dán, Chọn tất cả in a text field, enabled as the field allows', () => {
    const items = contextMenuItems({ isEditable: true, selectionText: '', editFlags: flags });
    expect(items.filter((i) => i.label).map((i) => [i.label, i.role, i.enabled])).toEqual([
      ['Cắt', 'cut', true],
      ['Sao chép', 'copy', false],
      ['Dán', 'paste', true],
      ['Chọn tất cả', 'selectAll', true],
    ]);
  });

  it('offers Sao chép for selected text outside fields, and nothing elsewhere', () => {
    expect(contextMenuItems({ isEditable: false, selectionText: 'Quyết định số 12', editFlags: { ...flags, canCopy: true } })).toEqual([{ label: 'Sao chép', role: 'copy', enabled: true }]);
    expect(contextMenuItems({ isEditable: false, selectionText: '  ', editFlags: flags })).toEqual([]);
  });
});
