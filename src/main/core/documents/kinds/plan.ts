/**
 * Kế hoạch (KH): a plan launching a movement. Sections are numbered I., II. …; items 1., 2. …
 * (bold when titled); content is paragraphs and "-" bullets with "+" sub-bullets.
 */
import type { Align, Block, OfficialDocument, RichText } from '../model';
import { pointLabel, roman } from '../model';
import {
  addresseesOf, headerOf, numberOf, recipientsOf, signatureOf,
  type IssuerInput, type NumberingInput, type RecipientsInput, type SignerInput,
} from './common';

export interface PlanBullet {
  bullet: RichText;
  /** "+" items under this bullet. */
  children?: RichText[];
}

/** A simple ruled table inside the content (reports, registrations). */
export interface PlanTable {
  table: { columns: string[]; weights?: number[]; align?: Align[]; rows: string[][] };
}

/** A paragraph, a bullet or a table inside an item. */
export type PlanContent = RichText | PlanBullet | PlanTable;

/** Điểm a), b), đ) … under an item: titled (bold) or a plain paragraph. */
export interface PlanPoint {
  title?: string;
  text?: RichText;
  content?: PlanContent[];
}

export interface PlanItem {
  /** Titled item: "1. Nội dung" (bold), followed by its content. */
  title?: string;
  /** Untitled item: "1. Động viên …" as one paragraph. */
  text?: RichText;
  content?: PlanContent[];
  points?: PlanPoint[];
}

export interface PlanSection {
  title: string;
  content?: PlanContent[];
  items?: PlanItem[];
}

export interface PlanInput extends NumberingInput {
  issuer: IssuerInput;
  /** Trích yếu, e.g. "Phát động phong trào thi đua …". */
  subject: string;
  /** Kính gửi, when the plan is addressed (optional). */
  addressees?: string[];
  intro: RichText[];
  sections: PlanSection[];
  closing: RichText[];
  signer: SignerInput;
  recipients: RecipientsInput;
}

function isBullet(c: PlanContent): c is PlanBullet {
  return typeof c === 'object' && !Array.isArray(c) && 'bullet' in c;
}

function isTable(c: PlanContent): c is PlanTable {
  return typeof c === 'object' && !Array.isArray(c) && 'table' in c;
}

export function simpleTable(t: PlanTable['table']): Block {
  return {
    type: 'table',
    table: {
      columns: t.columns.map((header, i) => ({ header, weight: t.weights?.[i] ?? 1, align: t.align?.[i] })),
      rows: t.rows.map((cells) => ({ kind: 'data', cells })),
    },
  };
}

export function contentBlocks(content: PlanContent[] = []): Block[] {
  const out: Block[] = [];
  for (const c of content) {
    if (isTable(c)) {
      out.push(simpleTable(c.table));
    } else if (isBullet(c)) {
      out.push({ type: 'bullet', marker: '-', text: c.bullet });
      for (const sub of c.children ?? []) out.push({ type: 'bullet', marker: '+', text: sub });
    } else {
      out.push({ type: 'paragraph', text: c });
    }
  }
  return out;
}

/** Sections and items numbered the official way (I., 1.). Shared with reports. */
export function sectionBlocks(sections: PlanSection[]): Block[] {
  const out: Block[] = [];
  sections.forEach((s, si) => {
    out.push({ type: 'heading', level: 'section', label: `${roman(si + 1)}.`, text: s.title });
    out.push(...contentBlocks(s.content));
    (s.items ?? []).forEach((item, ii) => {
      const label = `${ii + 1}.`;
      if (item.title) out.push({ type: 'heading', level: 'clause', label, text: item.title });
      else out.push({ type: 'numbered', label, text: item.text ?? '' });
      out.push(...contentBlocks(item.content));
      (item.points ?? []).forEach((p, pi) => {
        const label = pointLabel(pi);
        if (p.title) out.push({ type: 'heading', level: 'point', label, text: p.title });
        else out.push({ type: 'numbered', label, text: p.text ?? '' });
        out.push(...contentBlocks(p.content));
      });
    });
  });
  return out;
}

export function composePlan(input: PlanInput): OfficialDocument {
  return {
    header: headerOf(input.issuer),
    number: numberOf(input.issuer, 'KH', input.number),
    placeDate: { place: input.issuer.place, date: input.date },
    kindName: 'KẾ HOẠCH',
    subject: input.subject,
    ...(input.addressees?.some((a) => a.trim()) ? { addressees: addresseesOf(input.addressees.filter((a) => a.trim())) } : {}),
    body: [
      ...input.intro.map((t): Block => ({ type: 'paragraph', text: t })),
      ...sectionBlocks(input.sections),
      ...input.closing.map((t): Block => ({ type: 'paragraph', text: t })),
    ],
    signature: signatureOf(input.signer),
    recipients: recipientsOf(input.recipients),
  };
}
