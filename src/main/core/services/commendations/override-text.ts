/**
 * What the tờ trình and the council's biên bản say about nominations a council approved although a condition of
 * the form was not met: who, which conditions, on which review date, and the council's reason. A document speaks
 * for one council — the tờ trình for its issuer's, the biên bản for this office's — and the biên bản also states,
 * for the council's information, the overrides of the lower councils that sent the nominations up (their reviews
 * travel with the nominations), naming each of those councils.
 */
import type { Kysely } from 'kysely';
import type { RuleCheck } from '../../../../shared/schemas/commendations';
import { formatDmy } from '../../../../shared/vi-text/dates';
import type { DB } from '../../db/schema';
import type { NominationReviewsTable } from '../../db/schema-commendations';
import { officeAndAbove } from '../ownership';
import { orgNames } from './lookups';

export interface Overridable {
  id: string;
  displayName: string;
}

/** One sentence; `council` names another office's council (a lower level's), left out for the document's own. */
export function overrideSentence(displayName: string, r: Pick<NominationReviewsTable, 'reviewed_on' | 'override_reason' | 'checks'>, council?: string): string {
  const unmet = (JSON.parse(r.checks) as RuleCheck[]).filter((c) => c.overridden && c.condition).map((c) => `“${c.condition!.label}”`);
  const who = council ? `Hội đồng Thi đua - Khen thưởng ${council}` : 'Hội đồng Thi đua - Khen thưởng';
  return `Đối với ${displayName}: ${who} họp ngày ${formatDmy(r.reviewed_on)} đã thông qua đề nghị khi chưa đạt điều kiện ${unmet.join('; ')}. Lý do: ${r.override_reason.replace(/\.$/, '')}.`;
}

/** The latest review of each nomination among the councils `which` accepts, when it is an approval with an override. */
async function latestOverrides(q: Kysely<DB>, items: Overridable[], which: (ownerId: string | null) => boolean): Promise<Map<string, NominationReviewsTable>> {
  const out = new Map<string, NominationReviewsTable>();
  if (!items.length) return out;
  const rows = await q
    .selectFrom('nomination_reviews')
    .selectAll()
    .where('nomination_id', 'in', items.map((n) => n.id))
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
  const latest = new Map<string, NominationReviewsTable>();
  for (const r of rows) if (which(r.owner_id)) latest.set(r.nomination_id, r);
  for (const [id, r] of latest) if (r.result === 'approved' && r.override_reason) out.set(id, r);
  return out;
}

/** The overrides of one council (the document's own: unnamed), in the order of the items. */
export async function councilOverrides(q: Kysely<DB>, items: Overridable[], councilId: string): Promise<string[]> {
  const found = await latestOverrides(q, items, (owner) => owner === councilId);
  return items.filter((n) => found.has(n.id)).map((n) => overrideSentence(n.displayName, found.get(n.id)!));
}

/** The overrides of the lower councils that sent the nominations up (reviews received with them), each council named. */
export async function lowerCouncilOverrides(q: Kysely<DB>, items: Overridable[], officeId: string): Promise<string[]> {
  const deciding = await officeAndAbove(q, officeId);
  const found = await latestOverrides(q, items, (owner) => owner !== null && !deciding.has(owner));
  const names = await orgNames(q, [...found.values()].map((r) => r.owner_id));
  return items.filter((n) => found.has(n.id)).map((n) => {
    const r = found.get(n.id)!;
    return overrideSentence(n.displayName, r, names.get(r.owner_id!) ?? 'cấp dưới');
  });
}
