import type { Migration } from '../migrate';

/**
 * Built-in occasions, worded as plans write them ("90 năm Ngày thành lập Đảng Cộng sản Việt Nam").
 * Fixed ids so every installation has the same rows (exchange packages can refer to them);
 * clerks may rename, redate or delete them (tombstone), and add their own (e.g. the province's founding).
 */
export const SEEDED_OCCASIONS = [
  { id: '00000000-0000-4000-8000-000000000101', name: 'Ngày thành lập Đảng Cộng sản Việt Nam', originDate: '1930-02-03', kind: 'founding' },
  { id: '00000000-0000-4000-8000-000000000102', name: 'Ngày sinh Chủ tịch Hồ Chí Minh', originDate: '1890-05-19', kind: 'birth' },
  { id: '00000000-0000-4000-8000-000000000103', name: 'Ngày giải phóng miền Nam thống nhất đất nước', originDate: '1975-04-30', kind: 'historic' },
  { id: '00000000-0000-4000-8000-000000000104', name: 'Ngày Cách mạng Tháng Tám thành công', originDate: '1945-08-19', kind: 'historic' },
  { id: '00000000-0000-4000-8000-000000000105', name: 'Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam', originDate: '1945-09-02', kind: 'national' },
  { id: '00000000-0000-4000-8000-000000000106', name: 'Ngày Quốc tế Lao động', originDate: '1886-05-01', kind: 'international' },
  { id: '00000000-0000-4000-8000-000000000107', name: 'Ngày thành lập Công đoàn Việt Nam', originDate: '1929-07-28', kind: 'founding' },
  { id: '00000000-0000-4000-8000-000000000108', name: 'Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam', originDate: '1930-10-20', kind: 'founding' },
] as const;

/** Movements, phases, occasions, plans, plan templates and the outgoing-document register. */
export const m0002: Migration = {
  version: 2,
  name: 'movements-plans',
  up(db) {
    db.exec(`
      CREATE TABLE occasions (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        origin_date TEXT NOT NULL,
        kind TEXT NOT NULL,
        builtin INTEGER NOT NULL DEFAULT 0,
        owner_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE movements (
        id TEXT PRIMARY KEY,
        owner_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        year INTEGER NOT NULL,
        organization_id TEXT NOT NULL REFERENCES organizations(id),
        name TEXT NOT NULL,
        -- JSON arrays of short labels; they are read with the movement, never queried one by one.
        themes TEXT NOT NULL DEFAULT '[]',
        sectors TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX movements_year ON movements(year);

      CREATE TABLE movement_phases (
        id TEXT PRIMARY KEY,
        movement_id TEXT NOT NULL REFERENCES movements(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        start_date TEXT,
        start_month_only INTEGER NOT NULL DEFAULT 0,
        end_date TEXT,
        end_month_only INTEGER NOT NULL DEFAULT 0,
        registration_deadline TEXT,
        report_deadline TEXT,
        description TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX movement_phases_movement ON movement_phases(movement_id, position);

      CREATE TABLE movement_occasions (
        movement_id TEXT NOT NULL REFERENCES movements(id) ON DELETE CASCADE,
        occasion_id TEXT NOT NULL REFERENCES occasions(id),
        PRIMARY KEY (movement_id, occasion_id)
      ) STRICT;

      -- The sổ văn bản đi: one number per issuer per calendar year, never reused, never deleted.
      CREATE TABLE register_entries (
        id TEXT PRIMARY KEY,
        issuer_id TEXT NOT NULL REFERENCES organizations(id),
        year INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        kind_abbr TEXT NOT NULL,
        symbol TEXT NOT NULL,
        doc_date TEXT NOT NULL,
        subject TEXT NOT NULL,
        record_kind TEXT,
        record_id TEXT,
        created_at TEXT NOT NULL,
        CHECK (year = CAST(substr(doc_date, 1, 4) AS INTEGER)),
        UNIQUE (issuer_id, year, number)
      ) STRICT;
      CREATE INDEX register_entries_record ON register_entries(record_kind, record_id);
      CREATE TRIGGER register_entries_no_delete BEFORE DELETE ON register_entries BEGIN
        SELECT RAISE(ABORT, 'Số đã cấp trong sổ văn bản không thể xóa');
      END;
      CREATE TRIGGER register_entries_no_renumber BEFORE UPDATE OF issuer_id, year, number ON register_entries BEGIN
        SELECT RAISE(ABORT, 'Số đã cấp trong sổ văn bản không thể đổi');
      END;

      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        owner_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        movement_id TEXT REFERENCES movements(id),
        issuer_id TEXT NOT NULL REFERENCES organizations(id),
        subject TEXT NOT NULL DEFAULT '',
        planned_date TEXT,
        -- Sections, recipients and signer as JSON (zod schema planBody); a plan is always read whole.
        body TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
        register_entry_id TEXT REFERENCES register_entries(id),
        issued_number INTEGER,
        issued_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'issued') = (register_entry_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX plans_movement ON plans(movement_id);

      CREATE TABLE plan_templates (
        id TEXT PRIMARY KEY,
        owner_id TEXT,
        name TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL,
        deleted_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
    const now = new Date().toISOString();
    const insert = db.prepare(
      'INSERT INTO occasions (id, name, origin_date, kind, builtin, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)',
    );
    for (const o of SEEDED_OCCASIONS) insert.run(o.id, o.name.normalize('NFC'), o.originDate, o.kind, now, now);
  },
};
