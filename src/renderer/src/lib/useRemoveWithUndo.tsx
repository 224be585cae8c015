import { App, Button } from 'antd';
import { useCallback } from 'react';

/**
 * Deleting in an editor with history: the change is made at once and a notice offers "Hoàn tác"
 * (also Ctrl+Z), so a clerk's ✕ on a whole Phần never loses it.
 */
export function useRemoveWithUndo<E>(store: { getState(): { edit(fn: (d: E) => void): void; undo(): void } }) {
  const { message } = App.useApp();
  return useCallback(
    (what: string, fn: (d: E) => void) => {
      store.getState().edit(fn);
      message.open({
        key: 'removed',
        type: 'info',
        duration: 10,
        content: (
          <span data-testid="removed-notice">
            Đã xóa {what}.{' '}
            <Button
              size="small"
              type="link"
              onClick={() => {
                store.getState().undo();
                message.destroy('removed');
              }}
            >
              Hoàn tác
            </Button>
          </span>
        ),
      });
    },
    [message, store],
  );
}
