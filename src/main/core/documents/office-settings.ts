/**
 * Applies this office's document settings to what the sources render: layout overrides for every
 * document, and the công văn slots (drafting unit in the ký hiệu, drafter's mark, address line) where
 * the composer left them empty. Composers stay pure; the office's choices come in here.
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

export function withLetterSettings(doc: OfficialDocument, s: DocumentLayoutSettings): OfficialDocument {
  if (!isLetter(doc)) return doc;
  const { unitAbbr, drafterInitials, copies, contact } = s.letter;
  const out: OfficialDocument = { ...doc };
  if (doc.number && !doc.number.symbol.typeAbbr && !doc.number.symbol.unitAbbr && unitAbbr) {
    out.number = { ...doc.number, symbol: { ...doc.number.symbol, unitAbbr } };
  }
  if (!doc.drafter && drafterInitials) out.drafter = { initials: drafterInitials, ...(copies ? { copies } : {}) };
  if (!doc.contact && contact) out.contact = contact.split('\n');
  return out;
}
