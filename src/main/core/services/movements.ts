/** Movements (phong trào thi đua) with their phases (đợt) and the occasions they celebrate. */
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { MovementSummary, MovementView, PhaseInput, PhaseView } from '../../../shared/schemas/movements';
import type { DB, MovementPhasesTable, MovementsTable } from '../db/schema';
import { newId, nowIso } from '../util/time';
import { getNode, getOrgRow } from './organizations';
import { assertOwnRecord } from './ownership';


export interface SaveMovement {
  id?: string;
  year: number;
  organizationId: string;
  name: string;
  themes: string[];
  sectors: string[];
  phases: PhaseInput[];
  occasionIds: string[];
}

function toPhase(r: MovementPhasesTable): PhaseView {
  return {
    id: r.id,
    name: r.name,
    startDate: r.start_date,
    startMonthOnly: r.start_month_only === 1,
    endDate: r.end_date,
    endMonthOnly: r.end_month_only === 1,
    registrationDeadline: r.registration_deadline,
    reportDeadline: r.report_deadline,
    description: r.description,
  };
}

async function summaries(q: Kysely<DB>, rows: MovementsTable[]): Promise<MovementSummary[]> {
  const out: MovementSummary[] = [];
  for (const r of rows) {
    const org = await getNode(q, r.organization_id, `${r.year}-12-31`);
    const phases = await q.selectFrom('movement_phases').select((eb) => eb.fn.countAll<number>().as('n')).where('movement_id', '=', r.id).executeTakeFirst();
    const plans = await q
      .selectFrom('plans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('movement_id', '=', r.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    out.push({
      id: r.id,
      year: r.year,
      name: r.name,
      organizationId: r.organization_id,
      organizationName: org.name,
      phaseCount: Number(phases?.n ?? 0),
      planCount: Number(plans?.n ?? 0),
      updatedAt: r.updated_at,
    });
  }
  return out;
}

export async function listMovements(q: Kysely<DB>, year?: number): Promise<MovementSummary[]> {
  let query = q.selectFrom('movements').selectAll().where('deleted_at', 'is', null);
  if (year !== undefined) query = query.where('year', '=', year);
  const rows = await query.orderBy('year', 'desc').orderBy('created_at', 'desc').execute();
  return summaries(q, rows);
}

async function movementRow(q: Kysely<DB>, id: string): Promise<MovementsTable> {
  const row = await q.selectFrom('movements').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy phong trào thi đua (có thể đã bị xóa).');
  return row;
}

export async function getMovement(q: Kysely<DB>, id: string): Promise<MovementView> {
  const row = await movementRow(q, id);
  const [summary] = await summaries(q, [row]);
  const phases = await q.selectFrom('movement_phases').selectAll().where('movement_id', '=', id).orderBy('position').execute();
  const links = await q
    .selectFrom('movement_occasions')
    .innerJoin('occasions', 'occasions.id', 'movement_occasions.occasion_id')
    .select('occasions.id')
    .where('movement_occasions.movement_id', '=', id)
    .where('occasions.deleted_at', 'is', null)
    .execute();
  return {
    ...summary,
    themes: JSON.parse(row.themes) as string[],
    sectors: JSON.parse(row.sectors) as string[],
    phases: phases.map(toPhase),
    occasionIds: links.map((l) => l.id),
    revision: row.revision,
  };
}

/** Creates or replaces a movement with its phases and occasion links (one transaction, by the caller). */
export async function saveMovement(q: Kysely<DB>, input: SaveMovement, ownerId: string | null): Promise<string> {
  if (input.id) await assertOwnRecord(q, 'movements', input.id);
  await getOrgRow(q, input.organizationId);
  const occasionIds = [...new Set(input.occasionIds)];
  if (occasionIds.length) {
    const found = await q.selectFrom('occasions').select('id').where('id', 'in', occasionIds).where('deleted_at', 'is', null).execute();
    if (found.length !== occasionIds.length) throw new AppError('NOT_FOUND', 'Có ngày kỷ niệm không còn trong danh mục; hãy tải lại và chọn lại.');
  }
  const now = nowIso();
  const fields = {
    year: input.year,
    organization_id: input.organizationId,
    name: input.name,
    themes: JSON.stringify(input.themes),
    sectors: JSON.stringify(input.sectors),
    updated_at: now,
  };
  let id = input.id;
  if (id) {
    await movementRow(q, id);
    await q
      .updateTable('movements')
      .set((eb) => ({ ...fields, revision: eb('revision', '+', 1) }))
      .where('id', '=', id)
      .execute();
  } else {
    id = newId();
    await q.insertInto('movements').values({ id, owner_id: ownerId, revision: 1, deleted_at: null, created_at: now, ...fields }).execute();
  }
  await savePhases(q, id, input.phases);
  await q.deleteFrom('movement_occasions').where('movement_id', '=', id).execute();
  for (const oid of occasionIds) await q.insertInto('movement_occasions').values({ movement_id: id, occasion_id: oid }).execute();
  return id;
}

