/**
 * A stored plan → the Kế hoạch composer's input. The issuer's name, abbreviation, place and chủ quản
 * line are the ones in force on the document's date (dated organization names).
 */
import type { Kysely, Transaction } from 'kysely';
import type { PartialDate } from '../../../shared/vi-text/dates';
import { upperVi } from '../../../shared/vi-text/caps';
import type { ContentBlock, PlanBody } from '../../../shared/schemas/plans';
import { composePlan, type PlanContent, type PlanInput, type PlanSection } from '../documents/kinds/plan';
import type { IssuerInput } from '../documents/kinds/common';
import type { OfficialDocument } from '../documents/model';
import { CELL_PADDING, headerGeometry } from '../documents/layout/header';
import { textWidthMm } from '../documents/layout/measure';
import { resolveLayoutOptions } from '../documents/layout/options';
import { textWidthTwips, twipsToMm } from '../documents/layout/page';
import type { DB } from '../db/schema';
import { todayIso } from '../util/time';
import { getNode } from './organizations';
import { getPlan } from './plans';

type Q = Kysely<DB> | Transaction<DB>;

// A long issuer name wraps before the word naming the administrative unit or sector ("LIÊN ĐOÀN LAO ĐỘNG / TỈNH BẮC KẠN").
const BREAK_BEFORE = new Set(['TỈNH', 'THÀNH', 'HUYỆN', 'QUẬN', 'THỊ', 'XÃ', 'PHƯỜNG', 'ĐẶC', 'NGÀNH', 'KHU', 'CÁC', 'TRƯỜNG', 'CÔNG']);

/** Splits the issuing body's name (UPPER) into the lines of the header's left cell. */
export function issuerNameLines(name: string): string[] {
  const o = resolveLayoutOptions();
  const g = headerGeometry({ o, width: textWidthTwips(o) }, { header: { parent: [], issuer: [] } });
  const max = twipsToMm(g.left - 2 * CELL_PADDING);
  const upper = upperVi(name.trim());
  const fits = (s: string) => textWidthMm(s, o.sizes.issuer, true) <= max;
  if (fits(upper)) return [upper];
  const words = upper.split(/\s+/);
  const splits = words.slice(1).map((_, i) => [words.slice(0, i + 1).join(' '), words.slice(i + 1).join(' ')]).filter(([a, b]) => fits(a) && fits(b));
  const preferred = splits.filter(([, b]) => BREAK_BEFORE.has(b.split(' ')[0]));
  if (preferred.length) return preferred[preferred.length - 1];
  if (splits.length) {
    const widest = (p: string[]) => Math.max(...p.map((l) => textWidthMm(l, o.sizes.issuer, true)));
    return splits.reduce((a, b) => (widest(b) < widest(a) ? b : a));
  }
  const lines: string[] = [];
  for (const w of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && fits(`${last} ${w}`)) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  return lines;
}

export async function issuerAt(q: Q, organizationId: string, date: string): Promise<IssuerInput> {
  const org = await getNode(q, organizationId, date);
  return {
    parentLines: org.parentLine ? [org.parentLine] : [],
    nameLines: issuerNameLines(org.name),
    name: org.name,
    abbreviation: org.abbreviation,
    place: org.placeName,
  };
}

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
    intro: body.intro.filter(Boolean),
    sections: toPlanSections(body),
    closing: body.closing.filter(Boolean),
    signer: { lines: [body.signer.authority, body.signer.title].filter(Boolean), name: body.signer.name },
    recipients: {
      groups: body.recipients.groups
        .map((g) => ({ label: g.label || undefined, items: g.items.filter((i) => i.name).map((i) => (i.purpose ? `${i.name} (${i.purpose})` : i.name)) }))
        .filter((g) => g.items.length || g.label),
      archive: body.recipients.archive || 'VT',
    },
  };
}

/** A file name every file system and mail client accepts: no marks (đ→d), letters, digits and "-". */
function asciiName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 -]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

/**
 * An issued plan prints its number and date; a draft prints "Số:      /KH-LĐLĐ" and leaves the day
 * blank for the hand-written date (month and year from the planned date, or today).
 */
export async function planDocument(q: Q, id: string): Promise<{ document: OfficialDocument; fileName: string }> {
  const plan = await getPlan(q, id);
  const at = plan.issuedDate ?? plan.plannedDate ?? todayIso();
  const issuer = await issuerAt(q, plan.issuerId, at);
  const [y, m] = at.split('-').map(Number);
  const date: PartialDate | string = plan.issuedDate ?? { year: y, month: m };
  const document = composePlan(planInputOf({ issuer, number: plan.issuedNumber, date, subject: plan.subject, body: plan.body }));
  const stem = plan.issuedNumber
    ? `Ke hoach ${plan.numberText.replace('/', ' ')} ngay ${at}`
    : `Du thao ke hoach ${todayIso()}`;
  return { document, fileName: `${asciiName(stem)}.docx` };
}
