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
