/**
 * The figures of one đợt (or a whole movement) for this office, composed from the data: which direct
 * lower units registered, their individuals and works, works approved / with plaques, commendations by
 * form with money (issued decisions not replaced by a correction), and the reports the lower units sent up.
 * A handful of grouped kysely queries, one read round.
 *
 * This is the one home of the office's figures: the Báo cáo, the công văn đôn đốc, the danh sách công trình,
 * the registration tracker and the dashboard all read them here, under one rule (documents/wording.ts
 * WHOLE_MOVEMENT_RULE): a registration, its works, or a decision made for the whole movement counts in each
 * of its đợt. Reports received from lower units count in the đợt they were made for.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { FigureTotals, FormFigures, LowerReport, PhaseFigures, PhaseLine, UnitFigures } from '../../../../shared/schemas/reports';
import { compareVi } from '../../../../shared/vi-text/collate';
import { formatDocSerial } from '../../../../shared/vi-text/doc-number';
import type { DB, RegistrationsTable, WorkReviewsTable } from '../../db/schema';
import { nowIso } from '../../util/time';
import { listTree } from '../organizations';

const REGISTERED: RegistrationsTable['status'][] = ['submitted', 'received'];
const APPROVED: WorkReviewsTable['status'][] = ['approved', 'plaque_attached', 'done'];
const PLAQUE: WorkReviewsTable['status'][] = ['plaque_attached', 'done'];

export function emptyTotals(): FigureTotals {
  return { units: 0, registered: 0, notRegistered: 0, individuals: 0, works: 0, worksApproved: 0, plaques: 0, collectivesAwarded: 0, individualsAwarded: 0, amount: 0, reportsReceived: 0 };
}

interface Scope {
  movement: { id: string; name: string; year: number };
  phase: { id: string; name: string } | null;
}

async function loadScope(db: Kysely<DB>, movementId: string, phaseId: string | null): Promise<Scope> {
  const movement = await db.selectFrom('movements').select(['id', 'name', 'year']).where('id', '=', movementId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!movement) throw new AppError('NOT_FOUND', 'Không tìm thấy phong trào thi đua (có thể đã bị xóa).');
  if (!phaseId) return { movement, phase: null };
  const phase = await db.selectFrom('movement_phases').select(['id', 'name']).where('id', '=', phaseId).where('movement_id', '=', movementId).executeTakeFirst();
  if (!phase) throw new AppError('NOT_FOUND', 'Đợt thi đua không thuộc phong trào đã chọn.');
  return { movement, phase };
}

/** Registrations of the movement that count for the đợt: a registration for the whole movement covers every đợt. */
function registrationsFor(db: Kysely<DB>, movementId: string, phaseId: string | null) {
  return db
    .selectFrom('registrations as r')
    .where('r.deleted_at', 'is', null)
    .where('r.movement_id', '=', movementId)
    .$if(!!phaseId, (q) => q.where((eb) => eb.or([eb('r.phase_id', '=', phaseId), eb('r.phase_id', 'is', null)])));
}

/** How many works of the group this office's own review has in one of the statuses (or, `without`, not). */
function reviewedAs(officeId: string, statuses: WorkReviewsTable['status'][], without = false) {
  return (eb: ExpressionBuilder<DB & { w: DB['works'] }, 'w'>) => {
    const review = eb.exists(
      eb.selectFrom('work_reviews as v').select('v.id').whereRef('v.work_id', '=', 'w.id').where('v.owner_id', '=', officeId).where('v.deleted_at', 'is', null).where('v.status', 'in', statuses),
    );
    return eb.fn<number>('sum', [without ? eb.not(review) : review]);
  };
}

