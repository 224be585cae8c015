/**
 * Kính gửi, Nơi nhận and the công văn's deadline as this office chose them for one document (migration
 * 0012), over the defaults of its kind. Loaders receive the stored choice and pass it to the composers.
 */
import type { Kysely } from 'kysely';
import type { DocumentKind } from '../../../shared/documents';
import type { RecipientsValue } from '../../../shared/calls/documents';
import type { DocumentLayoutSettings } from '../../../shared/schemas/settings';
import { AppError } from '../../../shared/errors';
import type { DB } from '../db/schema';
import { nowIso, todayIso } from '../util/time';
import { formatDmy } from '../../../shared/vi-text/dates';


export interface DocumentOptions {
  addressees: string[] | null;
  recipients: RecipientsValue | null;
  deadline: string | null;
}

export const NO_OPTIONS: DocumentOptions = { addressees: null, recipients: null, deadline: null };

export async function readOptions(q: Kysely<DB>, kind: DocumentKind, recordId: string): Promise<DocumentOptions> {
  const row = await q.selectFrom('document_options').selectAll().where('kind', '=', kind).where('record_id', '=', recordId).executeTakeFirst();
  if (!row) return NO_OPTIONS;
  return {
    addressees: row.addressees ? (JSON.parse(row.addressees) as string[]) : null,
    recipients: row.recipients ? (JSON.parse(row.recipients) as RecipientsValue) : null,
    deadline: row.deadline,
  };
}

/** A deadline already passed cannot be asked of anyone. */
export function checkDeadline(deadline: string | null, today = todayIso()): void {
  if (deadline && deadline < today) throw new AppError('VALIDATION', `Hạn gửi ${formatDmy(deadline)} đã qua; hãy chọn hạn mới từ hôm nay (${formatDmy(today)}) trở đi.`);
}

export async function writeOptions(q: Kysely<DB>, kind: DocumentKind, recordId: string, o: DocumentOptions): Promise<void> {
  checkDeadline(o.deadline);
  const values = {
    addressees: o.addressees ? JSON.stringify(o.addressees) : null,
    recipients: o.recipients ? JSON.stringify(o.recipients) : null,
    deadline: o.deadline,
    updated_at: nowIso(),
  };
  await q
    .insertInto('document_options')
    .values({ kind, record_id: recordId, ...values })
    .onConflict((c) => c.columns(['kind', 'record_id']).doUpdateSet(values))
    .execute();
}

/** "VT, VP" when the office set its drafting unit, else "VT" (ND30 ô 9b: "Lưu: VT, <đơn vị soạn thảo>"). */
export function defaultArchive(settings: Pick<DocumentLayoutSettings, 'letter'>): string {
  const unit = settings.letter.unitAbbr.trim();
  return unit ? `VT, ${unit}` : 'VT';
}

/** The recipients a composer gets: the clerk's list, or the kind's default items with the office's archive. */
export function recipientsFor(o: DocumentOptions, defaultItems: string[], settings: Pick<DocumentLayoutSettings, 'letter'>): { groups: { items: string[] }[]; archive: string } {
  const r = o.recipients ?? { items: defaultItems, archive: defaultArchive(settings) };
  return { groups: r.items.length ? [{ items: r.items }] : [], archive: r.archive };
}
