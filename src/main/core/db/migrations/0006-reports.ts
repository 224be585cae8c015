import type { Migration } from '../migrate';

/**
 * Phase reports (issue 8): the Báo cáo kết quả of one đợt (or a whole movement) by one unit, with its
 * editable text and the figures composed from the data, numbered from the register at issue like plans.
 * A lower unit's issued report travels up in a "reports" package and is kept as its own row (owner = that
 * unit), so the upper level reads the lower levels' reports next to its own (DESIGN principle 6).
 *
 * exported_files is local only: the files this installation wrote, the only ones files.open and
 * files.showInFolder will hand to the desktop.
 */
export const m0006: Migration = {
  version: 6,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE phase_reports (
        id TEXT PRIMARY KEY,
        owner_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        movement_id TEXT NOT NULL REFERENCES movements(id),
        -- NULL: the report covers the whole movement.
        phase_id TEXT REFERENCES movement_phases(id),
        -- The reporting unit (issuer of the báo cáo).
        organization_id TEXT NOT NULL REFERENCES organizations(id),
        subject TEXT NOT NULL DEFAULT '',
        -- JSON ReportBody: addressees, intro, sections, closing, signer, recipients (always read whole).
        body TEXT NOT NULL,
        -- JSON PhaseFigures composed from the data; frozen at issue (what the report states).
        figures TEXT NOT NULL DEFAULT '{}',
        planned_date TEXT,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
        register_entry_id TEXT REFERENCES register_entries(id),
        issued_number INTEGER,
        issued_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'issued') = (register_entry_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX phase_reports_scope ON phase_reports(movement_id, phase_id, organization_id);

      -- An issued report is locked, even against bugs.
      CREATE TRIGGER phase_reports_locked BEFORE UPDATE ON phase_reports
        WHEN OLD.status = 'issued' AND NEW.revision = OLD.revision BEGIN
        SELECT RAISE(ABORT, 'Báo cáo đã ban hành không thể sửa');
      END;

      CREATE TABLE exported_files (
        path TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
