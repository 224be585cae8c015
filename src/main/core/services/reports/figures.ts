/**
 * The figures of one đợt (or a whole movement) for this office, composed from the data: which direct
 * lower units registered, their individuals and works, works approved / with plaques, commendations by
 * form with money (issued decisions not replaced by a correction), and the reports the lower units sent up.
 * Plain SQL on the synchronous handle: a handful of grouped queries, one read round.
 *
 * This is the one home of the office's figures: the Báo cáo, the công văn đôn đốc, the danh sách công trình,
 * the registration tracker and the dashboard all read them here, under one rule (documents/wording.ts
 * WHOLE_MOVEMENT_RULE): a registration, its works, or a decision made for the whole movement counts in each
 * of its đợt. Reports received from lower units count in the đợt they were made for.
 */
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { FigureTotals, FormFigures, LowerReport, PhaseFigures, PhaseLine, UnitFigures } from '../../../../shared/schemas/reports';
import { compareVi } from '../../../../shared/vi-text/collate';
import type { DB } from '../../db/schema';
import { nowIso } from '../../util/time';
import { listTree } from '../organizations';

export interface ReadCtx {
  db: Kysely<DB>;
  sqlite: Database.Database;
}

const REGISTERED = "('submitted', 'received')";
const APPROVED = "('approved', 'plaque_attached', 'done')";
const PLAQUE = "('plaque_attached', 'done')";

export function tableExists(sqlite: Database.Database, table: string): boolean {
  return !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
}

export function emptyTotals(): FigureTotals {
  return { units: 0, registered: 0, notRegistered: 0, individuals: 0, works: 0, worksApproved: 0, plaques: 0, collectivesAwarded: 0, individualsAwarded: 0, amount: 0, reportsReceived: 0 };
}

/** "(phase = ? OR whole-movement record)" — a registration or decision for the whole movement covers every đợt. */
function phaseFilter(column: string, phaseId: string | null, wholeCovers: boolean): { sql: string; params: unknown[] } {
  if (!phaseId) return { sql: '1', params: [] };
  return wholeCovers ? { sql: `(${column} = ? OR ${column} IS NULL)`, params: [phaseId] } : { sql: `${column} = ?`, params: [phaseId] };
}

interface Scope {
  movement: { id: string; name: string; year: number };
  phase: { id: string; name: string } | null;
}

function loadScope(sqlite: Database.Database, movementId: string, phaseId: string | null): Scope {
  const movement = sqlite.prepare('SELECT id, name, year FROM movements WHERE id = ? AND deleted_at IS NULL').get(movementId) as Scope['movement'] | undefined;
  if (!movement) throw new AppError('NOT_FOUND', 'Không tìm thấy phong trào thi đua (có thể đã bị xóa).');
  if (!phaseId) return { movement, phase: null };
  const phase = sqlite.prepare('SELECT id, name FROM movement_phases WHERE id = ? AND movement_id = ?').get(phaseId, movementId) as Scope['phase'] | undefined;
  if (!phase) throw new AppError('NOT_FOUND', 'Đợt thi đua không thuộc phong trào đã chọn.');
  return { movement, phase };
}

