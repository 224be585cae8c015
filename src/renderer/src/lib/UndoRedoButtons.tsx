import { Button, Space, Tooltip } from 'antd';

/** ↶ Hoàn tác / ↷ Làm lại for an editor with a draft store (also Ctrl+Z / Ctrl+Y, see useEditorKeys). */
export function UndoRedoButtons({ canUndo, canRedo, undo, redo }: { canUndo: boolean; canRedo: boolean; undo: () => void; redo: () => void }) {
  return (
    <Space.Compact size="small">
      <Tooltip title="Hoàn tác (Ctrl+Z)">
        <Button aria-label="Hoàn tác" disabled={!canUndo} onClick={undo}>
          ↶ Hoàn tác
        </Button>
      </Tooltip>
      <Tooltip title="Làm lại (Ctrl+Y)">
        <Button aria-label="Làm lại" disabled={!canRedo} onClick={redo}>
          ↷
        </Button>
      </Tooltip>
    </Space.Compact>
  );
}
