import { Alert, Spin } from 'antd';
import { renderAsync } from 'docx-preview';
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '@shared/errors';
import { call, toAppError } from '../../api/client';
import { base64ToBytes } from './keys';

/**
 * Shows the real generated .docx (documents.preview), rendered by docx-preview: what the clerk
 * sees is what prints. Reloads when `version` changes (after each save), at most once a second.
 */
export function DocxPreview({ kind, id, version }: { kind: string; id: string; version: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let cancelled = false;
    const t = setTimeout(async () => {
      setBusy(true);
      try {
        const p = await call('documents.preview', { kind, id });
        if (cancelled || !box.current) return;
        const el = box.current;
        el.replaceChildren();
        await renderAsync(base64ToBytes(p.dataBase64), el, undefined, {
          className: 'docx',
          inWrapper: true,
          ignoreWidth: false,
          ignoreHeight: false,
          breakPages: true,
          experimental: false,
        });
        setError(null);
      } catch (e) {
        if (!cancelled) setError(toAppError(e));
      } finally {
        if (!cancelled) setBusy(false);
      }
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [kind, id, version]);

  return (
    <div className="docx-preview-pane" aria-label="Xem trước văn bản" data-testid="docx-preview">
      {error && <Alert type="error" showIcon title="Không tạo được bản xem trước" description={error.message} />}
      {/* The box stays outside the spinner: docx-preview owns its children and React must never re-create it. */}
      <div className="docx-preview-busy" aria-live="polite">
        {busy && (
          <>
            <Spin size="small" /> Đang tạo bản xem trước…
          </>
        )}
      </div>
      <div ref={box} className="docx-preview-box" />
    </div>
  );
}
