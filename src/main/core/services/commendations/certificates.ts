/**
 * Batch Giấy khen for an issued decision: one .docx, one certificate per page, for the rows of a hình thức
 * in the danh sách's order (certificateSection) with the số sổ vàng. A paper jam resumes from a row:
 * every batch is logged, so the clerk sees what went to the printer and restarts where it stopped.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { DecisionView, PrintJobView, PrintResult, printCertificatesInput } from '../../../../shared/schemas/commendations';
import { capitalizeFirst } from '../../../../shared/vi-text/caps';
import type { DB } from '../../db/schema';
import type { CertificatePrintJobsTable } from '../../db/schema-commendations';
import { listSections } from '../../documents/kinds/awardee-list';
import { certificateTexts, DEFAULT_CERTIFICATE_TEMPLATE } from '../../documents/kinds/certificate';
import { renderCertificatesDocx } from '../../documents/layout/certificate';
import type { Host } from '../../host';
import { newId, nowIso } from '../../util/time';
import { requireOffice } from '../office';
import { documentFileName } from '../../documents/file-name';
import { issuerAt } from '../issuer';
import { getDecision } from './decisions';
import { decidingBody } from './documents';
import { saveFile } from '../../util/save-file';

const toJobView = (j: CertificatePrintJobsTable): PrintJobView => ({ id: j.id, fromRow: j.from_row, toRow: j.to_row, offsetX: j.offset_x, offsetY: j.offset_y, filePath: j.file_path, createdAt: j.created_at });

export async function printJobs(db: Kysely<DB>, decisionId: string): Promise<PrintJobView[]> {
  const rows = await db.selectFrom('certificate_print_jobs').selectAll().where('decision_id', '=', decisionId).orderBy('created_at', 'desc').execute();
  return rows.map(toJobView);
}

/**
 * The rows a batch prints: only a hình thức carries a Giấy khen / Bằng khen (a danh hiệu row gets none),
 * in the danh sách's order of that form's section (listSections), so row N of the batch is STT N there.
 * A decision with several such forms prints one form per batch, which the clerk picks.
 */
export function certificateSection(d: DecisionView, formId: string | null) {
  const keyed = d.awardees.map((a) => ({ view: a, kind: a.target, name: a.name, award: { name: a.formName, kind: a.formKind } }));
  const sections = listSections(keyed, { name: 'Giấy khen', kind: 'form' })
    .filter((sec) => sec.award.kind === 'form')
    .map((sec) => ({ award: sec.award, formId: sec.rows[0].view.formId, rows: sec.rows.map((r) => r.view) }));
  if (sections.length === 0) throw new AppError('VALIDATION', 'Quyết định chỉ công nhận danh hiệu thi đua: không có Giấy khen, Bằng khen nào để in.');
  if (formId) {
    const chosen = sections.find((sec) => sec.formId === formId);
    if (!chosen) throw new AppError('VALIDATION', 'Hình thức đã chọn không có trong quyết định hoặc không có Giấy khen, Bằng khen để in.');
    return chosen;
  }
  if (sections.length > 1) throw new AppError('VALIDATION', `Quyết định có ${sections.length} hình thức có giấy in (${sections.map((sec) => sec.award.name).join(', ')}): chọn hình thức cần in.`);
  return sections[0];
}

/** A batch of Giấy khen rendered and saved where the clerk chose (path null: cancelled), with its job row to record. */
export interface PrintedBatch {
  path: string | null;
  pages: number;
  job: CertificatePrintJobsTable;
}

/** Renders rows fromRow..toRow of an issued decision and saves the .docx; reads only (the job is recorded by `recordPrintJob`). */
export async function printCertificates(db: Kysely<DB>, host: Host, input: z.output<typeof printCertificatesInput>): Promise<PrintedBatch> {
  const office = await requireOffice(db);
  const d = await getDecision(db, input.decisionId);
  if (d.status !== 'issued') throw new AppError('VALIDATION', 'Chỉ in Giấy khen cho quyết định đã ban hành (đã có số).');
  const section = certificateSection(d, input.formId);
  const total = section.rows.length;
  if (input.fromRow > total) throw new AppError('VALIDATION', `In từ dòng: mục ${section.award.name} của quyết định chỉ có ${total} dòng.`);
  const toRow = Math.min(input.toRow ?? total, total);
  const issuer = await issuerAt(db, office.organizationId, d.decisionDate);
  const body = decidingBody(office.signerAuthority, issuer.name);
  const rows = section.rows.slice(input.fromRow - 1, toRow);
  const texts = certificateTexts({
    awardingBody: [body.body, issuer.name],
    achievement: capitalizeFirst(d.achievement.trim().replace(/\.$/, '')),
    decision: { number: Number(d.numberText!.split('/')[0]), symbol: { typeAbbr: 'QĐ', issuerAbbr: issuer.abbreviation }, date: d.decisionDate },
    place: issuer.place,
    date: d.decisionDate,
    signer: { lines: [office.signerAuthority, office.signerTitle].filter(Boolean), name: office.signerName },
    recipients: rows.map((a) => ({ kind: a.target, name: a.name, positionUnit: a.positionUnit, goldBookNumber: a.goldBookNumber ?? undefined })),
  });
  const bytes = await renderCertificatesDocx(texts, DEFAULT_CERTIFICATE_TEMPLATE, { x: input.offsetX, y: input.offsetY });
  const path = await host.chooseSavePath(documentFileName(`Giay khen ${d.numberText!.replace('/', ' ')} dong ${input.fromRow}-${toRow}`), [{ name: 'Word', extensions: ['docx'] }]);
  if (path) await saveFile(path, bytes);
  const job: CertificatePrintJobsTable = { id: newId(), decision_id: d.id, from_row: input.fromRow, to_row: toRow, offset_x: input.offsetX, offset_y: input.offsetY, file_path: path, created_at: nowIso() };
  return { path, pages: rows.length, job };
}

/** Remembers a saved batch, so "in từ dòng" after a paper jam can be picked from the list of jobs. */
export async function recordPrintJob(db: Kysely<DB>, batch: PrintedBatch): Promise<PrintResult> {
  if (batch.path) await db.insertInto('certificate_print_jobs').values(batch.job).execute();
  return { path: batch.path, pages: batch.pages, job: toJobView(batch.job) };
}
