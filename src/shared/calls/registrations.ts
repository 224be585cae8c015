import { z } from 'zod';
import { id, type Page } from '../schemas/common';
import {
  addPersonTitleInput,
  exportListInput,
  importTemplateInput,
  importSheetInput,
  listRegistrationsInput,
  listWorksInput,
  personHistoryInput,
  previewRowsInput,
  reviewWorkInput,
  saveRegistrationInput,
  trackerInput,
  type ImportPreview,
  type ImportResult,
  type ImportRowPreview,
  type PersonHistory,
  type PersonTitleView,
  type RegistrationPage,
  type RegistrationView,
  type TrackerView,
  type WorkPage,
  type WorkView,
} from '../schemas/registrations';
import { call } from './call';
import type { SavedFile } from './directory';

const byId = z.object({ id: id('Bản đăng ký') });

/** Registrations (đăng ký thi đua), works for plaques, the upper level's tracker and a person's history. */
export const registrationCalls = {
  /** One page of a phase's registrations, in the vi order of the unit names; `query` is folded. */
  'registrations.list': call<typeof listRegistrationsInput, RegistrationPage>(listRegistrationsInput),
  'registrations.get': call<typeof byId, RegistrationView>(byId),
  'registrations.save': call<typeof saveRegistrationInput, RegistrationView>(saveRegistrationInput),
  'registrations.delete': call<typeof byId, null>(byId),
  /** Per phase: which units under this office have registered and which have not. */
  'registrations.tracker': call<typeof trackerInput, TrackerView>(trackerInput),
  /** Reads a sheet, applies the column mapping and checks every row; writes nothing. */
  'registrations.previewImport': call<typeof importSheetInput, ImportPreview>(importSheetInput),
  /** Imports the sheet in one transaction, or nothing when any row is wrong. */
  /** A page of the rows of a preview kept in the core. */
  'registrations.previewRows': call<typeof previewRowsInput, Page<ImportRowPreview>>(previewRowsInput),
  'registrations.import': call<typeof importSheetInput, ImportResult>(importSheetInput),
  'registrations.exportXlsx': call<typeof exportListInput, SavedFile>(exportListInput),
  'registrations.exportTemplate': call<typeof importTemplateInput, SavedFile>(importTemplateInput),
  /** One page of works (folded search over name, implementer and unit), with the total. */
  'registrations.works': call<typeof listWorksInput, WorkPage>(listWorksInput),
  'registrations.reviewWork': call<typeof reviewWorkInput, WorkView>(reviewWorkInput),
  'registrations.personHistory': call<typeof personHistoryInput, PersonHistory>(personHistoryInput),
  'registrations.addPersonTitle': call<typeof addPersonTitleInput, PersonTitleView>(addPersonTitleInput),
} as const;
