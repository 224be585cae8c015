/**
 * A draft edited in the renderer and saved whole: autosave after a short pause, undo/redo at the level of a
 * clerk's action (a typing burst, an add, a delete, a move), and nothing lost — a draft the core refused, or
 * one not yet saved when the page closes, is kept in localStorage and offered back on the next open.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GeneralBody } from '@shared/schemas/general-documents';
import type { AppError } from '@shared/errors';
import { toAppError } from '../../api/client';

export interface GeneralDraft {
  subject: string;
  plannedDate: string | null;
  unitAbbr: string;
  body: GeneralBody;
}

const SAVE_AFTER_MS = 600;
/** Keystrokes closer than this belong to one typing burst: one undo step. */
const BURST_MS = 1200;
const HISTORY = 100;

type SaveState = 'saved' | 'dirty' | 'saving' | 'failed';

export function useUndoableDraft(storageKey: string, save: (d: GeneralDraft) => Promise<void>) {
  const [value, setValue] = useState<GeneralDraft | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<AppError | null>(null);
  const [savedVersion, setSavedVersion] = useState(0);
  const [restored, setRestored] = useState(false);
  const [, bump] = useState(0);
  const past = useRef<GeneralDraft[]>([]);
  const future = useRef<GeneralDraft[]>([]);
  const lastTyping = useRef(0);
  const current = useRef<GeneralDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef<Promise<void> | null>(null);
  const dirty = useRef(false);

  const keep = useCallback(
    (d: GeneralDraft) => {
      try {
        localStorage.setItem(storageKey, JSON.stringify({ at: new Date().toISOString(), draft: d }));
      } catch {
        // A full localStorage must not stop editing; the autosave still runs.
      }
    },
    [storageKey],
  );

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (saving.current) await saving.current;
    if (!dirty.current || !current.current) return;
    const d = current.current;
    dirty.current = false;
    setState('saving');
    saving.current = save(d).then(
      () => {
        if (!dirty.current) {
          setState('saved');
          localStorage.removeItem(storageKey);
        }
        setError(null);
        setSavedVersion((v) => v + 1);
      },
      (e) => {
        dirty.current = true;
        keep(d);
        setState('failed');
        setError(toAppError(e));
      },
    );
    await saving.current;
    saving.current = null;
  }, [save, storageKey, keep]);

  const schedule = useCallback(() => {
    dirty.current = true;
    setState('dirty');
    if (current.current) keep(current.current);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
  }, [flush, keep]);

  /** Applies a change to a copy; 'typing' joins the burst it belongs to, 'change' is always its own undo step. */
  const edit = useCallback(
    (fn: (d: GeneralDraft) => void, action: 'typing' | 'change' = 'typing') => {
      const before = current.current;
      if (!before) return;
      const now = Date.now();
      if (action === 'change' || now - lastTyping.current > BURST_MS) {
        past.current = [...past.current.slice(-HISTORY + 1), before];
        future.current = [];
      }
      lastTyping.current = action === 'typing' ? now : 0;
      const next = structuredClone(before);
      fn(next);
      current.current = next;
      setValue(next);
      schedule();
    },
    [schedule],
  );

  const step = useCallback(
    (from: typeof past, to: typeof future) => {
      const target = from.current[from.current.length - 1];
      if (!target || !current.current) return;
      from.current = from.current.slice(0, -1);
      to.current = [...to.current, current.current];
      lastTyping.current = 0;
      current.current = target;
      setValue(target);
      schedule();
    },
    [schedule],
  );
  const undo = useCallback(() => step(past, future), [step]);
  const redo = useCallback(() => step(future, past), [step]);

  /** Starts from the stored document; a newer draft kept locally (not saved last time) wins and is saved. */
  const reset = useCallback(
    (d: GeneralDraft, storedAt: string) => {
      past.current = [];
      future.current = [];
      let start = d;
      try {
        const kept = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as { at: string; draft: GeneralDraft } | null;
        if (kept && kept.at > storedAt) {
          start = kept.draft;
          setRestored(true);
        } else if (kept) {
          localStorage.removeItem(storageKey);
        }
      } catch {
        localStorage.removeItem(storageKey);
      }
      current.current = start;
      setValue(start);
      bump((n) => n + 1);
      if (start !== d) schedule();
      else {
        dirty.current = false;
        setState('saved');
      }
    },
    [schedule, storageKey],
  );

  // Closing or reloading the page: save what is pending; the local copy covers a save that cannot finish.
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      if (current.current) keep(current.current);
      void flush();
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [flush, keep]);

  return {
    value,
    state,
    error,
    savedVersion,
    restored,
    dismissRestored: () => setRestored(false),
    canUndo: past.current.length > 0,
    canRedo: future.current.length > 0,
    edit,
    undo,
    redo,
    flush,
    reset,
  };
}
