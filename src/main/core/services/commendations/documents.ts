/**
 * Stored decisions and tờ trình → the QĐ (+ danh sách) and TTr composers. Registered in
 * services/document-sources.ts as kinds "decision" and "commendation-proposal", so documents.preview and
 * documents.export serve them. The issuer's name and place are those in force on the document's date.
 */
import type { Kysely } from 'kysely';
import { lowerVi, upperVi, capitalizeFirst } from '../../../../shared/vi-text/caps';
import type { PartialDate } from '../../../../shared/vi-text/dates';
import type { DB } from '../../db/schema';
import { composeDecision, type Awardee } from '../../documents/kinds/decision';
import { composeProposal } from '../../documents/kinds/proposal';
import { documentFileName } from '../../documents/file-name';
import type { OfficialDocument } from '../../documents/model';
import { todayIso } from '../../util/time';
import { requireOffice } from '../office';
import { recipientsFor } from '../document-options';
import type { LoadCtx } from '../document-source';
import { issuerAt, upperAddressee } from '../issuer';
import { getNode, getOrgRow } from '../organizations';
import { getDecision } from './decisions';
import { councilOverrides } from './override-text';
import { getProposal, getProposalRow } from './proposals';

type Loaded = { document: OfficialDocument; fileName: string };

const BODY_NAMES: Record<string, string> = { 'BAN THƯỜNG VỤ': 'Ban Thường vụ', 'BAN CHẤP HÀNH': 'Ban Chấp hành', 'ĐOÀN CHỦ TỊCH': 'Đoàn Chủ tịch' };

/** "TM. BAN THƯỜNG VỤ" → the deciding body ("BAN THƯỜNG VỤ") for the thẩm quyền line and running text. */
export function decidingBody(signerAuthority: string, orgName: string): { body: string; upper: string; running: string } {
  const body = upperVi(signerAuthority.replace(/^(TM|KT|Q|TL|TUQ)\.\s*/i, '').trim()) || 'BAN THƯỜNG VỤ';
  return { body, upper: `${body} ${upperVi(orgName)}`, running: `${BODY_NAMES[body] ?? capitalizeFirst(lowerVi(body))} ${orgName}` };
}

/** Drafts leave the day blank for the hand-written date, as plans do. */
const docDate = (issued: string | null, planned: string): PartialDate | string =>
  issued ?? { year: Number(planned.slice(0, 4)), month: Number(planned.slice(5, 7)) };

/** A collective's "Chức vụ, đơn vị" cell: what the clerk typed, else its upper unit as named on the date. */
async function collectiveUnit(q: Kysely<DB>, organizationId: string | null, date: string): Promise<string> {
  if (!organizationId) return '';
  const parentId = (await getOrgRow(q, organizationId)).parent_id;
  return parentId ? (await getNode(q, parentId, date)).name : '';
}

export async function decisionDocument(c: LoadCtx, id: string): Promise<Loaded> {
  const q = c.db;
  const office = await requireOffice(q);
  const d = await getDecision(q, id);
  const issuer = await issuerAt(q, office.organizationId, d.decisionDate);
  const body = decidingBody(office.signerAuthority, issuer.name);
  const awardees: Awardee[] = [];
  for (const a of d.awardees) {
    const positionUnit = a.positionUnit || (a.target === 'collective' ? await collectiveUnit(q, a.organizationId, d.decisionDate) : '');
    awardees.push({ kind: a.target, name: a.name, positionUnit, amount: a.amount, note: a.note, award: { name: a.formName, kind: a.formKind } });
  }
  const document = composeDecision({
    issuer,
    number: d.status === 'issued' ? Number(d.numberText!.split('/')[0]) : null,
    date: docDate(d.status === 'issued' ? d.decisionDate : null, d.decisionDate),
    authority: body.upper,
    authorityName: body.running,
    achievement: d.achievement,
    subject: d.subject || undefined,
    bases: d.bases,
    proposal: d.proposalLine,
    awardees,
    fundingSource: d.fundingSource || undefined,
    executors: d.executors,
    signer: { lines: [office.signerAuthority, office.signerTitle].filter(Boolean), name: office.signerName },
    // "Như Điều …" follows the executors' article, whatever its number.
    recipients: recipientsFor(c.options, ['Như Điều'], c.settings),
  });
  const stem = d.status === 'issued' ? `Quyet dinh ${d.numberText!.replace('/', ' ')} ngay ${d.decisionDate}` : `Du thao quyet dinh khen thuong ${todayIso()}`;
  return { document, fileName: documentFileName(stem) };
}

export async function proposalDocument(c: LoadCtx, id: string): Promise<Loaded> {
  const q = c.db;
  const office = await requireOffice(q);
  const p = await getProposal(q, id, office.organizationId);
  const at = p.issuedDate ?? p.plannedDate ?? todayIso();
  const issuer = await issuerAt(q, office.organizationId, at);
  const upper = await upperAddressee(q, office.organizationId, at);
  const document = composeProposal({
    issuer,
    number: p.status === 'issued' ? Number(p.numberText!.split('/')[0]) : null,
    date: docDate(p.issuedDate, at),
    addressees: c.options.addressees ?? [p.addressee || upper || ''].filter(Boolean),
    superior: p.superior,
    awardName: p.formName,
    awardKind: (await q.selectFrom('award_forms').select('kind').where('id', '=', p.formId).executeTakeFirst())?.kind === 'title' ? 'title' : 'form',
    achievement: p.achievement,
    bases: p.bases,
    // Approved despite an unmet condition: the issuer's council's reason is stated to the level above.
    paragraphs: await councilOverrides(q, p.items, (await getProposalRow(q, id)).issuer_id),
    awardees: p.items.map((n) => ({ kind: n.target, name: n.displayName, positionUnit: n.positionUnit })),
    dossier: ['Tờ trình', 'Danh sách tập thể, cá nhân đề nghị khen thưởng', 'Báo cáo thành tích', 'Biên bản họp Hội đồng Thi đua - Khen thưởng'],
    signer: { lines: [office.signerAuthority, office.signerTitle].filter(Boolean), name: office.signerName },
    recipients: recipientsFor(c.options, ['Như trên'], c.settings),
  });
  const stem = p.status === 'issued' ? `To trinh ${p.numberText!.replace('/', ' ')} ngay ${p.issuedDate}` : `Du thao to trinh ${todayIso()}`;
  return { document, fileName: documentFileName(stem) };
}
