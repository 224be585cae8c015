/** Tờ trình đề nghị khen thưởng (TTr): Kính gửi, căn cứ, the request with counts, hồ sơ, danh sách kèm theo. */
import { formatDocCitation } from '../../../../shared/vi-text/doc-number';
import { type Block, type OfficialDocument, type RichText } from '../model';
import { awardeeTable, awardVerbPhrase, countsPhrase, requireAwardees, summarize, type Awardee } from './awardee-list';
import {
  addresseesOf, headerOf, numberOf, recipientsOf, signatureOf,
  type IssuerInput, type NumberingInput, type RecipientsInput, type SignerInput,
} from './common';

export interface ProposalInput extends NumberingInput {
  issuer: IssuerInput;
  /** Kính gửi list, e.g. ["Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam"]. */
  addressees: string[];
  /** Who decides, in running text: "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam". */
  superior: string;
  /** "Bằng khen của Tổng Liên đoàn Lao động Việt Nam". */
  awardName: string;
  /** A danh hiệu is proposed for "công nhận", a hình thức for "tặng". */
  awardKind?: 'title' | 'form';
  achievement: string;
  subject?: string;
  /** Căn cứ paragraphs of the request (regular text). */
  bases: string[];
  /** Free paragraphs between the căn cứ and the request (results, reasons). */
  paragraphs?: RichText[];
  awardees: Awardee[];
  /** "Hồ sơ gồm:" items. */
  dossier?: string[];
  signer: SignerInput;
  recipients: RecipientsInput;
}

export function composeProposal(input: ProposalInput): OfficialDocument {
  const verb = awardVerbPhrase({ name: input.awardName, kind: input.awardKind ?? 'form' });
  requireAwardees(input.awardees);
  const s = summarize(input.awardees);
  const number = numberOf(input.issuer, 'TTr', input.number);
  const achievement = input.achievement.trim().replace(/\.$/, '');
  const body: Block[] = [
    ...input.bases.map((b, i): Block => ({ type: 'paragraph', text: b.trim().replace(/[;.]$/, '') + (i === input.bases.length - 1 ? '.' : ';') })),
    ...(input.paragraphs ?? []).map((t): Block => ({ type: 'paragraph', text: t })),
    {
      type: 'paragraph',
      text: `${input.issuer.name} đề nghị ${input.superior} xem xét, ${verb} cho ${countsPhrase(s)} (có danh sách và báo cáo thành tích kèm theo) ${achievement}.`,
    },
  ];
  if (input.dossier && input.dossier.length > 0) {
    body.push({ type: 'paragraph', text: 'Hồ sơ gồm:' });
    input.dossier.forEach((d, i) =>
      body.push({ type: 'bullet', marker: '-', text: d.trim().replace(/[;.]$/, '') + (i === input.dossier!.length - 1 ? '.' : ';') }),
    );
  }
  body.push({ type: 'paragraph', text: `${input.issuer.name} kính trình ${input.superior} xem xét, quyết định.` });
  const recipients = recipientsOf(input.recipients);
  if (!/^Như trên/.test(recipients.groups[0].items[0] ?? '')) recipients.groups[0].items.unshift('Như trên;');
  return {
    header: headerOf(input.issuer),
    number,
    placeDate: { place: input.issuer.place, date: input.date },
    kindName: 'TỜ TRÌNH',
    subject: input.subject ?? `Về việc đề nghị ${verb} cho các tập thể, cá nhân ${achievement}`,
    addressees: addresseesOf(input.addressees),
    body,
    signature: signatureOf(input.signer),
    recipients,
    annexes: [
      {
        title: 'DANH SÁCH',
        subtitle: `Tập thể, cá nhân đề nghị ${verb}`,
        reference: `(Kèm theo Tờ trình ${formatDocCitation(input.number, number.symbol, input.date, 'long')} của ${input.issuer.name})`,
        body: [{ type: 'table', table: awardeeTable(input.awardees, { money: false, noteHeader: 'Ghi chú' }) }],
      },
    ],
  };
}
