/**
 * The checks a review runs before a nomination can be approved. Each says in plain Vietnamese what it
 * looked at and what it found, so the council sees why — not just that — a nomination is blocked.
 */
import type { Kysely } from 'kysely';
import type { RuleCheck } from '../../../../shared/schemas/commendations';
import type { DB } from '../../db/schema';
import type { NominationsTable } from '../../db/schema-commendations';
import { identityIds } from '../person-identity';
import { entryNumbers } from './lookups';
import { formatDmy } from '../../../../shared/vi-text/dates';

/** Registered for the movement (and đợt) the nomination is for: the unit, or the person in a unit's list. */
export async function registrationCheck(q: Kysely<DB>, n: NominationsTable): Promise<RuleCheck> {
  if (!n.movement_id) return { code: 'registration', ok: true, skipped: true, message: 'Đề nghị không gắn với phong trào thi đua nào: không kiểm tra đăng ký.' };
  const movement = await q.selectFrom('movements').select('name').where('id', '=', n.movement_id).executeTakeFirst();
  const phase = n.phase_id ? await q.selectFrom('movement_phases').select('name').where('id', '=', n.phase_id).executeTakeFirst() : undefined;
  const scope = `"${movement?.name ?? 'phong trào'}"${phase ? ` (${phase.name})` : ''}`;
  let regs = q
    .selectFrom('registrations as r')
    .select('r.id')
    .where('r.movement_id', '=', n.movement_id)
    .where('r.deleted_at', 'is', null);
  // A registration for the whole movement covers every đợt.
  if (n.phase_id) regs = regs.where((eb) => eb.or([eb('r.phase_id', 'is', null), eb('r.phase_id', '=', n.phase_id)]));
  if (n.target === 'collective') {
    const found = await regs.where('r.organization_id', '=', n.organization_id!).executeTakeFirst();
    return found
      ? { code: 'registration', ok: true, message: `${n.display_name} đã đăng ký thi đua ${scope}.` }
      : { code: 'registration', ok: false, message: `${n.display_name} chưa đăng ký thi đua ${scope}: tập thể không đăng ký thì không được xét.` };
  }
  const found = await regs
    .innerJoin('registration_individuals as ri', 'ri.registration_id', 'r.id')
    // Any id of the person (merged aliases included): one person, one identity.
    .where('ri.person_id', 'in', await identityIds(q, n.person_id!))
    .where('ri.deleted_at', 'is', null)
    .select('ri.title')
    .executeTakeFirst();
  return found
    ? { code: 'registration', ok: true, message: `${n.display_name} có trong danh sách đăng ký thi đua ${scope}${found.title ? ` (đăng ký: ${found.title})` : ''}.` }
    : { code: 'registration', ok: false, message: `${n.display_name} không có trong danh sách cá nhân đăng ký thi đua ${scope}: cá nhân không đăng ký thì không được xét.` };
}

