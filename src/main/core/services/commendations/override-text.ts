/**
 * What the tờ trình (and the biên bản of the council) say about nominations the council approved although a
 * condition of the form was not met: who, which conditions, on which review date, and the council's reason.
 */
import type { NominationView } from '../../../../shared/schemas/commendations';
import { formatDmy } from '../../../../shared/vi-text/dates';

export function overrideSentences(items: NominationView[]): string[] {
  return items
    .filter((n) => n.review?.result === 'approved' && n.review.overrideReason)
    .map((n) => {
      const r = n.review!;
      const unmet = r.checks.filter((c) => c.overridden && c.condition).map((c) => `“${c.condition!.label}”`);
      return `Đối với ${n.displayName}: Hội đồng Thi đua - Khen thưởng họp ngày ${formatDmy(r.reviewedOn)} đã thông qua đề nghị khi chưa đạt điều kiện ${unmet.join('; ')}. Lý do: ${r.overrideReason.replace(/\.$/, '')}.`;
    });
}
