import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import {
  ORG_LEVEL_LABELS,
  ORG_LEVEL_RANK,
  type OrgDetail,
  type OrgEvent,
  type OrgLevel,
  type OrgNameVersion,
  type OrgNode,
} from '../../../shared/schemas/organizations';
import { compareVi, fold } from '../../../shared/vi-text';
import type { DB, OrganizationNamesTable, OrganizationsTable } from '../db/schema';
import { nameKeys } from '../util/name-keys';
import { SINCE_ALWAYS, newId, nowIso, todayIso } from '../util/time';
import { untilNextWrite } from '../util/until-next-write';
import { formatDmy } from '../../../shared/vi-text/dates';
import { assertOwnRecord } from './ownership';


export interface NameFields {
  name: string;
  shortName: string;
  abbreviation: string;
  placeName: string;
  parentLine: string;
}

function nameRow(orgId: string, validFrom: string, f: NameFields): OrganizationNamesTable {
  return {
    organization_id: orgId,
    valid_from: validFrom,
    name: f.name,
    short_name: f.shortName,
    abbreviation: f.abbreviation,
    place_name: f.placeName,
    parent_line: f.parentLine,
    search_key: fold(`${f.name} ${f.shortName} ${f.abbreviation}`),
  };
}

function toVersion(r: OrganizationNamesTable): OrgNameVersion {
  return {
    validFrom: r.valid_from,
    name: r.name,
    shortName: r.short_name,
    abbreviation: r.abbreviation,
    placeName: r.place_name,
    parentLine: r.parent_line,
  };
}

/** The version in force on `at`; before the first version, the first one. */
export function versionAt(versions: OrganizationNamesTable[], at: string): OrganizationNamesTable {
  let chosen = versions[0];
  for (const v of versions) if (v.valid_from <= at && v.valid_from >= chosen.valid_from) chosen = v;
  if (chosen.valid_from > at) chosen = versions.reduce((a, b) => (a.valid_from <= b.valid_from ? a : b));
  return chosen;
}

function toNode(o: OrganizationsTable, v: OrganizationNamesTable): OrgNode {
  return {
    id: o.id,
    code: o.code,
    parentId: o.parent_id,
    level: o.level as OrgLevel,
    sortOrder: o.sort_order,
    endedOn: o.ended_on,
    successorId: o.successor_id,
    ...toVersion(v),
  };
}

async function namesByOrg(q: Kysely<DB>, ids?: string[]): Promise<Map<string, OrganizationNamesTable[]>> {
  let query = q.selectFrom('organization_names').selectAll().orderBy('valid_from');
  if (ids) query = query.where('organization_id', 'in', ids.length ? ids : ['']);
  const rows = await query.execute();
  const map = new Map<string, OrganizationNamesTable[]>();
  for (const r of rows) {
    const list = map.get(r.organization_id) ?? [];
    list.push(r);
    map.set(r.organization_id, list);
  }
  return map;
}

/**
 * The names in force at `at` of just these units, for labelling list rows: one indexed query for the ids
 * on screen, never the whole tree (listTree sorts every unit with the collator: ~100 ms at 5,000 units).
 */
