/**
 * Báo cáo thành tích of a nomination. Until the clerk saves one, the report is a draft prefilled from what the
 * office knows: the person's unit and position (or the collective's name), the achievement typed on the
 * nomination, titles from the registrations and issued decisions, and forms received by issued decisions.
 */
import type { Kysely } from 'kysely';
import { achievementBody, type AchievementBody, type AchievementView } from '../../../../shared/schemas/dossier';
import type { DB } from '../../db/schema';
import { newId, nowIso } from '../../util/time';
import { history } from './history';
import { getNominationRow } from './nominations';
import { orgNames } from './lookups';
import { identityIds } from '../person-identity';

/** Issued awards and recorded titles of a person or unit, split into danh hiệu and hình thức. */
async function awardsOf(q: Kysely<DB>, target: 'individual' | 'collective', personId: string | null, organizationId: string | null) {
  const kinds = new Map((await q.selectFrom('award_forms').select(['name', 'kind']).execute()).map((f) => [f.name, f.kind]));
  const rows = (await history(q, target === 'individual' ? { personId: personId!, limit: 500, query: '' } : { organizationId: organizationId!, limit: 500, query: '' }))
    // A unit's history also lists the people it put forward: keep the collective's own awards.
    .filter((r) => r.target === target && !r.correctedBy);
  const line = (r: (typeof rows)[number]) => ({ year: r.periodYear, name: r.formName, decision: `Quyết định số ${r.numberText} ngày ${r.decisionDate.split('-').reverse().join('/')}` });
  const titles = rows.filter((r) => kinds.get(r.formName) === 'title').map(line);
  const forms = rows.filter((r) => kinds.get(r.formName) !== 'title').map(line);
  if (target === 'individual' && personId) {
    const recorded = await q.selectFrom('person_titles').select(['year', 'title', 'reference']).where('person_id', 'in', await identityIds(q, personId)).where('deleted_at', 'is', null).execute();
    for (const t of recorded) {
      if (!titles.some((x) => x.year === t.year && x.name === t.title)) titles.push({ year: t.year, name: t.title, decision: t.reference });
    }
  }
  return { titles: titles.sort((a, b) => a.year - b.year), forms: forms.sort((a, b) => a.year - b.year) };
}

async function prefill(q: Kysely<DB>, nominationId: string): Promise<AchievementBody> {
  const n = await getNominationRow(q, nominationId);
  const form = await q.selectFrom('award_forms').select('name').where('id', '=', n.proposed_form_id).executeTakeFirstOrThrow();
  const names = await orgNames(q, [n.organization_id, n.source_org_id]);
  const unit = n.organization_id ? (names.get(n.organization_id) ?? '') : '';
  const person = n.person_id ? await q.selectFrom('people').selectAll().where('id', '=', n.person_id).executeTakeFirst() : undefined;
  const { titles, forms } = await awardsOf(q, n.target, n.person_id, n.organization_id);
  const profile =
    n.target === 'individual'
      ? [
          { label: 'Họ và tên', value: n.display_name },
          { label: 'Năm sinh', value: person?.birth_year ? String(person.birth_year) : '' },
          { label: 'Giới tính', value: person?.gender === 'female' ? 'Nữ' : person?.gender === 'male' ? 'Nam' : '' },
          { label: 'Chức vụ', value: person?.position ?? '' },
          { label: 'Đơn vị công tác', value: n.position_unit || unit },
        ]
      : [
          { label: 'Tên tập thể', value: n.display_name },
          { label: 'Đơn vị cấp trên trực tiếp', value: names.get(n.source_org_id) ?? '' },
          { label: 'Tổng số cán bộ, đoàn viên', value: '' },
        ];
  return achievementBody.parse({
    proposal: form.name,
    profile,
    duties: '',
    achievements: n.achievement,
    titles,
    forms,
    reporter: { name: n.target === 'individual' ? n.display_name : '', position: '' },
    confirmer: { name: '', position: '' },
  });
}

export async function getAchievement(q: Kysely<DB>, nominationId: string): Promise<AchievementView> {
  const n = await getNominationRow(q, nominationId);
  const saved = await q.selectFrom('achievement_reports').select('body').where('nomination_id', '=', nominationId).where('deleted_at', 'is', null).executeTakeFirst();
  return {
    nominationId,
    target: n.target,
    displayName: n.display_name,
    saved: Boolean(saved),
    body: saved ? achievementBody.parse(JSON.parse(saved.body)) : await prefill(q, nominationId),
  };
}

export async function saveAchievement(q: Kysely<DB>, officeId: string, nominationId: string, body: AchievementBody): Promise<void> {
  await getNominationRow(q, nominationId);
  const now = nowIso();
  const existing = await q.selectFrom('achievement_reports').select('id').where('nomination_id', '=', nominationId).where('deleted_at', 'is', null).executeTakeFirst();
  if (existing) {
    await q
      .updateTable('achievement_reports')
      .set((eb) => ({ body: JSON.stringify(body), revision: eb('revision', '+', 1), updated_at: now }))
      .where('id', '=', existing.id)
      .execute();
  } else {
    await q
      .insertInto('achievement_reports')
      .values({ id: newId(), owner_id: officeId, revision: 1, deleted_at: null, nomination_id: nominationId, body: JSON.stringify(body), created_at: now, updated_at: now })
      .execute();
  }
}
