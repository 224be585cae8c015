/**
 * A stored phase report → the Báo cáo composer (documents/kinds/report.ts). The text is the clerk's;
 * the annexes (per unit, per form) are drawn from the report's figures, frozen at issue.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import { reportBody, type PhaseFigures, type ReportBody } from '../../../../shared/schemas/reports';
import type { PartialDate } from '../../../../shared/vi-text/dates';
import { formatNumberVi } from '../../../../shared/vi-text/money';
import type { DB } from '../../db/schema';
import type { PlanContent } from '../../documents/kinds/plan';
import { composeReport, type ReportAnnexInput } from '../../documents/kinds/report';
import type { OfficialDocument } from '../../documents/model';
import { todayIso } from '../../util/time';
import { documentFileName } from '../../documents/file-name';
import { issuerAt } from '../issuer';

/** "- x" lines are bullets, "+ y" lines belong to the bullet above, others are paragraphs. */
export function toContent(paragraphs: string[]): PlanContent[] {
  const out: PlanContent[] = [];
  let bullet: { bullet: string; children: string[] } | null = null;
  for (const p of paragraphs) {
    if (!p) continue;
    if (p.startsWith('+ ') && bullet) bullet.children.push(p.slice(2));
    else if (p.startsWith('- ')) out.push((bullet = { bullet: p.slice(2), children: [] }));
    else {
      bullet = null;
      out.push(p);
    }
  }
  return out;
}

const num = (n: number) => formatNumberVi(n);
const sum = (units: PhaseFigures['units'], key: 'collectivesAwarded' | 'individualsAwarded' | 'amount') => units.reduce((s, u) => s + u[key], 0);

export function annexesOf(f: PhaseFigures): ReportAnnexInput[] {
  const annexes: ReportAnnexInput[] = [];
  if (f.units.length) {
    annexes.push({
      title: 'KẾT QUẢ THI ĐUA THEO ĐƠN VỊ',
      landscape: true,
      table: {
        columns: ['STT', 'Đơn vị', 'Đăng ký', 'Cá nhân đăng ký', 'Công trình', 'Gắn biển', 'Tập thể được khen', 'Cá nhân được khen', 'Tiền thưởng (đồng)', 'Báo cáo'],
        weights: [0.5, 3, 1, 1, 1, 1, 1, 1, 1.5, 1.3],
        align: ['center', 'left', 'center', 'center', 'center', 'center', 'center', 'center', 'right', 'center'],
        rows: [
          ...f.units.map((u, i) => [
            String(i + 1), u.name, u.registered ? 'Đã đăng ký' : 'Chưa', num(u.individuals), num(u.works), num(u.plaques),
            num(u.collectivesAwarded), num(u.individualsAwarded), num(u.amount), u.reportNumber ?? 'Chưa',
          ]),
          // Every column adds up its rows (awards to units outside the table are in the annex by form).
          ['', 'Tổng cộng', `${num(f.totals.registered)}/${num(f.totals.units)}`, num(f.totals.individuals), num(f.totals.works), num(f.totals.plaques),
            num(sum(f.units, 'collectivesAwarded')), num(sum(f.units, 'individualsAwarded')), num(sum(f.units, 'amount')), `${num(f.totals.reportsReceived)}`],
        ],
      },
    });
  }
  if (f.forms.length) {
    annexes.push({
      title: 'KHEN THƯỞNG THEO HÌNH THỨC',
      table: {
        columns: ['STT', 'Hình thức, danh hiệu', 'Cấp', 'Tập thể', 'Cá nhân', 'Tiền thưởng (đồng)'],
        weights: [0.5, 3, 2, 1, 1, 1.5],
        align: ['center', 'left', 'left', 'center', 'center', 'right'],
        rows: [
          ...f.forms.map((fm, i) => [String(i + 1), fm.formName, fm.level, num(fm.collectives), num(fm.individuals), num(fm.amount)]),
          ['', 'Tổng cộng', '', num(f.totals.collectivesAwarded), num(f.totals.individualsAwarded), num(f.totals.amount)],
        ],
      },
    });
  }
  return annexes;
}

export async function reportDocument(db: Kysely<DB>, id: string): Promise<{ document: OfficialDocument; fileName: string }> {
  const r = await db
    .selectFrom('phase_reports')
    .select(['organization_id', 'subject', 'body', 'figures', 'planned_date', 'issued_number', 'issued_date'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo (có thể đã bị xóa).');
  const body: ReportBody = reportBody.parse(JSON.parse(r.body));
  const figures = JSON.parse(r.figures) as PhaseFigures;
  const at = r.issued_date ?? r.planned_date ?? todayIso();
  const issuer = await issuerAt(db, r.organization_id, at);
  const [y, m] = at.split('-').map(Number);
  // A draft leaves the day blank for the hand-written date, as plans do.
  const date: PartialDate | string = r.issued_date ?? { year: y, month: m };
  const document = composeReport({
    issuer,
    number: r.issued_number,
    date,
    subject: r.subject,
    addressees: body.addressees.filter(Boolean),
    intro: body.intro.filter(Boolean),
    sections: body.sections.filter((s) => s.title).map((s) => ({ title: s.title, content: toContent(s.paragraphs) })),
    closing: body.closing.filter(Boolean),
    annexes: figures.units ? annexesOf(figures) : [],
    signer: { lines: [body.signer.authority, body.signer.title].filter(Boolean), name: body.signer.name },
    recipients: { groups: body.recipients.items.filter(Boolean).length ? [{ items: body.recipients.items.filter(Boolean) }] : [], archive: body.recipients.archive || 'VT' },
  });
  const stem = r.issued_number ? `Bao cao so ${r.issued_number} ngay ${at}` : `Du thao bao cao ${todayIso()}`;
  return { document, fileName: documentFileName(stem) };
}