/** The same form for the same period: already in an issued decision, or proposed twice. */
export async function duplicateCheck(q: Kysely<DB>, n: NominationsTable, formName: string): Promise<RuleCheck> {
  // An individual is every id of their identity (merged aliases), so a second record of them is caught too.
  const subject = n.target === 'individual' ? (['a.person_id', await identityIds(q, n.person_id!)] as const) : (['a.organization_id', [n.organization_id!]] as const);
  const given = await q
    .selectFrom('decision_awardees as a')
    .innerJoin('decisions as d', 'd.id', 'a.decision_id')
    .select(['d.id', 'd.register_entry_id', 'd.decision_date'])
    .where('d.status', '=', 'issued')
    .where('d.period_year', '=', n.period_year)
    .where('a.form_id', '=', n.proposed_form_id)
    .where('a.target', '=', n.target)
    .where(subject[0], 'in', subject[1])
    .where('a.deleted_at', 'is', null)
    // A decision replaced by an issued correction no longer counts; its correction does.
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('decisions as c').select('c.id').whereRef('c.corrects_decision_id', '=', 'd.id').where('c.status', '=', 'issued'))),
    )
    .executeTakeFirst();
  if (given) {
    const num = (await entryNumbers(q, [given.register_entry_id])).get(given.register_entry_id!) ?? '';
    return { code: 'duplicate', ok: false, message: `${n.display_name} đã được tặng "${formName}" năm ${n.period_year} theo Quyết định số ${num} ngày ${formatDmy(given.decision_date)}: không khen trùng cùng hình thức, cùng kỳ.` };
  }
  const other = await q
    .selectFrom('nominations as o')
    .select(['o.id'])
    .where('o.id', '<>', n.id)
    .where('o.deleted_at', 'is', null)
    .where('o.period_year', '=', n.period_year)
    .where('o.proposed_form_id', '=', n.proposed_form_id)
    .where('o.target', '=', n.target)
    .where(n.target === 'individual' ? 'o.person_id' : 'o.organization_id', 'in', subject[1])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('nomination_reviews as r').select('r.id').whereRef('r.nomination_id', '=', 'o.id').where('r.result', '=', 'rejected').where('r.deleted_at', 'is', null))),
    )
    .executeTakeFirst();
  if (other) return { code: 'duplicate', ok: false, message: `${n.display_name} đã có một đề nghị "${formName}" khác cho năm ${n.period_year}: chỉ xét một đề nghị (hãy không thông qua đề nghị trùng).` };
  return { code: 'duplicate', ok: true, message: `${n.display_name} chưa được tặng "${formName}" năm ${n.period_year}.` };
}

/** Exclusions the office set in Cài đặt (kỷ luật, đang bị thanh tra, xin không xét…), in force on the date. */
export async function exclusionCheck(q: Kysely<DB>, n: NominationsTable, date: string): Promise<RuleCheck> {
  const rows = await q
    .selectFrom('commendation_exclusions as e')
    .leftJoin('award_forms as f', 'f.id', 'e.form_id')
    .select(['e.reason', 'e.valid_from', 'e.valid_to', 'f.name as form_name'])
    .where('e.deleted_at', 'is', null)
    .where(n.target === 'individual' ? 'e.person_id' : 'e.organization_id', 'in', n.target === 'individual' ? await identityIds(q, n.person_id!) : [n.organization_id!])
    .where((eb) => eb.or([eb('e.form_id', 'is', null), eb('e.form_id', '=', n.proposed_form_id)]))
    .where('e.valid_from', '<=', date)
    .where((eb) => eb.or([eb('e.valid_to', 'is', null), eb('e.valid_to', '>=', date)]))
    .execute();
  if (!rows.length) return { code: 'exclusion', ok: true, message: `${n.display_name} không thuộc trường hợp loại trừ nào trong Cài đặt.` };
  const e = rows[0];
  const range = `từ ${formatDmy(e.valid_from)}${e.valid_to ? ` đến ${formatDmy(e.valid_to)}` : ''}`;
  return { code: 'exclusion', ok: false, message: `${n.display_name} thuộc trường hợp loại trừ ${range}${e.form_name ? ` (với "${e.form_name}")` : ''}: ${e.reason}.` };
}

export function votesCheck(councilSize: number, votesFor: number, requiredSharePct: number): RuleCheck {
  const ok = votesFor * 100 >= requiredSharePct * councilSize;
  const needed = Math.ceil((requiredSharePct * councilSize) / 100);
  const share = Math.round((votesFor * 1000) / councilSize) / 10;
  const text = `${votesFor}/${councilSize} thành viên hội đồng đồng ý (${String(share).replace('.', ',')}%); cần ít nhất ${requiredSharePct}% tổng số thành viên, tức ${needed} phiếu`;
  return { code: 'votes', ok, message: ok ? `Đạt: ${text}.` : `Chưa đạt: ${text}.` };
}

export async function runChecks(q: Kysely<DB>, n: NominationsTable, formName: string, date: string): Promise<RuleCheck[]> {
  return [await registrationCheck(q, n), await duplicateCheck(q, n, formName), await exclusionCheck(q, n, date)];
}
