/**
 * The app's log file: append-only text in <data>/logs/tdkt.log, one line per event, rotated by size
 * (tdkt.log → tdkt.1.log → … → tdkt.<keep>.log, the oldest dropped). Synchronous on purpose: it is
 * written rarely (unexpected errors, start-up events) and a line must survive a crash that follows.
 * Never throws: a full disk must not turn a logged error into a second one.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface LogOptions {
  /** Rotate when the file would grow past this many bytes. */
  maxBytes?: number;
  /** How many rotated files to keep besides the current one. */
  keep?: number;
}

export interface Logger {
  readonly file: string;
  info(message: string): void;
  error(scope: string, error: unknown): void;
}

export const LOG_FILE_NAME = 'tdkt.log';
const DEFAULTS = { maxBytes: 1024 * 1024, keep: 5 };

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return typeof error === 'string' ? error : JSON.stringify(error);
  } catch {
    return String(error);
  }
}

export function createLogger(dir: string, options: LogOptions = {}): Logger {
  const { maxBytes, keep } = { ...DEFAULTS, ...options };
  const file = join(dir, LOG_FILE_NAME);
  const rotated = (n: number) => join(dir, `tdkt.${n}.log`);

  function rotate(): void {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    if (keep >= 1) renameSync(file, rotated(1));
    else rmSync(file, { force: true });
  }

  function write(level: 'INFO' | 'ERROR', text: string): void {
    try {
      mkdirSync(dir, { recursive: true });
      const line = `${new Date().toISOString()} ${level} ${text.replace(/\r?\n/g, '\n    ')}\n`;
      const size = existsSync(file) ? statSync(file).size : 0;
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(file, line, 'utf8');
    } catch {
      // Logging must never fail the call that logs.
    }
  }

  return {
    file,
    info: (message) => write('INFO', message),
    error: (scope, error) => write('ERROR', `[${scope}] ${describe(error)}`),
  };
}
