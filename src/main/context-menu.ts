/** The right-click menu of text fields, in Vietnamese; Electron shows none by default. */
export interface ContextParams {
  isEditable: boolean;
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export interface ContextItem {
  label?: string;
  role?: 'cut' | 'copy' | 'paste' | 'selectAll';
  enabled?: boolean;
  type?: 'separator';
}

/** Items for the clicked spot: editing items in a field, Sao chép for selected text elsewhere, else none. */
export function contextMenuItems(params: ContextParams): ContextItem[] {
  const f = params.editFlags;
  if (params.isEditable) {
    return [
      { label: 'Cắt', role: 'cut', enabled: f.canCut },
      { label: 'Sao chép', role: 'copy', enabled: f.canCopy },
      { label: 'Dán', role: 'paste', enabled: f.canPaste },
      { type: 'separator' },
      { label: 'Chọn tất cả', role: 'selectAll', enabled: f.canSelectAll },
    ];
  }
  if (params.selectionText.trim()) return [{ label: 'Sao chép', role: 'copy', enabled: f.canCopy }];
  return [];
}
