import { z } from 'zod';
import { id } from '../schemas/common';
import { registerAddInput, registerListInput, registerPreviewInput, type NumberPreview, type RegisterEntryView, type RegisterYearView } from '../schemas/register';
import { call } from './call';

const yearsInput = z.object({ issuerId: id('Đơn vị ban hành').optional() });

/** The outgoing-document register (sổ văn bản đi). */
export const registerCalls = {
  'register.list': call<typeof registerListInput, RegisterYearView>(registerListInput),
  'register.years': call<typeof yearsInput, number[]>(yearsInput),
  'register.preview': call<typeof registerPreviewInput, NumberPreview>(registerPreviewInput),
  'register.add': call<typeof registerAddInput, RegisterEntryView>(registerAddInput),
} as const;
