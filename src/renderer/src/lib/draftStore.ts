/**
 * One editing model for documents edited as a whole (a plan, a decision): a draft copy of the record,
 * undo/redo at the level of a clerk's action, autosave (or save on demand), a local copy kept until the
 * core accepts it, and problems named by field before anything is sent.
 */
import { create } from 'zustand';
import { AppError } from '@shared/errors';
import { toAppError } from '../api/client';
import { dropLocalDraft, readLocalDraft, writeLocalDraft } from './localDrafts';
import { registerPending } from './pendingSaves';
import { share } from './share';

/** A problem found in the draft: the field's path key (e.g. "body.sections.0.items.0.text") and a sentence naming it. */
export interface Problem {
  path: string;
  message: string;
}

export interface DraftConfig<V, E> {
  /** Local-storage namespace: "plan", "decision". */
  kind: string;
  load(id: string): Promise<V>;
  idOf(view: V): string;
  toEditable(view: V): E;
  canEdit(view: V): boolean;
  save(view: V, draft: E): Promise<V>;
  /** Problems the core would refuse, found before sending (same zod schema as the contract). */
  check?(view: V, draft: E): Problem[];
  /** Autosave pause after the last change; null = saved when the clerk says so. */
  autosaveMs: number | null;
}

export interface DraftState<V, E> {
  view: V | null;
  draft: E | null;
  loading: boolean;
  dirty: boolean;
  saving: boolean;
  savedAt: Date | null;
  error: AppError | null;
  /** Path key → sentence, for highlighting fields. */
  problems: Record<string, string>;
  /** When a draft kept on this computer was restored on opening (ms), else null. */
  restoredAt: number | null;
  /** Bumped after each save: previews reload. */
  version: number;
  /**
   * The record (its id, "new" for one not saved yet) whose draft an editor may show: null while a load is
   * under way and after the editor is closed, so an editor never draws the previous record's draft first.
   */
  loadedId: string | null;
  canUndo: boolean;
  canRedo: boolean;
  load(id: string): Promise<void>;
  /** A fresh record from the core (after issue, a new draft): replaces draft and history. */
  setView(view: V): void;
  /**
   * Applies one change. `burst` names the field being typed in: changes to the same field within a
   * short pause make one undo step; changes without a burst (add, delete, move) are a step each.
   */
  edit(fn: (d: E) => void, burst?: string): void;
  undo(): void;
  redo(): void;
  flush(): Promise<boolean>;
  clear(): void;
  /** The editor is closed: the draft stays (unsaved work is flushed by whoever closes) but is no longer shown. */
  release(): void;
}

const BURST_MS = 1200;
const HISTORY = 200;
const LOCAL_WRITE_MS = 100;

