/**
 * Quyết định khen thưởng (QĐ) + danh sách kèm theo. One Điều per form or title ("Tặng Giấy khen …",
 * "Công nhận danh hiệu Chiến sĩ thi đua cơ sở …") with its own counts, one Điều for the money per form and
 * in total, the hiệu lực clause, then the executors. Counts and money come from the same awardee list the
 * annex prints (one section per form when mixed), so they always agree.
 */
import { formatDocCitation } from '../../../../shared/vi-text/doc-number';
import { formatNumberVi, moneyToWords } from '../../../../shared/vi-text/money';
import { punctuateList, roman, type Block, type OfficialDocument } from '../model';
import { awardeeTable, awardVerbPhrase, countsPhrase, groupByAward, requireAwardees, summarize, type Awardee, type AwardKind } from './awardee-list';
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
  /** Form for rows without their own `award`: "Giấy khen", "Bằng khen" … */
  awardName?: string;
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
  /** Last Điều: who executes. */
  executors: string;
  /** Hiệu lực clause; default "Quyết định này có hiệu lực kể từ ngày ký." */
  effect?: string;
  /** Say "chẵn" after round amounts in words. */
  evenWord?: boolean;
  signer: SignerInput;
  recipients: RecipientsInput;
}

const capitalize = (t: string) => t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);

/** "tặng Giấy khen và công nhận danh hiệu Chiến sĩ thi đua cơ sở". */
function awardsPhrase(awards: AwardKind[]): string {
  const parts = awards.map(awardVerbPhrase);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}`;
}

/** "Như Điều 3" in the Nơi nhận follows the executors' Điều whatever its number. */
function withExecutorsArticle(recipients: RecipientsInput, article: number): RecipientsInput {
  const groups = recipients.groups.length ? recipients.groups : [{ items: ['Như Điều'] }];
  return { ...recipients, groups: groups.map((g) => ({ ...g, items: g.items.map((i) => (/^Như Điều\s*\d*\s*[;.]?$/.test(i.trim()) ? `Như Điều ${article}` : i)) })) };
}

export function composeDecision(input: DecisionInput): OfficialDocument {
  requireAwardees(input.awardees);
  const s = summarize(input.awardees);
  const money = input.awardees.some((a) => a.amount !== undefined);
  const number = numberOf(input.issuer, 'QĐ', input.number);
  const achievement = input.achievement.trim().replace(/\.$/, '');
  const sections = groupByAward(input.awardees, { name: input.awardName ?? 'Giấy khen', kind: 'form' });
  const mixed = sections.length > 1;
  const articles: string[] = sections.map((sec, k) => {
    const list = mixed ? `(có danh sách kèm theo, mục ${roman(k + 1)})` : '(có danh sách kèm theo)';
    return `${capitalize(awardVerbPhrase(sec.award))} cho ${countsPhrase(summarize(sec.awardees))} ${list} ${achievement}.`;
  });
  if (money) {
    const words = `${formatNumberVi(s.totalAmount)} đồng (${moneyToWords(s.totalAmount, { even: input.evenWord })})`;
    const funding = input.fundingSource ? ` ${input.fundingSource.trim()}` : '';
    articles.push(
      mixed
        ? `Kèm theo là tiền thưởng theo quy định: ${sections.map((sec) => `${sec.award.name} ${formatNumberVi(summarize(sec.awardees).totalAmount)} đồng`).join('; ')}. Tổng số tiền thưởng: ${words}.${funding}`
        : `Kèm theo ${sections[0].award.name} là tiền thưởng theo quy định. Tổng số tiền thưởng: ${words}.${funding}`,
    );
  }
  articles.push(input.effect?.trim() || 'Quyết định này có hiệu lực kể từ ngày ký.');
  // "có tên tại Điều 1" names everyone only when there is one award Điều; with several, it names them all.
  const awardArticles = sections.length === 1 ? 'Điều 1' : sections.length === 2 ? 'Điều 1 và Điều 2' : `Điều 1 đến Điều ${sections.length}`;
  articles.push(input.executors.replace(/(có tên tại) Điều 1\b(?! và| đến)/, `$1 ${awardArticles}`));
  const body: Block[] = [{ type: 'centered', text: 'QUYẾT ĐỊNH:' }, ...articles.map((text, i): Block => ({ type: 'article', number: i + 1, text }))];
  const citation = formatDocCitation(input.number, number.symbol, input.date, 'long');
  const awards = awardsPhrase(sections.map((sec) => sec.award));
  return {
    header: headerOf(input.issuer),
    number,
    placeDate: { place: input.issuer.place, date: input.date },
    kindName: 'QUYẾT ĐỊNH',
    subject: input.subject ?? `Về việc ${awards} cho các tập thể, cá nhân ${achievement}`,
    authority: input.authority,
    bases: punctuateList([...input.bases, input.proposal]),
    body,
    signature: signatureOf(input.signer),
    recipients: recipientsOf(withExecutorsArticle(input.recipients, articles.length)),
    annexes: [
      {
        title: 'DANH SÁCH',
        subtitle: mixed ? 'Tập thể, cá nhân được khen thưởng' : `Tập thể, cá nhân được ${awards}`,
        reference: `(Kèm theo Quyết định ${citation} của ${input.authorityName})`,
        body: [{ type: 'table', table: awardeeTable(input.awardees, { money, sortIndividuals: input.sortIndividuals, sections }) }],
      },
    ],
  };
}