export async function composeFigures(c: ReadCtx, officeId: string, movementId: string, phaseId: string | null): Promise<PhaseFigures> {
  const { sqlite } = c;
  const scope = loadScope(sqlite, movementId, phaseId);
  const tree = await listTree(c.db);
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

  const reg = phaseFilter('r.phase_id', phaseId, true);
  const regRows = sqlite
    .prepare(
      `SELECT r.organization_id AS org,
              MAX(r.status IN ${REGISTERED}) AS registered,
              (SELECT count(*) FROM registration_individuals i JOIN registrations r2 ON r2.id = i.registration_id
                WHERE i.deleted_at IS NULL AND r2.deleted_at IS NULL AND r2.organization_id = r.organization_id AND r2.movement_id = r.movement_id
                  AND ${reg.sql.replaceAll('r.', 'r2.')}) AS individuals
         FROM registrations r
        WHERE r.deleted_at IS NULL AND r.movement_id = ? AND ${reg.sql}
        GROUP BY r.organization_id`,
    )
    .all(...reg.params, movementId, ...reg.params) as { org: string; registered: number; individuals: number }[];
  for (const r of regRows) {
    const u = units.get(r.org);
    if (!u) continue;
    u.registered = r.registered === 1;
    u.individuals = r.individuals;
  }

  const workRows = sqlite
    .prepare(
      `SELECT r.organization_id AS org,
              sum(NOT EXISTS (SELECT 1 FROM work_reviews v WHERE v.work_id = w.id AND v.owner_id = @office AND v.deleted_at IS NULL AND v.status = 'refused')) AS works,
              sum(EXISTS (SELECT 1 FROM work_reviews v WHERE v.work_id = w.id AND v.owner_id = @office AND v.deleted_at IS NULL AND v.status IN ${APPROVED})) AS approved,
              sum(EXISTS (SELECT 1 FROM work_reviews v WHERE v.work_id = w.id AND v.owner_id = @office AND v.deleted_at IS NULL AND v.status IN ${PLAQUE})) AS plaques
         FROM works w JOIN registrations r ON r.id = w.registration_id
        WHERE w.deleted_at IS NULL AND r.deleted_at IS NULL AND r.movement_id = @movement
          AND ${phaseId ? '(r.phase_id = @phase OR r.phase_id IS NULL)' : '1'}
        GROUP BY r.organization_id`,
    )
    .all({ office: officeId, movement: movementId, ...(phaseId ? { phase: phaseId } : {}) }) as { org: string; works: number; approved: number; plaques: number }[];
  for (const w of workRows) {
    const u = units.get(w.org);
    if (!u) continue;
    u.works = w.works;
    u.worksApproved = w.approved;
    u.plaques = w.plaques;
  }

  // Commendations: read only when migration 0005 is there (the seam for an older database).
  const commendationsAvailable = tableExists(sqlite, 'decisions') && tableExists(sqlite, 'decision_awardees');
  const forms: FormFigures[] = [];
  if (commendationsAvailable) {
    const dec = phaseFilter('d.phase_id', phaseId, true);
    const awards = sqlite
      .prepare(
        `SELECT a.target, a.organization_id AS org, COALESCE(a.amount, 0) AS amount, f.id AS form_id, f.name AS form_name, f.kind, f.issuing_level AS level, f.sort_order
           FROM decision_awardees a
           JOIN decisions d ON d.id = a.decision_id
           JOIN award_forms f ON f.id = a.form_id
          WHERE d.status = 'issued' AND d.deleted_at IS NULL AND a.deleted_at IS NULL AND d.movement_id = ? AND ${dec.sql}
            AND NOT EXISTS (SELECT 1 FROM decisions c WHERE c.corrects_decision_id = d.id AND c.status = 'issued' AND c.deleted_at IS NULL)
          ORDER BY f.sort_order, f.name`,
      )
      .all(movementId, ...dec.params) as { target: 'individual' | 'collective'; org: string | null; amount: number; form_id: string; form_name: string; kind: 'title' | 'form'; level: string }[];
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
    forms.push(...byForm.values());
  }

  const lowerReports: LowerReport[] = [];
  if (tableExists(sqlite, 'phase_reports')) {
    const rep = phaseFilter('p.phase_id', phaseId, false);
    const rows = sqlite
      .prepare(
        `SELECT p.id, p.organization_id AS org, p.subject, p.issued_date, p.figures, e.number, e.symbol
           FROM phase_reports p LEFT JOIN register_entries e ON e.id = p.register_entry_id
          WHERE p.deleted_at IS NULL AND p.status = 'issued' AND p.organization_id <> ? AND p.movement_id = ? AND ${rep.sql}
          ORDER BY p.issued_date`,
      )
      .all(officeId, movementId, ...rep.params) as { id: string; org: string; subject: string; issued_date: string | null; figures: string; number: number | null; symbol: string | null }[];
    for (const r of rows) {
      const numberText = r.number ? `${String(r.number).padStart(2, '0')}/${r.symbol}` : '';
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
    commendationsAvailable,
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
export async function phaseLines(c: ReadCtx, officeId: string, movementId: string): Promise<PhaseLine[]> {
  const phases = c.sqlite
    .prepare('SELECT id, name, end_date, report_deadline FROM movement_phases WHERE movement_id = ? ORDER BY position')
    .all(movementId) as { id: string; name: string; end_date: string | null; report_deadline: string | null }[];
  const out: PhaseLine[] = [];
  for (const p of phases) {
    const f = await composeFigures(c, officeId, movementId, p.id);
    out.push({ phaseId: p.id, phaseName: p.name, endDate: p.end_date, reportDeadline: p.report_deadline, totals: f.totals });
  }
  const whole = await composeFigures(c, officeId, movementId, null);
  out.push({ phaseId: null, phaseName: 'Cả phong trào', endDate: null, reportDeadline: null, totals: whole.totals });
  return out;
}

/** A row of a đợt's list under the same rule: its own đợt, or the whole movement. */
export function inScope(rowPhaseId: string | null, phaseId: string | null): boolean {
  return !phaseId || rowPhaseId === phaseId || rowPhaseId === null;
}
