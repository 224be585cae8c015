/**
 * The one contract between the renderer and the core. Every call has a name, a zod schema for its
 * input and an output type; each area declares its calls in src/shared/calls/<area>.ts. The core
 * implements them as one handler registry (src/main/core/handlers); Electron IPC and the loopback
 * bridge are two transports over that registry.
 */
import type { z } from 'zod';
import type { Result } from './errors';
import { awardHistoryCalls, awardRuleCalls } from './calls/award-rules';
import { catalogueCalls } from './calls/catalogue';
import { commendationCalls } from './calls/commendations';
import { coreCalls } from './calls/core';
import { directoryCalls } from './calls/directory';
import { documentCalls } from './calls/documents';
import { dossierCalls } from './calls/dossier';
import { exchangeCalls } from './calls/exchange';
import { generalDocumentCalls } from './calls/general-documents';
import { identityCalls } from './calls/identity';
import { planCalls } from './calls/plans';
import { registerCalls } from './calls/register';
import { registrationCalls } from './calls/registrations';
import { reportCalls } from './calls/reports';
import { settingsCalls } from './calls/settings';

export type { AppInfo, BackupInfo, StartupState } from './calls/core';
export type { SavedFile } from './calls/directory';
export type { DocumentPreview } from './calls/documents';

export const contract = {
  ...coreCalls,
  ...directoryCalls,
  ...identityCalls,
  ...exchangeCalls,
  ...planCalls,
  ...registerCalls,
  ...documentCalls,
  ...generalDocumentCalls,
  ...dossierCalls,
  ...registrationCalls,
  ...commendationCalls,
  ...awardRuleCalls,
  ...awardHistoryCalls,
  ...catalogueCalls,
  ...reportCalls,
  ...settingsCalls,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What the caller passes (before defaults and normalisation). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What the handler receives (validated, normalised). */
export type HandlerInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Contract[K]['output'];

/**
 * The parts of the data a write can change. A write handler names its areas once (registry `mutator`);
 * the core emits `data.changed` for each after the commit, and the renderer refreshes what shows them.
 * 'all' = anything may have changed (an import, a restore).
 */
export const DATA_AREAS = [
  'office', 'organizations', 'people', 'occasions', 'movements', 'plans', 'register', 'registrations', 'documents',
  'commendations', 'reports', 'settings', 'exchange', 'all',
] as const;
export type DataArea = (typeof DATA_AREAS)[number];

/** Events pushed from the core to the renderer (progress of long jobs, data changes). */
export interface AppEvents {
  'job.progress': { job: string; done: number; total: number; label: string };
  'data.changed': { area: DataArea };
  /** A .tdkt package opened from the desktop (double-click / "Open with"): show its import preview. */
  'exchange.fileOpened': { fileName: string; dataBase64: string };
}
export type EventName = keyof AppEvents;

/** The surface the preload (Electron) or /__bridge.js (browser) puts on window.api. */
export interface WindowApi {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
