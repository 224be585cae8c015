/**
 * Phase reports: composed as a draft from the figures, edited by the clerk, issued once with a number
 * from the register (BC) and locked. Reports received from lower levels (exchange "reports" kind) are
 * read-only rows owned by their unit.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { OfficeView } from '../../../../shared/schemas/office';
import { reportBody, type PhaseFigures, type ReportBody, type ReportSummary, type ReportView } from '../../../../shared/schemas/reports';
import { formatDocSerial } from '../../../../shared/vi-text/doc-number';
import type { DB } from '../../db/schema';
import { newId, nowIso, todayIso } from '../../util/time';
import { defaultArchive } from '../document-options';
import { upperAddressee } from '../issuer';
import { issueAndLock } from '../issue-and-lock';
import { getDocumentLayout } from '../settings';
import { composeFigures } from './figures';
import { composeBody } from './text';
import { formatDmy } from '../../../../shared/vi-text/dates';

/** A report with what its summary shows: movement, đợt, number and the unit's latest name. */
function reportsWithNames(db: Kysely<DB>) {
  return db
    .selectFrom('phase_reports as p')
    .innerJoin('movements as m', 'm.id', 'p.movement_id')
    .leftJoin('movement_phases as ph', 'ph.id', 'p.phase_id')
    .leftJoin('register_entries as e', 'e.id', 'p.register_entry_id')
    .selectAll('p')
    .select((eb) => [
      'm.name as movement_name',
      'ph.name as phase_name',
      'e.number as entry_number',
      'e.symbol as entry_symbol',
      eb
        .selectFrom('organization_names as n')
        .select('n.name')
        .whereRef('n.organization_id', '=', 'p.organization_id')
        .orderBy('n.valid_from', 'desc')
        .limit(1)
        .as('org_name'),
    ])
    .where('p.deleted_at', 'is', null);
}

type Joined = Awaited<ReturnType<ReturnType<typeof reportsWithNames>['executeTakeFirstOrThrow']>>;

function toSummary(r: Joined, officeId: string): ReportSummary {
  return {
    id: r.id,
    movementId: r.movement_id,
    movementName: r.movement_name,
    phaseId: r.phase_id,
    phaseName: r.phase_name,
    organizationId: r.organization_id,
    organizationName: r.org_name ?? '',
    own: r.organization_id === officeId,
    subject: r.subject,
    status: r.status,
    numberText: r.entry_number ? `${formatDocSerial(r.entry_number)}/${r.entry_symbol}` : null,
    issuedDate: r.issued_date,
    updatedAt: r.updated_at,
  };
}

function parseBody(json: string): ReportBody {
  const parsed = reportBody.safeParse(JSON.parse(json));
  if (!parsed.success) throw new AppError('DB_INVALID', 'Nội dung báo cáo lưu trong dữ liệu không hợp lệ.');
  return parsed.data;
}

async function loadRow(db: Kysely<DB>, id: string): Promise<Joined> {
  const r = await reportsWithNames(db).where('p.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo (có thể đã bị xóa).');
  return r;
}

export async function getReport(db: Kysely<DB>, id: string, officeId: string): Promise<ReportView> {
  const r = await loadRow(db, id);
  return { ...toSummary(r, officeId), plannedDate: r.planned_date, body: parseBody(r.body), figures: JSON.parse(r.figures) as PhaseFigures, revision: r.revision };
}

export async function listReports(db: Kysely<DB>, officeId: string, movementId?: string): Promise<ReportSummary[]> {
  const rows = await reportsWithNames(db)
    .$if(!!movementId, (q) => q.where('p.movement_id', '=', movementId!))
    .orderBy('p.updated_at', 'desc')
    .execute();
  return rows.map((r) => toSummary(r, officeId));
}

async function requireOwnDraft(db: Kysely<DB>, id: string, officeId: string): Promise<Joined> {
  const r = await loadRow(db, id);
  if (r.organization_id !== officeId) throw new AppError('VALIDATION', `Báo cáo này do ${r.org_name ?? 'đơn vị khác'} gửi lên; chỉ đơn vị đó sửa được.`);
  if (r.status === 'issued') {
    throw new AppError('CONFLICT', `Báo cáo đã ban hành (số ${formatDocSerial(r.entry_number ?? 0)}/${r.entry_symbol} ngày ${formatDmy(r.issued_date ?? '')}) không thể sửa.`);
  }
  return r;
}

