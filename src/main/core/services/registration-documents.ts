/**
 * Stored registrations → documents: the unit's Bản đăng ký thi đua and the danh sách công trình, sản phẩm
 * gắn biển of a đợt (the công văn đôn đốc is reminder-letter.ts). Registered in
 * services/document-sources.ts, so documents.preview / documents.export serve them.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import { WORK_STATUS_LABELS, type WorkView } from '../../../shared/schemas/registrations';
import { formatNumberVi } from '../../../shared/vi-text/money';
import type { DB } from '../db/schema';
import { composeRegistration } from '../documents/kinds/registration';
import { composeWorksList, type WorkItem } from '../documents/kinds/works-list';
import { documentFileName } from '../documents/file-name';
import type { OfficialDocument } from '../documents/model';
import { groupThousands, scopeLabel } from '../documents/wording';
import { todayIso } from '../util/time';
import { recipientsFor } from './document-options';
import type { LoadCtx } from './document-source';
import { issuerAt, upperAddressee } from './issuer';
import { requireOffice } from './office';
import { getRegistration, loadScope } from './registrations';
import { inScope } from './reports/figures';
import { listWorks } from './works';

type Loaded = { document: OfficialDocument; fileName: string };

const monthYear = (iso: string | null) => (iso ? `${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}` : '');

async function occasionLine(q: Kysely<DB>, occasionId: string | null, year: number): Promise<string> {
  if (!occasionId) return '';
  const o = await q.selectFrom('occasions').select(['name', 'origin_date']).where('id', '=', occasionId).executeTakeFirst();
  if (!o) return '';
  // "Chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam" in a round year, else the plain name.
  const years = year - Number(o.origin_date.slice(0, 4));
  return years > 0 && years % 5 === 0 ? `Chào mừng ${years} năm ${o.name}` : `Chào mừng ${o.name}`;
}

async function workItems(q: Kysely<DB>, works: WorkView[], year: number, withStatus: boolean): Promise<WorkItem[]> {
  const out: WorkItem[] = [];
  for (const w of works) {
    const period = [monthYear(w.startDate), monthYear(w.finishDate)].filter(Boolean).join(' - ');
    out.push({
      name: w.name,
      owner: w.implementer || w.organizationName,
      value: w.valueDong ?? undefined,
      period,
      occasion: await occasionLine(q, w.occasionId, w.finishDate ? Number(w.finishDate.slice(0, 4)) : year),
      note: withStatus ? WORK_STATUS_LABELS[w.status] : undefined,
    });
  }
  return out;
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** kind "registration", id = registration id. */
export async function registrationDocument(c: LoadCtx, id: string): Promise<Loaded> {
  const q = c.db;
  const office = await requireOffice(q);
  const r = await getRegistration(q, id, office.organizationId);
  const { movement, phase } = await loadScope(q, r.movementId, r.phaseId);
  const at = r.submittedOn ?? r.receivedOn ?? todayIso();
  const unit = await issuerAt(q, r.organizationId, at);
  const upper = await upperAddressee(q, r.organizationId, at);
  const scope = scopeLabel(movement.name, phase?.name ?? null, movement.year);
  const document = composeRegistration({
    unit,
    date: { year: Number(at.slice(0, 4)), month: Number(at.slice(5, 7)) },
    year: movement.year,
    movement: scope,
    addressees: c.options.addressees ?? [upper ?? 'Hội đồng Thi đua - Khen thưởng'],
    intro: `Thực hiện ${scope}, ${unit.name} đăng ký thi đua như sau:`,
    facts: r.memberCount !== null ? [`Tổng số đoàn viên: ${formatNumberVi(r.memberCount)}`] : [],
    collectiveTitles: r.collectiveTitles,
    individuals: r.individuals.map((p) => ({ name: p.fullName, position: p.position, title: p.title })),
    works: await workItems(q, r.works, movement.year, false),
    targets: lines(r.targets).map(groupThousands),
    commitments: lines(r.commitments).map(groupThousands),
    signer: { lines: [r.signer.authority || 'TM. BAN CHẤP HÀNH', r.signer.title || 'CHỦ TỊCH'], name: r.signer.name },
    recipients: recipientsFor(c.options, ['Như trên'], c.settings),
  });
  return { document, fileName: documentFileName(`Ban dang ky thi dua ${unit.name} ${movement.year}`) };
}

/** The id of a phase, or of a movement (whole-movement registrations). */
export async function scopeOf(q: Kysely<DB>, id: string): Promise<{ movementId: string; phaseId: string | null }> {
  const phase = await q.selectFrom('movement_phases').select(['id', 'movement_id']).where('id', '=', id).executeTakeFirst();
  if (phase) return { movementId: phase.movement_id, phaseId: phase.id };
  const m = await q.selectFrom('movements').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!m) throw new AppError('NOT_FOUND', 'Không tìm thấy phong trào hoặc đợt thi đua.');
  return { movementId: m.id, phaseId: null };
}

/**
 * kind "works-list", id = phase id (or movement id): every work of the đợt not refused, under the figures'
 * rule (a whole-movement registration's works count in each đợt), with its status; its total is the
 * Báo cáo's "đăng ký N công trình".
 */
export async function worksListDocument(c: LoadCtx, id: string): Promise<Loaded> {
  const q = c.db;
  const office = await requireOffice(q);
  const { movementId, phaseId } = await scopeOf(q, id);
  const { movement, phase } = await loadScope(q, movementId, phaseId);
  const works = (await listWorks(q, { movementId }, office.organizationId)).filter((w) => inScope(w.phaseId, phaseId) && w.status !== 'refused');
  const today = todayIso();
  const document = composeWorksList({
    issuer: await issuerAt(q, office.organizationId, today),
    date: { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) },
    subject: `Công trình, sản phẩm đăng ký gắn biển\n${scopeLabel(movement.name, phase?.name ?? null, movement.year)}`,
    works: await workItems(q, works, movement.year, true),
    signer: { lines: [office.signerAuthority, office.signerTitle].filter(Boolean), name: office.signerName },
    recipients: recipientsFor(c.options, [], c.settings),
  });
  return { document, fileName: documentFileName(`Danh sach cong trinh gan bien ${movement.year}`) };
}