export function createDraftStore<V, E>(cfg: DraftConfig<V, E>) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let localTimer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<boolean> | null = null;
  let past: E[] = [];
  let future: E[] = [];
  let burst: { key: string; at: number } | null = null;
  /**
   * The draft as the core last accepted it (or as loaded). Edits share unchanged parts, so undoing back to
   * it gives this very object: the editor is then clean again and nothing is saved.
   */
  let accepted: E | null = null;

  const store = create<DraftState<V, E>>((set, get) => {
    const localKey = () => {
      const v = get().view;
      return v ? `${cfg.kind}.${cfg.idOf(v)}` : null;
    };
    const persist = () => {
      clearTimeout(localTimer);
      const { draft, dirty } = get();
      const key = localKey();
      if (key && draft && dirty) writeLocalDraft(key, draft);
      // Undone back to what the core has: no copy to keep.
      else if (key && draft === accepted) dropLocalDraft(key);
    };
    const schedule = () => {
      clearTimeout(localTimer);
      localTimer = setTimeout(persist, LOCAL_WRITE_MS);
      clearTimeout(timer);
      if (cfg.autosaveMs !== null) timer = setTimeout(() => void get().flush(), cfg.autosaveMs);
    };
    const history = () => ({ canUndo: past.length > 0, canRedo: future.length > 0 });
    /** Undo or redo: the draft goes to `to`, the top of `from` becomes the draft. */
    const step = (from: E[], to: E[]) => {
      const { draft } = get();
      const target = from.pop();
      if (!draft || target === undefined) return;
      to.push(draft);
      burst = null;
      set({ draft: target, dirty: target !== accepted, ...history() });
      schedule();
    };
    const problemsOf = (list: Problem[]) => Object.fromEntries(list.map((p) => [p.path, p.message]));

    return {
      view: null,
      draft: null,
      loading: false,
      dirty: false,
      saving: false,
      savedAt: null,
      error: null,
      problems: {},
      restoredAt: null,
      version: 0,
      loadedId: null,
      canUndo: false,
      canRedo: false,
      async load(id) {
        set({ loadedId: null });
        // Whatever the previous record still had unsaved is saved (or kept locally) before switching.
        persist();
        await get().flush();
        past = [];
        future = [];
        burst = null;
        set({ loading: true, error: null, problems: {}, view: null, draft: null, dirty: false, savedAt: null, restoredAt: null, ...history() });
        try {
          const view = await cfg.load(id);
          const fresh = cfg.toEditable(view);
          accepted = fresh;
          const local = cfg.canEdit(view) ? readLocalDraft<E>(`${cfg.kind}.${cfg.idOf(view)}`) : null;
          const restore = local && JSON.stringify(local.draft) !== JSON.stringify(fresh);
          set({ view, draft: restore ? local.draft : fresh, dirty: !!restore, restoredAt: restore ? local.at : null, loading: false, version: get().version + 1, loadedId: cfg.idOf(view) });
          if (!restore && local) dropLocalDraft(`${cfg.kind}.${cfg.idOf(view)}`);
          if (restore) schedule();
        } catch (e) {
          set({ error: toAppError(e), loading: false });
        }
      },
      setView(view) {
        clearTimeout(timer);
        past = [];
        future = [];
        burst = null;
        dropLocalDraft(`${cfg.kind}.${cfg.idOf(view)}`);
        accepted = cfg.toEditable(view);
        set({ view, draft: accepted, dirty: false, error: null, problems: {}, version: get().version + 1, loadedId: cfg.idOf(view), ...history() });
      },
      edit(fn, key) {
        const { draft, view } = get();
        if (!draft || !view || !cfg.canEdit(view)) return;
        const next = structuredClone(draft);
        fn(next);
        const now = Date.now();
        if (!(key && burst && burst.key === key && now - burst.at < BURST_MS)) {
          past.push(draft);
          if (past.length > HISTORY) past.shift();
        }
        future = [];
        burst = key ? { key, at: now } : null;
        const shared = share(draft, next);
        set({ draft: shared, dirty: shared !== accepted, ...history() });
        schedule();
      },
      undo() {
        step(past, future);
      },
      redo() {
        step(future, past);
      },
      async flush() {
        clearTimeout(timer);
        if (inFlight) await inFlight;
        const { draft, view, dirty } = get();
        if (!draft || !view || !dirty || !cfg.canEdit(view)) return !get().error;
        const found = cfg.check?.(view, draft) ?? [];
        if (found.length) {
          persist();
          const first = found[0].message;
          set({ problems: problemsOf(found), error: new AppError('VALIDATION', `Chưa lưu được: ${first}`, found.map((p) => p.message)) });
          return false;
        }
        const run = (async () => {
          set({ saving: true });
          try {
            const saved = await cfg.save(view, draft);
            // Edits made during the save stay dirty and are saved next; the local copy goes only when all is saved.
            const newer = get().draft !== draft;
            accepted = draft;
            // A new record's copy was kept under "new"; once saved it has its id.
            if (!newer) for (const v of [view, saved]) dropLocalDraft(`${cfg.kind}.${cfg.idOf(v)}`);
            set({ view: saved, saving: false, dirty: newer, savedAt: new Date(), error: null, problems: {}, restoredAt: null, version: get().version + 1 });
            return true;
          } catch (e) {
            persist();
            set({ saving: false, dirty: true, error: toAppError(e) });
            return false;
          }
        })();
        inFlight = run;
        const ok = await run;
        inFlight = null;
        if (get().dirty && ok && cfg.autosaveMs !== null) timer = setTimeout(() => void get().flush(), cfg.autosaveMs);
        return ok;
      },
      clear() {
        persist();
        clearTimeout(timer);
        past = [];
        future = [];
        accepted = null;
        set({ view: null, draft: null, dirty: false, savedAt: null, error: null, problems: {}, restoredAt: null, loadedId: null, ...history() });
      },
      release() {
        set({ loadedId: null });
      },
    };
  });

  registerPending({
    dirty: () => store.getState().dirty,
    flush: () => store.getState().flush(),
    persist: () => {
      const { draft, dirty, view } = store.getState();
      if (draft && dirty && view) writeLocalDraft(`${cfg.kind}.${cfg.idOf(view)}`, draft);
    },
  });
  return store;
}
