/**
 * The plan being edited: a draft store (lib/draftStore) that autosaves 800 ms after the last change,
 * keeps a local copy until the core accepts it, and undoes a clerk's action at a time.
 */
import type { PlanBody, PlanView } from '@shared/schemas/plans';
import { call } from '../../api/client';
import { createDraftStore } from '../../lib/draftStore';
import { newKey } from './keys';
import { planProblems } from './planProblems';

export interface Editable {
  subject: string;
  plannedDate: string | null;
  movementId: string | null;
  body: PlanBody;
}

/** Gives every block a key so lists can be reordered. */
function withKeys(body: PlanBody): PlanBody {
  const k = <T extends { key?: string }>(x: T): T => ({ ...x, key: x.key || newKey() });
  return {
    ...body,
    sections: body.sections.map((s) => k({ ...s, content: s.content.map(k), items: s.items.map((it) => k({ ...it, content: it.content.map(k) })) })),
    recipients: { ...body.recipients, groups: body.recipients.groups.map((g) => k({ ...g, items: g.items.map(k) })) },
  };
}

export const usePlanDraft = createDraftStore<PlanView, Editable>({
  kind: 'plan',
  load: (id) => call('plans.get', { id }),
  idOf: (p) => p.id,
  toEditable: (p) => ({ subject: p.subject, plannedDate: p.plannedDate, movementId: p.movementId, body: withKeys(p.body) }),
  canEdit: (p) => p.status === 'draft',
  save: (p, d) => call('plans.save', { id: p.id, ...d }),
  check: (p, d) => planProblems({ id: p.id, ...d }),
  autosaveMs: 800,
});
