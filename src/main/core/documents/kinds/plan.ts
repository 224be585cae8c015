/**
 * Kế hoạch (KH): a plan launching a movement. Sections are numbered I., II. …; items 1., 2. …
 * (bold when titled); content is paragraphs and "-" bullets with "+" sub-bullets.
 */
import type { Block, OfficialDocument, RichText } from '../model';
import { roman } from '../model';
import {
  headerOf, numberOf, recipientsOf, signatureOf,
  type IssuerInput, type NumberingInput, type RecipientsInput, type SignerInput,
} from './common';

export interface PlanBullet {
  bullet: RichText;
  /** "+" items under this bullet. */
  children?: RichText[];
}

/** A paragraph or a bullet inside an item. */
export type PlanContent = RichText | PlanBullet;

export interface PlanItem {
  /** Titled item: "1. Nội dung" (bold), followed by its content. */
  title?: string;
  /** Untitled item: "1. Động viên …" as one paragraph. */
  text?: RichText;
  content?: PlanContent[];
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
  intro: RichText[];
  sections: PlanSection[];
  closing: RichText[];
  signer: SignerInput;
  recipients: RecipientsInput;
}

function isBullet(c: PlanContent): c is PlanBullet {
  return typeof c === 'object' && !Array.isArray(c) && 'bullet' in c;
}

export function contentBlocks(content: PlanContent[] = []): Block[] {
  const out: Block[] = [];
  for (const c of content) {
    if (isBullet(c)) {
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
    body: [
      ...input.intro.map((t): Block => ({ type: 'paragraph', text: t })),
      ...sectionBlocks(input.sections),
      ...input.closing.map((t): Block => ({ type: 'paragraph', text: t })),
    ],
    signature: signatureOf(input.signer),
    recipients: recipientsOf(input.recipients),
  };
}
