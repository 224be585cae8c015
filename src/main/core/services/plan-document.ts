/**
 * A stored plan → the Kế hoạch composer's input (issuer as on the document's date, see issuer.ts).
 */
import type { Kysely } from 'kysely';
import type { PartialDate } from '../../../shared/vi-text/dates';
import type { ContentBlock, PlanBody } from '../../../shared/schemas/plans';
import { composePlan, type PlanContent, type PlanInput, type PlanSection } from '../documents/kinds/plan';
import type { IssuerInput, RecipientsInput, SignerInput } from '../documents/kinds/common';
import { documentFileName } from '../documents/file-name';
import type { OfficialDocument } from '../documents/model';
import type { DB } from '../db/schema';
import { todayIso } from '../util/time';
import { issuerAt } from './issuer';
import { getPlan } from './plans';


/** Flat editor blocks → paragraphs and "-" bullets with their "+" children; empty blocks are left out. */
export function toPlanContent(blocks: ContentBlock[]): PlanContent[] {
  const out: PlanContent[] = [];
  let bullet: { bullet: string; children: string[] } | null = null;
  for (const b of blocks) {
    if (!b.text) continue;
    if (b.marker === '+' && bullet) {
      bullet.children.push(b.text);
      continue;
    }
    if (b.marker === '') {
      bullet = null;
      out.push(b.text);
    } else {
      bullet = { bullet: b.text, children: [] };
      out.push(bullet);
    }
  }
  return out;
}

export function toPlanSections(body: PlanBody): PlanSection[] {
  return body.sections.map((s) => ({
    title: s.title,
    content: toPlanContent(s.content),
    items: s.items.map((it) => (it.title ? { title: it.title, content: toPlanContent(it.content) } : { text: it.text, content: toPlanContent(it.content) })),
  }));
}

export function planInputOf(args: { issuer: IssuerInput; number: number | null; date: PartialDate | string; subject: string; body: PlanBody }): PlanInput {
  const { body } = args;
  return {
    issuer: args.issuer,
    number: args.number,
    date: args.date,
    subject: args.subject,
    addressees: body.addressees,
    intro: body.intro.filter(Boolean),
    sections: toPlanSections(body),
    closing: body.closing.filter(Boolean),
    signer: signerInputOf(body.signer),
    recipients: recipientsInputOf(body.recipients),
  };
}

/** The editor's signer (authority, title, name) → the composers' signature lines. */
export function signerInputOf(signer: PlanBody['signer']): SignerInput {
  return { lines: [signer.authority, signer.title].filter(Boolean), name: signer.name };
}

/** The editor's Nơi nhận groups → the composers' input: "(b/c)" / "(t/h)" after the name, empty groups left out. */
export function recipientsInputOf(recipients: PlanBody['recipients']): RecipientsInput {
  return {
    groups: recipients.groups
      .map((g) => ({ label: g.label || undefined, items: g.items.filter((i) => i.name).map((i) => (i.purpose ? `${i.name} (${i.purpose})` : i.name)) }))
      .filter((g) => g.items.length || g.label),
    archive: recipients.archive || 'VT',
  };
}

/**
 * An issued plan prints its number and date; a draft prints "Số:      /KH-LĐLĐ" and leaves the day
 * blank for the hand-written date (month and year from the planned date, or today).
 */
export async function planDocument(q: Kysely<DB>, id: string): Promise<{ document: OfficialDocument; fileName: string }> {
  const plan = await getPlan(q, id);
  const at = plan.issuedDate ?? plan.plannedDate ?? todayIso();
  const issuer = await issuerAt(q, plan.issuerId, at);
  const [y, m] = at.split('-').map(Number);
  const date: PartialDate | string = plan.issuedDate ?? { year: y, month: m };
  const document = composePlan(planInputOf({ issuer, number: plan.issuedNumber, date, subject: plan.subject, body: plan.body }));
  const stem = plan.issuedNumber
    ? `Ke hoach ${plan.numberText.replace('/', ' ')} ngay ${at}`
    : `Du thao ke hoach ${todayIso()}`;
  return { document, fileName: documentFileName(stem) };
}
