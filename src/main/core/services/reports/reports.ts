/**
 * Phase reports: composed as a draft from the figures, edited by the clerk, issued once with a number
 * from the register (BC) and locked. Reports received from lower levels (exchange "reports" kind) are
 * read-only rows owned by their unit.
 */
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { OfficeView } from '../../../../shared/schemas/office';
import { reportBody, type PhaseFigures, type ReportBody, type ReportSummary, type ReportView } from '../../../../shared/schemas/reports';
import { formatDocSerial } from '../../../../shared/vi-text/doc-number';
import type { DB } from '../../db/schema';
import { formatDmy, newId, nowIso } from '../../util/time';
import { issueNumber } from '../register';
import { composeFigures, type ReadCtx } from './figures';
import { composeBody } from './text';

interface ReportRow {
  id: string;
  owner_id: string | null;
  revision: number;
  deleted_at: string | null;
  movement_id: string;
  phase_id: string | null;
  organization_id: string;
  subject: string;
  body: string;
  figures: string;
  planned_date: string | null;
  status: 'draft' | 'issued';
  register_entry_id: string | null;
  issued_number: number | null;
  issued_date: string | null;
  created_at: string;
  updated_at: string;
}

const SUMMARY_SQL = `
  SELECT p.*, m.name AS movement_name, ph.name AS phase_name, e.number AS entry_number, e.symbol AS entry_symbol,
         (SELECT n.name FROM organization_names n WHERE n.organization_id = p.organization_id ORDER BY n.valid_from DESC LIMIT 1) AS org_name
    FROM phase_reports p
    JOIN movements m ON m.id = p.movement_id
    LEFT JOIN movement_phases ph ON ph.id = p.phase_id
    LEFT JOIN register_entries e ON e.id = p.register_entry_id`;

type Joined = ReportRow & { movement_name: string; phase_name: string | null; entry_number: number | null; entry_symbol: string | null; org_name: string | null };

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

function loadRow(sqlite: Database.Database, id: string): Joined {
  const r = sqlite.prepare(`${SUMMARY_SQL} WHERE p.id = ? AND p.deleted_at IS NULL`).get(id) as Joined | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo (có thể đã bị xóa).');
  return r;
}

export function getReport(sqlite: Database.Database, id: string, officeId: string): ReportView {
  const r = loadRow(sqlite, id);
  return { ...toSummary(r, officeId), plannedDate: r.planned_date, body: parseBody(r.body), figures: JSON.parse(r.figures) as PhaseFigures, revision: r.revision };
}

export function listReports(sqlite: Database.Database, officeId: string, movementId?: string): ReportSummary[] {
  const rows = sqlite
    .prepare(`${SUMMARY_SQL} WHERE p.deleted_at IS NULL ${movementId ? 'AND p.movement_id = ?' : ''} ORDER BY p.updated_at DESC`)
    .all(...(movementId ? [movementId] : [])) as Joined[];
  return rows.map((r) => toSummary(r, officeId));
}

function requireOwnDraft(sqlite: Database.Database, id: string, officeId: string): Joined {
  const r = loadRow(sqlite, id);
  if (r.organization_id !== officeId) throw new AppError('VALIDATION', `Báo cáo này do ${r.org_name ?? 'đơn vị khác'} gửi lên; chỉ đơn vị đó sửa được.`);
  if (r.status === 'issued') {
    throw new AppError('CONFLICT', `Báo cáo đã ban hành (số ${formatDocSerial(r.entry_number ?? 0)}/${r.entry_symbol} ngày ${formatDmy(r.issued_date ?? '')}) không thể sửa.`);
  }
  return r;
}

/** The unit above the office in the directory, as the default "Kính gửi". */
function addresseeOf(sqlite: Database.Database, officeId: string): string | null {
  const parent = sqlite
    .prepare(
      `SELECT n.name FROM organizations o JOIN organization_names n ON n.organization_id = o.parent_id
        WHERE o.id = ? ORDER BY n.valid_from DESC LIMIT 1`,
    )
    .pluck()
    .get(officeId) as string | undefined;
  return parent ? `Ban Thường vụ ${parent}` : null;
}

