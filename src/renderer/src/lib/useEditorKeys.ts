import { useEffect, useRef } from 'react';

/**
 * Ctrl+S saves; Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) undo and redo the clerk's last action in the whole
 * editor, not one character of the focused box (the boxes are controlled, so the browser's own undo
 * would fight the draft).
 */
export function useEditorKeys(actions: { save?: () => unknown; undo?: () => void; redo?: () => void }): void {
  const ref = useRef(actions);
  useEffect(() => {
    ref.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      // A dialog open over the editor keeps its own keys.
      if (document.querySelector('.ant-modal-wrap:not([style*="display: none"])')) return;
      const k = e.key.toLowerCase();
      const a = ref.current;
      if (k === 's' && a.save) {
        e.preventDefault();
        void a.save();
      } else if (k === 'z' && !e.shiftKey && a.undo) {
        e.preventDefault();
        a.undo();
      } else if (((k === 'z' && e.shiftKey) || k === 'y') && a.redo) {
        e.preventDefault();
        a.redo();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
