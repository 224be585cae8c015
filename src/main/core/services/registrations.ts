/**
 * Registrations (đăng ký thi đua): one per unit per movement phase (or whole movement), with the
 * collective titles, the individuals and the works the unit registers. Child rows keep their ids across
 * saves (matched by person / by work name) so re-entering or re-importing the same data changes nothing.
 */
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type {
  IndividualInput, IndividualView, RegistrationPage, RegistrationStatus, RegistrationSummary, RegistrationView, SaveRegistrationInput, TrackerView, WorkInput,
} from '../../../shared/schemas/registrations';
import { fold } from '../../../shared/vi-text';
import type { DB, MovementPhasesTable, RegistrationsTable } from '../db/schema';
import { receivedDates } from '../exchange/received-dates';
import { newId, nowIso } from '../util/time';
import { mergeWritten } from '../util/merge-written';
import { rowsOf, untilNextWrite } from '../util/until-next-write';
import { getOffice } from './office';
import { getOrgRow, listTree, unitLabels, unitNames, type UnitLabel, UNIT_TABLES } from './organizations';
import { matchOrCreatePerson } from './person-matching';
import { listWorks } from './works';
import { assertOwnRecord } from './ownership';

export type Change = 'new' | 'update' | 'unchanged';

export interface Scope {
  movement: { id: string; name: string; year: number };
  phase: MovementPhasesTable | null;
}

export async function loadScope(q: Kysely<DB>, movementId: string, phaseId: string | null): Promise<Scope> {
  const movement = await q.selectFrom('movements').select(['id', 'name', 'year']).where('id', '=', movementId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!movement) throw new AppError('NOT_FOUND', 'Không tìm thấy phong trào thi đua (có thể đã bị xóa).');
  let phase: MovementPhasesTable | null = null;
  if (phaseId) {
    phase = (await q.selectFrom('movement_phases').selectAll().where('id', '=', phaseId).where('movement_id', '=', movementId).executeTakeFirst()) ?? null;
    if (!phase) throw new AppError('NOT_FOUND', 'Đợt thi đua không thuộc phong trào đã chọn.');
  }
  return { movement, phase };
}

/** The live registration of a unit for a phase (null phase = whole movement). */
export async function findRegistration(q: Kysely<DB>, movementId: string, phaseId: string | null, organizationId: string): Promise<RegistrationsTable | null> {
  let query = q.selectFrom('registrations').selectAll().where('movement_id', '=', movementId).where('organization_id', '=', organizationId).where('deleted_at', 'is', null);
  query = phaseId ? query.where('phase_id', '=', phaseId) : query.where('phase_id', 'is', null);
  return (await query.executeTakeFirst()) ?? null;
}

type SignerFields = Pick<RegistrationsTable, 'signer_authority' | 'signer_title' | 'signer_name'>;

/**
 * Who signs a unit's Bản đăng ký when the clerk has not said: the office's own signer for the office's
 * registration, else the unit's BCH chairman (name unknown until typed). A blank field takes its default,
 * so the office's Bản đăng ký is never printed without a name.
 */
export async function registrationSigner(q: Kysely<DB>, organizationId: string, given: Partial<SignerFields> = {}): Promise<SignerFields> {
  const office = await getOffice(q);
  const own = office?.organizationId === organizationId;
  return {
    signer_authority: given.signer_authority || (own ? office.signerAuthority : 'TM. BAN CHẤP HÀNH'),
    signer_title: given.signer_title || (own ? office.signerTitle : 'CHỦ TỊCH'),
    signer_name: given.signer_name || (own ? office.signerName : ''),
  };
}

export async function createRegistrationRow(q: Kysely<DB>, fields: Partial<RegistrationsTable> & Pick<RegistrationsTable, 'movement_id' | 'phase_id' | 'organization_id'>): Promise<string> {
  const now = nowIso();
  const id = newId();
  const signer = await registrationSigner(q, fields.organization_id, fields);
  await q
    .insertInto('registrations')
    .values({
      id,
      // The registering unit owns its registration (DESIGN principle 6).
      owner_id: fields.organization_id,
      revision: 1,
      deleted_at: null,
      commitments: '',
      targets: '',
      collective_titles: '[]',
      member_count: null,
      status: 'received',
      submitted_on: null,
      received_on: null,
      note: '',
      created_at: now,
      updated_at: now,
      ...fields,
      ...signer,
    })
    .execute();
  return id;
}

