/** Inputs every composer shares: who issues, who signs, who receives. Plain data; the services fill them. */
import type { DateInput } from '../../../../shared/vi-text/dates';
import { punctuateList, type Addressees, type DocHeader, type DocNumber, type RecipientGroup, type Recipients, type Signature } from '../model';

export interface IssuerInput {
  /** Chủ quản lines as printed, e.g. ["TỔNG LĐLĐ VIỆT NAM"]; [] when there is none. */
  parentLines: string[];
  /** Issuing body as printed, one entry per line, e.g. ["LIÊN ĐOÀN LAO ĐỘNG", "TỈNH BẮC KẠN"]. */
  nameLines: string[];
  /** Name in running text, e.g. "Liên đoàn Lao động tỉnh Bắc Kạn". */
  name: string;
  /** Ký hiệu of the issuer, e.g. "LĐLĐ". */
  abbreviation: string;
  /** Địa danh for the date line, e.g. "Bắc Kạn". */
  place: string;
}

export interface SignerInput {
  /** e.g. ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]. */
  lines: string[];
  name: string;
}

export interface RecipientGroupInput {
  label?: string;
  items: string[];
}

export interface RecipientsInput {
  groups: RecipientGroupInput[];
  /** What follows "Lưu:", e.g. "VT, Ban CTCS". */
  archive: string;
}

export interface NumberingInput {
  /** null for a draft. */
  number: number | null;
  date: DateInput;
}

export function headerOf(issuer: IssuerInput): DocHeader {
  return { parent: issuer.parentLines, issuer: issuer.nameLines };
}

export function numberOf(issuer: IssuerInput, typeAbbr: string, n: number | null): DocNumber {
  return { value: n, symbol: { typeAbbr, issuerAbbr: issuer.abbreviation } };
}

/**
 * A công văn has no type abbreviation: ký hiệu = `{issuer}-{drafting unit}` ("05/LĐLĐ-VP", ND30 Phụ lục III);
 * without a drafting unit, the issuer's abbreviation alone.
 */
export function letterNumberOf(issuer: IssuerInput, unitAbbr: string | undefined, n: number | null): DocNumber {
  const unit = unitAbbr?.trim();
  return { value: n, symbol: { issuerAbbr: issuer.abbreviation, ...(unit ? { unitAbbr: unit } : {}) } };
}

export function signatureOf(signer: SignerInput): Signature {
  return { lines: signer.lines, name: signer.name };
}

/** Items end with ";", the closing "Lưu: …" with "." (ND30 ô 9b). */
export function recipientsOf(input: RecipientsInput): Recipients {
  const clean = (s: string) => s.trim().replace(/[;.]+$/, '');
  const groups: RecipientGroup[] = input.groups.map((g) => ({ label: g.label, items: g.items.map((i) => `${clean(i)};`) }));
  const archive = `Lưu: ${clean(input.archive)}.`;
  if (groups.length === 0) groups.push({ items: [] });
  groups[groups.length - 1].items.push(archive);
  return { groups };
}

/** Kính gửi items: several end with ";" and the last with "."; a single one with ".". */
export function addresseesOf(items: string[]): Addressees {
  return { items: punctuateList(items) };
}

/** Signature authority prefixes of Nghị định 30/2020, Điều 13 (thay mặt, ký thay, quyền, thừa lệnh, thừa ủy quyền). */
export type SignPrefix = 'TM.' | 'KT.' | 'Q.' | 'TL.' | 'TUQ.';

export interface SignatureForm {
  /** Signing for a collective: "BAN THƯỜNG VỤ" gives "TM. BAN THƯỜNG VỤ". */
  collective?: string;
  /** The head's title, e.g. "CHỦ TỊCH". */
  headTitle: string;
  /** How the signer relates to the head: absent = the head signs; "KT." / "Q." / "TL." / "TUQ.". */
  as?: Exclude<SignPrefix, 'TM.'>;
  /** Actual title of a signer who is not the head: "PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG". */
  signerTitle?: string;
}

/**
 * Lines of the signature block: {collective:'BAN THƯỜNG VỤ', headTitle:'CHỦ TỊCH'} →
 * ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]; with as:'KT.', signerTitle:'PHÓ CHỦ TỊCH' →
 * ["TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]; Q. puts the prefix on the title line alone.
 */
export function signatureLines(form: SignatureForm): string[] {
  const lines: string[] = [];
  if (form.collective) lines.push(`TM. ${form.collective.trim()}`);
  const head = form.headTitle.trim();
  if (!head) throw new RangeError('Thiếu chức vụ người đứng đầu');
  if (!form.as) {
    lines.push(head);
  } else if (form.as === 'Q.') {
    // Acting head: "Q. CHỦ TỊCH" is the title itself.
    lines.push(`Q. ${head}`);
  } else {
    if (!form.signerTitle?.trim()) throw new RangeError(`Ký "${form.as}" cần chức vụ của người ký`);
    lines.push(`${form.as} ${head}`, form.signerTitle.trim());
  }
  return lines.map((l) => l.normalize('NFC').toLocaleUpperCase('vi'));
}
