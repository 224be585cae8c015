/**
 * The home dashboard in one call: open đợt with their deadlines and the units that have not registered
 * or reported, drafts waiting for a number, packages opened but not applied (or undone), the last backup.
 */
import { PACKAGE_KIND_LABELS } from '../../../shared/schemas/exchange';
import type { DashboardDraft, DashboardPackage, DashboardPhase, DashboardSummary } from '../../../shared/schemas/reports';
import type { Ctx } from '../context';
import { listBackups } from '../db/backup';
import { isStale } from '../db/backup-policy';
import { pendingPreviews } from '../exchange/previews';
import { todayIso } from '../util/time';
import { requireOffice } from './office';
import { composeFigures, tableExists } from './reports/figures';

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

interface PhaseRow {
  movement_id: string;
  movement_name: string;
  year: number;
  id: string;
  name: string;
  end_date: string | null;
  registration_deadline: string | null;
  report_deadline: string | null;
}

/** The nearest deadline still ahead, else the latest one passed (negative days). */
function daysLeft(today: string, p: PhaseRow): number | null {
  const dates = [p.registration_deadline, p.end_date, p.report_deadline].filter((d): d is string => !!d).map((d) => daysBetween(today, d));
  if (!dates.length) return null;
  const ahead = dates.filter((d) => d >= 0);
  return ahead.length ? Math.min(...ahead) : Math.max(...dates);
}

const DRAFT_SOURCES: { kind: DashboardDraft['kind']; label: string; table: string; subject: string }[] = [
  { kind: 'plan', label: 'Kế hoạch', table: 'plans', subject: 'subject' },
  { kind: 'phase-report', label: 'Báo cáo', table: 'phase_reports', subject: 'subject' },
  { kind: 'decision', label: 'Quyết định khen thưởng', table: 'decisions', subject: 'subject' },
  { kind: 'proposal', label: 'Tờ trình', table: 'commendation_proposals', subject: 'achievement' },
];

export async function dashboardSummary(ctx: Ctx, now = new Date()): Promise<DashboardSummary> {
  const office = await requireOffice(ctx.db);
  const sqlite = ctx.store.sqlite;
  const today = todayIso(now);
  const year = Number(today.slice(0, 4));

  // Open: not ended yet, or its report is still due; phases without dates count in the current year only.
  const phaseRows = sqlite
    .prepare(
      `SELECT m.id AS movement_id, m.name AS movement_name, m.year, p.id, p.name, p.end_date, p.registration_deadline, p.report_deadline
         FROM movement_phases p JOIN movements m ON m.id = p.movement_id
        WHERE m.deleted_at IS NULL
          AND ((p.end_date IS NOT NULL AND p.end_date >= @today) OR (p.report_deadline IS NOT NULL AND p.report_deadline >= @today)
               OR (p.end_date IS NULL AND p.report_deadline IS NULL AND m.year >= @year))
        ORDER BY COALESCE(p.registration_deadline, p.end_date, p.report_deadline, '9999'), m.year, p.position`,
    )
    .all({ today, year }) as PhaseRow[];
  const read = { db: ctx.db, sqlite };
  const openPhases: DashboardPhase[] = [];
  for (const p of phaseRows) {
    const f = await composeFigures(read, office.organizationId, p.movement_id, p.id);
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
    if (!tableExists(sqlite, s.table)) continue;
    // Received reports are other units' drafts only if they never were issued: list this office's own.
    const own = s.table === 'phase_reports' ? 'AND organization_id = @office' : '';
    const rows = sqlite
      .prepare(`SELECT id, ${s.subject} AS subject, updated_at FROM ${s.table} WHERE status = 'draft' AND deleted_at IS NULL ${own} ORDER BY updated_at DESC LIMIT 50`)
      .all(own ? { office: office.organizationId } : {}) as { id: string; subject: string; updated_at: string }[];
    for (const r of rows) drafts.push({ kind: s.kind, kindLabel: s.label, id: r.id, subject: r.subject || '(chưa có trích yếu)', updatedAt: r.updated_at });
  }
  drafts.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));

  const packages: DashboardPackage[] = pendingPreviews(sqlite).map((p) => ({
    packageId: p.packageId, kindLabel: PACKAGE_KIND_LABELS[p.kind], senderName: p.senderName, created: p.created, state: 'previewed',
  }));
  if (tableExists(sqlite, 'exchange_imports')) {
    const undone = sqlite
      .prepare(
        `SELECT package_id, kind, sender_name, created FROM exchange_imports i
          WHERE undone_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM exchange_imports j WHERE j.package_id = i.package_id AND j.undone_at IS NULL)
          GROUP BY package_id ORDER BY MAX(undone_at) DESC LIMIT 20`,
      )
      .all() as { package_id: string; kind: keyof typeof PACKAGE_KIND_LABELS; sender_name: string; created: string }[];
    for (const u of undone) {
      if (packages.some((p) => p.packageId === u.package_id)) continue;
      packages.push({ packageId: u.package_id, kindLabel: PACKAGE_KIND_LABELS[u.kind] ?? u.kind, senderName: u.sender_name, created: u.created, state: 'undone' });
    }
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
