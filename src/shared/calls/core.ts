import { z } from 'zod';
import type { ErrorInfo } from '../errors';
import { empty } from '../schemas/common';
import { setupFromDirectoryInput, setupOfficeInput, updateOfficeInput, type OfficeView } from '../schemas/office';
import { call } from './call';

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dataDir: string;
  transport: 'electron' | 'bridge';
}

export interface BackupInfo {
  fileName: string;
  createdAt: string;
  reason: string;
  sizeBytes: number;
}

/**
 * Whether the data could be opened at start. "refused": the database is missing beside existing backups,
 * damaged, foreign, read-only or from a newer version; only app.*, backup.list and backup.restore work
 * then, and the renderer shows the restore screen with the reason.
 */
export type StartupState = { status: 'ready' } | { status: 'refused'; error: ErrorInfo; backups: BackupInfo[] };

/** Jobs that report `job.progress` and can be cancelled (the name is the call that runs them). */
export const CANCELLABLE_JOBS = ['registrations.previewImport', 'registrations.import'] as const;
const cancelJobInput = z.object({ job: z.enum(CANCELLABLE_JOBS, { error: 'Công việc không hợp lệ' }) });

/** App, this office, backups. */
export const coreCalls = {
  'app.info': call<typeof empty, AppInfo>(empty),
  'app.getStartupState': call<typeof empty, StartupState>(empty),
  /** Stops a long job (reading a large sheet); runs outside the call queue. false: nothing was running. */
  'app.cancelJob': call<typeof cancelJobInput, { cancelled: boolean }>(cancelJobInput),

  'office.get': call<typeof empty, OfficeView | null>(empty),
  'office.setup': call<typeof setupOfficeInput, OfficeView>(setupOfficeInput),
  'office.setupFromDirectory': call<typeof setupFromDirectoryInput, OfficeView>(setupFromDirectoryInput),
  'office.update': call<typeof updateOfficeInput, OfficeView>(updateOfficeInput),

  'backup.create': call<typeof empty, BackupInfo>(empty),
  'backup.list': call<typeof empty, BackupInfo[]>(empty),
  'backup.restore': call<z.ZodObject<{ fileName: z.ZodString }>, { restoredFrom: string }>(
    z.object({ fileName: z.string().regex(/^[\w.-]+\.sqlite$/, 'Tên tệp sao lưu không hợp lệ') }),
  ),
} as const;