export async function composeReport(c: ReadCtx, office: OfficeView, movementId: string, phaseId: string | null): Promise<string> {
  const { sqlite } = c;
  const existing = sqlite
    .prepare(`SELECT id FROM phase_reports WHERE deleted_at IS NULL AND organization_id = ? AND movement_id = ? AND phase_id IS ? LIMIT 1`)
    .pluck()
    .get(office.organizationId, movementId, phaseId) as string | undefined;
  if (existing) throw new AppError('CONFLICT', 'Đã có báo cáo của đơn vị cho đợt này; hãy mở báo cáo đó (hoặc xóa bản nháp) thay vì lập báo cáo mới.');
  const figures = await composeFigures(c, office.organizationId, movementId, phaseId);
  const { subject, body } = composeBody(figures, office, addresseeOf(sqlite, office.organizationId));
  const id = newId();
  const now = nowIso();
  sqlite
    .prepare(
      `INSERT INTO phase_reports (id, owner_id, revision, deleted_at, movement_id, phase_id, organization_id, subject, body, figures, planned_date, status, created_at, updated_at)
       VALUES (?, ?, 1, NULL, ?, ?, ?, ?, ?, ?, NULL, 'draft', ?, ?)`,
    )
    .run(id, office.organizationId, movementId, phaseId, office.organizationId, subject, JSON.stringify(body), JSON.stringify(figures), now, now);
  return id;
}

export function saveReport(sqlite: Database.Database, officeId: string, input: { id: string; revision?: number; subject: string; plannedDate: string | null; body: ReportBody }): void {
  const r = requireOwnDraft(sqlite, input.id, officeId);
  if (input.revision !== undefined && input.revision !== r.revision) {
    throw new AppError('CONFLICT', 'Báo cáo đã được sửa ở nơi khác sau khi mở; hãy tải lại rồi sửa tiếp.');
  }
  sqlite
    .prepare('UPDATE phase_reports SET subject = ?, planned_date = ?, body = ?, revision = revision + 1, updated_at = ? WHERE id = ?')
    .run(input.subject, input.plannedDate, JSON.stringify(input.body), nowIso(), input.id);
}

export async function refreshFigures(c: ReadCtx, officeId: string, id: string): Promise<void> {
  const r = requireOwnDraft(c.sqlite, id, officeId);
  const figures = await composeFigures(c, officeId, r.movement_id, r.phase_id);
  c.sqlite.prepare('UPDATE phase_reports SET figures = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(JSON.stringify(figures), nowIso(), id);
}

export function deleteReport(sqlite: Database.Database, officeId: string, id: string): void {
  requireOwnDraft(sqlite, id, officeId);
  const now = nowIso();
  sqlite.prepare('UPDATE phase_reports SET deleted_at = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(now, now, id);
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
export async function issueReport(c: ReadCtx & { db: Kysely<DB> }, officeId: string, input: { id: string; date: string; number: number | null }): Promise<void> {
  const r = requireOwnDraft(c.sqlite, input.id, officeId);
  const problems = issueProblems(r.subject, parseBody(r.body));
  if (problems.length) throw new AppError('VALIDATION', `Chưa thể ban hành: ${problems[0]}`, problems);
  const figures = await composeFigures(c, officeId, r.movement_id, r.phase_id);
  const entry = await issueNumber(c.db, {
    issuerId: officeId,
    kindAbbr: 'BC',
    date: input.date,
    subject: r.subject,
    number: input.number,
    recordKind: 'phase-report',
    recordId: r.id,
  });
  c.sqlite
    .prepare(
      `UPDATE phase_reports SET status = 'issued', register_entry_id = ?, issued_number = ?, issued_date = ?, figures = ?, revision = revision + 1, updated_at = ? WHERE id = ?`,
    )
    .run(entry.id, entry.number, input.date, JSON.stringify(figures), nowIso(), r.id);
}
