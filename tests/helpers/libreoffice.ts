/**
 * LibreOffice for the document checks. Without soffice the checks are skipped on a developer's machine
 * but fail under CI (CI set), so a CI image that lost LibreOffice cannot pass silently.
 */
import { existsSync } from 'node:fs';

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/** For describe.skipIf: skip only when soffice is missing and this is not CI. */
export const skipWithoutSoffice = !SOFFICE && !process.env.CI;

/** Call first in beforeAll: under CI a missing soffice is a failure with the package to install. */
export function requireSoffice(): string {
  if (!SOFFICE) throw new Error('LibreOffice (soffice) không có trên máy CI: cài gói libreoffice-writer-nogui và poppler-utils.');
  return SOFFICE;
}
