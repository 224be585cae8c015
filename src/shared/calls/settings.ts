import { empty } from '../schemas/common';
import {
  certificatePrinters, documentLayoutSettings, printerProfile, type CertificatePrinters, type DocumentLayoutSettings,
} from '../schemas/settings';
import { call } from './call';
import type { SavedFile } from './directory';

/** This office's settings: document layout and Giấy khen printer calibration. */
export const settingsCalls = {
  'settings.documentLayout.get': call<typeof empty, DocumentLayoutSettings>(empty),
  'settings.documentLayout.set': call<typeof documentLayoutSettings, DocumentLayoutSettings>(documentLayoutSettings),
  'settings.certificatePrinters.get': call<typeof empty, CertificatePrinters>(empty),
  'settings.certificatePrinters.set': call<typeof certificatePrinters, CertificatePrinters>(certificatePrinters),
  /** The calibration page (.docx) with this profile's offsets, to print on plain paper and lay over a blank. */
  'settings.certificatePrinters.exportTestPage': call<typeof printerProfile, SavedFile>(printerProfile),
} as const;
