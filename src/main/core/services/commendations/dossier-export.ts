/**
 * "Xuất hồ sơ": every document of one nomination's dossier in one .zip — the tờ trình with its danh sách, the
 * council's biên bản (with the phiếu bầu and biên bản kiểm phiếu when it voted by ballot) and the báo cáo thành
 * tích — rendered exactly as their previews, numbered in the order an upper level reads them.
 */
import { zipSync } from 'fflate';
import type { DocumentKind } from '../../../../shared/documents';
import { renderSource } from '../document-sources';
import type { ReadCtx } from '../document-source';
import { getMeeting, meetingOf } from './council-meetings';
import { getNominationRow } from './nominations';

export async function dossierFiles(c: ReadCtx, nominationId: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  await getNominationRow(c.db, nominationId);
  const parts: { kind: DocumentKind; id: string }[] = [];
  const proposal = await c.db
    .selectFrom('commendation_proposal_items as i')
    .innerJoin('commendation_proposals as p', 'p.id', 'i.proposal_id')
    .select('p.id')
    .where('i.nomination_id', '=', nominationId)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.updated_at', 'desc')
    .executeTakeFirst();
  if (proposal) parts.push({ kind: 'commendation-proposal', id: proposal.id });
  const meetingId = await meetingOf(c.db, nominationId);
  if (meetingId) {
    parts.push({ kind: 'council-minutes', id: meetingId });
    if ((await getMeeting(c.db, meetingId)).body.ballot) parts.push({ kind: 'council-ballot', id: meetingId }, { kind: 'ballot-count', id: meetingId });
  }
  parts.push({ kind: 'achievement-report', id: nominationId });
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const [i, p] of parts.entries()) {
    const { bytes, fileName } = await renderSource(c, p.kind, p.id);
    files.push({ name: `${String(i + 1).padStart(2, '0')}-${fileName}`, bytes });
  }
  return files;
}

/** .docx files are compressed already: stored, not deflated again. */
export function zipFiles(files: { name: string; bytes: Uint8Array }[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.name, [f.bytes, { level: 0 }]])));
}
