-- Scheduling: trainers, rooms, recurring series and sessions.
-- Same conventions as the clients table (UUIDv7 ids, local_key, UTC text, tombstones).
-- Session times are UTC text without fractions ('2026-11-23T17:00:00Z', fixed width, so it
-- sorts and compares as text) plus the IANA zone the session was planned in.

CREATE TABLE trainers (
    local_key     INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    email         TEXT,
    color         TEXT NOT NULL,              -- '#rrggbb', the trainer's calendar colour
    time_zone     TEXT NOT NULL,              -- IANA zone the working hours are in
    working_hours TEXT NOT NULL DEFAULT '[]', -- JSON [{weekday 1=Mon..7, start 'HH:MM', end 'HH:MM'}]
    is_me         INTEGER NOT NULL DEFAULT 0, -- the person using this laptop
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
) STRICT;

CREATE TABLE rooms (
    local_key  INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    capacity   INTEGER,                       -- people at once; NULL means no limit
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

-- A recurring series is its rule; its occurrences are ordinary session rows (series_id set),
-- materialised when the series is saved, so every query reads one table.
CREATE TABLE series (
    local_key        INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    trainer_id       TEXT NOT NULL,
    room_id          TEXT,
    kind             TEXT NOT NULL,
    title            TEXT NOT NULL DEFAULT '',
    time_zone        TEXT NOT NULL,
    first_start      TEXT NOT NULL,           -- local wall-clock 'YYYY-MM-DDTHH:MM' in time_zone
    duration_minutes INTEGER NOT NULL,
    rrule            TEXT NOT NULL,           -- RFC 5545 RRULE value (FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=...)
    capacity         INTEGER,
    client_ids       TEXT NOT NULL DEFAULT '[]',
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
) STRICT;

CREATE TABLE sessions (
    local_key     INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    trainer_id    TEXT NOT NULL,
    room_id       TEXT,
    kind          TEXT NOT NULL,              -- personal, small_group, class, assessment, consultation
    title         TEXT NOT NULL DEFAULT '',   -- empty: the calendar shows the client names
    start_utc     TEXT NOT NULL,
    end_utc       TEXT NOT NULL,
    time_zone     TEXT NOT NULL,
    capacity      INTEGER,
    status        TEXT NOT NULL DEFAULT 'scheduled', -- scheduled, completed, cancelled, no_show
    late_cancel   INTEGER NOT NULL DEFAULT 0,
    notes         TEXT NOT NULL DEFAULT '',
    series_id     TEXT,
    recurrence_id TEXT,                       -- the occurrence's original UTC start in its series
    detached      INTEGER NOT NULL DEFAULT 0, -- edited on its own: series edits leave it alone
    ics_uid       TEXT,                       -- UID of an imported event; re-importing updates it
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
) STRICT;

CREATE INDEX sessions_trainer_start_idx ON sessions (trainer_id, start_utc) WHERE deleted_at IS NULL;
CREATE INDEX sessions_start_idx ON sessions (start_utc) WHERE deleted_at IS NULL;
CREATE INDEX sessions_room_start_idx ON sessions (room_id, start_utc) WHERE deleted_at IS NULL AND room_id IS NOT NULL;
CREATE INDEX sessions_series_idx ON sessions (series_id, recurrence_id) WHERE series_id IS NOT NULL;
CREATE INDEX sessions_ics_uid_idx ON sessions (ics_uid) WHERE ics_uid IS NOT NULL;
CREATE INDEX sessions_updated_idx ON sessions (updated_at);

CREATE TABLE session_participants (
    session_id TEXT NOT NULL,
    client_id  TEXT NOT NULL,
    attendance TEXT NOT NULL DEFAULT 'expected', -- expected, attended, no_show, cancelled, late_cancelled
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    PRIMARY KEY (session_id, client_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX session_participants_client_idx ON session_participants (client_id, session_id);

-- Preferences of this device (units, notification lead time). Not synced.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
