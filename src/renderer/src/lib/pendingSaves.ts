/**
 * Every editor with unsaved work registers here, so leaving a screen, reloading or closing the window
 * can wait for (or at least keep) that work. The Electron glue calls `window.tdktBeforeClose()` from the
 * window's `close` event and closes once it resolves; the browser gets `beforeunload`.
 */
export interface PendingSource {
  /** Has edits the core has not accepted yet. */
  dirty(): boolean;
  /** Saves now; false when the core refused (the draft is then kept locally). */
  flush(): Promise<boolean>;
  /** Writes the draft to local storage at once (synchronous: runs during unload). */
  persist(): void;
}

const sources = new Set<PendingSource>();

export function registerPending(source: PendingSource): () => void {
  sources.add(source);
  return () => void sources.delete(source);
}

export function anyDirty(): boolean {
  return [...sources].some((s) => s.dirty());
}

/** Saves everything pending; true when all of it reached the core. */
export async function flushAll(): Promise<boolean> {
  const results = await Promise.all([...sources].map((s) => s.flush().catch(() => false)));
  return results.every(Boolean);
}

declare global {
  interface Window {
    /** For the Electron glue: resolves when pending saves are done (false if one was refused and kept locally). */
    tdktBeforeClose?: () => Promise<boolean>;
  }
}

if (typeof window !== 'undefined') {
  window.tdktBeforeClose = async () => {
    for (const s of sources) s.persist();
    return flushAll();
  };
  const isElectron = typeof navigator !== 'undefined' && /Electron/.test(navigator.userAgent);
  window.addEventListener('beforeunload', (e) => {
    for (const s of sources) s.persist();
    if (!anyDirty()) return;
    void flushAll();
    // In Electron a prevented unload silently cancels the close: there the glue waits through tdktBeforeClose.
    if (!isElectron) e.preventDefault();
  });
}
