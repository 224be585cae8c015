import { z } from 'zod';
import { id, isoDate, optionalText, pageFields, safeString, text, type Page } from './common';
import { idNumber } from './person-identity';

export const GENDERS = ['nam', 'nu', ''] as const;

export const createPersonInput = z.object({
  fullName: text('Họ và tên', 120),
  organizationId: id('Đơn vị').nullable().default(null),
  birthYear: z
    .number({ error: 'Năm sinh phải là số' })
    .int('Năm sinh phải là số nguyên')
    .min(1900, 'Năm sinh không hợp lệ')
    .max(2100, 'Năm sinh không hợp lệ')
    .nullable()
    .default(null),
  gender: z.enum(GENDERS, { error: 'Giới tính không hợp lệ' }).default(''),
  position: optionalText('Chức vụ', 200),
  birthDate: isoDate('Ngày sinh').nullable().default(null),
  idNumber: idNumber.nullable().default(null),
}).refine((p) => !p.birthDate || p.birthYear === null || Number(p.birthDate.slice(0, 4)) === p.birthYear, 'Ngày sinh và năm sinh không khớp nhau');

export const searchPeopleInput = z.object({
  query: safeString('Từ khóa').pipe(z.string().max(200, 'Từ khóa dài quá 200 ký tự')),
  organizationId: id('Đơn vị').optional(),
  ...pageFields,
});

export interface PersonView {
  id: string;
  fullName: string;
  organizationId: string | null;
  organizationName: string | null;
  birthYear: number | null;
  gender: (typeof GENDERS)[number];
  position: string;
}

export type PeoplePage = Page<PersonView>;
