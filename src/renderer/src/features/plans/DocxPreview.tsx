import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { DocumentKind } from '@shared/documents';
import type { AppError } from '@shared/errors';
import { call, toAppError } from '../../api/client';
import { base64ToBytes } from './keys';

type Preview = { dataBase64: string };
/** A preview asked for before its pane exists (kind/id → the answer on the way), taken by the pane's first render. */
const early = new Map<string, { at: number; answer: Promise<Preview> }>();
/** An early answer older than this is not used: the pane asks again. */
const EARLY_MS = 10_000;

const loadRenderer = () => import('docx-preview');

/**
 * Starts generating a document's preview before its pane is drawn (the core makes it while the screen
 * renders its editor), and loads the preview renderer meanwhile. Asked after the current task, so the
 * record's own read, sent in this task, is answered first.
 */
export function prefetchPreview(kind: DocumentKind, id: string): void {
  setTimeout(() => {
    const answer = call('documents.preview', { kind, id });
    answer.catch(() => undefined); // the pane reports a failure when it takes the answer
    early.set(`${kind}/${id}`, { at: Date.now(), answer });
    void loadRenderer().catch(() => undefined);
  }, 0);
}

function takeEarly(kind: DocumentKind, id: string): Promise<Preview> | null {
  const key = `${kind}/${id}`;
  const e = early.get(key);
  early.delete(key);
  return e && Date.now() - e.at < EARLY_MS ? e.answer : null;
}

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
    const wasFirst = first.current;
    const t = setTimeout(async () => {
      setBusy(true);
      try {
        // The first document may already be on its way (prefetchPreview); later ones follow the saves.
        const p = await ((wasFirst && takeEarly(kind, id)) || call('documents.preview', { kind, id }));
        if (cancelled || !box.current) return;
        const el = box.current;
        el.replaceChildren();
        // docx-preview (and its zip reader) is loaded the first time a preview is shown, not with the app.
        const { renderAsync } = await loadRenderer();
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
    }, wasFirst ? 0 : 400);
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
