/**
 * Công văn đôn đốc đăng ký thi đua for a đợt (or a whole movement): its units and counts come from the
 * office's figures (reports/figures.ts, the same numbers as the Báo cáo and the dashboard), its deadline is
 * the clerk's (a passed one is refused), and issuing takes its number from the register and keeps the
 * letter as issued (issued_letters), so printing it again later says what was true that day.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { issueLetterInput, IssuedLetterView } from '../../../shared/calls/documents';
import { AppError } from '../../../shared/errors';
import { formatShortDate } from '../../../shared/vi-text';
import type { DB } from '../db/schema';
import { documentFileName } from '../documents/file-name';
import { composeRegistrationReminder, type RegistrationReminderInput } from '../documents/kinds/registration-reminder';
import { scopeLabel } from '../documents/wording';
import { newId, nowIso, todayIso } from '../util/time';
import { checkDeadline, readOptions, recipientsFor, type DocumentOptions } from './document-options';
import type { LoadCtx, ReadCtx } from './document-source';
import { issuerAt } from './issuer';
import { requireOffice } from './office';
import { composeFigures } from './reports/figures';
import { issueNumber } from './register';
import { scopeOf } from './registration-documents';
import { getDocumentLayout } from './settings';


/** The deadline the letter gives: the clerk's, else the đợt's registration deadline. */
async function deadlineOf(q: Kysely<DB>, phaseId: string | null, options: DocumentOptions): Promise<string | null> {
  if (options.deadline) return options.deadline;
  if (!phaseId) return null;
  const p = await q.selectFrom('movement_phases').select('registration_deadline').where('id', '=', phaseId).executeTakeFirst();
  return p?.registration_deadline ?? null;
}

async function reminderInput(c: ReadCtx, scopeId: string, options: DocumentOptions, date: string, number: number | null, full: boolean): Promise<RegistrationReminderInput> {
  const office = await requireOffice(c.db);
  const settings = await getDocumentLayout(c.db);
  const { movementId, phaseId } = await scopeOf(c.db, scopeId);
  const f = await composeFigures(c.db, office.organizationId, movementId, phaseId);
  const missing = f.units.filter((u) => !u.registered);
  if (missing.length === 0) throw new AppError('CONFLICT', 'Tất cả các đơn vị đã đăng ký; không cần gửi công văn đôn đốc.');
  const deadline = await deadlineOf(c.db, phaseId, options);
  return {
    issuer: await issuerAt(c.db, office.organizationId, date),
    number,
    date: full ? date : { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) },
    movement: scopeLabel(f.movementName, f.phaseName, f.year),
    missingUnits: missing.map((u) => u.name),
    registeredCount: f.totals.registered,
    totalCount: f.totals.units,
    // A passed deadline is never printed as a request; the letter asks for "thời gian sớm nhất" until a new one is set.
    deadline: deadline && deadline >= date ? formatShortDate(deadline) : null,
    signer: { lines: [office.signerAuthority, office.signerTitle].filter(Boolean), name: office.signerName },
    unitAbbr: settings.letter.unitAbbr || undefined,
    addressees: options.addressees ?? undefined,
    recipients: recipientsFor(options, ['Như trên'], settings),
  };
}

/** kind "registration-reminder": id = phase or movement id (the draft), or an issued letter's id. */
export async function reminderDocument(c: LoadCtx, id: string) {
  const issued = await c.db.selectFrom('issued_letters').select(['snapshot', 'created_at']).where('id', '=', id).executeTakeFirst();
  if (issued) {
    const input = JSON.parse(issued.snapshot) as RegistrationReminderInput;
    return { document: composeRegistrationReminder(input), fileName: documentFileName(`Cong van ${input.number} don doc dang ky thi dua ${String(input.date)}`) };
  }
  const today = todayIso();
  const input = await reminderInput(c, id, c.options, today, null, false);
  return { document: composeRegistrationReminder(input), fileName: documentFileName(`Du thao cong van don doc dang ky thi dua ${today}`) };
}

/** Issues the letter: a deadline from the issue date on, a number from the register, the letter kept as issued. */
export async function issueReminder(c: ReadCtx, input: z.output<typeof issueLetterInput>): Promise<IssuedLetterView> {
  const office = await requireOffice(c.db);
  const settings = await getDocumentLayout(c.db);
  const options = await readOptions(c.db, 'registration-reminder', input.id);
  const { phaseId } = await scopeOf(c.db, input.id);
  const deadline = await deadlineOf(c.db, phaseId, options);
  if (!deadline) throw new AppError('VALIDATION', 'Công văn đôn đốc cần hạn gửi bản đăng ký: hãy nhập hạn mới.');
  checkDeadline(deadline, input.date);
  const letterId = newId();
  const draft = await reminderInput(c, input.id, options, input.date, null, true);
  const entry = await issueNumber(c.db, {
    issuerId: office.organizationId,
    kindAbbr: 'CV',
    letterUnit: settings.letter.unitAbbr,
    date: input.date,
    subject: 'V/v đôn đốc đăng ký thi đua',
    number: input.number,
    recordKind: 'registration-reminder',
    recordId: letterId,
  });
  const snapshot: RegistrationReminderInput = { ...draft, number: entry.number };
  await c.db.insertInto('issued_letters').values({ id: letterId, kind: 'registration-reminder', scope_id: input.id, register_entry_id: entry.id, snapshot: JSON.stringify(snapshot), created_at: nowIso() }).execute();
  return { id: letterId, numberText: entry.numberText, date: entry.date };
}

export async function issuedLetters(q: Kysely<DB>, scopeId: string): Promise<{ id: string; numberText: string; date: string; deadline: string | null }[]> {
  const rows = await q
    .selectFrom('issued_letters as l')
    .innerJoin('register_entries as e', 'e.id', 'l.register_entry_id')
    .select(['l.id', 'l.snapshot', 'e.number', 'e.symbol', 'e.doc_date'])
    .where('l.kind', '=', 'registration-reminder')
    .where('l.scope_id', '=', scopeId)
    .orderBy('e.doc_date')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    numberText: `${String(r.number).padStart(2, '0')}/${r.symbol}`,
    date: r.doc_date,
    deadline: (JSON.parse(r.snapshot) as RegistrationReminderInput).deadline,
  }));
}
