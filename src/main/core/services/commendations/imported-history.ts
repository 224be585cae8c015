/** History lines imported from Excel (award_history) as rows of the history screen, filtered like the decisions' awardees. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { HistoryRow, historyInput } from '../../../../shared/schemas/commendations';
import { fold } from '../../../../shared/vi-text/normalize';
import type { DB } from '../../db/schema';
import { containsFolded } from './lookups';
import { identityIds } from '../person-identity';

/** unitName is left null: the caller names the units of both lists in one lookup. */
export async function importedHistoryRows(q: Kysely<DB>, input: z.output<typeof historyInput>): Promise<HistoryRow[]> {
  let s = q
    .selectFrom('award_history as h')
    .innerJoin('award_forms as f', 'f.id', 'h.form_id')
    .select(['h.id', 'h.target', 'h.person_id', 'h.organization_id', 'h.name', 'h.year', 'h.decision_number', 'h.decision_date', 'h.issuer', 'f.name as form_name'])
    .where('h.deleted_at', 'is', null);
  // A person's lines are their identity's: lines imported under a merged duplicate count.
  if (input.personId) s = s.where('h.person_id', 'in', await identityIds(q, input.personId));
  if (input.organizationId) s = s.where('h.organization_id', '=', input.organizationId);
  if (input.query) s = s.where(containsFolded('h.search_key', fold(input.query)));
  const rows = await s.orderBy('h.year', 'desc').limit(input.limit).execute();
  return rows.map((r) => ({
    awardeeId: r.id,
    decisionId: '',
    numberText: r.decision_number,
    decisionDate: r.decision_date ?? '',
    periodYear: r.year,
    target: r.target,
    personId: r.person_id,
    organizationId: r.organization_id,
    name: r.name,
    positionUnit: r.issuer ? `QĐ của ${r.issuer}` : '',
    unitName: null,
    formName: r.form_name,
    amount: 0,
    goldBookNumber: null,
    correctedBy: null,
    imported: true,
  }));
}
