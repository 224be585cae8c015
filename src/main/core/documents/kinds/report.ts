/**
 * Báo cáo kết quả (BC): the same numbered structure as a plan (I., 1., -, +, tables),
 * "Kính gửi" when it goes upward, optional statistics annexes (landscape if wide).
 */
import { formatDocCitation } from '../../../../shared/vi-text/doc-number';
import type { Block, OfficialDocument, RichText } from '../model';
import { roman } from '../model';
import {
  addresseesOf, headerOf, numberOf, recipientsOf, signatureOf,
  type IssuerInput, type NumberingInput, type RecipientsInput, type SignerInput,
} from './common';
import { sectionBlocks, simpleTable, type PlanSection, type PlanTable } from './plan';

export interface ReportAnnexInput {
  title: string;
  subtitle?: string;
  landscape?: boolean;
  table: PlanTable['table'];
}

export interface ReportInput extends NumberingInput {
  issuer: IssuerInput;
  /** "Kết quả phong trào thi đua … năm 2024". */
  subject: string;
  /** Upward reports carry Kính gửi. */
  addressees?: string[];
  intro: RichText[];
  sections: PlanSection[];
  closing?: RichText[];
  annexes?: ReportAnnexInput[];
  signer: SignerInput;
  recipients: RecipientsInput;
}

export function composeReport(input: ReportInput): OfficialDocument {
  const annexes = input.annexes ?? [];
  const number = numberOf(input.issuer, 'BC', input.number);
  const reference = `(Kèm theo Báo cáo ${formatDocCitation(input.number, number.symbol, input.date, 'long')} của ${input.issuer.name})`;
  return {
    header: headerOf(input.issuer),
    number,
    placeDate: { place: input.issuer.place, date: input.date },
    kindName: 'BÁO CÁO',
    subject: input.subject,
    addressees: input.addressees && input.addressees.length > 0 ? addresseesOf(input.addressees) : undefined,
    body: [
      ...input.intro.map((t): Block => ({ type: 'paragraph', text: t })),
      ...sectionBlocks(input.sections),
      ...(input.closing ?? []).map((t): Block => ({ type: 'paragraph', text: t })),
    ],
    signature: signatureOf(input.signer),
    recipients: recipientsOf(input.recipients),
    annexes: annexes.map((a, i) => ({
      // Two or more annexes are told apart as Phụ lục I, II … (ND30 III.1).
      label: annexes.length > 1 ? `Phụ lục ${roman(i + 1)}` : undefined,
      title: a.title,
      subtitle: a.subtitle,
      reference,
      landscape: a.landscape,
      body: [simpleTable(a.table)],
    })),
  };
}