export async function composeFigures(db: Kysely<DB>, officeId: string, movementId: string, phaseId: string | null): Promise<PhaseFigures> {
  const scope = await loadScope(db, movementId, phaseId);
  const tree = await listTree(db);
  const names = new Map(tree.map((n) => [n.id, n.name]));
  const parentOf = new Map(tree.map((n) => [n.id, n.parentId]));
  const tracked = tree.filter((n) => n.parentId === officeId && !n.endedOn);
  const trackedIds = new Set(tracked.map((n) => n.id));
  /** The direct lower unit a (possibly deeper) unit belongs to, so awards roll up to the rows of the table. */
  const rollUp = (orgId: string | null): string | null => {
    for (let id = orgId, guard = 0; id && guard < 50; id = parentOf.get(id) ?? null, guard++) if (trackedIds.has(id)) return id;
    return null;
  };

  const units = new Map<string, UnitFigures>(
    tracked.map((n) => [n.id, { organizationId: n.id, code: n.code, name: n.name, registered: false, individuals: 0, works: 0, worksApproved: 0, plaques: 0, collectivesAwarded: 0, individualsAwarded: 0, amount: 0, reportNumber: null }]),
  );

  const registered = await registrationsFor(db, movementId, phaseId).select('r.organization_id as org').where('r.status', 'in', REGISTERED).distinct().execute();
  for (const r of registered) {
    const u = units.get(r.org);
    if (u) u.registered = true;
  }
  const individuals = await registrationsFor(db, movementId, phaseId)
    .innerJoin('registration_individuals as i', 'i.registration_id', 'r.id')
    .where('i.deleted_at', 'is', null)
    .select((eb) => ['r.organization_id as org', eb.fn.countAll<number>().as('n')])
    .groupBy('r.organization_id')
    .execute();
  for (const r of individuals) {
    const u = units.get(r.org);
    if (u) u.individuals = Number(r.n);
  }

  const workRows = await registrationsFor(db, movementId, phaseId)
    .innerJoin('works as w', 'w.registration_id', 'r.id')
    .where('w.deleted_at', 'is', null)
    .select((eb) => [
      'r.organization_id as org',
      // A work this office refused is not counted.
      reviewedAs(officeId, ['refused'], true)(eb).as('works'),
      reviewedAs(officeId, APPROVED)(eb).as('approved'),
      reviewedAs(officeId, PLAQUE)(eb).as('plaques'),
    ])
    .groupBy('r.organization_id')
    .execute();
  for (const w of workRows) {
    const u = units.get(w.org);
    if (!u) continue;
    u.works = Number(w.works);
    u.worksApproved = Number(w.approved);
    u.plaques = Number(w.plaques);
  }

  // Awards of issued decisions of this movement (and đợt) that no issued correction replaced.
  const awards = await db
    .selectFrom('decision_awardees as a')
    .innerJoin('decisions as d', 'd.id', 'a.decision_id')
    .innerJoin('award_forms as f', 'f.id', 'a.form_id')
    .select((eb) => ['a.target', 'a.organization_id as org', eb.fn.coalesce('a.amount', eb.lit(0)).as('amount'), 'f.id as form_id', 'f.name as form_name', 'f.kind', 'f.issuing_level as level'])
    .where('d.status', '=', 'issued')
    .where('d.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where('d.movement_id', '=', movementId)
    .$if(!!phaseId, (q) => q.where((eb) => eb.or([eb('d.phase_id', '=', phaseId), eb('d.phase_id', 'is', null)])))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('decisions as c').select('c.id').whereRef('c.corrects_decision_id', '=', 'd.id').where('c.status', '=', 'issued').where('c.deleted_at', 'is', null))),
    )
    .orderBy('f.sort_order')
    .orderBy('f.name')
    .execute();
  const byForm = new Map<string, FormFigures>();
  for (const a of awards) {
    const f = byForm.get(a.form_id) ?? { formId: a.form_id, formName: a.form_name, kind: a.kind, level: a.level, collectives: 0, individuals: 0, amount: 0 };
    if (a.target === 'collective') f.collectives++;
    else f.individuals++;
    f.amount += a.amount;
    byForm.set(a.form_id, f);
    const u = units.get(rollUp(a.org) ?? '');
    if (u) {
      if (a.target === 'collective') u.collectivesAwarded++;
      else u.individualsAwarded++;
      u.amount += a.amount;
    }
  }
  const forms = [...byForm.values()];

  const lowerReports: LowerReport[] = [];
  const received = await db
    .selectFrom('phase_reports as p')
    .leftJoin('register_entries as e', 'e.id', 'p.register_entry_id')
    .select(['p.id', 'p.organization_id as org', 'p.subject', 'p.issued_date', 'p.figures', 'e.number', 'e.symbol'])
    .where('p.deleted_at', 'is', null)
    .where('p.status', '=', 'issued')
    .where('p.organization_id', '<>', officeId)
    .where('p.movement_id', '=', movementId)
    .$if(!!phaseId, (q) => q.where('p.phase_id', '=', phaseId))
    .orderBy('p.issued_date')
    .execute();
  for (const r of received) {
    const numberText = r.number ? `${formatDocSerial(r.number)}/${r.symbol}` : '';
    let totals: FigureTotals | null = null;
    try {
      totals = (JSON.parse(r.figures) as Partial<PhaseFigures>).totals ?? null;
    } catch {
      totals = null;
    }
    lowerReports.push({ reportId: r.id, organizationId: r.org, organizationName: names.get(r.org) ?? '', numberText, date: r.issued_date, subject: r.subject, totals });
    const u = units.get(r.org);
    if (u && !u.reportNumber) u.reportNumber = numberText || 'Đã nhận';
  }

  const list = [...units.values()].sort((a, b) => compareVi(a.name, b.name));
  return {
    movementId,
    movementName: scope.movement.name,
    year: scope.movement.year,
    phaseId,
    phaseName: scope.phase?.name ?? null,
    units: list,
    forms,
    lowerReports,
    totals: totalsOf(list, forms, lowerReports.length),
    commendationsAvailable: true,
    composedAt: nowIso(),
  };
}

