/** Small helpers the Khen thưởng screens share. */
import type { AwardFormView, Target } from '@shared/schemas/commendations';
import { formatNumberVi } from '@shared/vi-text/money';

export const money = (n: number | null | undefined) => (n === null || n === undefined ? '' : `${formatNumberVi(n)} đồng`);
export const coef = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatNumberVi(n, n % 1 === 0 ? 0 : String(n).split('.')[1].length));

/** Forms that can be given to this kind of target. */
export const formsFor = (forms: AwardFormView[], target: Target) => forms.filter((f) => f.targets === 'both' || f.targets === target);

/** Căn cứ typed one per line in a text area. */
export const toLines = (s: string | undefined) => (s ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