/**
 * Updates the đợt in place: registrations, nominations, decisions and reports refer to a phase by id, so a kept
 * phase is UPDATEd (never deleted and re-inserted), a new one inserted, and a removed one deleted only when
 * nothing refers to it; otherwise the save is refused with a sentence naming what refers to it.
 */
async function savePhases(q: Kysely<DB>, movementId: string, phases: SaveMovement['phases']): Promise<void> {
  const existing = new Set(
    (await q.selectFrom('movement_phases').select('id').where('movement_id', '=', movementId).execute()).map((r) => r.id),
  );
  const kept = new Set<string>();
  const rows = phases.map((p, position) => {
    // An id of another movement's phase (a copied form), or one given twice, gets a fresh id.
    const pid = p.id && existing.has(p.id) && !kept.has(p.id) ? p.id : newId();
    kept.add(pid);
    return {
      id: pid,
      movement_id: movementId,
      position,
      name: p.name,
      start_date: p.startDate,
      start_month_only: p.startMonthOnly ? 1 : 0,
      end_date: p.endDate,
      end_month_only: p.endMonthOnly ? 1 : 0,
      registration_deadline: p.registrationDeadline,
      report_deadline: p.reportDeadline,
      description: p.description,
    };
  });
  const removed = [...existing].filter((pid) => !kept.has(pid));
  if (removed.length) {
    const refs = await phaseReferences(q, removed);
    if (refs.length) throw new AppError('CONFLICT', refs.join(' '));
    await q.deleteFrom('movement_phases').where('id', 'in', removed).execute();
  }
  for (const row of rows) {
    if (existing.has(row.id)) {
      const { id: pid, ...fields } = row;
      await q.updateTable('movement_phases').set(fields).where('id', '=', pid).execute();
    } else {
      await q.insertInto('movement_phases').values(row).execute();
    }
  }
}

/** What refers to the given phases (every table with a phase_id foreign key), one Vietnamese sentence per phase. */
async function phaseReferences(q: Kysely<DB>, phaseIds: string[]): Promise<string[]> {
  const count = async (table: 'registrations' | 'nominations' | 'decisions' | 'phase_reports') =>
    new Map(
      (
        await q
          .selectFrom(table)
          .select((eb) => ['phase_id', eb.fn.countAll<number>().as('n')])
          .where('phase_id', 'in', phaseIds)
          .groupBy('phase_id')
          .execute()
      ).map((r) => [r.phase_id, Number(r.n)]),
    );
  const kinds = [
    ['đăng ký thi đua', await count('registrations')],
    ['đề nghị khen thưởng', await count('nominations')],
    ['quyết định khen thưởng', await count('decisions')],
    ['báo cáo kết quả', await count('phase_reports')],
  ] as const;
  const names = new Map(
    (await q.selectFrom('movement_phases').select(['id', 'name']).where('id', 'in', phaseIds).execute()).map((r) => [r.id, r.name]),
  );
  const out: string[] = [];
  for (const pid of phaseIds) {
    const parts = kinds.filter(([, m]) => m.get(pid)).map(([label, m]) => `${m.get(pid)} ${label}`);
    if (parts.length) {
      out.push(`Không bỏ được đợt “${names.get(pid) ?? ''}” vì đã có ${parts.join(', ')} gắn với đợt này; hãy giữ đợt (có thể đổi tên, đổi ngày).`);
    }
  }
  return out;
}

export async function deleteMovement(q: Kysely<DB>, id: string): Promise<void> {
  await assertOwnRecord(q, 'movements', id);
  await movementRow(q, id);
  const plan = await q.selectFrom('plans').select('id').where('movement_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (plan) throw new AppError('CONFLICT', 'Phong trào đã có kế hoạch; hãy xóa các bản nháp kế hoạch trước. Kế hoạch đã ban hành thì phong trào được giữ lại.');
  await q
    .updateTable('movements')
    .set((eb) => ({ deleted_at: nowIso(), revision: eb('revision', '+', 1), updated_at: nowIso() }))
    .where('id', '=', id)
    .execute();
}
