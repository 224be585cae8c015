/**
 * Quyết định khen thưởng (QĐ) + danh sách kèm theo. Điều 1 quotes the counts and Điều 2 the
 * total money; both come from the same awardee list the annex prints, so they always agree.
 */
import { formatDocCitation } from '../../../../shared/vi-text/doc-number';
import { formatNumberVi, moneyToWords } from '../../../../shared/vi-text/money';
import { punctuateList, type Block, type OfficialDocument } from '../model';
import { awardeeTable, countsPhrase, requireAwardees, summarize, type Awardee } from './awardee-list';
import {
  headerOf, numberOf, recipientsOf, signatureOf,
  type IssuerInput, type NumberingInput, type RecipientsInput, type SignerInput,
} from './common';

export type { Awardee } from './awardee-list';

export interface DecisionInput extends NumberingInput {
  issuer: IssuerInput;
  /** Thẩm quyền line, e.g. "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN". */
  authority: string;
  /** The same body in running text for the annex reference: "Ban Thường vụ Liên đoàn Lao động tỉnh Bắc Kạn". */
  authorityName: string;
  /** "Giấy khen", "Bằng khen" … */
  awardName: string;
  /** "đã có thành tích xuất sắc trong phong trào thi đua … năm 2024". */
  achievement: string;
  /** Trích yếu; default "Về việc tặng <award> cho các tập thể, cá nhân <achievement>". */
  subject?: string;
  /** Căn cứ lines (legal bases are data, never constants). */
  bases: string[];
  /** "Xét đề nghị của Ban Công tác cơ sở" — closes the căn cứ list. */
  proposal: string;
  awardees: Awardee[];
  sortIndividuals?: boolean;
  /** Where the money comes from, appended to Điều 2. */
  fundingSource?: string;
  /** Điều 3: who executes. */
  executors: string;
  /** Say "chẵn" after round amounts in words. */
  evenWord?: boolean;
  signer: SignerInput;
  recipients: RecipientsInput;
}

export function composeDecision(input: DecisionInput): OfficialDocument {
  requireAwardees(input.awardees);
  const s = summarize(input.awardees);
  const money = input.awardees.some((a) => a.amount !== undefined);
  const number = numberOf(input.issuer, 'QĐ', input.number);
  const achievement = input.achievement.trim().replace(/\.$/, '');
  const article1 = `Tặng ${input.awardName} cho ${countsPhrase(s)} (có danh sách kèm theo) ${achievement}.`;
  const article2 = money
    ? `Kèm theo ${input.awardName} là tiền thưởng theo quy định. Tổng số tiền thưởng: ${formatNumberVi(s.totalAmount)} đồng (${moneyToWords(s.totalAmount, { even: input.evenWord })}).${input.fundingSource ? ` ${input.fundingSource.trim()}` : ''}`
    : 'Quyết định này có hiệu lực kể từ ngày ký.';
  const body: Block[] = [
    { type: 'centered', text: 'QUYẾT ĐỊNH:' },
    { type: 'article', number: 1, text: article1 },
    { type: 'article', number: 2, text: article2 },
    { type: 'article', number: 3, text: input.executors },
  ];
  const citation = formatDocCitation(input.number, number.symbol, input.date, 'long');
  return {
    header: headerOf(input.issuer),
    number,
    placeDate: { place: input.issuer.place, date: input.date },
    kindName: 'QUYẾT ĐỊNH',
    subject: input.subject ?? `Về việc tặng ${input.awardName} cho các tập thể, cá nhân ${achievement}`,
    authority: input.authority,
    bases: punctuateList([...input.bases, input.proposal]),
    body,
    signature: signatureOf(input.signer),
    recipients: recipientsOf(input.recipients),
    annexes: [
      {
        title: 'DANH SÁCH',
        subtitle: `Tập thể, cá nhân được tặng ${input.awardName}`,
        reference: `(Kèm theo Quyết định ${citation} của ${input.authorityName})`,
        body: [{ type: 'table', table: awardeeTable(input.awardees, { money, sortIndividuals: input.sortIndividuals }) }],
      },
    ],
  };
}
