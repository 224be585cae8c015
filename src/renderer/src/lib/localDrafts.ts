/** Drafts kept on this computer (localStorage) until the core has accepted them: a refused or interrupted save loses nothing. */

const PREFIX = 'tdkt.draft.';

export interface LocalDraft<E> {
  /** When it was written (ms). */
  at: number;
  draft: E;
}

export function writeLocalDraft<E>(key: string, draft: E): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ at: Date.now(), draft } satisfies LocalDraft<E>));
  } catch {
    // Storage full or disabled: the autosave to the core still runs; nothing else to do here.
  }
}

export function readLocalDraft<E>(key: string): LocalDraft<E> | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const v = JSON.parse(raw) as LocalDraft<E>;
    return v && typeof v.at === 'number' && v.draft !== undefined ? v : null;
  } catch {
    return null;
  }
}

export function dropLocalDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // see writeLocalDraft
  }
}
