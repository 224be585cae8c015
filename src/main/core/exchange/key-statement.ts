import type { z } from 'zod';
import { AppError } from '../../../shared/errors';

/**
 * Key statements (rotation, revocation) are small JSON files that carry the statement as the exact signed
 * text, so no re-serialisation can change what was signed. One reader for both: size bound, file shape, then
 * the statement's own shape; anything else is refused with `what` named.
 */
export function readKeyStatement<F extends { statement: string }, S>(bytes: Buffer, fileSchema: z.ZodType<F>, statementSchema: z.ZodType<S>, what: string): { file: F; statement: S } {
  if (bytes.length > 16 * 1024) throw badStatement(what, 'tệp quá lớn.');
  try {
    const file = fileSchema.parse(JSON.parse(bytes.toString('utf8')));
    return { file, statement: statementSchema.parse(JSON.parse(file.statement)) };
  } catch {
    throw badStatement(what, 'không đọc được nội dung hoặc thiếu thông tin.');
  }
}

export const badStatement = (what: string, why: string): AppError => new AppError('BAD_FILE', `${what} không hợp lệ: ${why}`);