/** Adds or updates one registered individual; the person is matched in the register or created. */
export async function upsertIndividual(
  q: Kysely<DB>,
  reg: { id: string; organization_id: string; owner_id: string | null },
  p: IndividualInput,
  sortOrder: number,
): Promise<{ change: Change; personId: string; personCreated: boolean }> {
  const organizationId = p.organizationId ?? reg.organization_id;
  let personId = p.personId;
  let personCreated = false;
  if (personId) {
    const exists = await q.selectFrom('people').select('id').where('id', '=', personId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!exists) throw new AppError('NOT_FOUND', `Không tìm thấy cá nhân "${p.fullName}" trong danh sách cá nhân.`);
  } else {
    const m = await matchOrCreatePerson(q, { fullName: p.fullName, birthYear: p.birthYear, organizationId, position: p.position });
    personId = m.id;
    personCreated = m.created;
  }
  const now = nowIso();
  const existing = await q.selectFrom('registration_individuals').selectAll().where('registration_id', '=', reg.id).where('person_id', '=', personId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!existing) {
    await q
      .insertInto('registration_individuals')
      .values({ id: newId(), owner_id: reg.owner_id, revision: 1, deleted_at: null, registration_id: reg.id, person_id: personId, organization_id: organizationId, position: p.position, title: p.title, sort_order: sortOrder, created_at: now, updated_at: now })
      .execute();
    return { change: 'new', personId, personCreated };
  }
  if (existing.title === p.title && existing.position === p.position && existing.organization_id === organizationId) return { change: 'unchanged', personId, personCreated };
  await q
    .updateTable('registration_individuals')
    .set((eb) => ({ title: p.title, position: p.position, organization_id: organizationId, revision: eb('revision', '+', 1), updated_at: now }))
    .where('id', '=', existing.id)
    .execute();
  return { change: 'update', personId, personCreated };
}

/** Adds or updates one work; without an id it is matched by its folded name within the registration. */
export async function upsertWork(q: Kysely<DB>, reg: { id: string; owner_id: string | null }, w: WorkInput, sortOrder: number): Promise<{ change: Change; id: string }> {
  const searchKey = fold(w.name);
  let query = q.selectFrom('works').selectAll().where('registration_id', '=', reg.id).where('deleted_at', 'is', null);
  query = w.id ? query.where('id', '=', w.id) : query.where('search_key', '=', searchKey);
  const existing = await query.executeTakeFirst();
  if (w.id && !existing) throw new AppError('NOT_FOUND', `Công trình "${w.name}" không thuộc bản đăng ký này.`);
  if (w.occasionId) {
    const occ = await q.selectFrom('occasions').select('id').where('id', '=', w.occasionId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!occ) throw new AppError('NOT_FOUND', `Công trình "${w.name}": không tìm thấy dịp gắn biển đã chọn.`);
  }
  const fields = {
    name: w.name,
    search_key: searchKey,
    implementer: w.implementer,
    value_dong: w.valueDong,
    start_date: w.startDate,
    finish_date: w.finishDate,
    occasion_id: w.occasionId,
    description: w.description,
  };
  const now = nowIso();
  if (!existing) {
    const id = newId();
    await q.insertInto('works').values({ id, owner_id: reg.owner_id, revision: 1, deleted_at: null, registration_id: reg.id, ...fields, sort_order: sortOrder, created_at: now, updated_at: now }).execute();
    return { change: 'new', id };
  }
  const same = (Object.keys(fields) as (keyof typeof fields)[]).every((k) => existing[k] === fields[k]);
  if (same) return { change: 'unchanged', id: existing.id };
  await q.updateTable('works').set((eb) => ({ ...fields, revision: eb('revision', '+', 1), updated_at: now })).where('id', '=', existing.id).execute();
  return { change: 'update', id: existing.id };
}

