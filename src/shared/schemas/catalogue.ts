/** One row a catalogue package from the upper level wrote here (Cài đặt → Khen thưởng → "Thay đổi từ cấp trên"). */
export interface CatalogueChange {
  importId: number;
  importedAt: string;
  senderName: string;
  table: string;
  tableLabel: string;
  id: string;
  change: 'new' | 'changed' | 'removed';
  /** the row as it read before the import (null when the package created it) */
  before: string | null;
  after: string;
  /** the date the value applies from (dated tables), null for forms */
  validFrom: string | null;
}

/** A new tờ trình's defaults: the office's real upper level and the căn cứ in force today. */
export interface ProposalDefaults {
  addressee: string;
  superior: string;
  /** the upper unit's name, or null when the directory has none above this office */
  upperName: string | null;
  bases: string[];
}
