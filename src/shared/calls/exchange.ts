import { empty, uploadedFile } from '../schemas/common';
import {
  applyPackageInput,
  exportPackageInput,
  exportSecretKeyInput,
  ownershipInput,
  importSecretKeyInput,
  revokeKeyInput,
  revokeOwnKeyInput,
  trustKeyInput,
  undoImportInput,
  type ApplyResult,
  type ExportResult,
  type JournalEntry,
  type KeyFileView,
  type KindView,
  type OwnKeyView,
  type OwnershipView,
  type PackagePreview,
  type PartnerView,
  type RotatedKey,
} from '../schemas/exchange';
import { call } from './call';
import type { SavedFile } from './directory';

/** Exchange between union levels by signed .tdkt files; keys are exchanged once (.tdkt-key). */
export const exchangeCalls = {
  'exchange.ownKey': call<typeof empty, OwnKeyView>(empty),
  'exchange.exportKey': call<typeof empty, SavedFile>(empty),
  'exchange.inspectKey': call<typeof uploadedFile, KeyFileView>(uploadedFile),
  'exchange.trustKey': call<typeof trustKeyInput, PartnerView>(trustKeyInput),
  'exchange.partners': call<typeof empty, PartnerView[]>(empty),
  'exchange.exportSecretKey': call<typeof exportSecretKeyInput, SavedFile>(exportSecretKeyInput),
  'exchange.importSecretKey': call<typeof importSecretKeyInput, OwnKeyView>(importSecretKeyInput),
  'exchange.rotateKey': call<typeof empty, RotatedKey>(empty),
  'exchange.acceptRotation': call<typeof uploadedFile, PartnerView>(uploadedFile),
  'exchange.ownership': call<typeof ownershipInput, OwnershipView>(ownershipInput),
  'exchange.revokePartnerKey': call<typeof revokeKeyInput, PartnerView[]>(revokeKeyInput),
  'exchange.revokeOwnKey': call<typeof revokeOwnKeyInput, RotatedKey>(revokeOwnKeyInput),
  'exchange.acceptRevocation': call<typeof uploadedFile, PartnerView>(uploadedFile),
  'exchange.kinds': call<typeof empty, KindView[]>(empty),
  'exchange.export': call<typeof exportPackageInput, ExportResult>(exportPackageInput),
  'exchange.preview': call<typeof uploadedFile, PackagePreview>(uploadedFile),
  'exchange.apply': call<typeof applyPackageInput, ApplyResult>(applyPackageInput),
  'exchange.journal': call<typeof empty, JournalEntry[]>(empty),
  'exchange.undo': call<typeof undoImportInput, { packageId: string; restored: number }>(undoImportInput),
} as const;
