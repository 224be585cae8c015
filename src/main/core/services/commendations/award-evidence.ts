/**
 * What a subject (person or unit) has received, year by year, from every source the checks and the
 * history screen read: issued decisions of this office or received from above (a decision replaced by an
 * issued correction no longer counts), history imported from Excel, and titles noted by hand on the
 * person (matched to the catalogue by folded name). Loaded in bulk for many subjects at once. A person is
 * read through merges (`person_merges`): what was recorded under any id of their identity is theirs.
 */
import { sql } from 'kysely';
import type { LadderEntry } from '../../../../shared/schemas/award-conditions';
import { formatDocSerial } from '../../../../shared/vi-text/doc-number';
import { fold } from '../../../../shared/vi-text/normalize';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { formatDmy } from '../../../../shared/vi-text/dates';
import { identitySets } from '../person-identity';

export type Evidence = LadderEntry;

export interface Subjects {
  personIds: string[];
  organizationIds: string[];
}

/** Subject key: "p:<id>" for a person, "o:<id>" for a unit as a collective. */
export const personKey = (id: string) => `p:${id}`;
export const orgKey = (id: string) => `o:${id}`;

function push<T>(map: Map<string, T[]>, key: string, v: T): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

/**
 * The ids to read for the asked people — every id of each one's identity — and, for each id read, the asked
 * ids it counts for (a merged duplicate's award counts for the survivor, and for the duplicate if asked).
 */
async function throughIdentities(q: Kysely<DB>, personIds: string[]): Promise<{ ids: string; askers: Map<string, string[]> }> {
  const askers = new Map<string, string[]>();
  for (const [asked, identity] of await identitySets(q, personIds)) for (const id of identity) push(askers, id, asked);
  return { ids: JSON.stringify([...askers.keys()]), askers };
}

interface FormInfo {
  name: string;
  kind: 'title' | 'form';
}

export async function formInfo(q: Kysely<DB>): Promise<Map<string, FormInfo>> {
  const rows = await q.selectFrom('award_forms').select(['id', 'name', 'kind']).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}

/**
 * Every award of the subjects in [fromYear, toYear] — of the forms `only` names, when given (a condition reads only
 * its own titles) — grouped by subject key, sorted by year.
 */