export async function unitNames(q: Kysely<DB>, ids: Iterable<string | null | undefined>, at = todayIso()): Promise<Map<string, string>> {
  const list = [...new Set([...ids].filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await q
    .selectFrom('organization_names')
    .innerJoin('organizations', 'organizations.id', 'organization_names.organization_id')
    .select(['organization_id', 'valid_from', 'name'])
    .where('organization_id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(list)}))`)
    .where('organizations.deleted_at', 'is', null)
    .orderBy('organization_id')
    .orderBy('valid_from')
    .execute();
  const byOrg = new Map<string, OrganizationNamesTable[]>();
  for (const r of rows) {
    const versions = byOrg.get(r.organization_id) ?? [];
    versions.push(r as OrganizationNamesTable);
    byOrg.set(r.organization_id, versions);
  }
  return new Map([...byOrg].map(([id, versions]) => [id, versionAt(versions, at).name]));
}

export interface UnitLabel {
  name: string;
  /** fold(name) */
  folded: string;
  /** viSortKey(name) */
  sort: string;
}

/**
 * Every live unit's name in force today with its search and sort keys, read once and kept until the next
 * write (`untilNextWrite`): lists of thousands of rows labelled, filtered and sorted by unit name per page.
 */
export async function unitLabels(q: Kysely<DB>): Promise<Map<string, UnitLabel>> {
  const today = todayIso();
  return untilNextWrite(q, `unit-labels ${today}`, async () => {
    const rows = await q
      .selectFrom('organization_names')
      .innerJoin('organizations', 'organizations.id', 'organization_names.organization_id')
      .select(['organization_id', 'valid_from', 'name'])
      .where('organizations.deleted_at', 'is', null)
      .orderBy('organization_id')
      .orderBy('valid_from')
      .execute();
    const labels = new Map<string, UnitLabel>();
    let versions: OrganizationNamesTable[] = [];
    const flush = () => {
      if (!versions.length) return;
      const { name } = versionAt(versions, today);
      labels.set(versions[0].organization_id, { name, ...nameKeys(name) });
      versions = [];
    };
    for (const r of rows) {
      if (versions.length && versions[0].organization_id !== r.organization_id) flush();
      versions.push(r as OrganizationNamesTable);
    }
    flush();
    return labels;
  });
}

/** Every organization with its name as at `at`, siblings in Vietnamese order. */
export async function listTree(q: Kysely<DB>, at = todayIso(), includeEnded = true): Promise<OrgNode[]> {
  let query = q.selectFrom('organizations').selectAll().where('deleted_at', 'is', null);
  if (!includeEnded) query = query.where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', at)]));
  const orgs = await query.execute();
  const names = await namesByOrg(q);
  const nodes = orgs.map((o) => toNode(o, versionAt(names.get(o.id)!, at)));
  return nodes.sort((a, b) => a.sortOrder - b.sortOrder || compareVi(a.name, b.name));
}

export async function getOrgRow(q: Kysely<DB>, id: string): Promise<OrganizationsTable> {
  const row = await q.selectFrom('organizations').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị (có thể đã bị xóa).');
  return row;
}

export async function getNode(q: Kysely<DB>, id: string, at = todayIso()): Promise<OrgNode> {
  const row = await getOrgRow(q, id);
  const names = await namesByOrg(q, [id]);
  return toNode(row, versionAt(names.get(id)!, at));
}

export async function getDetail(q: Kysely<DB>, id: string, at = todayIso()): Promise<OrgDetail> {
  const node = await getNode(q, id, at);
  const names = (await namesByOrg(q, [id])).get(id)!;
  const events = await q.selectFrom('organization_events').selectAll().where('organization_id', '=', id).orderBy('on_date').orderBy('id').execute();
  return {
    ...node,
    names: names.map(toVersion),
    events: events.map((e) => ({ kind: e.kind as OrgEvent['kind'], onDate: e.on_date, text: e.detail })),
  };
}

async function addEvent(q: Kysely<DB>, orgId: string, kind: OrgEvent['kind'], onDate: string, text: string): Promise<void> {
  await q.insertInto('organization_events').values({ organization_id: orgId, kind, on_date: onDate, detail: text, created_at: nowIso() }).execute();
}

function checkLevels(parentLevel: OrgLevel, childLevel: OrgLevel): void {
  if (ORG_LEVEL_RANK[childLevel] <= ORG_LEVEL_RANK[parentLevel]) {
    throw new AppError(
      'VALIDATION',
      `Đơn vị cấp "${ORG_LEVEL_LABELS[childLevel]}" không thể trực thuộc đơn vị cấp "${ORG_LEVEL_LABELS[parentLevel]}".`,
    );
  }
}

/** Codes are random so that two offices never hand out the same one for different units. */
async function nextCode(q: Kysely<DB>): Promise<string> {
  for (;;) {
    const code = `DV${newId().replace(/-/g, '').slice(0, 6).toUpperCase()}`;
    const hit = await q.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirst();
    if (!hit) return code;
  }
}

async function assertCodeFree(q: Kysely<DB>, code: string, exceptId?: string): Promise<void> {
  const hit = await q.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirst();
  if (hit && hit.id !== exceptId) throw new AppError('CONFLICT', `Mã đơn vị "${code}" đã được dùng cho đơn vị khác.`);
}

export interface CreateOrg extends NameFields {
  parentId: string | null;
  level: OrgLevel;
  code: string;
  validFrom?: string;
  id?: string;
  ownerId?: string | null;
}

export async function createOrg(q: Kysely<DB>, input: CreateOrg): Promise<OrgNode> {
  if (input.parentId) {
    const parent = await getOrgRow(q, input.parentId);
    if (parent.ended_on) throw new AppError('VALIDATION', 'Đơn vị cấp trên đã sáp nhập hoặc giải thể; không thể thêm đơn vị trực thuộc.');
    checkLevels(parent.level as OrgLevel, input.level);
  }
  const code = input.code || (await nextCode(q));
  await assertCodeFree(q, code);
  const id = input.id ?? newId();
  const now = nowIso();
  const siblings = await q
    .selectFrom('organizations')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('parent_id', input.parentId === null ? 'is' : '=', input.parentId)
    .executeTakeFirst();
  await q
    .insertInto('organizations')
    .values({
      id,
      code,
      parent_id: input.parentId,
      level: input.level,
      sort_order: (siblings?.m ?? 0) + 1,
      ended_on: null,
      successor_id: null,
      owner_id: input.ownerId ?? null,
      revision: 1,
      deleted_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const validFrom = input.validFrom ?? SINCE_ALWAYS;
  await q.insertInto('organization_names').values(nameRow(id, validFrom, input)).execute();
  await addEvent(q, id, 'created', validFrom === SINCE_ALWAYS ? todayIso() : validFrom, `Thêm đơn vị "${input.name}"`);
  return getNode(q, id);
}

async function touch(q: Kysely<DB>, id: string): Promise<void> {
  await q
    .updateTable('organizations')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: nowIso() }))
    .where('id', '=', id)
    .execute();
}

/** A dated rename: documents dated before `validFrom` keep the previous name. */
export async function renameOrg(q: Kysely<DB>, id: string, validFrom: string, f: NameFields): Promise<OrgNode> {
  await assertOwnRecord(q, 'organizations', id);
  await getOrgRow(q, id);
  const before = (await namesByOrg(q, [id])).get(id)!;
  const old = versionAt(before, validFrom);
  await q
    .insertInto('organization_names')
    .values(nameRow(id, validFrom, f))
    .onConflict((oc) => oc.columns(['organization_id', 'valid_from']).doUpdateSet(nameRow(id, validFrom, f)))
    .execute();
  await touch(q, id);
  await addEvent(q, id, 'renamed', validFrom, `Đổi tên từ "${old.name}" thành "${f.name}" kể từ ngày ${formatDmy(validFrom)}`);
  return getNode(q, id);
}

async function ancestors(q: Kysely<DB>, id: string | null): Promise<string[]> {
  const chain: string[] = [];
  let cur = id;
  while (cur) {
    if (chain.includes(cur)) break;
    chain.push(cur);
    const row = await q.selectFrom('organizations').select('parent_id').where('id', '=', cur).executeTakeFirst();
    cur = row?.parent_id ?? null;
  }
  return chain;
}

export async function moveOrg(q: Kysely<DB>, id: string, newParentId: string | null): Promise<OrgNode> {
  await assertOwnRecord(q, 'organizations', id);
  const row = await getOrgRow(q, id);
  if (newParentId) {
    const parent = await getOrgRow(q, newParentId);
    if ((await ancestors(q, newParentId)).includes(id)) {
      throw new AppError('VALIDATION', 'Không thể chuyển đơn vị vào chính nó hoặc vào một đơn vị trực thuộc nó.');
    }
    if (parent.ended_on) throw new AppError('VALIDATION', 'Đơn vị cấp trên mới đã sáp nhập hoặc giải thể.');
    checkLevels(parent.level as OrgLevel, row.level as OrgLevel);
  }
  if (row.parent_id === newParentId) return getNode(q, id);
  const names = await namesByOrg(q);
  const label = (oid: string | null) => (oid ? versionAt(names.get(oid)!, todayIso()).name : '(không có cấp trên)');
  await q.updateTable('organizations').set({ parent_id: newParentId }).where('id', '=', id).execute();
  await touch(q, id);
  await addEvent(q, id, 'moved', todayIso(), `Chuyển từ "${label(row.parent_id)}" sang "${label(newParentId)}"`);
  return getNode(q, id);
}

/** Merges units into another on a date: they end, their lower units move to the receiver. */
export async function mergeOrgs(q: Kysely<DB>, ids: string[], intoId: string, date: string): Promise<OrgNode> {
  for (const id of [...ids, intoId]) await assertOwnRecord(q, 'organizations', id);
  const into = await getOrgRow(q, intoId);
  if (into.ended_on) throw new AppError('VALIDATION', 'Đơn vị tiếp nhận đã sáp nhập hoặc giải thể.');
  const intoAncestors = await ancestors(q, intoId);
  const names = await namesByOrg(q);
  const nameOf = (oid: string) => versionAt(names.get(oid)!, date).name;
  for (const id of new Set(ids)) {
    if (id === intoId) throw new AppError('VALIDATION', 'Không thể sáp nhập một đơn vị vào chính nó.');
    const row = await getOrgRow(q, id);
    if (row.ended_on) throw new AppError('VALIDATION', `Đơn vị "${nameOf(id)}" đã sáp nhập hoặc giải thể từ trước.`);
    if (intoAncestors.includes(id)) throw new AppError('VALIDATION', `Không thể sáp nhập "${nameOf(id)}" vào đơn vị trực thuộc nó.`);
    const children = await q.selectFrom('organizations').selectAll().where('parent_id', '=', id).where('deleted_at', 'is', null).execute();
    for (const c of children) checkLevels(into.level as OrgLevel, c.level as OrgLevel);
    await q.updateTable('organizations').set({ parent_id: intoId }).where('parent_id', '=', id).execute();
    await q.updateTable('organizations').set({ ended_on: date, successor_id: intoId }).where('id', '=', id).execute();
    await touch(q, id);
    await addEvent(q, id, 'merged', date, `Sáp nhập vào "${nameOf(intoId)}" từ ngày ${formatDmy(date)}`);
    await addEvent(q, intoId, 'absorbed', date, `Tiếp nhận "${nameOf(id)}" từ ngày ${formatDmy(date)}`);
  }
  await touch(q, intoId);
  return getNode(q, intoId);
}

/** Diacritic-insensitive (đ→d) search over every name an organization has had. */
export async function searchOrgs(q: Kysely<DB>, query: string, limit: number): Promise<OrgNode[]> {
  const words = fold(query).split(' ').filter(Boolean);
  const all = await listTree(q);
  if (!words.length) return all.slice(0, limit);
  const names = await namesByOrg(q);
  const code = (n: OrgNode) => fold(n.code);
  return all
    .filter((n) => {
      const keys = names.get(n.id)!.map((v) => v.search_key).join(' | ') + ' ' + code(n);
      return words.every((w) => keys.includes(w));
    })
    .slice(0, limit);
}
