/**
 * The ladder of one person or unit: what they received year by year (issued here or received from above,
 * imported from Excel, noted by hand), their recognised sáng kiến, and for every form with conditions the
 * result of those conditions for the chosen year — what they could be proposed for next and what is missing.
 */
import type { z } from 'zod';
import type { ladderInput, LadderView } from '../../../../shared/schemas/award-conditions';
import { AppError } from '../../../../shared/errors';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { todayIso } from '../../util/time';
import { formInfo, loadEvidence, loadInitiatives, orgKey, personKey } from './award-evidence';
import { conditionsInForce } from './conditions';
import { orgNames } from './lookups';
import { conditionChecks, type ConditionSubject } from './rule-checks';

export async function ladder(q: Kysely<DB>, input: z.output<typeof ladderInput>): Promise<LadderView> {
  const today = todayIso();
  const year = input.year ?? Number(today.slice(0, 4));
  const target = input.personId ? 'individual' : 'collective';
  let subjectName: string;
  if (input.personId) {
    const p = await q.selectFrom('people').select(['full_name']).where('id', '=', input.personId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!p) throw new AppError('NOT_FOUND', 'Không tìm thấy cá nhân (có thể đã bị xóa).');
    subjectName = p.full_name;
  } else {
    const name = (await orgNames(q, [input.organizationId])).get(input.organizationId!);
    if (!name) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    subjectName = name;
  }
  const subjects = { personIds: input.personId ? [input.personId] : [], organizationIds: input.organizationId ? [input.organizationId] : [] };
  const key = input.personId ? personKey(input.personId) : orgKey(input.organizationId!);
  const forms = await formInfo(q);
  const entries = ((await loadEvidence(q, subjects, 1900, year + 1, forms)).get(key) ?? []).reverse();
  const initiatives = ((await loadInitiatives(q, subjects, 1900, year + 1)).get(key) ?? []).reverse();
  const order = new Map((await q.selectFrom('award_forms').select(['id', 'sort_order']).execute()).map((f) => [f.id, f.sort_order]));
  const inForce = await conditionsInForce(q, today);
  const candidates: ConditionSubject[] = [...inForce.keys()]
    .map((k) => k.split('|'))
    .filter(([, t]) => t === target)
    .map(([formId]) => ({ key: formId, target, personId: input.personId ?? null, organizationId: input.organizationId ?? null, formId, year }));
  const checks = await conditionChecks(q, candidates, today);
  const next = candidates
    .sort((a, b) => (order.get(a.formId) ?? 0) - (order.get(b.formId) ?? 0))
    .map((c) => {
      const list = checks.get(c.key) ?? [];
      return { formId: c.formId, formName: forms.get(c.formId)?.name ?? '', met: list.every((x) => x.ok), checks: list };
    });
  return { subjectName, target, year, entries, initiatives, next };
}
