/** Sáng kiến / đề tài recognised for a person or a unit: what the "initiative" condition reads. */
import type { z } from 'zod';
import type { saveInitiativeInput } from '../../../../shared/schemas/award-conditions';
import { AppError } from '../../../../shared/errors';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { upsert } from './catalogue';

export async function saveInitiative(q: Kysely<DB>, officeId: string, input: z.output<typeof saveInitiativeInput>): Promise<void> {
  if (input.personId && !(await q.selectFrom('people').select('id').where('id', '=', input.personId).where('deleted_at', 'is', null).executeTakeFirst())) throw new AppError('NOT_FOUND', 'Không tìm thấy cá nhân.');
  if (input.organizationId && !(await q.selectFrom('organizations').select('id').where('id', '=', input.organizationId).executeTakeFirst())) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  await upsert(q, 'initiatives', undefined, officeId, {
    person_id: input.personId ?? null,
    organization_id: input.organizationId ?? null,
    year: input.year,
    name: input.name,
    recognised_by: input.recognisedBy,
  });
}
