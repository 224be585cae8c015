import type { PackageKind } from '../../../shared/schemas/exchange';
import { documentFileName } from '../documents/file-name';

/** Short kind words for file names (ASCII after documentFileName): "quyet-dinh", "dang-ky"… */
const KIND_WORDS: Record<PackageKind, string> = {
  directory: 'danh muc don vi',
  plan: 'ke hoach',
  registrations: 'dang ky thi dua',
  nominations: 'de nghi khen thuong',
  decisions: 'quyet dinh khen thuong',
  reports: 'bao cao',
  catalogue: 'danh muc khen thuong',
};

/**
 * "quyet-dinh-khen-thuong-so-03-2026-gui-Lien-doan-Lao-dong-huyen-Ba-Be.tdkt": kind, the package's number to
 * that receiver, the year and the receiver, so two packages never share a name and the clerk sees where each goes.
 */
export function packageFileName(kind: PackageKind, sequence: number, year: number, receiverName: string): string {
  const num = sequence < 10 ? `0${sequence}` : String(sequence);
  return documentFileName(`${KIND_WORDS[kind]} so ${num} ${year} gui ${receiverName}`.slice(0, 150), 'tdkt');
}