/** Entry by hand: the whole registration as the form shows it; rows left out are tombstoned. */
export async function saveRegistration(q: Kysely<DB>, input: SaveRegistrationInput): Promise<string> {
  if (input.id) await assertOwnRecord(q, 'registrations', input.id);
  await loadScope(q, input.movementId, input.phaseId);
  await getOrgRow(q, input.organizationId);
  const now = nowIso();
  const clash = await findRegistration(q, input.movementId, input.phaseId, input.organizationId);
  if (clash && clash.id !== input.id) throw new AppError('CONFLICT', 'Đơn vị này đã có bản đăng ký cho đợt thi đua đã chọn; hãy mở bản đó để sửa.');
  const fields = {
    movement_id: input.movementId,
    phase_id: input.phaseId,
    organization_id: input.organizationId,
    commitments: input.commitments,
    targets: input.targets,
    collective_titles: JSON.stringify(input.collectiveTitles),
    member_count: input.memberCount,
    status: input.status,
    submitted_on: input.submittedOn,
    received_on: input.receivedOn,
    note: input.note,
    ...(await registrationSigner(q, input.organizationId, { signer_authority: input.signerAuthority, signer_title: input.signerTitle, signer_name: input.signerName })),
  };
  let id = input.id;
  if (id) {
    const existing = await q.selectFrom('registrations').select(['id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!existing) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đăng ký (có thể đã bị xóa).');
    await q.updateTable('registrations').set((eb) => ({ ...fields, owner_id: input.organizationId, revision: eb('revision', '+', 1), updated_at: now })).where('id', '=', id).execute();
  } else {
    id = await createRegistrationRow(q, fields);
  }
  const reg = { id, organization_id: input.organizationId, owner_id: input.organizationId };
  const keptPeople: string[] = [];
  for (const [i, p] of input.individuals.entries()) {
    const r = await upsertIndividual(q, reg, p, i + 1);
    if (keptPeople.includes(r.personId)) throw new AppError('VALIDATION', `Cá nhân "${p.fullName}" có hai lần trong danh sách.`);
    keptPeople.push(r.personId);
    await q.updateTable('registration_individuals').set({ sort_order: i + 1 }).where('registration_id', '=', id).where('person_id', '=', r.personId).where('deleted_at', 'is', null).execute();
  }
  await q
    .updateTable('registration_individuals')
    .set((eb) => ({ deleted_at: now, revision: eb('revision', '+', 1), updated_at: now }))
    .where('registration_id', '=', id)
    .where('deleted_at', 'is', null)
    .where('person_id', 'not in', keptPeople.length ? keptPeople : [''])
    .execute();
  const keptWorks: string[] = [];
  for (const [i, w] of input.works.entries()) {
    const r = await upsertWork(q, reg, w, i + 1);
    if (keptWorks.includes(r.id)) throw new AppError('VALIDATION', `Công trình "${w.name}" có hai lần trong danh sách.`);
    keptWorks.push(r.id);
    await q.updateTable('works').set({ sort_order: i + 1 }).where('id', '=', r.id).execute();
  }
  await q
    .updateTable('works')
    .set((eb) => ({ deleted_at: now, revision: eb('revision', '+', 1), updated_at: now }))
    .where('registration_id', '=', id)
    .where('deleted_at', 'is', null)
    .where('id', 'not in', keptWorks.length ? keptWorks : [''])
    .execute();
  return id;
}

export async function deleteRegistration(q: Kysely<DB>, id: string): Promise<void> {
  await assertOwnRecord(q, 'registrations', id);
  const now = nowIso();
  const r = await q.updateTable('registrations').set((eb) => ({ deleted_at: now, revision: eb('revision', '+', 1), updated_at: now })).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đăng ký (có thể đã bị xóa).');
}

async function counts(q: Kysely<DB>, ids: string[]): Promise<{ people: Map<string, number>; works: Map<string, number> }> {
  const list = sql<string>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  const people = await q
    .selectFrom('registration_individuals')
    .select(['registration_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('registration_id', 'in', list)
    .where('deleted_at', 'is', null)
    .groupBy('registration_id')
    .execute();
  const works = await q
    .selectFrom('works')
    .select(['registration_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('registration_id', 'in', list)
    .where('deleted_at', 'is', null)
    .groupBy('registration_id')
    .execute();
  return {
    people: new Map(people.map((r) => [r.registration_id, Number(r.n)])),
    works: new Map(works.map((r) => [r.registration_id, Number(r.n)])),
  };
}

function toSummary(r: RegistrationsTable, names: Map<string, string>, c: Awaited<ReturnType<typeof counts>>): RegistrationSummary {
  return {
    id: r.id,
    movementId: r.movement_id,
    phaseId: r.phase_id,
    organizationId: r.organization_id,
    organizationName: names.get(r.organization_id) ?? '',
    status: r.status,
    submittedOn: r.submitted_on,
    receivedOn: r.received_on,
    collectiveTitles: JSON.parse(r.collective_titles) as string[],
    individualCount: c.people.get(r.id) ?? 0,
    workCount: c.works.get(r.id) ?? 0,
    updatedAt: r.updated_at,
  };
}

const NO_LABEL: UnitLabel = { name: '', folded: '', sort: '' };

interface OrderedRegistration {
  id: string;
  organization_id: string;
  name: string;
}

interface PlacedRegistration {
  rowid: number;
  id: string;
  organization_id: string;
  label: UnitLabel;
}

/** The vi order of the unit names, ties by id (pages never overlap). */
const byUnitName = (a: PlacedRegistration, b: PlacedRegistration): number =>
  a.label.sort < b.label.sort ? -1 : a.label.sort > b.label.sort ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The ids of a phase's registrations whose unit name matches the folded query, in the vi order of the
 * unit names (ties by id, so pages never overlap). Only ids and names are read for every row.
 */
async function orderedRegistrations(q: Kysely<DB>, movementId: string, phaseId: string | null, query: string): Promise<OrderedRegistration[]> {
  const labels = await unitLabels(q);
  const read = async (rowids?: ReadonlySet<number>) =>
    (
      await sql<Omit<PlacedRegistration, 'label'>>`SELECT r.rowid, r.id, r.organization_id FROM ${rowsOf('registrations', 'r', rowids)}
        WHERE r.movement_id = ${movementId} AND r.deleted_at IS NULL AND ${phaseId ? sql`r.phase_id = ${phaseId}` : sql`r.phase_id IS NULL`}`.execute(q)
    ).rows.map((r) => ({ ...r, label: labels.get(r.organization_id) ?? NO_LABEL }));
  // The whole phase in order is kept and patched on each registration written (the rows written re-read);
  // a unit renamed (or a new day's names in force) reads it again: the order is by those names.
  const { ordered } = await untilNextWrite(
    q,
    `registrations ${movementId} ${phaseId}`,
    ['registrations', ...UNIT_TABLES],
    async () => ({ labels, ordered: (await read()).sort(byUnitName) }),
    async (kept, written) => {
      const rowids = written.get('registrations')!;
      if (kept.labels !== labels || UNIT_TABLES.some((t) => written.get(t)!.size)) return undefined;
      return { labels, ordered: mergeWritten(kept.ordered, (r) => rowids.has(r.rowid), await read(rowids), byUnitName) };
    },
  );
  const key = fold(query);
  return (key ? ordered.filter((r) => r.label.folded.includes(key)) : ordered).map((r) => ({ id: r.id, organization_id: r.organization_id, name: r.label.name }));
}

/** Full summaries of just these registrations (counts and received dates read for them only), in the given order. */
async function summariesOf(q: Kysely<DB>, ordered: OrderedRegistration[]): Promise<RegistrationSummary[]> {
  if (!ordered.length) return [];
  const ids = ordered.map((r) => r.id);
  const rows = await q.selectFrom('registrations').selectAll().where('id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const names = new Map(ordered.map((r) => [r.organization_id, r.name]));
  const c = await counts(q, ids);
  // Received by package: "Ngày nhận" is the day it was imported here.
  const received = await receivedDates(q, 'registrations', rows.filter((r) => !r.received_on).map((r) => r.id));
  return ordered.map((o) => {
    const r = byId.get(o.id)!;
    return { ...toSummary(r, names, c), receivedOn: r.received_on ?? received.get(r.id) ?? null };
  });
}

/** Every registration of a phase, in the vi order of the unit names (the tracker, exports). */
export async function listRegistrations(q: Kysely<DB>, movementId: string, phaseId: string | null, query = ''): Promise<RegistrationSummary[]> {
  return summariesOf(q, await orderedRegistrations(q, movementId, phaseId, query));
}

/** One page of a phase's registrations: the total of matches and the rows of the page only. */
export async function pageRegistrations(
  q: Kysely<DB>,
  input: { movementId: string; phaseId: string | null; query: string; limit: number; offset: number },
): Promise<RegistrationPage> {
  const ordered = await orderedRegistrations(q, input.movementId, input.phaseId, input.query);
  return { total: ordered.length, items: await summariesOf(q, ordered.slice(input.offset, input.offset + input.limit)) };
}

export async function getRegistration(q: Kysely<DB>, id: string, reviewerId: string | null): Promise<RegistrationView> {
  const r = await q.selectFrom('registrations').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đăng ký (có thể đã bị xóa).');
  const c = await counts(q, [id]);
  const people = await q
    .selectFrom('registration_individuals as ri')
    .innerJoin('people as p', 'p.id', 'ri.person_id')
    .select(['ri.id', 'ri.person_id', 'p.full_name', 'p.birth_year', 'ri.organization_id', 'ri.position', 'ri.title'])
    .where('ri.registration_id', '=', id)
    .where('ri.deleted_at', 'is', null)
    .orderBy('ri.sort_order')
    .execute();
  const names = await unitNames(q, [r.organization_id, ...people.map((p) => p.organization_id)]);
  const individuals: IndividualView[] = people.map((p) => ({
    id: p.id,
    personId: p.person_id,
    fullName: p.full_name,
    birthYear: p.birth_year,
    organizationId: p.organization_id,
    organizationName: p.organization_id ? (names.get(p.organization_id) ?? null) : null,
    position: p.position,
    title: p.title,
  }));
  return {
    ...toSummary(r, names, c),
    commitments: r.commitments,
    targets: r.targets,
    memberCount: r.member_count,
    note: r.note,
    signer: { authority: r.signer_authority, title: r.signer_title, name: r.signer_name },
    individuals,
    works: await listWorks(q, { registrationId: id }, reviewerId),
    revision: r.revision,
  };
}

/** The units this office follows up: its direct lower units (or every unit below it), not ended. */
export async function trackedUnits(q: Kysely<DB>, officeId: string, allLevels: boolean): Promise<{ id: string; code: string; name: string }[]> {
  const nodes = (await listTree(q)).filter((n) => !n.endedOn);
  if (!allLevels) return nodes.filter((n) => n.parentId === officeId);
  // The subtree is walked down from the office: listTree is in display order (sort order, then name),
  // where a unit's first lower units can come before the unit itself.
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (!n.parentId) continue;
    const list = children.get(n.parentId);
    if (list) list.push(n.id);
    else children.set(n.parentId, [n.id]);
  }
  const below = new Set<string>();
  const queue = [officeId];
  for (let i = 0; i < queue.length; i++) {
    for (const c of children.get(queue[i]) ?? []) {
      if (below.has(c) || c === officeId) continue;
      below.add(c);
      queue.push(c);
    }
  }
  return nodes.filter((n) => below.has(n.id));
}

const REGISTERED: RegistrationStatus[] = ['submitted', 'received'];

type TrackedRegistration = Pick<RegistrationsTable, 'id' | 'organization_id' | 'status' | 'phase_id'> & { rowid: number };

/** Each unit's registration for the phase: the figures' rule (reports/figures.ts): a whole-movement registration counts in each đợt; the đợt's own wins. */
function byUnit(rows: TrackedRegistration[]): [string, TrackedRegistration][] {
  return [...rows.filter((r) => !r.phase_id), ...rows.filter((r) => r.phase_id)].map((r) => [r.organization_id, r]);
}

/**
 * Each unit's registration for a phase, kept and patched on each registration written: the units of the
 * rows written (before and after) are read again, so a unit's whole-movement registration shows again when
 * its phase one is deleted.
 */
async function trackerRegistrations(q: Kysely<DB>, movementId: string, phaseId: string | null): Promise<Map<string, TrackedRegistration>> {
  const read = async (units?: readonly string[]) =>
    (
      await sql<TrackedRegistration>`SELECT r.rowid, r.id, r.organization_id, r.status, r.phase_id FROM ${units ? sql`json_each(${JSON.stringify(units)}) AS unit CROSS JOIN registrations AS r ON r.organization_id = unit.value` : sql`registrations AS r`}
        WHERE r.movement_id = ${movementId} AND r.deleted_at IS NULL AND ${phaseId ? sql`(r.phase_id = ${phaseId} OR r.phase_id IS NULL)` : sql`r.phase_id IS NULL`}`.execute(q)
    ).rows;
  return untilNextWrite(
    q,
    `tracker registrations ${movementId} ${phaseId}`,
    ['registrations'],
    async () => new Map(byUnit(await read())),
    async (kept, written) => {
      const rowids = written.get('registrations')!;
      const units = new Set<string>();
      for (const [unit, r] of kept) if (rowids.has(r.rowid)) units.add(unit);
      const now = await sql<{ organization_id: string }>`SELECT r.organization_id FROM ${rowsOf('registrations', 'r', rowids)}`.execute(q);
      for (const r of now.rows) units.add(r.organization_id);
      const fresh = await read([...units]);
      for (const unit of units) kept.delete(unit);
      for (const [unit, r] of byUnit(fresh)) kept.set(unit, r);
      return kept;
    },
  );
}

export async function tracker(
  q: Kysely<DB>,
  officeId: string,
  movementId: string,
  phaseId: string | null,
  allLevels: boolean,
  page?: { query: string; limit: number; offset: number },
): Promise<TrackerView> {
  const scope = await loadScope(q, movementId, phaseId);
  // The units and each one's registration are kept until the next write: a page or a query only cuts them.
  const keyed = await untilNextWrite(q, `tracked units ${officeId} ${allLevels}`, UNIT_TABLES, async () =>
    (await trackedUnits(q, officeId, allLevels)).map((u) => ({ unit: u, folded: fold(`${u.name} ${u.code}`) })),
  );
  const units = keyed.map((k) => k.unit);
  const regOf = await trackerRegistrations(q, movementId, phaseId);
  const registeredCount = units.filter((u) => REGISTERED.includes(regOf.get(u.id)?.status as RegistrationStatus)).length;
  const key = fold(page?.query ?? '');
  const matching = key ? keyed.filter((k) => k.folded.includes(key)).map((k) => k.unit) : units;
  const shown = page ? matching.slice(page.offset, page.offset + page.limit) : matching;
  const regs = shown.flatMap((u) => {
    const r = regOf.get(u.id);
    return r ? [{ id: r.id, organization_id: u.id, name: u.name }] : [];
  });
  const summaries = new Map((await summariesOf(q, regs)).map((s) => [s.organizationId, s]));
  const rows = shown.map((u) => {
    const r = summaries.get(u.id);
    return {
      organizationId: u.id,
      code: u.code,
      name: u.name,
      registrationId: r?.id ?? null,
      status: r?.status ?? null,
      receivedOn: r?.receivedOn ?? null,
      individualCount: r?.individualCount ?? 0,
      workCount: r?.workCount ?? 0,
    };
  });
  return {
    movementId,
    phaseId,
    movementName: scope.movement.name,
    phaseName: scope.phase?.name ?? null,
    registrationDeadline: scope.phase?.registration_deadline ?? null,
    units: rows,
    unitTotal: matching.length,
    registeredCount,
    missingCount: units.length - registeredCount,
  };
}
