/**
 * Văn bản chung: Hướng dẫn, Thông báo, Công văn, Giấy mời, Tờ trình, Báo cáo from a free outline. Numbers are
 * computed here from the levels — A./B. parts, I./II. sections (restarting in each part), 1./2. clauses
 * (restarting in each section), a)/b) or a./b. points (restarting in each clause) — so the clerk never renumbers.
 */
import type { DateInput } from '../../../../shared/vi-text/dates';
import type { Block, OfficialDocument, RichText } from '../model';
import { POINT_LETTERS, roman } from '../model';
import {
  addresseesOf, headerOf, letterNumberOf, numberOf, recipientsOf, signatureOf,
  type IssuerInput, type RecipientsInput, type SignerInput,
} from './common';

export type OutlineLevel = 'part' | 'section' | 'clause' | 'point' | 'paragraph' | 'bullet' | 'sub';

export interface OutlineItem {
  level: OutlineLevel;
  title: string;
  text: RichText;
}

export interface GeneralInput {
  /** Ký hiệu loại ("HD", "TB", "GM", "TTr", "BC"); 'CV' = công văn: no tên loại, V/v under Số. */
  typeAbbr: string;
  /** Tên loại as printed ('' for a công văn). */
  kindName: string;
  issuer: IssuerInput;
  number: number | null;
  date: DateInput;
  subject: string;
  /** Drafting unit of a công văn's ký hiệu. */
  unitAbbr?: string;
  addressees: string[];
  blocks: OutlineItem[];
  pointStyle: 'a)' | 'a.';
  signer: SignerInput;
  recipients: RecipientsInput;
}

const PART_LETTERS = POINT_LETTERS.map((l) => l.toLocaleUpperCase('vi'));

/** Outline → model blocks with their official numbers. */
export function outlineBlocks(items: OutlineItem[], pointStyle: 'a)' | 'a.'): Block[] {
  const count = { part: 0, section: 0, clause: 0, point: 0 };
  const out: Block[] = [];
  for (const item of items) {
    const empty = !item.title.trim() && !(typeof item.text === 'string' ? item.text.trim() : item.text.length);
    if (empty) continue;
    let label: string | null = null;
    let heading: 'section' | 'clause' | 'point' = 'clause';
    switch (item.level) {
      case 'part':
        count.part++;
        count.section = count.clause = count.point = 0;
        label = `${PART_LETTERS[(count.part - 1) % PART_LETTERS.length]}.`;
        heading = 'section';
        break;
      case 'section':
        count.section++;
        count.clause = count.point = 0;
        label = `${roman(count.section)}.`;
        heading = 'section';
        break;
      case 'clause':
        count.clause++;
        count.point = 0;
        label = `${count.clause}.`;
        heading = 'clause';
        break;
      case 'point':
        count.point++;
        label = `${POINT_LETTERS[(count.point - 1) % POINT_LETTERS.length]}${pointStyle === 'a.' ? '.' : ')'}`;
        heading = 'point';
        break;
      case 'bullet':
        out.push({ type: 'bullet', marker: '-', text: item.text });
        continue;
      case 'sub':
        out.push({ type: 'bullet', marker: '+', text: item.text });
        continue;
      case 'paragraph':
        if (item.title.trim()) out.push({ type: 'paragraph', text: item.title, bold: true });
        if (typeof item.text !== 'string' || item.text.trim()) out.push({ type: 'paragraph', text: item.text });
        continue;
    }
    if (item.title.trim()) {
      out.push({ type: 'heading', level: heading, label, text: item.title });
      if (typeof item.text !== 'string' || item.text.trim()) out.push({ type: 'paragraph', text: item.text });
    } else {
      out.push({ type: 'numbered', label, text: item.text });
    }
  }
  return out;
}

export function composeGeneral(input: GeneralInput): OfficialDocument {
  const letter = input.typeAbbr === 'CV';
  const addressees = input.addressees.map((a) => a.trim()).filter(Boolean);
  return {
    header: headerOf(input.issuer),
    number: letter ? letterNumberOf(input.issuer, input.unitAbbr, input.number) : numberOf(input.issuer, input.typeAbbr, input.number),
    placeDate: { place: input.issuer.place, date: input.date },
    kindName: letter ? '' : input.kindName,
    ...(letter ? { letterSubject: input.subject } : { subject: input.subject }),
    ...(addressees.length ? { addressees: addresseesOf(addressees) } : {}),
    body: outlineBlocks(input.blocks, input.pointStyle),
    signature: signatureOf(input.signer),
    recipients: recipientsOf(input.recipients),
  };
}
