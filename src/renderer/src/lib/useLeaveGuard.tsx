import { App, Button } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { addLeaveGuard } from '../stores/router';
import { registerPending } from './pendingSaves';

export interface LeaveGuardOptions {
  /** There are changes the core has not accepted (a function when a save may have just ended, before the next render). */
  dirty: boolean | (() => boolean);
  /** "phong trào", "đăng ký thi đua"… for the question. */
  what: string;
  /** Saves; resolves false when refused (the form shows why). */
  save: () => Promise<boolean>;
  /** The editor autosaves and keeps a local copy: leaving after a refused save loses nothing. */
  keptLocally?: boolean;
  /** Why the last save failed, if it did. */
  error?: string | null;
}

/**
 * Guards leaving an editing screen (the app's own navigation) and the window (beforeunload): an
 * autosaving editor saves first and only asks when the save is refused; a form saved by hand asks
 * "Lưu rồi rời đi / Bỏ thay đổi / Ở lại".
 */
export function useLeaveGuard(opts: LeaveGuardOptions): () => Promise<boolean> {
  const { modal } = App.useApp();
  const ref = useRef(opts);
  const guardRef = useRef<() => Promise<boolean>>(async () => true);
  useEffect(() => {
    ref.current = opts;
  });

  useEffect(() => {
    const ask = (title: string, content: string, okText: string, onOk: () => Promise<boolean>, discard: string | null) =>
      new Promise<boolean>((resolve) => {
        const m = modal.confirm({
          title,
          content,
          okText,
          cancelText: 'Ở lại',
          autoFocusButton: 'cancel',
          onOk: async () => resolve(await onOk()),
          onCancel: () => resolve(false),
          footer: (_, { OkBtn, CancelBtn }) => (
            <>
              {discard && (
                <Button
                  danger
                  onClick={() => {
                    m.destroy();
                    resolve(true);
                  }}
                >
                  {discard}
                </Button>
              )}
              <CancelBtn />
              <OkBtn />
            </>
          ),
        });
      });

    const isDirty = () => (typeof ref.current.dirty === 'function' ? ref.current.dirty() : ref.current.dirty);
    const guard = async () => {
      const o = ref.current;
      if (!isDirty()) return true;
      if (o.keptLocally) {
        if (await o.save()) return true;
        const why = ref.current.error ?? 'phần lõi không nhận bản nháp';
        return ask(
          `Chưa lưu được ${o.what}`,
          `${why}. Bản nháp vẫn được giữ trên máy này và sẽ được khôi phục khi mở lại.`,
          'Rời đi, giữ bản nháp trên máy',
          async () => true,
          null,
        );
      }
      return ask(`${o.what.charAt(0).toLocaleUpperCase('vi')}${o.what.slice(1)} có thay đổi chưa lưu`, 'Lưu trước khi rời đi?', 'Lưu rồi rời đi', () => o.save(), 'Bỏ thay đổi');
    };
    guardRef.current = guard;
    const offGuard = addLeaveGuard(guard);
    const offPending = registerPending({
      dirty: isDirty,
      flush: () => (ref.current.keptLocally ? ref.current.save() : Promise.resolve(!isDirty())),
      persist() {
        // A hand-saved form has no local copy: beforeunload asks instead.
      },
    });
    return () => {
      offGuard();
      offPending();
    };
  }, [modal]);
  // For leaving that is not a route change (a list inside the same screen).
  return useCallback(() => guardRef.current(), []);
}
