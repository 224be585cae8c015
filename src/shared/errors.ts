/** Error codes that cross the contract. Messages are Vietnamese and meant for the clerk. */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NOT_SET_UP'
  | 'DB_TOO_NEW'
  | 'DB_INVALID'
  | 'DB_MISSING'
  | 'DB_READ_ONLY'
  | 'DISK_FULL'
  | 'FILE_SYSTEM'
  | 'BAD_FILE'
  | 'UNKNOWN_HANDLER'
  | 'CANCELLED'
  | 'INTERNAL';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** e.g. per-row problems of an imported file */
  details?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: string[];
  constructor(code: ErrorCode, message: string, details?: string[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toInfo(): ErrorInfo {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}
