/**
 * The plan being edited. Every change marks the draft dirty and schedules a save 800 ms after the
 * last keystroke; saves run one at a time and a change made during a save is saved right after it.
 */
import { create } from 'zustand';
import type { AppError } from '@shared/errors';
import type { PlanBody, PlanView } from '@shared/schemas/plans';
import { call, toAppError } from '../../api/client';
import { newKey } from './keys';
import { share } from './share';

export interface Editable {
  subject: string;
  plannedDate: string | null;
  movementId: string | null;
  body: PlanBody;
}

interface DraftState {
  plan: PlanView | null;
  draft: Editable | null;
  loading: boolean;
  dirty: boolean;
  saving: boolean;
  savedAt: Date | null;
  error: AppError | null;
  /** Bumped after each save: the preview reloads. */
  version: number;
  load(id: string): Promise<void>;
  setPlan(plan: PlanView): void;
  edit(fn: (d: Editable) => void): void;
  flush(): Promise<boolean>;
  clear(): void;
}

const AUTOSAVE_MS = 800;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> | null = null;

/** Gives every block a key so lists can be reordered. */
function withKeys(body: PlanBody): PlanBody {
  const k = <T extends { key?: string }>(x: T): T => ({ ...x, key: x.key || newKey() });
  return {
    ...body,
    sections: body.sections.map((s) => k({ ...s, content: s.content.map(k), items: s.items.map((it) => k({ ...it, content: it.content.map(k) })) })),
    recipients: { ...body.recipients, groups: body.recipients.groups.map((g) => k({ ...g, items: g.items.map(k) })) },
  };
}

function editableOf(plan: PlanView): Editable {
  return { subject: plan.subject, plannedDate: plan.plannedDate, movementId: plan.movementId, body: withKeys(plan.body) };
}

export const usePlanDraft = create<DraftState>((set, get) => ({
  plan: null,
  draft: null,
  loading: false,
  dirty: false,
  saving: false,
  savedAt: null,
  error: null,
  version: 0,
  async load(id) {
    // Whatever the previous plan still had unsaved is saved before switching.
    await get().flush();
    set({ loading: true, error: null, plan: null, draft: null, dirty: false, savedAt: null });
    try {
      const plan = await call('plans.get', { id });
      set({ plan, draft: editableOf(plan), loading: false, version: get().version + 1 });
    } catch (e) {
      set({ error: toAppError(e), loading: false });
    }
  },
  setPlan(plan) {
    clearTimeout(timer);
    set({ plan, draft: editableOf(plan), dirty: false, version: get().version + 1 });
  },
  edit(fn) {
    const { draft, plan } = get();
    if (!draft || !plan || plan.status !== 'draft') return;
    const next = structuredClone(draft);
    fn(next);
    set({ draft: share(draft, next), dirty: true });
    clearTimeout(timer);
    timer = setTimeout(() => void get().flush(), AUTOSAVE_MS);
  },
  async flush() {
    clearTimeout(timer);
    if (inFlight) await inFlight;
    const { draft, plan, dirty } = get();
    if (!draft || !plan || !dirty || plan.status !== 'draft') return !get().error;
    const run = (async () => {
      set({ saving: true, dirty: false });
      try {
        const saved = await call('plans.save', { id: plan.id, ...draft });
        set({ plan: saved, saving: false, savedAt: new Date(), error: null, version: get().version + 1 });
        return true;
      } catch (e) {
        set({ saving: false, dirty: true, error: toAppError(e) });
        return false;
      }
    })();
    inFlight = run;
    const ok = await run;
    inFlight = null;
    if (get().dirty && ok) timer = setTimeout(() => void get().flush(), AUTOSAVE_MS);
    return ok;
  },
  clear() {
    clearTimeout(timer);
    set({ plan: null, draft: null, dirty: false, savedAt: null, error: null });
  },
}));
