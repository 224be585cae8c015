/**
 * The seed plan 31/KH-LĐLĐ in the shapes the app stores: the movement with its two đợt, and the
 * plan body of the editor (flat "-"/"+" blocks). Built from the golden fixture so there is one copy of
 * the seed's text. Also the seed's expected paragraphs (same corrections as the golden test).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallInput } from '../../src/shared/contract';
import type { ContentBlock, PlanBodyInput } from '../../src/shared/schemas/plans';
import type { PlanContent } from '../../src/main/core/documents/kinds/plan';
import { plan31 } from '../fixtures/documents/plan-31';
import { normalizeWs } from '../unit/documents/docx-xml';

/** The real plan 31/KH-LĐLĐ (2019), kept in the repo so the tests run wherever it does. */
export const SEED_FILE = join(__dirname, '../fixtures/documents/plan-31-seed.txt');

export function blocksOf(content: PlanContent[] = []): ContentBlock[] {
  const out: ContentBlock[] = [];
  for (const c of content) {
    if (typeof c === 'string') out.push({ marker: '', text: c });
    else if ('bullet' in c) {
      out.push({ marker: '-', text: c.bullet as string });
      for (const child of c.children ?? []) out.push({ marker: '+', text: child as string });
    }
  }
  return out;
}

const phasesItem = plan31.sections[1].items![1];
const phaseBullets = (phasesItem.content ?? []).filter((c): c is { bullet: string } => typeof c === 'object' && 'bullet' in c);
/** "…*: Thi đua lập thành tích …" → "Thi đua lập thành tích …" */
const descriptionOf = (bullet: string) => bullet.slice(bullet.indexOf('*: ') + 3);

export const SEED_MOVEMENT = {
  year: 2020,
  name: 'Phong trào thi đua chào mừng các ngày lễ lớn trong năm 2020, chào mừng Đại hội Đảng các cấp hướng tới Đại hội toàn quốc lần thứ XIII của Đảng',
  themes: ['Lao động giỏi, lao động sáng tạo, bảo đảm an toàn vệ sinh lao động'],
  sectors: ['Khối cơ quan hành chính, sự nghiệp công lập', 'Khối doanh nghiệp'],
  phases: [
    { name: 'Đợt 1', startDate: '2019-11-01', startMonthOnly: true, endDate: '2020-03-31', endMonthOnly: false, description: descriptionOf(phaseBullets[0].bullet) },
    { name: 'Đợt 2', startDate: '2020-04-01', startMonthOnly: false, endDate: '2020-12-31', endMonthOnly: false, description: descriptionOf(phaseBullets[1].bullet) },
  ],
} satisfies Partial<CallInput<'movements.save'>>;

export const BAC_KAN_FOUNDING = { name: 'Ngày thành lập tỉnh Bắc Kạn', originDate: '1900-04-11', kind: 'local' as const };

/** The plan body as the editor stores it; the phases item is marked so it refills from the movement. */
export function seedPlanBody(): PlanBodyInput {
  return {
    intro: plan31.intro as string[],
    sections: plan31.sections.map((s, si) => ({
      title: s.title,
      content: blocksOf(s.content),
      items: (s.items ?? []).map((it, ii) => ({
        title: it.title ?? '',
        text: (it.text as string) ?? '',
        content: blocksOf(it.content),
        role: si === 1 && ii === 1 ? ('phases' as const) : ('' as const),
      })),
    })),
    closing: plan31.closing as string[],
    recipients: {
      groups: plan31.recipients.groups.map((g) => ({
        label: g.label ?? '',
        items: g.items.map((raw) => {
          const t = raw.replace(/;$/, '');
          const m = /^(.*) \((b\/c|t\/h)\)$/.exec(t);
          return m ? { name: m[1], purpose: m[2] as 'b/c' | 't/h' } : { name: t, purpose: '' as const };
        }),
      })),
      archive: plan31.recipients.archive.replace(/\.$/, ''),
    },
    signer: { authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Vi Văn Nghĩa' },
  };
}

/** The seed's paragraphs as the generated .docx must give them (header included). */
export function expectedSeedParagraphs(): string[] {
  const lines = readFileSync(SEED_FILE, 'utf8').replace(/\*\*|\*/g, '').split('\n').map(normalizeWs).filter(Boolean);
  const out = [...lines];
  // Same corrections as tests/unit/documents/plan-golden.test.ts, each required by docs/rules.md §7:
  out[out.indexOf('Số: 31 /KH - LĐLĐ')] = 'Số: 31/KH-LĐLĐ'; // rule 6
  out[out.indexOf('Bắc Kạn, ngày / 3 tháng 11 năm 2019')] = 'Bắc Kạn, ngày 13 tháng 11 năm 2019'; // rule 7, day read as 13
  const split = out.findIndex((l) => l.startsWith('4. Công tác thi đua')); // a page break in the seed
  out.splice(split, 2, `${out[split]} ${out[split + 1]}`);
  const last = out.findIndex((l) => l.startsWith('Trên đây là Kế hoạch'));
  out[last] = out[last].replace(/\.$/, './.'); // rule 12
  return ['TỔNG LĐLĐ VIỆT NAM', 'LIÊN ĐOÀN LAO ĐỘNG', 'TỈNH BẮC KẠN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', ...out];
}
