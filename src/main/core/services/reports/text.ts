/**
 * The first draft of a Báo cáo kết quả, written from the figures (docs/rules.md §3, Báo cáo kết quả: kết quả thực hiện,
 * đánh giá chung, phương hướng / kiến nghị). The clerk edits every line before issue.
 */
import type { OfficeView } from '../../../../shared/schemas/office';
import type { PhaseFigures, ReportBody } from '../../../../shared/schemas/reports';
import { formatMoney, formatNumberVi, moneyToWords } from '../../../../shared/vi-text/money';
import { scopeLabel as scopeText, WHOLE_MOVEMENT_RULE } from '../../documents/wording';

const n = (x: number) => formatNumberVi(x);

export function scopeLabel(f: Pick<PhaseFigures, 'movementName' | 'phaseName' | 'year'>): string {
  return scopeText(f.movementName, f.phaseName, f.year);
}

export function defaultSubject(f: PhaseFigures): string {
  return `Kết quả ${scopeLabel(f)}`;
}

/** Figures → the lines of "I. KẾT QUẢ THỰC HIỆN". */
export function resultParagraphs(f: PhaseFigures): string[] {
  const t = f.totals;
  const missing = f.units.filter((u) => !u.registered).map((u) => u.name);
  const out: string[] = [];
  out.push(
    t.units === 0
      ? 'Đăng ký thi đua: chưa có đơn vị trực thuộc trong danh mục.'
      : `Đăng ký thi đua: ${n(t.registered)}/${n(t.units)} đơn vị trực thuộc đã đăng ký thi đua với ${n(t.individuals)} cá nhân đăng ký` +
          (missing.length ? `; ${n(missing.length)} đơn vị chưa đăng ký (${missing.join(', ')}).` : '.'),
  );
  out.push(`Công trình, sản phẩm: các đơn vị đăng ký ${n(t.works)} công trình, sản phẩm; ${n(t.worksApproved)} công trình được chấp thuận gắn biển, ${n(t.plaques)} công trình đã gắn biển.`);
  if (!f.commendationsAvailable) {
    out.push('Khen thưởng: chưa có dữ liệu khen thưởng trong phần mềm.');
  } else if (t.collectivesAwarded + t.individualsAwarded === 0) {
    out.push(`Khen thưởng: chưa có quyết định khen thưởng nào đã ban hành${f.phaseId ? ' trong đợt (kể cả quyết định khen thưởng cả phong trào)' : ''}.`);
  } else {
    out.push(
      `Khen thưởng: đã khen thưởng ${n(t.collectivesAwarded)} tập thể và ${n(t.individualsAwarded)} cá nhân, tổng số tiền thưởng ${formatMoney(t.amount)} (${moneyToWords(t.amount)}).`,
    );
    for (const fm of f.forms) {
      out.push(`- ${fm.formName}: ${n(fm.collectives)} tập thể, ${n(fm.individuals)} cá nhân, ${formatMoney(fm.amount)}.`);
    }
  }
  if (f.phaseId) out.push(`Ghi chú: ${WHOLE_MOVEMENT_RULE}`);
  if (f.lowerReports.length) {
    out.push(`Báo cáo của cấp dưới: đã nhận ${n(f.lowerReports.length)} báo cáo (${f.lowerReports.map((r) => `${r.organizationName}${r.numberText ? ` số ${r.numberText}` : ''}`).join('; ')}).`);
  }
  return out;
}

export function composeBody(f: PhaseFigures, office: OfficeView, addressee: string | null, archive = 'VT'): { subject: string; body: ReportBody } {
  return {
    subject: defaultSubject(f),
    body: {
      addressees: addressee ? [addressee] : [],
      intro: [`Thực hiện ${scopeLabel(f)}, ${office.name} báo cáo kết quả như sau:`],
      sections: [
        { title: 'KẾT QUẢ THỰC HIỆN', paragraphs: resultParagraphs(f) },
        { title: 'ĐÁNH GIÁ CHUNG', paragraphs: ['Ưu điểm: ', 'Hạn chế, nguyên nhân: '] },
        { title: 'PHƯƠNG HƯỚNG, KIẾN NGHỊ', paragraphs: ['Tiếp tục đẩy mạnh phong trào thi đua trong thời gian tới.'] },
      ],
      closing: [`Trên đây là báo cáo kết quả ${scopeLabel(f)} của ${office.name}.`],
      signer: { authority: office.signerAuthority, title: office.signerTitle, name: office.signerName },
      recipients: { items: addressee ? [`${addressee} (b/c)`] : [], archive },
    },
  };
}