export async function loadEvidence(q: Kysely<DB>, s: Subjects, fromYear: number, toYear: number, forms: Map<string, FormInfo>, only?: string[]): Promise<Map<string, Evidence[]>> {
  const out = new Map<string, Evidence[]>();
  // No filter is spelled as every form id, so the queries keep one shape; "+form_id" keeps SQLite on the subject's
  // index (person or unit, then year) instead of the form's, which would read every line of a common title.
  const formIds = JSON.stringify(only ?? [...forms.keys()]);
  const people = await throughIdentities(q, s.personIds);
  const persons = people.ids;
  const orgs = JSON.stringify([...new Set(s.organizationIds)]);
  const entry = (formId: string, year: number, evidence: string, origin: Evidence['origin']): Evidence => {
    const f = forms.get(formId);
    return { year, formId, formName: f?.name ?? '', kind: f?.kind ?? 'form', evidence, origin };
  };

  // One query per subject kind: an OR of the two would keep SQLite from using either index.
  for (const [target, ids] of [['individual', persons], ['collective', orgs]] as const) {
    if (ids === '[]') continue;
    const column = sql.ref(target === 'individual' ? 'a.person_id' : 'a.organization_id');
    const issued = await sql<{ subject: string; form_id: string; period_year: number; decision_date: string; number: number | null; symbol: string | null }>`
      SELECT ${column} AS subject, a.form_id, d.period_year, d.decision_date, r.number, r.symbol
      FROM decision_awardees a
      JOIN decisions d ON d.id = a.decision_id
      LEFT JOIN register_entries r ON r.id = d.register_entry_id
      WHERE ${column} IN (SELECT value FROM json_each(${ids})) AND a.target = ${target} AND a.deleted_at IS NULL
        AND d.status = 'issued' AND d.deleted_at IS NULL AND d.period_year BETWEEN ${fromYear} AND ${toYear}
        AND +a.form_id IN (SELECT value FROM json_each(${formIds}))
        AND NOT EXISTS (SELECT 1 FROM decisions c WHERE c.corrects_decision_id = d.id AND c.status = 'issued')
    `.execute(q);
    // A person's row counts for each asked id of their identity; a unit is itself.
    const keysOf = target === 'individual' ? (id: string) => (people.askers.get(id) ?? []).map(personKey) : (id: string) => [orgKey(id)];
    for (const r of issued.rows) {
      const num = r.number !== null ? `${formatDocSerial(r.number)}/${r.symbol}` : '';
      const e = entry(r.form_id, r.period_year, `QĐ ${num} ngày ${formatDmy(r.decision_date)}`, 'issued');
      for (const k of keysOf(r.subject)) push(out, k, e);
    }
    const hcolumn = sql.ref(target === 'individual' ? 'person_id' : 'organization_id');
    const imported = await sql<{ subject: string; form_id: string; year: number; decision_number: string; decision_date: string | null; issuer: string }>`
      SELECT ${hcolumn} AS subject, form_id, year, decision_number, decision_date, issuer
      FROM award_history
      WHERE ${hcolumn} IN (SELECT value FROM json_each(${ids})) AND year BETWEEN ${fromYear} AND ${toYear} AND target = ${target} AND deleted_at IS NULL
        AND +form_id IN (SELECT value FROM json_each(${formIds}))
    `.execute(q);
    for (const r of imported.rows) {
      const date = r.decision_date ? ` ngày ${formatDmy(r.decision_date)}` : '';
      const issuer = r.issuer ? ` của ${r.issuer}` : '';
      const e = entry(r.form_id, r.year, `QĐ ${r.decision_number}${date}${issuer}, nhập từ Excel`, 'imported');
      for (const k of keysOf(r.subject)) push(out, k, e);
    }
  }

  // Titles the clerk noted on the person (registrations screen): counted when the text names a catalogue title.
  const wanted = new Set(only ?? forms.keys());
  const byName = new Map([...forms].filter(([id]) => wanted.has(id)).map(([id, f]) => [fold(f.name), id]));
  const noted = await sql<{ person_id: string; year: number; title: string; reference: string }>`
    SELECT person_id, year, title, reference FROM person_titles
    WHERE deleted_at IS NULL AND year BETWEEN ${fromYear} AND ${toYear} AND person_id IN (SELECT value FROM json_each(${persons}))
  `.execute(q);
  for (const r of noted.rows) {
    const formId = byName.get(fold(r.title));
    if (!formId) continue;
    for (const asked of people.askers.get(r.person_id) ?? []) {
      const key = personKey(asked);
      // An issued decision also writes the person's title: that award is already counted once.
      if (out.get(key)?.some((e) => e.formId === formId && e.year === r.year)) continue;
      push(out, key, entry(formId, r.year, r.reference ? `${r.reference}, ghi nhận thủ công` : 'ghi nhận thủ công, chưa có số quyết định', 'manual'));
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.year - b.year);
  return out;
}

export interface InitiativeEvidence {
  year: number;
  name: string;
  recognisedBy: string;
}

export async function loadInitiatives(q: Kysely<DB>, s: Subjects, fromYear: number, toYear: number): Promise<Map<string, InitiativeEvidence[]>> {
  const out = new Map<string, InitiativeEvidence[]>();
  const people = await throughIdentities(q, s.personIds);
  type Row = { person_id: string | null; organization_id: string | null; year: number; name: string; recognised_by: string };
  // One query per subject kind, each only when asked: an empty list would still cost a scan where the planner
  // cannot tell the unit index apart (most sáng kiến are a person's).
  let rows: Row[] = [];
  if (people.askers.size) {
    rows = rows.concat((await sql<Row>`
      SELECT person_id, organization_id, year, name, recognised_by FROM initiatives
      WHERE person_id IN (SELECT value FROM json_each(${people.ids})) AND year BETWEEN ${fromYear} AND ${toYear} AND deleted_at IS NULL
    `.execute(q)).rows);
  }
  if (s.organizationIds.length) {
    rows = rows.concat((await sql<Row>`
      SELECT person_id, organization_id, year, name, recognised_by FROM initiatives
      WHERE organization_id IN (SELECT value FROM json_each(${JSON.stringify(s.organizationIds)})) AND year BETWEEN ${fromYear} AND ${toYear} AND deleted_at IS NULL
    `.execute(q)).rows);
  }
  rows.sort((a, b) => a.year - b.year);
  for (const r of rows) {
    const v = { year: r.year, name: r.name, recognisedBy: r.recognised_by };
    if (r.person_id) for (const asked of people.askers.get(r.person_id) ?? []) push(out, personKey(asked), v);
    else push(out, orgKey(r.organization_id!), v);
  }
  return out;
}

/**
 * Members of units (live people of the directory in the unit), by unit id. A person recorded twice and merged
 * is one member, named by the survivor's id, so the share's denominator counts people, not records.
 */
export async function loadMembers(q: Kysely<DB>, organizationIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>();
  if (!organizationIds.length) return out;
  const rows = await sql<{ id: string; full_name: string; organization_id: string }>`
    SELECT DISTINCT COALESCE(m.survivor_id, p.id) AS id, p.full_name, p.organization_id FROM people p
    LEFT JOIN person_merges m ON m.merged_id = p.id
    WHERE p.deleted_at IS NULL AND p.organization_id IN (SELECT value FROM json_each(${JSON.stringify(organizationIds)}))
  `.execute(q);
  const seen = new Set<string>();
  for (const r of rows.rows) {
    if (seen.has(`${r.organization_id}|${r.id}`)) continue;
    seen.add(`${r.organization_id}|${r.id}`);
    push(out, r.organization_id, { id: r.id, name: r.full_name });
  }
  return out;
}

/** Exclusions for any form (kỷ luật…) overlapping [from, to], by person id, with their own dates. */
export interface Discipline {
  from: string;
  to: string | null;
  text: string;
}

export async function loadDisciplines(q: Kysely<DB>, personIds: string[], from: string, to: string): Promise<Map<string, Discipline[]>> {
  const out = new Map<string, Discipline[]>();
  if (!personIds.length) return out;
  const people = await throughIdentities(q, personIds);
  const rows = await sql<{ person_id: string; reason: string; valid_from: string; valid_to: string | null }>`
    SELECT person_id, reason, valid_from, valid_to FROM commendation_exclusions
    WHERE deleted_at IS NULL AND form_id IS NULL AND valid_from <= ${to} AND (valid_to IS NULL OR valid_to >= ${from})
      AND person_id IN (SELECT value FROM json_each(${people.ids}))
  `.execute(q);
  for (const r of rows.rows) for (const asked of people.askers.get(r.person_id) ?? []) push(out, asked, { from: r.valid_from, to: r.valid_to, text: `${r.reason} (từ ${formatDmy(r.valid_from)})` });
  return out;
}
