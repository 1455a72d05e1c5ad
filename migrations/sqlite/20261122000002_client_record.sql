-- The full client record: profile fields, PAR-Q+ intakes, measurements and notes.
-- Only additions: existing rows keep every value (ADD COLUMN with defaults).

ALTER TABLE clients ADD COLUMN emergency_contact_name TEXT;
ALTER TABLE clients ADD COLUMN emergency_contact_phone TEXT;
ALTER TABLE clients ADD COLUMN fitness_level TEXT;                     -- beginner, intermediate, advanced, athlete
ALTER TABLE clients ADD COLUMN injuries TEXT NOT NULL DEFAULT '';      -- injuries and limitations, free text
ALTER TABLE clients ADD COLUMN body_areas TEXT NOT NULL DEFAULT '[]';  -- JSON array of body-area tags
ALTER TABLE clients ADD COLUMN paused_at TEXT;                         -- status: archived_at > paused_at > active
ALTER TABLE clients ADD COLUMN preferred_times TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN needs_clearance INTEGER NOT NULL DEFAULT 0; -- latest PAR-Q+ had a "yes"
ALTER TABLE clients ADD COLUMN clearance_on TEXT;                      -- YYYY-MM-DD medical clearance received

-- PAR-Q+ general health questions: answers is a JSON array of seven booleans.
CREATE TABLE parq_intakes (
    local_key   INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    client_id   TEXT NOT NULL,
    answered_on TEXT NOT NULL,                -- YYYY-MM-DD
    answers     TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX parq_intakes_client_idx ON parq_intakes (client_id, answered_on);

-- One value per row, in SI units (kg, cm, %, bpm) or the custom metric's own unit.
CREATE TABLE measurements (
    local_key   INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    client_id   TEXT NOT NULL,
    measured_on TEXT NOT NULL,                -- YYYY-MM-DD
    metric      TEXT NOT NULL,                -- body_weight, body_fat, waist, ..., or custom:<name>
    value       REAL NOT NULL,
    unit        TEXT NOT NULL,                -- kg, cm, %, bpm or the custom unit
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX measurements_client_idx ON measurements (client_id, metric, measured_on);

CREATE TABLE client_notes (
    local_key  INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    client_id  TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE INDEX client_notes_client_idx ON client_notes (client_id, created_at);
