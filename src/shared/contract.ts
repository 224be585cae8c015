/**
 * The one contract between the renderer and the core. Every call has a name, a zod schema for its
 * input and an output type. The core implements it as a handler registry (src/main/core/registry.ts);
 * Electron IPC and the loopback bridge are two transports over that registry.
 */
import { z } from 'zod';
import { empty, id, uploadedFile } from './schemas/common';
import {
  createOrgInput,
  mergeOrgInput,
  moveOrgInput,
  renameOrgInput,
  searchOrgInput,
  treeInput,
  type ImportSummary,
  type OrgDetail,
  type OrgNode,
} from './schemas/organizations';
import { setupOfficeInput, updateOfficeInput, type OfficeView } from './schemas/office';
import { createPersonInput, searchPeopleInput, type PeoplePage, type PersonView } from './schemas/people';

/** Declares one call: its input schema and (as a phantom type) its output. */
function call<I extends z.ZodType, O>(input: I): { input: I; output: O } {
  return { input, output: undefined as unknown as O };
}

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

export interface SavedFile {
  /** null when the clerk cancelled the save dialog */
  path: string | null;
}

export const contract = {
  'app.info': call<typeof empty, AppInfo>(empty),

  'office.get': call<typeof empty, OfficeView | null>(empty),
  'office.setup': call<typeof setupOfficeInput, OfficeView>(setupOfficeInput),
  'office.update': call<typeof updateOfficeInput, OfficeView>(updateOfficeInput),

  'organizations.tree': call<typeof treeInput, OrgNode[]>(treeInput),
  'organizations.get': call<z.ZodObject<{ id: ReturnType<typeof id> }>, OrgDetail>(z.object({ id: id('Đơn vị') })),
  'organizations.create': call<typeof createOrgInput, OrgNode>(createOrgInput),
  'organizations.rename': call<typeof renameOrgInput, OrgNode>(renameOrgInput),
  'organizations.move': call<typeof moveOrgInput, OrgNode>(moveOrgInput),
  'organizations.merge': call<typeof mergeOrgInput, OrgNode>(mergeOrgInput),
  'organizations.search': call<typeof searchOrgInput, OrgNode[]>(searchOrgInput),
  'organizations.exportXlsx': call<typeof empty, SavedFile>(empty),
  'organizations.importXlsx': call<typeof uploadedFile, ImportSummary>(uploadedFile),

  'people.create': call<typeof createPersonInput, PersonView>(createPersonInput),
  'people.search': call<typeof searchPeopleInput, PeoplePage>(searchPeopleInput),

  'backup.create': call<typeof empty, BackupInfo>(empty),
  'backup.list': call<typeof empty, BackupInfo[]>(empty),
  'backup.restore': call<z.ZodObject<{ fileName: z.ZodString }>, { restoredFrom: string }>(
    z.object({ fileName: z.string().regex(/^[\w.-]+\.sqlite$/, 'Tên tệp sao lưu không hợp lệ') }),
  ),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What the caller passes (before defaults and normalisation). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What the handler receives (validated, normalised). */
export type HandlerInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Contract[K]['output'];

/** Events pushed from the core to the renderer (progress of long jobs, data changes). */
export interface AppEvents {
  'job.progress': { job: string; done: number; total: number; label: string };
  'data.changed': { area: string };
}
export type EventName = keyof AppEvents;

/** The surface the preload (Electron) or /__bridge.js (browser) puts on window.api. */
export interface WindowApi {
  invoke(name: string, input: unknown): Promise<import('./errors').Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
