/**
 * Công văn đôn đốc đăng ký thi đua: Kính gửi the units that have not registered yet, asking them to send
 * their Bản đăng ký by the deadline. A công văn has no tên loại; its "V/v …" trích yếu prints under "Số:"
 * and its ký hiệu is `{issuer}-{drafting unit}`.
 */
import type { DateInput } from '../../../../shared/vi-text/dates';
import type { OfficialDocument } from '../model';
import { formatNumberVi } from '../../../../shared/vi-text/money';
import { addresseesOf, headerOf, letterNumberOf, recipientsOf, signatureOf, type IssuerInput, type RecipientsInput, type SignerInput } from './common';

export interface RegistrationReminderInput {
  issuer: IssuerInput;
  /** null: a draft, the number is written at issue. */
  number: number | null;
  date: DateInput;
  /** "Phong trào thi đua … năm 2020" (and the đợt). */
  movement: string;
  /** The units that have not registered, as their names are written today. */
  missingUnits: string[];
  registeredCount: number;
  totalCount: number;
  /** "15/3/2020" or null when no deadline is set. */
  deadline: string | null;
  /** Kính gửi; default the units that have not registered. */
  addressees?: string[];
  /** Nơi nhận; default "Như trên" and "Lưu: VT". */
  recipients?: RecipientsInput;
  signer: SignerInput;
  /** Drafting unit in the ký hiệu ("VP" → "Số: 05/LĐLĐ-VP"); absent → the issuer's abbreviation alone. */
  unitAbbr?: string;
}

export function composeRegistrationReminder(input: RegistrationReminderInput): OfficialDocument {
  const n = input.missingUnits.length;
  const by = input.deadline ? ` trước ngày ${input.deadline}` : ' trong thời gian sớm nhất';
  return {
    header: headerOf(input.issuer),
    number: letterNumberOf(input.issuer, input.unitAbbr, input.number),
    placeDate: { place: input.issuer.place, date: input.date },
    kindName: '',
    letterSubject: 'V/v đôn đốc đăng ký thi đua',
    addressees: addresseesOf(input.addressees?.length ? input.addressees : input.missingUnits),
    body: [
      {
        type: 'paragraph',
        text: `Thực hiện ${input.movement}, đến nay ${input.issuer.name} đã nhận được bản đăng ký thi đua của ${formatNumberVi(input.registeredCount)}/${formatNumberVi(input.totalCount)} đơn vị; còn ${formatNumberVi(n)} đơn vị chưa gửi bản đăng ký.`,
      },
      {
        type: 'paragraph',
        text: `Để có cơ sở theo dõi, đánh giá và bình xét khen thưởng, ${input.issuer.name} đề nghị các đơn vị khẩn trương hoàn thành việc đăng ký thi đua (danh hiệu tập thể, cá nhân và công trình, sản phẩm đăng ký gắn biển), gửi về ${input.issuer.name}${by}.`,
      },
      { type: 'paragraph', text: 'Đề nghị các đơn vị quan tâm, thực hiện.' },
    ],
    signature: signatureOf(input.signer),
    recipients: recipientsOf(input.recipients ?? { groups: [{ items: ['Như trên'] }], archive: 'VT' }),
  };
}