export function totalsOf(units: UnitFigures[], forms: FormFigures[], reportsReceived: number): FigureTotals {
  const t = emptyTotals();
  t.units = units.length;
  for (const u of units) {
    if (u.registered) t.registered++;
    t.individuals += u.individuals;
    t.works += u.works;
    t.worksApproved += u.worksApproved;
    t.plaques += u.plaques;
  }
  t.notRegistered = t.units - t.registered;
  // Awards are counted by form, so awards to units outside the table (the office's own staff) count too.
  for (const f of forms) {
    t.collectivesAwarded += f.collectives;
    t.individualsAwarded += f.individuals;
    t.amount += f.amount;
  }
  t.reportsReceived = reportsReceived;
  return t;
}

/** One line per đợt of the movement, then the movement as a whole. */
export async function phaseLines(db: Kysely<DB>, officeId: string, movementId: string): Promise<PhaseLine[]> {
  const phases = await db.selectFrom('movement_phases').select(['id', 'name', 'end_date', 'report_deadline']).where('movement_id', '=', movementId).orderBy('position').execute();
  const out: PhaseLine[] = [];
  for (const p of phases) {
    const f = await composeFigures(db, officeId, movementId, p.id);
    out.push({ phaseId: p.id, phaseName: p.name, endDate: p.end_date, reportDeadline: p.report_deadline, totals: f.totals });
  }
  const whole = await composeFigures(db, officeId, movementId, null);
  out.push({ phaseId: null, phaseName: 'Cả phong trào', endDate: null, reportDeadline: null, totals: whole.totals });
  return out;
}

/** A row of a đợt's list under the same rule: its own đợt, or the whole movement. */
export function inScope(rowPhaseId: string | null, phaseId: string | null): boolean {
  return !phaseId || rowPhaseId === phaseId || rowPhaseId === null;
}
