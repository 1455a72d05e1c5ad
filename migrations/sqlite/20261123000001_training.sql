-- Training: the exercise library, workout plans with their version history, and workout logs.
-- Only additions.

-- Spotter's shipped exercises (library_key set, inserted at start-up when missing, never
-- overwritten), the trainer's own (source 'custom') and imported ones (source 'wger' or
-- 'free-exercise-db', with the licence and attribution they came with).
CREATE TABLE exercises (
    local_key         INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    library_key       TEXT UNIQUE,
    name              TEXT NOT NULL,
    name_key          TEXT NOT NULL,            -- lower-cased, spaces collapsed: duplicate detection
    primary_muscles   TEXT NOT NULL DEFAULT '[]', -- JSON arrays of vocabulary words
    secondary_muscles TEXT NOT NULL DEFAULT '[]',
    equipment         TEXT NOT NULL DEFAULT '[]',
    pattern           TEXT NOT NULL,
    difficulty        TEXT NOT NULL,
    instructions      TEXT NOT NULL DEFAULT '',
    cautions          TEXT NOT NULL DEFAULT '[]', -- JSON [{area, text}], area is a body-area tag
    source            TEXT NOT NULL,            -- spotter, custom, wger, free-exercise-db
    source_ref        TEXT,                     -- the entry's id in its source
    license           TEXT NOT NULL DEFAULT '',
    attribution       TEXT NOT NULL DEFAULT '',
    hidden            INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
) STRICT;
CREATE INDEX exercises_name_key_idx ON exercises (name_key);

-- A plan (or a template). Its content lives in plan_versions; current_version points at
-- the latest. client_id and start_date are set when the plan is assigned.
CREATE TABLE plans (
    local_key        INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    is_template      INTEGER NOT NULL DEFAULT 0,
    client_id        TEXT,
    start_date       TEXT,                      -- YYYY-MM-DD: week 1, day offset 0
    from_template_id TEXT,
    current_version  INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
) STRICT;
CREATE INDEX plans_client_idx ON plans (client_id);

-- Every save is a new row; nothing here is ever updated or deleted.
CREATE TABLE plan_versions (
    local_key     INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    plan_id       TEXT NOT NULL,
    version       INTEGER NOT NULL,
    author_kind   TEXT NOT NULL,               -- trainer, ai
    author_name   TEXT NOT NULL,
    summary       TEXT NOT NULL,               -- readable "what changed", one change per line
    name          TEXT NOT NULL,               -- the plan's name at this version
    body          TEXT NOT NULL,               -- JSON: weeks → days → prescriptions, progression
    restored_from INTEGER,
    created_at    TEXT NOT NULL,
    UNIQUE (plan_id, version)
) STRICT;

-- A workout as done: on a date, optionally for a plan day (plan, version, week, day) and a session.
CREATE TABLE workout_logs (
    local_key    INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    client_id    TEXT NOT NULL,
    performed_on TEXT NOT NULL,                -- YYYY-MM-DD, the client's local date
    plan_id      TEXT,
    plan_version INTEGER,
    week         INTEGER,                      -- 1-based
    day_index    INTEGER,                      -- 0-based within the week
    session_id   TEXT,
    notes        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;
CREATE INDEX workout_logs_client_idx ON workout_logs (client_id, performed_on);
CREATE INDEX workout_logs_plan_idx ON workout_logs (plan_id, week);

-- One row per set. client_id and performed_on are copied from the log so progress queries
-- read one index; e1rm_kg (Epley) is stored for the same reason.
CREATE TABLE workout_sets (
    local_key    INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    log_id       TEXT NOT NULL,
    client_id    TEXT NOT NULL,
    performed_on TEXT NOT NULL,
    exercise_id  TEXT NOT NULL,
    item_index   INTEGER,                      -- the prescription it fulfils within the plan day
    position     INTEGER NOT NULL,             -- order within the log
    reps         INTEGER NOT NULL,
    load_kg      REAL NOT NULL DEFAULT 0,
    rpe          REAL,
    e1rm_kg      REAL,
    created_at   TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;
CREATE INDEX workout_sets_log_idx ON workout_sets (log_id, position);
CREATE INDEX workout_sets_progress_idx ON workout_sets (client_id, exercise_id, performed_on);
