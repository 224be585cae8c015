/**
 * The home dashboard in one call: open đợt with their deadlines and the units that have not registered
 * or reported, drafts waiting for a number, packages opened but not applied (or undone), the last backup.
 */
import { PACKAGE_KIND_LABELS } from '../../../shared/schemas/exchange';
import type { DashboardDraft, DashboardPackage, DashboardPhase, DashboardSummary } from '../../../shared/schemas/reports';
import type { Kysely } from 'kysely';
import type { Ctx } from '../context';
import type { DB } from '../db/schema';
import { listBackups } from '../db/backup';
import { isStale } from '../db/backup-policy';
import { pendingPreviews } from '../exchange/previews';
import { todayIso } from '../util/time';
import { requireOffice } from './office';
import { composeFigures } from './reports/figures';

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

type PhaseRow = Awaited<ReturnType<typeof openPhaseRows>>[number];

/** Open: not ended yet, or its report is still due; phases without dates count in the current year only. */
function openPhaseRows(db: Kysely<DB>, today: string, year: number) {
  return db
    .selectFrom('movement_phases as p')
    .innerJoin('movements as m', 'm.id', 'p.movement_id')
    .select(['m.id as movement_id', 'm.name as movement_name', 'm.year', 'p.id', 'p.name', 'p.end_date', 'p.registration_deadline', 'p.report_deadline'])
    .where('m.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('p.end_date', 'is not', null), eb('p.end_date', '>=', today)]),
        eb.and([eb('p.report_deadline', 'is not', null), eb('p.report_deadline', '>=', today)]),
        eb.and([eb('p.end_date', 'is', null), eb('p.report_deadline', 'is', null), eb('m.year', '>=', year)]),
      ]),
    )
    .orderBy((eb) => eb.fn.coalesce('p.registration_deadline', 'p.end_date', 'p.report_deadline', eb.val('9999')))
    .orderBy('m.year')
    .orderBy('p.position')
    .execute();
}

/** The nearest deadline still ahead, else the latest one passed (negative days). */
function daysLeft(today: string, p: PhaseRow): number | null {
  const dates = [p.registration_deadline, p.end_date, p.report_deadline].filter((d): d is string => !!d).map((d) => daysBetween(today, d));
  if (!dates.length) return null;
  const ahead = dates.filter((d) => d >= 0);
  return ahead.length ? Math.min(...ahead) : Math.max(...dates);
}

interface DraftRow {
  id: string;
  subject: string;
  updated_at: string;
}
const DRAFTS_SHOWN = 50;

/** Each kind of numbered document still in draft; received reports are other units' drafts only if never issued, so this office's own. */
const DRAFT_SOURCES: { kind: DashboardDraft['kind']; label: string; rows: (db: Kysely<DB>, officeId: string) => Promise<DraftRow[]> }[] = [
  {
    kind: 'plan',
    label: 'Kế hoạch',
    rows: (db) => db.selectFrom('plans').select(['id', 'subject', 'updated_at']).where('status', '=', 'draft').where('deleted_at', 'is', null).orderBy('updated_at', 'desc').limit(DRAFTS_SHOWN).execute(),
  },
  {
    kind: 'phase-report',
    label: 'Báo cáo',
    rows: (db, officeId) =>
      db.selectFrom('phase_reports').select(['id', 'subject', 'updated_at']).where('status', '=', 'draft').where('deleted_at', 'is', null).where('organization_id', '=', officeId).orderBy('updated_at', 'desc').limit(DRAFTS_SHOWN).execute(),
  },
  {
    kind: 'decision',
    label: 'Quyết định khen thưởng',
    rows: (db) => db.selectFrom('decisions').select(['id', 'subject', 'updated_at']).where('status', '=', 'draft').where('deleted_at', 'is', null).orderBy('updated_at', 'desc').limit(DRAFTS_SHOWN).execute(),
  },
  {
    kind: 'proposal',
    label: 'Tờ trình',
    rows: (db) =>
      db.selectFrom('commendation_proposals').select(['id', 'achievement as subject', 'updated_at']).where('status', '=', 'draft').where('deleted_at', 'is', null).orderBy('updated_at', 'desc').limit(DRAFTS_SHOWN).execute(),
  },
];

/** Packages undone and not applied again since: they wait to be imported. */
function undonePackages(db: Kysely<DB>) {
  return db
    .selectFrom('exchange_imports as i')
    .select(['i.package_id', 'i.kind', 'i.sender_name', 'i.created'])
    .where('i.undone_at', 'is not', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('exchange_imports as j').select('j.id').whereRef('j.package_id', '=', 'i.package_id').where('j.undone_at', 'is', null))))
    .groupBy('i.package_id')
    .orderBy((eb) => eb.fn.max('i.undone_at'), 'desc')
    .limit(20)
    .execute();
}

export async function dashboardSummary(ctx: Ctx, now = new Date()): Promise<DashboardSummary> {
  const office = await requireOffice(ctx.db);
  const today = todayIso(now);
  const year = Number(today.slice(0, 4));

  const phaseRows = await openPhaseRows(ctx.db, today, year);
  const openPhases: DashboardPhase[] = [];
  for (const p of phaseRows) {
    const f = await composeFigures(ctx.db, office.organizationId, p.movement_id, p.id);
    const reported = new Set(f.lowerReports.map((r) => r.organizationId));
    openPhases.push({
      movementId: p.movement_id,
      movementName: p.movement_name,
      phaseId: p.id,
      phaseName: p.name,
      endDate: p.end_date,
      registrationDeadline: p.registration_deadline,
      reportDeadline: p.report_deadline,
      daysLeft: daysLeft(today, p),
      unitsTotal: f.units.length,
      notRegistered: f.units.filter((u) => !u.registered).map((u) => ({ id: u.organizationId, name: u.name })),
      notReported: f.units.filter((u) => !reported.has(u.organizationId)).map((u) => ({ id: u.organizationId, name: u.name })),
    });
  }

  const drafts: DashboardDraft[] = [];
  for (const s of DRAFT_SOURCES) {
    for (const r of await s.rows(ctx.db, office.organizationId)) {
      drafts.push({ kind: s.kind, kindLabel: s.label, id: r.id, subject: r.subject || '(chưa có trích yếu)', updatedAt: r.updated_at });
    }
  }
  drafts.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));

  const packages: DashboardPackage[] = pendingPreviews(ctx.store.sqlite).map((p) => ({
    packageId: p.packageId, kindLabel: PACKAGE_KIND_LABELS[p.kind], senderName: p.senderName, created: p.created, state: p.stale ? 'stale' : 'previewed',
  }));
  for (const u of await undonePackages(ctx.db)) {
    if (packages.some((p) => p.packageId === u.package_id)) continue;
    const kind = u.kind as keyof typeof PACKAGE_KIND_LABELS;
    packages.push({ packageId: u.package_id, kindLabel: PACKAGE_KIND_LABELS[kind] ?? u.kind, senderName: u.sender_name, created: u.created, state: 'undone' });
  }

  const last = listBackups(ctx.backupsDir)[0] ?? null;
  return {
    today,
    openPhases,
    drafts,
    packages,
    lastBackup: last ? { fileName: last.fileName, createdAt: last.createdAt, reason: last.reason } : null,
    backupStale: isStale(last, now),
  };
}
