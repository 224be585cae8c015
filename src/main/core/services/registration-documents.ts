/**
 * Stored registrations → documents: the unit's Bản đăng ký thi đua, the danh sách công trình, sản phẩm
 * gắn biển of a phase, and the công văn reminding units that have not registered. Registered in
 * services/document-sources.ts, so documents.preview / documents.export serve them.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../shared/errors';
import { WORK_STATUS_LABELS, type WorkView } from '../../../shared/schemas/registrations';
import { formatShortDate } from '../../../shared/vi-text';
import type { DB } from '../db/schema';
import { composeRegistration } from '../documents/kinds/registration';
import { composeRegistrationReminder } from '../documents/kinds/registration-reminder';
import { composeWorksList, type WorkItem } from '../documents/kinds/works-list';
import { documentFileName } from '../documents/file-name';
import type { OfficialDocument } from '../documents/model';
import { todayIso } from '../util/time';
import { requireOffice } from './office';
import { getNode, getOrgRow } from './organizations';
import { issuerAt } from './issuer';
import { getRegistration, loadScope, tracker } from './registrations';
import { listWorks } from './works';

type Q = Kysely<DB> | Transaction<DB>;
type Loaded = { document: OfficialDocument; fileName: string };

const monthYear = (iso: string | null) => (iso ? `${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}` : '');

async function occasionLine(q: Q, occasionId: string | null, year: number): Promise<string> {
  if (!occasionId) return '';
  const o = await q.selectFrom('occasions').select(['name', 'origin_date']).where('id', '=', occasionId).executeTakeFirst();
  if (!o) return '';
  // "Chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam" in a round year, else the plain name.
  const years = year - Number(o.origin_date.slice(0, 4));
  return years > 0 && years % 5 === 0 ? `Chào mừng ${years} năm ${o.name}` : `Chào mừng ${o.name}`;
}

async function workItems(q: Q, works: WorkView[], year: number, withStatus: boolean): Promise<WorkItem[]> {
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
export async function registrationDocument(q: Q, id: string): Promise<Loaded> {
  const office = await requireOffice(q as Kysely<DB>);
  const r = await getRegistration(q, id, office.organizationId);
  const { movement, phase } = await loadScope(q, r.movementId, r.phaseId);
  const at = r.submittedOn ?? r.receivedOn ?? todayIso();
  const unit = await issuerAt(q, r.organizationId, at);
  const org = await getOrgRow(q, r.organizationId);
  const superior = org.parent_id ? await getNode(q, org.parent_id, at) : null;
  const movementText = phase ? `${movement.name} (${phase.name})` : movement.name;
  const document = composeRegistration({
    unit,
    date: { year: Number(at.slice(0, 4)), month: Number(at.slice(5, 7)) },
    year: movement.year,
    movement: movementText.charAt(0).toLocaleLowerCase('vi') + movementText.slice(1),
    addressees: [superior ? `Ban Thường vụ ${superior.name}` : 'Hội đồng Thi đua - Khen thưởng'],
    intro: `Thực hiện ${movementText.charAt(0).toLocaleLowerCase('vi') + movementText.slice(1)}, ${unit.name} đăng ký thi đua như sau:`,
    facts: r.memberCount !== null ? [`Tổng số đoàn viên: ${r.memberCount}`] : [],
    collectiveTitles: r.collectiveTitles,
    individuals: r.individuals.map((p) => ({ name: p.fullName, position: p.position, title: p.title })),
    works: await workItems(q, r.works, movement.year, false),
    commitments: [...lines(r.targets), ...lines(r.commitments)],
    signer: { lines: ['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH'], name: '' },
  });
  return { document, fileName: documentFileName(`Ban dang ky thi dua ${unit.name} ${movement.year}`) };
}

/** The id of a phase, or of a movement (whole-movement registrations). */
async function scopeOf(q: Q, id: string): Promise<{ movementId: string; phaseId: string | null }> {
  const phase = await q.selectFrom('movement_phases').select(['id', 'movement_id']).where('id', '=', id).executeTakeFirst();
  if (phase) return { movementId: phase.movement_id, phaseId: phase.id };
  const m = await q.selectFrom('movements').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!m) throw new AppError('NOT_FOUND', 'Không tìm thấy phong trào hoặc đợt thi đua.');
  return { movementId: m.id, phaseId: null };
}

/** kind "works-list", id = phase id (or movement id): every work not refused, with its status. */
export async function worksListDocument(q: Q, id: string): Promise<Loaded> {
  const office = await requireOffice(q as Kysely<DB>);
  const { movementId, phaseId } = await scopeOf(q, id);
  const { movement, phase } = await loadScope(q, movementId, phaseId);
  const works = (await listWorks(q, { movementId, phaseId }, office.organizationId)).filter((w) => w.status !== 'refused');
  const today = todayIso();
  const document = composeWorksList({
    issuer: await issuerAt(q, office.organizationId, today),
    date: { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) },
    subject: `Công trình, sản phẩm đăng ký gắn biển\n${phase ? `${movement.name} (${phase.name})` : movement.name}`,
    works: await workItems(q, works, movement.year, true),
    signer: { lines: [office.signerAuthority, office.signerTitle].filter(Boolean), name: office.signerName },
  });
  return { document, fileName: documentFileName(`Danh sach cong trinh gan bien ${movement.year}`) };
}

/** kind "registration-reminder", id = phase id (or movement id). */
export async function reminderDocument(q: Q, id: string): Promise<Loaded> {
  const office = await requireOffice(q as Kysely<DB>);
  const { movementId, phaseId } = await scopeOf(q, id);
  const t = await tracker(q, office.organizationId, movementId, phaseId, false);
  const missing = t.units.filter((u) => !u.status || u.status === 'draft');
  if (missing.length === 0) throw new AppError('CONFLICT', 'Tất cả các đơn vị đã đăng ký; không cần gửi công văn đôn đốc.');
  const today = todayIso();
  const movementText = t.phaseName ? `${t.movementName} (${t.phaseName})` : t.movementName;
  const document = composeRegistrationReminder({
    issuer: await issuerAt(q, office.organizationId, today),
    number: null,
    date: { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) },
    movement: movementText.charAt(0).toLocaleLowerCase('vi') + movementText.slice(1),
    missingUnits: missing.map((u) => u.name),
    registeredCount: t.registeredCount,
    totalCount: t.units.length,
    deadline: t.registrationDeadline ? formatShortDate(t.registrationDeadline) : null,
    signer: { lines: [office.signerAuthority, office.signerTitle].filter(Boolean), name: office.signerName },
  });
  return { document, fileName: documentFileName(`Cong van don doc dang ky thi dua ${today}`) };
}
