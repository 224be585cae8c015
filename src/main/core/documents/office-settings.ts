/**
 * Applies this office's document settings to what the sources render: layout overrides and the drafter's
 * mark for every document, and the công văn slots (drafting unit in the ký hiệu, address line) where the
 * composer left them empty. Composers stay pure; the office's choices come in here.
 */
import type { DocumentLayoutSettings } from '../../../shared/schemas/settings';
import type { OfficialDocument } from './model';
import type { LayoutOverrides } from './layout/options';

export function layoutOverridesOf(s: DocumentLayoutSettings): LayoutOverrides {
  return {
    margins: { ...s.margins },
    lineSpacing: s.lineSpacing,
    sizes: { body: s.bodySize, nationalTitle: s.nationalTitleSize },
  };
}

/** A công văn is a numbered document without a tên loại. */
export function isLetter(doc: OfficialDocument): boolean {
  return !doc.kindName.trim() && Boolean(doc.letterSubject);
}

/**
 * The drafter's mark (ô 12) is the office's setting for every kind that has a Nơi nhận; the drafting unit
 * in the ký hiệu and the address line (ô 13) belong to công văn only.
 */
export function withOfficeSettings(doc: OfficialDocument, s: DocumentLayoutSettings): OfficialDocument {
  const { unitAbbr, drafterInitials, copies, contact } = s.letter;
  const out: OfficialDocument = { ...doc };
  if (!doc.drafter && drafterInitials && doc.recipients) out.drafter = { initials: drafterInitials, ...(copies ? { copies } : {}) };
  if (!isLetter(doc)) return out;
  if (doc.number && !doc.number.symbol.typeAbbr && !doc.number.symbol.unitAbbr && unitAbbr) {
    out.number = { ...doc.number, symbol: { ...doc.number.symbol, unitAbbr } };
  }
  if (!doc.contact && contact) out.contact = contact.split('\n');
  return out;
}
