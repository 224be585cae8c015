/**
 * Bản đăng ký thi đua of a unit: Kính gửi the superior, the collective titles registered,
 * the individuals (table) and the works for gắn biển (table), signed by the unit's BCH.
 */
import type { DateInput } from '../../../../shared/vi-text/dates';
import type { Block, OfficialDocument, RichText } from '../model';
import {
  addresseesOf, headerOf, numberOf, recipientsOf, signatureOf,
  type IssuerInput, type RecipientsInput, type SignerInput,
} from './common';
import { capitalizeFirst } from '../../../../shared/vi-text/caps';
import { withYear } from '../wording';
import { worksTable, type WorkItem } from './works-list';

export interface RegisteredIndividual {
  name: string;
  position: string;
  /** Danh hiệu đăng ký: "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở" … */
  title: string;
}

export interface RegistrationInput {
  /** The registering unit; its parentLines are the direct superior. */
  unit: IssuerInput;
  /** Registrations usually carry no number; null prints a blank one. */
  number?: number | null;
  date: DateInput;
  year: number;
  /** The movement or occasion, e.g. "phong trào thi đua chào mừng …"; appended to the trích yếu. */
  movement?: string;
  addressees: string[];
  intro: RichText;
  /** Unit facts: "Tổng số đoàn viên: 45 (nữ: 20)". */
  facts?: RichText[];
  collectiveTitles: string[];
  individuals: RegisteredIndividual[];
  works: WorkItem[];
  /** Chỉ tiêu thi đua đăng ký: printed under their own heading. */
  targets?: RichText[];
  commitments?: RichText[];
  signer: SignerInput;
  recipients?: RecipientsInput;
}

export function composeRegistration(input: RegistrationInput): OfficialDocument {
  const body: Block[] = [{ type: 'paragraph', text: input.intro }];
  for (const f of input.facts ?? []) body.push({ type: 'bullet', marker: '-', text: f });
  body.push({ type: 'heading', level: 'section', label: 'A.', text: 'Danh hiệu thi đua tập thể đăng ký' });
  for (const t of input.collectiveTitles) body.push({ type: 'bullet', marker: '-', text: t });
  body.push({ type: 'heading', level: 'section', label: 'B.', text: 'Cá nhân đăng ký danh hiệu thi đua' });
  body.push({
    type: 'table',
    table: {
      columns: [
        { header: 'STT', weight: 7, align: 'center' },
        { header: 'Họ và tên', weight: 30 },
        { header: 'Chức vụ', weight: 33 },
        { header: 'Danh hiệu đăng ký', weight: 30 },
      ],
      rows: input.individuals.map((p, i) => ({ kind: 'data', cells: [String(i + 1), p.name, p.position, p.title] })),
    },
  });
  body.push({ type: 'heading', level: 'section', label: 'C.', text: 'Công trình, sản phẩm đăng ký gắn biển' });
  if (input.works.length > 0) body.push({ type: 'table', table: worksTable(input.works, { withTotal: false, compact: true }) });
  else body.push({ type: 'paragraph', text: 'Không đăng ký.' });
  if (input.targets?.length) {
    body.push({ type: 'heading', level: 'section', label: 'D.', text: 'Chỉ tiêu thi đua đăng ký' });
    for (const t of input.targets) body.push({ type: 'bullet', marker: '-', text: t });
  }
  for (const c of input.commitments ?? []) body.push({ type: 'paragraph', text: c });
  return {
    header: headerOf(input.unit),
    number: input.number === undefined ? undefined : numberOf(input.unit, 'ĐK', input.number),
    placeDate: { place: input.unit.place, date: input.date },
    kindName: 'BẢN ĐĂNG KÝ THI ĐUA',
    // "Phong trào … năm 2026" already says the year; never "Năm 2026, phong trào … năm 2026".
    subject: input.movement ? capitalizeFirst(withYear(input.movement, input.year)) : `Năm ${input.year}`,
    addressees: addresseesOf(input.addressees),
    body,
    signature: signatureOf(input.signer),
    recipients: input.recipients ? recipientsOf(input.recipients) : undefined,
  };
}
