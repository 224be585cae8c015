import { App } from 'antd';
import { useEffect, useState } from 'react';
import type { MoneyComputation, Target } from '@shared/schemas/commendations';
import { call, toAppError } from '../../api/client';

export const rateKey = (formId: string, target: Target, date: string) => `${formId}|${target}|${date}`;

/**
 * The money each (form, target) pair would get on the decision date. A list of 2,000 rows has only a
 * handful of pairs, all asked in one call; a failure is said, never shown as 0 đ.
 */
export function useMoneyPreview(pairs: { formId: string; target: Target }[], date: string): Record<string, MoneyComputation | undefined> {
  const { message } = App.useApp();
  const [rates, setRates] = useState<Record<string, MoneyComputation | undefined>>({});
  const needed = date ? [...new Set(pairs.map((p) => rateKey(p.formId, p.target, date)))].filter((k) => !(k in rates)).sort().join(',') : '';
  useEffect(() => {
    if (!needed) return;
    const keys = needed.split(',');
    let live = true;
    const asked = keys.map((k) => {
      const [formId, target] = k.split('|');
      return { formId, target: target as Target };
    });
    const settle = (next: Record<string, MoneyComputation | undefined>, failed: string[]) => {
      if (!live) return;
      if (failed.length) message.error(`Không tính được tiền thưởng xem trước: ${[...new Set(failed)].join('; ')}`);
      setRates((x) => ({ ...x, ...next }));
    };
    call('commendations.previewMoney', { date, pairs: asked }).then(
      (results) => {
        const next: Record<string, MoneyComputation | undefined> = {};
        // A pair that failed is kept as "tried": its cells say it could not be computed, and it is not asked again in a loop.
        results.forEach((r) => void (next[rateKey(r.formId, r.target, date)] = r.money ?? undefined));
        settle(next, results.flatMap((r) => (r.error ? [r.error] : [])));
      },
      (e) => settle(Object.fromEntries(keys.map((k) => [k, undefined])), [toAppError(e).message]),
    );
    return () => void (live = false);
  }, [needed, date, message]);
  return rates;
}
