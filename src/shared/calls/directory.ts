import { z } from 'zod';
import { empty, id, isoDate, uploadedFile } from '../schemas/common';
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
} from '../schemas/organizations';
import { createPersonInput, searchPeopleInput, type PeoplePage, type PersonView } from '../schemas/people';
import { call } from './call';

export interface SavedFile {
  /** null when the clerk cancelled the save dialog */
  path: string | null;
}

const getOrgInput = z.object({ id: id('Đơn vị'), at: isoDate('Ngày xem').optional() });

/** Organizations (the directory of union levels) and people. */
export const directoryCalls = {
  'organizations.tree': call<typeof treeInput, OrgNode[]>(treeInput),
  'organizations.get': call<typeof getOrgInput, OrgDetail>(getOrgInput),
  'organizations.create': call<typeof createOrgInput, OrgNode>(createOrgInput),
  'organizations.rename': call<typeof renameOrgInput, OrgNode>(renameOrgInput),
  'organizations.move': call<typeof moveOrgInput, OrgNode>(moveOrgInput),
  'organizations.merge': call<typeof mergeOrgInput, OrgNode>(mergeOrgInput),
  'organizations.search': call<typeof searchOrgInput, OrgNode[]>(searchOrgInput),
  'organizations.exportXlsx': call<typeof empty, SavedFile>(empty),
  'organizations.importXlsx': call<typeof uploadedFile, ImportSummary>(uploadedFile),

  'people.create': call<typeof createPersonInput, PersonView>(createPersonInput),
  'people.search': call<typeof searchPeopleInput, PeoplePage>(searchPeopleInput),
} as const;
