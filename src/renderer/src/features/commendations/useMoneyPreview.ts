import { App } from 'antd';
import { useEffect, useState } from 'react';
import type { MoneyComputation, Target } from '@shared/schemas/commendations';
import { call, toAppError } from '../../api/client';

export const rateKey = (formId: string, target: Target, date: string) => `${formId}|${target}|${date}`;

/**
 * The money each (form, target) pair would get on the decision date. A list of 2,000 rows has only a
 * handful of pairs, so it is a handful of calls, all at once; a failure is said, never shown as 0 đ.
 */
export function useMoneyPreview(pairs: { formId: string; target: Target }[], date: string): Record<string, MoneyComputation | undefined> {
  const { message } = App.useApp();
  const [rates, setRates] = useState<Record<string, MoneyComputation | undefined>>({});
  const needed = date ? [...new Set(pairs.map((p) => rateKey(p.formId, p.target, date)))].filter((k) => !(k in rates)).sort().join(',') : '';
  useEffect(() => {
    if (!needed) return;
    const keys = needed.split(',');
    let live = true;
    void Promise.allSettled(
      keys.map((k) => {
        const [formId, target, d] = k.split('|');
        return call('commendations.money', { formId, target: target as Target, date: d });
      }),
    ).then((results) => {
      if (!live) return;
      const next: Record<string, MoneyComputation | undefined> = {};
      const failed: string[] = [];
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') next[keys[i]] = r.value;
        else {
          // Kept as "tried": the cell says it could not be computed, and it is not asked again in a loop.
          next[keys[i]] = undefined;
          failed.push(toAppError(r.reason).message);
        }
      });
      if (failed.length) message.error(`Không tính được tiền thưởng xem trước: ${[...new Set(failed)].join('; ')}`);
      setRates((x) => ({ ...x, ...next }));
    });
    return () => void (live = false);
  }, [needed, message]);
  return rates;
}
