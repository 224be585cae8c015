import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { DocumentKind } from '@shared/documents';
import type { AppError } from '@shared/errors';
import { call, toAppError } from '../../api/client';
import { base64ToBytes } from './keys';

function fitWidth(el: HTMLElement): void {
  const wrapper = el.querySelector<HTMLElement>('.docx-wrapper');
  if (!wrapper) return;
  wrapper.style.zoom = '1';
  // The pages are wider than the column and centred, so measure them, not the wrapper (its overflow is cut on the left).
  const pages = [...wrapper.querySelectorAll<HTMLElement>('section.docx')];
  const natural = Math.max(0, ...pages.map((p) => p.offsetWidth)) + 60;
  if (natural > 0) wrapper.style.zoom = String(Math.min(1, el.clientWidth / natural));
}

/**
 * Shows the real generated .docx (documents.preview), rendered by docx-preview: what the clerk
 * sees is what prints. Reloads when `version` changes (after each save), at most once a second.
 */
export function DocxPreview({ kind, id, version, onRendered }: { kind: DocumentKind; id: string; version: number; onRendered?: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // The first document shows at once; later ones wait for a pause in typing.
  const first = useRef(true);

  useEffect(() => {
    let cancelled = false;
    const t = setTimeout(async () => {
      setBusy(true);
      try {
        const p = await call('documents.preview', { kind, id });
        if (cancelled || !box.current) return;
        const el = box.current;
        el.replaceChildren();
        // docx-preview (and its zip reader) is loaded the first time a preview is shown, not with the app.
        const { renderAsync } = await import('docx-preview');
        await renderAsync(base64ToBytes(p.dataBase64), el, undefined, {
          className: 'docx',
          inWrapper: true,
          ignoreWidth: false,
          ignoreHeight: false,
          breakPages: true,
          experimental: false,
        });
        fitWidth(el);
        setError(null);
        onRendered?.();
      } catch (e) {
        if (!cancelled) setError(toAppError(e));
      } finally {
        if (!cancelled) setBusy(false);
      }
    }, first.current ? 0 : 400);
    first.current = false;
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
    // onRendered is a notification only; a new function must not re-render the document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, id, version]);

  // The A4 pages shrink to the column's width (and follow it when the window is resized).
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => fitWidth(el));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

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
