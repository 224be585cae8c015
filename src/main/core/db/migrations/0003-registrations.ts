import type { Migration } from '../migrate';

/**
 * Registrations (đăng ký thi đua) of units for a movement or one of its phases, the individuals they
 * register, their works for plaques (công trình, sản phẩm gắn biển), the upper level's reviews of those
 * works, titles people achieved, and the clerk's saved spreadsheet column mappings.
 *
 * Ownership (DESIGN principle 6): a registration, its individuals and its works belong to the registering
 * unit; the upper level's approval of a work is its own record (work_reviews), so neither side ever
 * overwrites the other's rows when packages are exchanged.
 */
export const m0003: Migration = {
  version: 3,
  name: 'registrations',
  up(db) {
    db.exec(`
      CREATE TABLE registrations (
        id TEXT PRIMARY KEY,
        owner_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        movement_id TEXT NOT NULL REFERENCES movements(id),
        -- NULL: the registration covers the whole movement, not one đợt.
        phase_id TEXT REFERENCES movement_phases(id),
        organization_id TEXT NOT NULL REFERENCES organizations(id),
        commitments TEXT NOT NULL DEFAULT '',
        targets TEXT NOT NULL DEFAULT '',
        -- JSON string[]: danh hiệu thi đua tập thể đăng ký.
        collective_titles TEXT NOT NULL DEFAULT '[]',
        member_count INTEGER,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'received')),
        submitted_on TEXT,
        received_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- One live registration per unit per movement phase (or whole movement).
      CREATE UNIQUE INDEX registrations_unit_phase ON registrations(movement_id, ifnull(phase_id, ''), organization_id) WHERE deleted_at IS NULL;
      CREATE INDEX registrations_org ON registrations(organization_id);

      CREATE TABLE registration_individuals (
        id TEXT PRIMARY KEY,
        owner_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        registration_id TEXT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES people(id),
        -- The person's unit and position when registering: the person's history across years reads these.
        organization_id TEXT REFERENCES organizations(id),
        position TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL,
        sort_order INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX registration_individuals_person ON registration_individuals(registration_id, person_id) WHERE deleted_at IS NULL;
      CREATE INDEX registration_individuals_person_id ON registration_individuals(person_id);

      CREATE TABLE works (
        id TEXT PRIMARY KEY,
        owner_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        registration_id TEXT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        -- fold(name): search and matching on re-import.
        search_key TEXT NOT NULL,
        implementer TEXT NOT NULL DEFAULT '',
        -- đồng, whole numbers only.
        value_dong INTEGER CHECK (value_dong IS NULL OR value_dong >= 0),
        start_date TEXT,
        finish_date TEXT,
        occasion_id TEXT REFERENCES occasions(id),
        description TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (start_date IS NULL OR finish_date IS NULL OR start_date <= finish_date)
      ) STRICT;
      CREATE INDEX works_registration ON works(registration_id);

      -- The upper level's decision on a work: its own record, owned by the reviewing office.
      CREATE TABLE work_reviews (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        work_id TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('registered', 'approved', 'plaque_attached', 'done', 'refused')),
        approved_on TEXT,
        plaque_on TEXT,
        done_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (work_id, owner_id)
      ) STRICT;

      -- Titles a person achieved (danh hiệu đạt được), by year: entered by hand now, written by decisions later.
      CREATE TABLE person_titles (
        id TEXT PRIMARY KEY,
        owner_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        person_id TEXT NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        title TEXT NOT NULL,
        reference TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX person_titles_person ON person_titles(person_id, year);

      -- Local only (never exchanged): which sheet column holds which field, reused on the next import.
      CREATE TABLE xlsx_mappings (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        -- fold of the header row, joined by "|": the same layout finds its mapping again.
        header_key TEXT NOT NULL,
        -- JSON { field: column header text }.
        mapping TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (kind, header_key)
      ) STRICT;
    `);
  },
};
