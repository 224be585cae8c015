/**
 * The checks a review runs before a nomination can be approved. Each says in plain Vietnamese what it
 * looked at and what it found, so the council sees why — not just that — a nomination is blocked.
 */
import type { Kysely } from 'kysely';
import type { RuleCheck } from '../../../../shared/schemas/commendations';
import type { DB } from '../../db/schema';
import type { AwardConditionsTable } from '../../db/schema-award-conditions';
import type { NominationsTable } from '../../db/schema-commendations';
import { formInfo, loadDisciplines, loadEvidence, loadInitiatives, loadMembers, orgKey, personKey, type Discipline, type Evidence, type InitiativeEvidence } from './award-evidence';
import { conditionsInForce } from './conditions';
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
  // History brought in from Excel counts as given (a new office's past lives there).
  const past = await q
    .selectFrom('award_history')
    .select(['decision_number', 'decision_date', 'issuer'])
    .where(n.target === 'individual' ? 'person_id' : 'organization_id', 'in', subject[1])
    .where('target', '=', n.target)
    .where('year', '=', n.period_year)
    .where('form_id', '=', n.proposed_form_id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (past) {
    const when = past.decision_date ? ` ngày ${formatDmy(past.decision_date)}` : '';
    return { code: 'duplicate', ok: false, message: `${n.display_name} đã được tặng "${formName}" năm ${n.period_year} theo Quyết định số ${past.decision_number}${when}${past.issuer ? ` của ${past.issuer}` : ''} (lịch sử nhập từ Excel): không khen trùng cùng hình thức, cùng kỳ.` };
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
  const conditions = (await conditionChecks(q, [nominationSubject(n)], date)).get(n.id) ?? [];
  return [await registrationCheck(q, n), await duplicateCheck(q, n, formName), await exclusionCheck(q, n, date), ...conditions];
}

// ---- The form's own conditions (award_conditions), checked against the subject's history ----

/** Who is checked for what: a nomination, or a person/unit asked "what could they be proposed for". */
export interface ConditionSubject {
  key: string;
  target: 'individual' | 'collective';
  personId: string | null;
  organizationId: string | null;
  formId: string;
  year: number;
}

export function nominationSubject(n: Pick<NominationsTable, 'id' | 'target' | 'person_id' | 'organization_id' | 'proposed_form_id' | 'period_year'>): ConditionSubject {
  return { key: n.id, target: n.target, personId: n.person_id, organizationId: n.organization_id, formId: n.proposed_form_id, year: n.period_year };
}

const yearsText = (from: number, to: number) => (from === to ? `năm ${to}` : `${from}–${to}`);
const evidenceText = (list: Evidence[]) => list.map((e) => e.evidence).join('; ');

/** What one condition reads for one subject, loaded once per group of subjects that read the same thing. */
interface Read {
  evidence: Map<string, Evidence[]>;
  initiatives: Map<string, InitiativeEvidence[]>;
  disciplines: Map<string, Discipline[]>;
}

interface Loaded {
  read: (c: AwardConditionsTable, s: ConditionSubject) => Read;
  members: Map<string, { id: string; name: string }[]>;
  formName: (id: string) => string;
}

function windowOf(c: AwardConditionsTable, year: number): [number, number] {
  const last = year - c.end_offset;
  return [last - c.years + 1, last];
}

/**
 * The years a condition reads for a subject (the ladder: the latest receipt, however long ago) and the group it is
 * read in: conditions reading the same titles over the same years share one load for all their subjects.
 */
function readOf(c: AwardConditionsTable, year: number): { key: string; from: number; to: number } {
  const [from, to] = c.shape === 'ladder_gap' ? [1900, year] : windowOf(c, year);
  const what = c.shape === 'initiative' ? 'initiative' : c.shape === 'collective_share' ? `share|${c.no_discipline}|${c.subject_form_ids}` : `titles|${c.subject_form_ids}`;
  return { key: `${what}|${from}|${to}`, from, to };
}

/** One condition for one subject: what it looked at and what it found, in the words the council reads. */
const subjectSets = new WeakMap<AwardConditionsTable, Set<string>>();
function subjectsOf(c: AwardConditionsTable): Set<string> {
  let set = subjectSets.get(c);
  if (!set) subjectSets.set(c, (set = new Set(JSON.parse(c.subject_form_ids) as string[])));
  return set;
}

const subjectNameCache = new WeakMap<AwardConditionsTable, string>();
function subjectNames(c: AwardConditionsTable, d: Loaded): string {
  let names = subjectNameCache.get(c);
  if (names === undefined) subjectNameCache.set(c, (names = [...subjectsOf(c)].map(d.formName).join(' hoặc ')));
  return names;
}

function evaluate(c: AwardConditionsTable, s: ConditionSubject, d: Loaded): Pick<RuleCheck, 'ok' | 'message'> {
  const subjects = subjectsOf(c);
  const names = subjectNames(c, d);
  const [first, last] = windowOf(c, s.year);
  const key = s.target === 'individual' ? personKey(s.personId!) : orgKey(s.organizationId!);
  const read = d.read(c, s);
  const mine = (read.evidence.get(key) ?? []).filter((e) => subjects.has(e.formId));
  const inWindow = mine.filter((e) => e.year >= first && e.year <= last);
  const yearsOf = (list: Evidence[]) => [...new Set(list.map((e) => e.year))];
  switch (c.shape) {
    case 'title_each_year': {
      const years = Array.from({ length: c.years }, (_, i) => first + i);
      const have = new Set(yearsOf(inWindow));
      const missing = years.filter((y) => !have.has(y));
      const label = `${names} ${years.join(', ')}`;
      if (!missing.length) return { ok: true, message: `${label}: có (${evidenceText(inWindow)})` };
      const found = inWindow.length ? `; có: ${[...have].join(', ')} (${evidenceText(inWindow)})` : '';
      return { ok: false, message: `${label}: thiếu năm ${missing.join(', ')}${found}` };
    }
    case 'title_k_of_n': {
      const years = yearsOf(inWindow);
      const label = `${names} trong ${yearsText(first, last)}: ${years.length} lần, cần ít nhất ${c.min_count}`;
      return { ok: years.length >= c.min_count, message: inWindow.length ? `${label} (${evidenceText(inWindow)})` : `${label} (chưa có lần nào)` };
    }
    case 'form_not_within': {
      if (!inWindow.length) return { ok: true, message: `${names} trong ${yearsText(first, last)}: chưa được tặng` };
      return { ok: false, message: `${names} đã được tặng năm ${yearsOf(inWindow).join(', ')} (${evidenceText(inWindow)}): trong ${c.years} năm gần nhất` };
    }
    case 'initiative': {
      const list = (read.initiatives.get(key) ?? []).filter((i) => i.year >= first && i.year <= last);
      const need = Math.max(1, c.min_count);
      const label = `Sáng kiến, đề tài được công nhận ${yearsText(first, last)}`;
      if (!list.length) return { ok: false, message: `${label}: chưa có` };
      const text = list.map((i) => `"${i.name}" năm ${i.year}${i.recognisedBy ? `, ${i.recognisedBy}` : ''}`).join('; ');
      return { ok: list.length >= need, message: `${label}: ${list.length}${need > 1 ? `/${need} cần` : ''} (${text})` };
    }
    case 'collective_share': {
      const members = d.members.get(s.organizationId!) ?? [];
      if (!members.length) return { ok: false, message: `Chưa có danh sách cá nhân của đơn vị trong danh mục: không tính được tỷ lệ đạt ${names}` };
      const titled = members.filter((m) => (read.evidence.get(personKey(m.id)) ?? []).some((e) => subjects.has(e.formId) && e.year >= first && e.year <= last));
      const pctText = String(Math.round((titled.length * 1000) / members.length) / 10).replace('.', ',');
      const shareOk = titled.length * 100 >= c.share_pct * members.length;
      let message = `${titled.length}/${members.length} cá nhân của đơn vị (${pctText}%) đạt ${names} ${yearsText(first, last)}; cần ít nhất ${c.share_pct}%`;
      let ok = shareOk;
      if (c.no_discipline) {
        // Only exclusions overlapping this condition's own window count.
        const inWindowOf = (x: Discipline) => x.from <= `${last}-12-31` && (x.to === null || x.to >= `${first}-01-01`);
        const punished = members.map((m) => ({ m, x: (read.disciplines.get(m.id) ?? []).find(inWindowOf) })).filter((p) => p.x);
        if (punished.length) {
          ok = false;
          message += `; có cá nhân thuộc diện kỷ luật/loại trừ: ${punished.map((p) => `${p.m.name} — ${p.x!.text}`).join('; ')}`;
        } else message += '; không có cá nhân bị kỷ luật';
      }
      return { ok, message };
    }
    case 'ladder_gap': {
      const before = mine.filter((e) => e.year <= s.year);
      if (!before.length) return { ok: false, message: `Chưa được tặng ${names}` };
      const latest = before[before.length - 1];
      const gap = s.year - latest.year;
      const at = `${latest.formName} năm ${latest.year} (${latest.evidence})`;
      return gap >= c.years ? { ok: true, message: `${at}: đã ${gap} năm, cần từ ${c.years} năm` } : { ok: false, message: `${at}: mới ${gap} năm, cần từ ${c.years} năm` };
    }
  }
}

/**
 * The conditions in force on `date` for each subject's form, evaluated on the history read in bulk
 * (a handful of queries whatever the number of subjects), by subject key.
 */
export async function conditionChecks(q: Kysely<DB>, subjects: ConditionSubject[], date: string): Promise<Map<string, RuleCheck[]>> {
  const out = new Map<string, RuleCheck[]>();
  if (!subjects.length) return out;
  const inForce = await conditionsInForce(q, date, [...new Set(subjects.map((s) => s.formId))]);
  const applicable = subjects.map((s) => ({ s, conditions: inForce.get(`${s.formId}|${s.target}`) ?? [] })).filter((x) => x.conditions.length);
  if (!applicable.length) return out;
  const collectives = applicable.filter(({ s, conditions }) => s.target === 'collective' && conditions.some((c) => c.shape === 'collective_share')).map(({ s }) => s.organizationId!);
  const members = await loadMembers(q, [...new Set(collectives)]);
  // Group the subjects by what their conditions read, so each load reads only those titles over those years.
  const groups = new Map<string, { c: AwardConditionsTable; from: number; to: number; personIds: Set<string>; organizationIds: Set<string> }>();
  for (const { s, conditions } of applicable) {
    for (const c of conditions) {
      const r = readOf(c, s.year);
      let g = groups.get(r.key);
      if (!g) groups.set(r.key, (g = { c, from: r.from, to: r.to, personIds: new Set(), organizationIds: new Set() }));
      if (c.shape === 'collective_share') for (const m of members.get(s.organizationId!) ?? []) g.personIds.add(m.id);
      else if (s.target === 'individual') g.personIds.add(s.personId!);
      else g.organizationIds.add(s.organizationId!);
    }
  }
  const forms = await formInfo(q);
  const none = new Map();
  const reads = new Map<string, Read>();
  for (const [key, g] of groups) {
    const subjects = { personIds: [...g.personIds], organizationIds: [...g.organizationIds] };
    const read: Read = { evidence: none, initiatives: none, disciplines: none };
    if (g.c.shape === 'initiative') read.initiatives = await loadInitiatives(q, subjects, g.from, g.to);
    else read.evidence = await loadEvidence(q, subjects, g.from, g.to, forms, [...subjectsOf(g.c)]);
    if (g.c.shape === 'collective_share' && g.c.no_discipline) read.disciplines = await loadDisciplines(q, subjects.personIds, `${g.from}-01-01`, `${g.to}-12-31`);
    reads.set(key, read);
  }
  const loaded: Loaded = {
    read: (c, s) => reads.get(readOf(c, s.year).key)!,
    members,
    formName: (id) => forms.get(id)?.name ?? 'danh hiệu đã xóa',
  };
  for (const { s, conditions } of applicable) {
    out.set(
      s.key,
      conditions.map((c) => ({
        code: 'condition' as const,
        ...evaluate(c, s, loaded),
        condition: { id: c.id, label: c.label, source: c.source, needsCheck: c.needs_check === 1 },
      })),
    );
  }
  return out;
}