export async function composeReport(db: Kysely<DB>, office: OfficeView, movementId: string, phaseId: string | null): Promise<string> {
  const existing = await db
    .selectFrom('phase_reports')
    .select('id')
    .where('deleted_at', 'is', null)
    .where('organization_id', '=', office.organizationId)
    .where('movement_id', '=', movementId)
    .where('phase_id', 'is', phaseId)
    .executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', 'Đã có báo cáo của đơn vị cho đợt này; hãy mở báo cáo đó (hoặc xóa bản nháp) thay vì lập báo cáo mới.');
  const figures = await composeFigures(db, office.organizationId, movementId, phaseId);
  // Kính gửi: the office's upper unit as named today; "Lưu: VT, <đơn vị soạn thảo>" from the office settings.
  const { subject, body } = composeBody(figures, office, await upperAddressee(db, office.organizationId, todayIso()), defaultArchive(await getDocumentLayout(db)));
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('phase_reports')
    .values({
      id, owner_id: office.organizationId, revision: 1, deleted_at: null, movement_id: movementId, phase_id: phaseId, organization_id: office.organizationId,
      subject, body: JSON.stringify(body), figures: JSON.stringify(figures), planned_date: null, status: 'draft', register_entry_id: null,
      issued_number: null, issued_date: null, created_at: now, updated_at: now,
    })
    .execute();
  return id;
}

export async function saveReport(db: Kysely<DB>, officeId: string, input: { id: string; revision?: number; subject: string; plannedDate: string | null; body: ReportBody }): Promise<void> {
  const r = await requireOwnDraft(db, input.id, officeId);
  if (input.revision !== undefined && input.revision !== r.revision) {
    throw new AppError('CONFLICT', 'Báo cáo đã được sửa ở nơi khác sau khi mở; hãy tải lại rồi sửa tiếp.');
  }
  await db
    .updateTable('phase_reports')
    .set((eb) => ({ subject: input.subject, planned_date: input.plannedDate, body: JSON.stringify(input.body), revision: eb('revision', '+', 1), updated_at: nowIso() }))
    .where('id', '=', input.id)
    .execute();
}

export async function refreshFigures(db: Kysely<DB>, officeId: string, id: string): Promise<void> {
  const r = await requireOwnDraft(db, id, officeId);
  const figures = await composeFigures(db, officeId, r.movement_id, r.phase_id);
  await db
    .updateTable('phase_reports')
    .set((eb) => ({ figures: JSON.stringify(figures), revision: eb('revision', '+', 1), updated_at: nowIso() }))
    .where('id', '=', id)
    .execute();
}

export async function deleteReport(db: Kysely<DB>, officeId: string, id: string): Promise<void> {
  await requireOwnDraft(db, id, officeId);
  const now = nowIso();
  await db.updateTable('phase_reports').set((eb) => ({ deleted_at: now, revision: eb('revision', '+', 1), updated_at: now })).where('id', '=', id).execute();
}

export function issueProblems(subject: string, body: ReportBody): string[] {
  const problems: string[] = [];
  if (!subject.trim()) problems.push('Báo cáo chưa có trích yếu.');
  if (!body.sections.some((s) => s.title && s.paragraphs.some(Boolean))) problems.push('Báo cáo chưa có nội dung.');
  if (!body.signer.name) problems.push('Chưa có họ tên người ký.');
  return problems;
}

/**
 * Takes the next (or a chosen free) BC number of the register, freezes the figures as they are on the
 * issue day and locks the report, in the caller's transaction, so a refused number leaves the draft untouched.
 */
export async function issueReport(db: Kysely<DB>, officeId: string, input: { id: string; date: string; number: number | null }): Promise<void> {
  const r = await requireOwnDraft(db, input.id, officeId);
  const problems = issueProblems(r.subject, parseBody(r.body));
  if (problems.length) throw new AppError('VALIDATION', `Chưa thể ban hành: ${problems[0]}`, problems);
  const figures = await composeFigures(db, officeId, r.movement_id, r.phase_id);
  await issueAndLock(db, {
    table: 'phase_reports',
    id: r.id,
    issuerId: officeId,
    kindAbbr: 'BC',
    date: input.date,
    subject: r.subject,
    number: input.number,
    freeze: async () => ({ figures: JSON.stringify(figures) }),
  });
}
