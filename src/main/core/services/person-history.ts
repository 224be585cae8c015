/** A person's registrations and titles across years: what the clerk checks before proposing a title. */
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { PersonHistory, PersonTitleView } from '../../../shared/schemas/registrations';
import type { DB } from '../db/schema';
import { newId, nowIso } from '../util/time';
import { formatDmy } from '../../../shared/vi-text/dates';
import { unitNames } from './organizations';
import { identityIds } from './person-identity';


export async function personHistory(q: Kysely<DB>, personId: string): Promise<PersonHistory> {
  // Read through merges: the survivor's record, with everything recorded under any of its ids.
  const ids = await identityIds(q, personId);
  const p = await q.selectFrom('people').selectAll().where('id', '=', ids[0]).where('deleted_at', 'is', null).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', 'Không tìm thấy cá nhân (có thể đã bị xóa).');
  const rows = await q
    .selectFrom('registration_individuals as ri')
    .innerJoin('registrations as r', 'r.id', 'ri.registration_id')
    .innerJoin('movements as m', 'm.id', 'r.movement_id')
    .leftJoin('movement_phases as ph', 'ph.id', 'r.phase_id')
    .select(['m.year', 'm.id as movement_id', 'm.name as movement_name', 'ph.name as phase_name', 'ri.organization_id', 'ri.position', 'ri.title', 'r.status'])
    .where('ri.person_id', 'in', ids)
    .where('ri.deleted_at', 'is', null)
    .where('r.deleted_at', 'is', null)
    .orderBy('m.year', 'desc')
    .orderBy('ph.position')
    .execute();
  const names = await unitNames(q, [p.organization_id, ...rows.map((r) => r.organization_id)]);
  const noted = await q.selectFrom('person_titles').select(['id', 'year', 'title', 'reference']).where('person_id', 'in', ids).where('deleted_at', 'is', null).execute();
  // Past awards imported from Excel (award_history), marked as such in their reference.
  const imported = await q
    .selectFrom('award_history as h')
    .innerJoin('award_forms as f', 'f.id', 'h.form_id')
    .select(['h.id', 'h.year', 'f.name as title', 'h.decision_number', 'h.decision_date'])
    .where('h.person_id', 'in', ids)
    .where('h.deleted_at', 'is', null)
    .execute();
  const titles = [
    ...noted,
    ...imported.map((h) => ({ id: h.id, year: h.year, title: h.title, reference: `Quyết định số ${h.decision_number}${h.decision_date ? ` ngày ${formatDmy(h.decision_date)}` : ''} (nhập từ Excel)` })),
  ].sort((a, b) => b.year - a.year);
  return {
    person: {
      id: p.id,
      fullName: p.full_name,
      organizationId: p.organization_id,
      organizationName: p.organization_id ? (names.get(p.organization_id) ?? null) : null,
      birthYear: p.birth_year,
      gender: p.gender as PersonHistory['person']['gender'],
      position: p.position,
    },
    registrations: rows.map((r) => ({
      year: r.year,
      movementId: r.movement_id,
      movementName: r.movement_name,
      phaseName: r.phase_name ?? null,
      organizationName: r.organization_id ? (names.get(r.organization_id) ?? null) : null,
      position: r.position,
      title: r.title,
      registrationStatus: r.status,
    })),
    titles: titles.map((t) => ({ id: t.id, year: t.year, title: t.title, reference: t.reference })),
  };
}

export async function addPersonTitle(q: Kysely<DB>, ownerId: string, input: { personId: string; year: number; title: string; reference: string }): Promise<PersonTitleView> {
  const p = await q.selectFrom('people').select('id').where('id', '=', input.personId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', 'Không tìm thấy cá nhân (có thể đã bị xóa).');
  const now = nowIso();
  const id = newId();
  await q
    .insertInto('person_titles')
    .values({ id, owner_id: ownerId, revision: 1, deleted_at: null, person_id: input.personId, year: input.year, title: input.title, reference: input.reference, created_at: now, updated_at: now })
    .execute();
  return { id, year: input.year, title: input.title, reference: input.reference };
}
