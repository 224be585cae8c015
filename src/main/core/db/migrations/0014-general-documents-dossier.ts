import type { Migration } from '../migrate';

/**
 * The rest of a commendation cycle's paperwork (issue 15).
 * - general_documents: Hướng dẫn, Thông báo, Công văn, Giấy mời, Tờ trình, Báo cáo composed freely (outline body
 *   as JSON, zod `generalBody`), numbered from the same register at issue and locked then, like plans.
 * - council_meetings (+ council_meeting_nominations): one meeting of the Hội đồng Thi đua – Khen thưởng: who sat,
 *   who chaired and took the minutes, whether it voted by ballot (ban kiểm phiếu, ballots issued/received/invalid),
 *   and the nominations it considered. Votes per candidate stay in nomination_reviews (the review is the vote); the
 *   Biên bản họp, Phiếu bầu and Biên bản kiểm phiếu are composed from both.
 * - achievement_reports: the Báo cáo thành tích of a nominated person or collective, prefilled from the registry and
 *   history when created, then edited by the clerk (JSON body).
 * All are this office's own records (owner_id = the office).
 */
export const m0014: Migration = {
  version: 14,
  name: 'general-documents-dossier',
  up(db) {
    db.exec(`
      CREATE TABLE general_documents (
        id TEXT PRIMARY KEY,
        owner_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        issuer_id TEXT NOT NULL REFERENCES organizations(id),
        kind TEXT NOT NULL CHECK (kind IN ('HD', 'TB', 'CV', 'GM', 'TTr', 'BC')),
        subject TEXT NOT NULL DEFAULT '',
        unit_abbr TEXT NOT NULL DEFAULT '',
        planned_date TEXT,
        body TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
        register_entry_id TEXT REFERENCES register_entries(id),
        issued_number INTEGER,
        issued_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'issued') = (register_entry_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX general_documents_issuer ON general_documents(issuer_id, status);
      CREATE INDEX general_documents_register_entry ON general_documents(register_entry_id);
      CREATE TRIGGER general_documents_locked BEFORE UPDATE ON general_documents
        WHEN OLD.status = 'issued' BEGIN
        SELECT RAISE(ABORT, 'Văn bản đã ban hành không thể sửa');
      END;

      CREATE TABLE council_meetings (
        id TEXT PRIMARY KEY,
        owner_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        movement_id TEXT REFERENCES movements(id),
        meeting_date TEXT NOT NULL,
        -- JSON CouncilMeetingBody: time, place, chair, secretary, members with presence, ballot counting.
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX council_meetings_movement ON council_meetings(movement_id);

      CREATE TABLE council_meeting_nominations (
        meeting_id TEXT NOT NULL REFERENCES council_meetings(id) ON DELETE CASCADE,
        nomination_id TEXT NOT NULL REFERENCES nominations(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, nomination_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX council_meeting_nominations_nomination ON council_meeting_nominations(nomination_id);

      CREATE TABLE achievement_reports (
        id TEXT PRIMARY KEY,
        owner_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        nomination_id TEXT NOT NULL REFERENCES nominations(id),
        -- JSON AchievementBody (zod): profile lines, duties, achievements, titles and forms received.
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX achievement_reports_nomination ON achievement_reports(nomination_id);
      CREATE UNIQUE INDEX achievement_reports_live ON achievement_reports(nomination_id) WHERE deleted_at IS NULL;
    `);
  },
};
