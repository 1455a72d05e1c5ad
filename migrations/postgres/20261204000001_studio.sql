-- Spotter's studio server, schema 1: the studio's shared tables, its members and devices,
-- the version counter that orders every change, conflicts, and row-level security.
-- Run by `spotter-cli studio init` as the login that becomes the schema owner (it needs
-- CREATEROLE to invite trainers). Never edit a migration that has shipped; add one.
--
-- Invariants:
--   * Every shared row carries studio_id, server_version (the studio's counter when it last
--     changed) and col_versions (per column: [version, device] of its last change, "*" for
--     the insert). They are set by spotter.stamp(), whatever path the write takes.
--   * spotter.studios.version is taken under the studio row's lock, held to commit, so versions
--     of one studio commit in order and a pull cursor can never skip a row.
--   * Identity is the authenticated login (session_user), never a setting a client can change.
--   * Rows are never deleted: deleted_at is a tombstone that travels like any other change.

CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE SCHEMA spotter;
REVOKE ALL ON SCHEMA spotter FROM PUBLIC;

-- Group roles a login is put in by spotter.invite(). They exist once per cluster.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spotter_member') THEN
        CREATE ROLE spotter_member NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spotter_front_desk') THEN
        CREATE ROLE spotter_front_desk NOLOGIN;
    END IF;
END $$;
GRANT USAGE ON SCHEMA spotter TO spotter_member, spotter_front_desk;

-- Bookkeeping: readable only through the functions below.
CREATE TABLE spotter.studios (
    id         uuid PRIMARY KEY,
    name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    version    bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE spotter.members (
    login        name PRIMARY KEY,
    studio_id    uuid NOT NULL REFERENCES spotter.studios,
    display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
    role         text NOT NULL CHECK (role IN ('owner', 'trainer', 'front_desk')),
    trainer_id   uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    removed_at   timestamptz
);

CREATE TABLE spotter.devices (
    id               uuid PRIMARY KEY,
    studio_id        uuid NOT NULL REFERENCES spotter.studios,
    login            name NOT NULL REFERENCES spotter.members,
    last_mutation_id bigint NOT NULL CHECK (last_mutation_id >= 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    last_seen_at     timestamptz NOT NULL DEFAULT now()
);

-- A value that a later write replaced (overwritten), or a write the server refused (rejected).
CREATE TABLE spotter.conflicts (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    studio_id   uuid NOT NULL REFERENCES spotter.studios,
    kind        text NOT NULL CHECK (kind IN ('overwritten', 'rejected')),
    table_name  text NOT NULL,
    row_id      text NOT NULL,
    column_name text,
    lost_value  jsonb,            -- overwritten: the value replaced; rejected: the refused row
    won_value   jsonb,
    lost_device text,             -- device ids, or 'server' for a write made there directly
    won_device  text,
    reason      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conflicts_studio_idx ON spotter.conflicts (studio_id, created_at);

-- Who is asking: the studio and role of the authenticated login, NULL once removed.
CREATE FUNCTION spotter.my_studio() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = spotter, pg_temp AS $$
    SELECT studio_id FROM spotter.members WHERE login = session_user AND removed_at IS NULL
$$;

CREATE FUNCTION spotter.my_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = spotter, pg_temp AS $$
    SELECT role FROM spotter.members WHERE login = session_user AND removed_at IS NULL
$$;

CREATE FUNCTION spotter.server_schema_version() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce(max(version), 0) FROM public._sqlx_migrations WHERE success
$$;

-- The caller's membership and the studio's current version (the pull's high-water mark
-- when called first in a repeatable-read transaction).
CREATE FUNCTION spotter.whoami(
    OUT studio_id uuid, OUT studio_name text, OUT role text, OUT display_name text,
    OUT trainer_id uuid, OUT studio_version bigint, OUT schema_version bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = spotter, pg_temp AS $$
BEGIN
    SELECT m.studio_id, s.name, m.role, m.display_name, m.trainer_id, s.version
      INTO studio_id, studio_name, role, display_name, trainer_id, studio_version
      FROM spotter.members m JOIN spotter.studios s ON s.id = m.studio_id
     WHERE m.login = session_user AND m.removed_at IS NULL;
    IF studio_id IS NULL THEN
        RAISE EXCEPTION 'access to this studio has ended or was never given to %', session_user
            USING ERRCODE = 'insufficient_privilege', HINT = 'spotter:not_member';
    END IF;
    schema_version := spotter.server_schema_version();
END $$;

-- Versions every write of a shared table: the studio's next version under its row lock,
-- and per column the version and device of its last change (for per-column merge).
CREATE FUNCTION spotter.stamp() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = spotter, pg_temp AS $$
DECLARE
    v bigint;
    dev text := coalesce(nullif(current_setting('spotter.device', true), ''), 'server');
    newj jsonb;
    oldj jsonb;
    cv jsonb;
    changed text[];
    k text;
BEGIN
    newj := to_jsonb(NEW) - 'studio_id' - 'server_version' - 'col_versions';
    IF TG_OP = 'UPDATE' THEN
        IF NEW.studio_id IS DISTINCT FROM OLD.studio_id THEN
            RAISE EXCEPTION 'a row cannot move to another studio' USING ERRCODE = 'check_violation';
        END IF;
        oldj := to_jsonb(OLD) - 'studio_id' - 'server_version' - 'col_versions';
        SELECT array_agg(n.key) INTO changed FROM jsonb_each(newj) n WHERE n.value IS DISTINCT FROM oldj -> n.key;
        IF changed IS NULL THEN
            NEW.server_version := OLD.server_version;
            NEW.col_versions := OLD.col_versions;
            RETURN NEW;
        END IF;
    END IF;
    UPDATE spotter.studios SET version = version + 1 WHERE id = NEW.studio_id RETURNING version INTO v;
    IF v IS NULL THEN
        RAISE EXCEPTION 'no such studio' USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF TG_OP = 'INSERT' THEN
        cv := jsonb_build_object('*', jsonb_build_array(v, dev));
    ELSE
        cv := OLD.col_versions;
        FOREACH k IN ARRAY changed LOOP
            cv := cv || jsonb_build_object(k, jsonb_build_array(v, dev));
        END LOOP;
    END IF;
    NEW.server_version := v;
    NEW.col_versions := cv;
    -- One notification per transaction and studio (identical payloads are folded).
    PERFORM pg_notify('spotter_' || replace(NEW.studio_id::text, '-', ''), '');
    RETURN NEW;
END $$;

-- Shared tables. Types and checks repeat the core's rules (crates/spotter-core validate.rs
-- and the schedule/training modules), so a buggy or hostile device cannot store what the
-- app would refuse. Foreign keys include studio_id: a row can only point into its own studio.
CREATE DOMAIN spotter.stamp_text AS text
    CHECK (VALUE ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$');
CREATE DOMAIN spotter.json_array AS text CHECK (jsonb_typeof(VALUE::jsonb) = 'array');
CREATE DOMAIN spotter.flag AS smallint CHECK (VALUE IN (0, 1));
CREATE DOMAIN spotter.short_text AS text CHECK (length(VALUE) <= 2000);
CREATE DOMAIN spotter.long_text AS text CHECK (length(VALUE) <= 100000);

CREATE TABLE spotter.trainers (
    studio_id     uuid NOT NULL REFERENCES spotter.studios,
    id            uuid NOT NULL,
    name          spotter.short_text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    email         spotter.short_text CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
    color         text NOT NULL CHECK (color ~ '^#[0-9a-fA-F]{6}$'),
    time_zone     spotter.short_text NOT NULL CHECK (time_zone <> ''),
    working_hours spotter.json_array NOT NULL,
    created_at    spotter.stamp_text NOT NULL,
    updated_at    spotter.stamp_text NOT NULL,
    deleted_at    spotter.stamp_text,
    server_version bigint NOT NULL DEFAULT 0,
    col_versions  jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, id)
);

CREATE TABLE spotter.rooms (
    studio_id  uuid NOT NULL REFERENCES spotter.studios,
    id         uuid NOT NULL,
    name       spotter.short_text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    capacity   integer CHECK (capacity BETWEEN 1 AND 1000),
    created_at spotter.stamp_text NOT NULL,
    updated_at spotter.stamp_text NOT NULL,
    deleted_at spotter.stamp_text,
    server_version bigint NOT NULL DEFAULT 0,
    col_versions jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, id)
);

CREATE TABLE spotter.clients (
    studio_id     uuid NOT NULL REFERENCES spotter.studios,
    id            uuid NOT NULL,
    name          spotter.short_text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    email         spotter.short_text CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
    phone         spotter.short_text CHECK (length(phone) <= 64),
    date_of_birth date CHECK (date_of_birth BETWEEN '1900-01-01' AND '2100-01-01'),
    goals         spotter.long_text NOT NULL DEFAULT '',
    notes         spotter.long_text NOT NULL DEFAULT '',
    tags          spotter.json_array NOT NULL DEFAULT '[]',
    archived_at   spotter.stamp_text,
    created_at    spotter.stamp_text NOT NULL,
    updated_at    spotter.stamp_text NOT NULL,
    deleted_at    spotter.stamp_text,
    emergency_contact_name  spotter.short_text,
    emergency_contact_phone spotter.short_text,
    fitness_level text CHECK (fitness_level IN ('beginner', 'intermediate', 'advanced', 'athlete')),
    injuries      spotter.long_text NOT NULL DEFAULT '',
    body_areas    spotter.json_array NOT NULL DEFAULT '[]',
    paused_at     spotter.stamp_text,
    preferred_times spotter.short_text NOT NULL DEFAULT '',
    needs_clearance spotter.flag NOT NULL DEFAULT 0,
    clearance_on  date,
    server_version bigint NOT NULL DEFAULT 0,
    col_versions  jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, id)
);

CREATE TABLE spotter.parq_intakes (
    studio_id   uuid NOT NULL REFERENCES spotter.studios,
    id          uuid NOT NULL,
    client_id   uuid NOT NULL,
    answered_on date NOT NULL,
    answers     spotter.json_array NOT NULL CHECK (jsonb_array_length(answers::jsonb) = 7),
    notes       spotter.long_text NOT NULL DEFAULT '',
    created_at  spotter.stamp_text NOT NULL,
    updated_at  spotter.stamp_text NOT NULL,
    deleted_at  spotter.stamp_text,
    server_version bigint NOT NULL DEFAULT 0,
    col_versions jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, id),
    FOREIGN KEY (studio_id, client_id) REFERENCES spotter.clients (studio_id, id)
);

CREATE TABLE spotter.measurements (
    studio_id   uuid NOT NULL REFERENCES spotter.studios,
    id          uuid NOT NULL,
    client_id   uuid NOT NULL,
    measured_on date NOT NULL,
    metric      spotter.short_text NOT NULL CHECK (metric <> ''),
    value       double precision NOT NULL CHECK (value > -1e9 AND value < 1e9),
    unit        spotter.short_text NOT NULL,
    created_at  spotter.stamp_text NOT NULL,
    updated_at  spotter.stamp_text NOT NULL,
    deleted_at  spotter.stamp_text,
    server_version bigint NOT NULL DEFAULT 0,
    col_versions jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, id),
    FOREIGN KEY (studio_id, client_id) REFERENCES spotter.clients (studio_id, id)
);

CREATE TABLE spotter.client_notes (
    studio_id  uuid NOT NULL REFERENCES spotter.studios,
    id         uuid NOT NULL,
    client_id  uuid NOT NULL,
    body       spotter.long_text NOT NULL CHECK (length(btrim(body)) > 0),
    created_at spotter.stamp_text NOT NULL,
    updated_at spotter.stamp_text NOT NULL,
    deleted_at spotter.stamp_text,
    server_version bigint NOT NULL DEFAULT 0,
    col_versions jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, id),
    FOREIGN KEY (studio_id, client_id) REFERENCES spotter.clients (studio_id, id)
);

CREATE TABLE spotter.series (
    studio_id        uuid NOT NULL REFERENCES spotter.studios,
    id               uuid NOT NULL,
    trainer_id       uuid NOT NULL,
    room_id          uuid,
    kind             text NOT NULL CHECK (kind IN ('personal', 'small_group', 'class', 'assessment', 'consultation', 'other')),
    title            spotter.short_text NOT NULL DEFAULT '',
    time_zone        spotter.short_text NOT NULL CHECK (time_zone <> ''),
    first_start      text NOT NULL CHECK (first_start ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d$'),
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 720),
    rrule            spotter.short_text NOT NULL CHECK (rrule LIKE 'FREQ=%'),
    capacity         integer CHECK (capacity BETWEEN 1 AND 1000),
    client_ids       spotter.json_array NOT NULL DEFAULT '[]',
    notes            spotter.long_text NOT NULL DEFAULT '',
    created_at       spotter.stamp_text NOT NULL,
    updated_at       spotter.stamp_text NOT NULL,
    deleted_at       spotter.stamp_text,
    server_version   bigint NOT NULL DEFAULT 0,
    col_versions     jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, id),
    FOREIGN KEY (studio_id, trainer_id) REFERENCES spotter.trainers (studio_id, id),
    FOREIGN KEY (studio_id, room_id) REFERENCES spotter.rooms (studio_id, id)
);

-- No two sessions of one trainer, or in one room, overlap (unless cancelled or deleted).
CREATE TABLE spotter.sessions (
    studio_id     uuid NOT NULL REFERENCES spotter.studios,
    id            uuid NOT NULL,
    trainer_id    uuid NOT NULL,
    room_id       uuid,
    kind          text NOT NULL CHECK (kind IN ('personal', 'small_group', 'class', 'assessment', 'consultation', 'other')),
    title         spotter.short_text NOT NULL DEFAULT '',
    start_utc     timestamptz NOT NULL,
    end_utc       timestamptz NOT NULL,
    time_zone     spotter.short_text NOT NULL CHECK (time_zone <> ''),
    capacity      integer CHECK (capacity BETWEEN 1 AND 1000),
    status        text NOT NULL CHECK (status IN ('scheduled', 'completed', 'cancelled', 'no_show')),
    late_cancel   spotter.flag NOT NULL DEFAULT 0,
    notes         spotter.long_text NOT NULL DEFAULT '',
    series_id     uuid,
    recurrence_id text,
    detached      spotter.flag NOT NULL DEFAULT 0,
    ics_uid       spotter.short_text,
    created_at    spotter.stamp_text NOT NULL,
    updated_at    spotter.stamp_text NOT NULL,
    deleted_at    spotter.stamp_text,
    server_version bigint NOT NULL DEFAULT 0,
    col_versions  jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, id),
    FOREIGN KEY (studio_id, trainer_id) REFERENCES spotter.trainers (studio_id, id),
    FOREIGN KEY (studio_id, room_id) REFERENCES spotter.rooms (studio_id, id),
    FOREIGN KEY (studio_id, series_id) REFERENCES spotter.series (studio_id, id),
    CHECK (end_utc > start_utc AND end_utc - start_utc <= interval '12 hours'),
    CONSTRAINT sessions_trainer_overlap EXCLUDE USING gist (
        studio_id WITH =, trainer_id WITH =, tstzrange(start_utc, end_utc) WITH &&)
        WHERE (status <> 'cancelled' AND deleted_at IS NULL),
    CONSTRAINT sessions_room_overlap EXCLUDE USING gist (
        studio_id WITH =, room_id WITH =, tstzrange(start_utc, end_utc) WITH &&)
        WHERE (status <> 'cancelled' AND deleted_at IS NULL AND room_id IS NOT NULL)
);

CREATE TABLE spotter.session_participants (
    studio_id  uuid NOT NULL REFERENCES spotter.studios,
    session_id uuid NOT NULL,
    client_id  uuid NOT NULL,
    attendance text NOT NULL CHECK (attendance IN ('expected', 'attended', 'no_show', 'cancelled', 'late_cancelled')),
    updated_at spotter.stamp_text NOT NULL,
    deleted_at spotter.stamp_text,
    session_start_utc text NOT NULL,
    server_version bigint NOT NULL DEFAULT 0,
    col_versions jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, session_id, client_id),
    FOREIGN KEY (studio_id, session_id) REFERENCES spotter.sessions (studio_id, id),
    FOREIGN KEY (studio_id, client_id) REFERENCES spotter.clients (studio_id, id)
);

CREATE TABLE spotter.exercises (
    studio_id         uuid NOT NULL REFERENCES spotter.studios,
    id                uuid NOT NULL,
    library_key       spotter.short_text,
    name              spotter.short_text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    name_key          spotter.short_text NOT NULL,
    primary_muscles   spotter.json_array NOT NULL DEFAULT '[]',
    secondary_muscles spotter.json_array NOT NULL DEFAULT '[]',
    equipment         spotter.json_array NOT NULL DEFAULT '[]',
    pattern           spotter.short_text NOT NULL,
    difficulty        spotter.short_text NOT NULL,
    instructions      spotter.long_text NOT NULL DEFAULT '',
    cautions          spotter.json_array NOT NULL DEFAULT '[]',
    source            text NOT NULL CHECK (source IN ('spotter', 'custom', 'wger', 'free-exercise-db')),
    source_ref        spotter.short_text,
    license           spotter.short_text NOT NULL DEFAULT '',
    attribution       spotter.long_text NOT NULL DEFAULT '',
    hidden            spotter.flag NOT NULL DEFAULT 0,
    created_at        spotter.stamp_text NOT NULL,
    updated_at        spotter.stamp_text NOT NULL,
    deleted_at        spotter.stamp_text,
    server_version    bigint NOT NULL DEFAULT 0,
    col_versions      jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, id)
);

CREATE TABLE spotter.plans (
    studio_id        uuid NOT NULL REFERENCES spotter.studios,
    id               uuid NOT NULL,
    name             spotter.short_text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    is_template      spotter.flag NOT NULL DEFAULT 0,
    client_id        uuid,
    start_date       date,
    from_template_id uuid,
    current_version  integer NOT NULL CHECK (current_version >= 1),
    created_at       spotter.stamp_text NOT NULL,
    updated_at       spotter.stamp_text NOT NULL,
    deleted_at       spotter.stamp_text,
    server_version   bigint NOT NULL DEFAULT 0,
    col_versions     jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, id),
    FOREIGN KEY (studio_id, client_id) REFERENCES spotter.clients (studio_id, id)
);

CREATE TABLE spotter.plan_versions (
    studio_id     uuid NOT NULL REFERENCES spotter.studios,
    id            uuid NOT NULL,
    plan_id       uuid NOT NULL,
    version       integer NOT NULL CHECK (version >= 1),
    author_kind   text NOT NULL CHECK (author_kind IN ('trainer', 'ai')),
    author_name   spotter.short_text NOT NULL,
    summary       spotter.long_text NOT NULL,
    name          spotter.short_text NOT NULL,
    body          spotter.long_text NOT NULL CHECK (jsonb_typeof(body::jsonb) = 'object'),
    restored_from integer,
    created_at    spotter.stamp_text NOT NULL,
    server_version bigint NOT NULL DEFAULT 0,
    col_versions  jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, id),
    UNIQUE (studio_id, plan_id, version),
    FOREIGN KEY (studio_id, plan_id) REFERENCES spotter.plans (studio_id, id)
);

CREATE TABLE spotter.workout_logs (
    studio_id    uuid NOT NULL REFERENCES spotter.studios,
    id           uuid NOT NULL,
    client_id    uuid NOT NULL,
    performed_on date NOT NULL,
    plan_id      uuid,
    plan_version integer,
    week         integer CHECK (week >= 1),
    day_index    integer CHECK (day_index >= 0),
    session_id   uuid,
    notes        spotter.long_text NOT NULL DEFAULT '',
    created_at   spotter.stamp_text NOT NULL,
    updated_at   spotter.stamp_text NOT NULL,
    deleted_at   spotter.stamp_text,
    server_version bigint NOT NULL DEFAULT 0,
    col_versions jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, id),
    FOREIGN KEY (studio_id, client_id) REFERENCES spotter.clients (studio_id, id),
    FOREIGN KEY (studio_id, plan_id) REFERENCES spotter.plans (studio_id, id),
    FOREIGN KEY (studio_id, session_id) REFERENCES spotter.sessions (studio_id, id)
);

CREATE TABLE spotter.workout_sets (
    studio_id    uuid NOT NULL REFERENCES spotter.studios,
    id           uuid NOT NULL,
    log_id       uuid NOT NULL,
    client_id    uuid NOT NULL,
    performed_on date NOT NULL,
    exercise_id  uuid NOT NULL,
    item_index   integer,
    position     integer NOT NULL CHECK (position >= 0),
    reps         integer NOT NULL CHECK (reps BETWEEN 0 AND 10000),
    load_kg      double precision NOT NULL CHECK (load_kg > -1000 AND load_kg < 5000),
    rpe          double precision CHECK (rpe BETWEEN 0 AND 10),
    e1rm_kg      double precision,
    created_at   spotter.stamp_text NOT NULL,
    deleted_at   spotter.stamp_text,
    server_version bigint NOT NULL DEFAULT 0,
    col_versions jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (studio_id, id),
    FOREIGN KEY (studio_id, log_id) REFERENCES spotter.workout_logs (studio_id, id),
    FOREIGN KEY (studio_id, client_id) REFERENCES spotter.clients (studio_id, id)
);

-- Per table: stamped on every write, pulled by (studio, version), guarded by RLS.
DO $$
DECLARE
    t text;
    private_tables text[] := ARRAY['parq_intakes', 'measurements', 'client_notes', 'plans',
                                   'plan_versions', 'workout_logs', 'workout_sets'];
BEGIN
    FOREACH t IN ARRAY ARRAY['trainers', 'rooms', 'clients', 'parq_intakes', 'measurements',
        'client_notes', 'series', 'sessions', 'session_participants', 'exercises', 'plans',
        'plan_versions', 'workout_logs', 'workout_sets']
    LOOP
        EXECUTE format('CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON spotter.%I
                        FOR EACH ROW EXECUTE FUNCTION spotter.stamp()', t);
        EXECUTE format('CREATE INDEX %I ON spotter.%I (studio_id, server_version)', t || '_version_idx', t);
        EXECUTE format('ALTER TABLE spotter.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE spotter.%I FORCE ROW LEVEL SECURITY', t);
        -- Rows of the caller's own studio only; removed members see and write nothing.
        EXECUTE format('CREATE POLICY studio_rows ON spotter.%I
                        USING (studio_id = spotter.my_studio())
                        WITH CHECK (studio_id = spotter.my_studio())', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON spotter.%I TO spotter_member', t);
        IF t = ANY (private_tables) THEN
            -- Even with a grant by mistake, the front desk reads no private table.
            EXECUTE format('CREATE POLICY not_front_desk ON spotter.%I AS RESTRICTIVE
                            USING (spotter.my_role() <> ''front_desk'')', t);
        ELSIF t <> 'clients' THEN
            EXECUTE format('GRANT SELECT ON spotter.%I TO spotter_front_desk', t);
            IF t IN ('sessions', 'series', 'session_participants') THEN
                EXECUTE format('GRANT INSERT, UPDATE ON spotter.%I TO spotter_front_desk', t);
            END IF;
        END IF;
    END LOOP;
END $$;

-- The front desk sees and edits a client's contact details, never goals, notes, injuries,
-- body areas or fitness level (column privileges: a SELECT of those columns is refused).
GRANT SELECT (studio_id, id, name, email, phone, date_of_birth, tags, archived_at, created_at,
              updated_at, deleted_at, emergency_contact_name, emergency_contact_phone, paused_at,
              preferred_times, needs_clearance, clearance_on, server_version, col_versions),
      INSERT (studio_id, id, name, email, phone, date_of_birth, tags, archived_at, created_at,
              updated_at, deleted_at, emergency_contact_name, emergency_contact_phone, paused_at,
              preferred_times),
      UPDATE (name, email, phone, date_of_birth, tags, archived_at, updated_at, deleted_at,
              emergency_contact_name, emergency_contact_phone, paused_at, preferred_times)
   ON spotter.clients TO spotter_front_desk;

GRANT SELECT ON spotter.conflicts TO spotter_member, spotter_front_desk;
ALTER TABLE spotter.conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE spotter.conflicts FORCE ROW LEVEL SECURITY;
CREATE POLICY studio_rows ON spotter.conflicts USING (studio_id = spotter.my_studio());

-- Bookkeeping written by the push, under the device's lock, for the caller's own devices only.
CREATE FUNCTION spotter.claim_device(p_device uuid, p_schema bigint,
    OUT studio_id uuid, OUT role text, OUT last_mutation_id bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = spotter, pg_temp AS $$
DECLARE
    server_schema bigint := spotter.server_schema_version();
BEGIN
    IF p_schema < server_schema THEN
        RAISE EXCEPTION 'the studio server runs a newer Spotter (schema %, this device knows %): update Spotter on this device to sync',
            server_schema, p_schema USING ERRCODE = 'feature_not_supported', HINT = 'spotter:update_app';
    ELSIF p_schema > server_schema THEN
        RAISE EXCEPTION 'the studio server runs an older Spotter schema (%; this device needs %): the studio owner updates it with "spotter-cli studio upgrade"',
            server_schema, p_schema USING ERRCODE = 'feature_not_supported', HINT = 'spotter:update_server';
    END IF;
    SELECT m.studio_id, m.role INTO studio_id, role
      FROM spotter.members m WHERE m.login = session_user AND m.removed_at IS NULL;
    IF studio_id IS NULL THEN
        RAISE EXCEPTION 'access to this studio has ended or was never given to %', session_user
            USING ERRCODE = 'insufficient_privilege', HINT = 'spotter:not_member';
    END IF;
    SELECT d.last_mutation_id INTO last_mutation_id
      FROM spotter.devices d WHERE d.id = p_device AND d.login = session_user FOR UPDATE;
    IF last_mutation_id IS NULL THEN
        RAISE EXCEPTION 'this device is not registered with the studio for %', session_user
            USING ERRCODE = 'insufficient_privilege', HINT = 'spotter:unknown_device';
    END IF;
    PERFORM set_config('spotter.device', p_device::text, true);
END $$;

CREATE FUNCTION spotter.finish_push(p_device uuid, p_last bigint) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = spotter, pg_temp AS $$
    UPDATE spotter.devices SET last_mutation_id = p_last, last_seen_at = now()
     WHERE id = p_device AND login = session_user AND last_mutation_id <= p_last
$$;

CREATE FUNCTION spotter.register_device(p_device uuid, p_last bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = spotter, pg_temp AS $$
DECLARE
    v_studio uuid := spotter.my_studio();
BEGIN
    IF v_studio IS NULL THEN
        RAISE EXCEPTION 'access to this studio has ended or was never given to %', session_user
            USING ERRCODE = 'insufficient_privilege', HINT = 'spotter:not_member';
    END IF;
    INSERT INTO spotter.devices (id, studio_id, login, last_mutation_id)
    VALUES (p_device, v_studio, session_user, p_last);
END $$;

CREATE FUNCTION spotter.record_conflict(p_kind text, p_table text, p_row text, p_column text,
    p_lost jsonb, p_won jsonb, p_lost_device text, p_won_device text, p_reason text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = spotter, pg_temp AS $$
    INSERT INTO spotter.conflicts (studio_id, kind, table_name, row_id, column_name, lost_value,
                                   won_value, lost_device, won_device, reason)
    SELECT spotter.my_studio(), p_kind, p_table, p_row, p_column, p_lost, p_won, p_lost_device,
           p_won_device, left(p_reason, 500)
     WHERE spotter.my_studio() IS NOT NULL
$$;

-- What a push may write: the shared tables, their keys, and what the front desk may not touch.
CREATE TABLE spotter.synced_tables (
    name            text PRIMARY KEY,
    key_columns     text[] NOT NULL,
    private_columns text[] NOT NULL DEFAULT '{}',
    private_table   boolean NOT NULL DEFAULT false
);
INSERT INTO spotter.synced_tables (name, key_columns, private_columns, private_table) VALUES
    ('trainers', '{id}', '{}', false),
    ('rooms', '{id}', '{}', false),
    ('clients', '{id}', '{goals,notes,fitness_level,injuries,body_areas,needs_clearance,clearance_on}', false),
    ('parq_intakes', '{id}', '{}', true),
    ('measurements', '{id}', '{}', true),
    ('client_notes', '{id}', '{}', true),
    ('series', '{id}', '{}', false),
    ('sessions', '{id}', '{}', false),
    ('session_participants', '{session_id,client_id}', '{}', false),
    ('exercises', '{id}', '{}', false),
    ('plans', '{id}', '{}', true),
    ('plan_versions', '{id}', '{}', true),
    ('workout_logs', '{id}', '{}', true),
    ('workout_sets', '{id}', '{}', true);
GRANT SELECT ON spotter.synced_tables TO spotter_member, spotter_front_desk;

-- Applies one mutation as the caller (privileges, RLS and every constraint apply), or raises.
-- A mutation is {"id", "t" (table), "op", "changed" (columns), "row" (every column), "base"}.
-- An update of a column that another device changed after the mutation's base version still
-- wins (server order), and the value it replaces is recorded as overwritten.
CREATE FUNCTION spotter.apply_mutation(p_studio uuid, p_role text, p_device uuid, m jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = spotter, pg_temp AS $$
DECLARE
    spec record;
    t text := m ->> 't';
    rowj jsonb;
    newj jsonb;
    cur jsonb;
    all_cols text[];
    allowed text[];
    cols text[];
    key_where text;
    base bigint;
    entry jsonb;
    c text;
BEGIN
    SELECT * INTO spec FROM spotter.synced_tables s WHERE s.name = t;
    IF spec.name IS NULL THEN
        RAISE EXCEPTION 'unknown table %', coalesce(t, '(none)') USING ERRCODE = 'undefined_table';
    END IF;
    rowj := m -> 'row';
    IF jsonb_typeof(rowj) IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION 'the mutation has no row' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- The studio is the caller's, whatever the device sent.
    rowj := (rowj - 'studio_id' - 'server_version' - 'col_versions') || jsonb_build_object('studio_id', p_studio);
    all_cols := array(SELECT a.attname::text FROM pg_attribute a
                       WHERE a.attrelid = format('spotter.%I', t)::regclass AND a.attnum > 0
                         AND NOT a.attisdropped AND a.attname NOT IN ('server_version', 'col_versions'));
    allowed := all_cols;
    IF p_role = 'front_desk' THEN
        allowed := array(SELECT unnest(all_cols) EXCEPT SELECT unnest(spec.private_columns));
    END IF;
    IF EXISTS (SELECT 1 FROM jsonb_object_keys(rowj) k WHERE NOT k = ANY (all_cols)) THEN
        RAISE EXCEPTION 'unknown column in % (%)', t,
            (SELECT string_agg(k, ', ') FROM jsonb_object_keys(rowj) k WHERE NOT k = ANY (all_cols))
            USING ERRCODE = 'undefined_column';
    END IF;
    key_where := (SELECT string_agg(format('x.%I = ($2 ->> %L)::uuid', k, k), ' AND ') FROM unnest(spec.key_columns) k);
    -- Only the columns this login may read (the front desk has column privileges).
    EXECUTE format('SELECT jsonb_build_object(%s, ''col_versions'', x.col_versions) FROM spotter.%I x
                     WHERE x.studio_id = $1 AND %s FOR UPDATE',
                   (SELECT string_agg(format('%L, x.%I', x, x), ', ') FROM unnest(allowed) x), t, key_where)
       INTO cur USING p_studio, rowj;
    IF cur IS NULL THEN
        cols := array(SELECT k FROM jsonb_object_keys(rowj) k WHERE k = ANY (allowed));
        EXECUTE format('INSERT INTO spotter.%I (%s) SELECT %s FROM jsonb_populate_record(NULL::spotter.%I, $1)',
                       t, (SELECT string_agg(format('%I', x), ', ') FROM unnest(cols) x),
                       (SELECT string_agg(format('%I', x), ', ') FROM unnest(cols) x), t)
          USING rowj;
        RETURN;
    END IF;
    IF jsonb_typeof(m -> 'changed') IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'the mutation lists no changed columns' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM jsonb_array_elements_text(m -> 'changed') x WHERE NOT x = ANY (allowed)) THEN
        RAISE EXCEPTION 'this login may not change % of %',
            (SELECT string_agg(x, ', ') FROM jsonb_array_elements_text(m -> 'changed') x WHERE NOT x = ANY (allowed)), t
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    cols := array(SELECT DISTINCT x FROM jsonb_array_elements_text(m -> 'changed') x
                   WHERE NOT x = ANY (spec.key_columns) AND x <> 'studio_id');
    base := coalesce((m ->> 'base')::bigint, 0);
    EXECUTE format('SELECT to_jsonb(jsonb_populate_record(NULL::spotter.%I, $1))', t) INTO newj USING rowj;
    FOREACH c IN ARRAY cols LOOP
        entry := coalesce(cur -> 'col_versions' -> c, cur -> 'col_versions' -> '*');
        IF coalesce((entry ->> 0)::bigint, 0) > base
           AND (entry ->> 1) IS DISTINCT FROM p_device::text
           AND (cur -> c) IS DISTINCT FROM (newj -> c) THEN
            PERFORM spotter.record_conflict('overwritten', t,
                (SELECT string_agg(rowj ->> k, '/') FROM unnest(spec.key_columns) k), c,
                cur -> c, newj -> c, entry ->> 1, p_device::text,
                'changed on two devices; the later write in server order was kept');
        END IF;
    END LOOP;
    IF cardinality(cols) > 0 THEN
        EXECUTE format('UPDATE spotter.%I x SET (%s) = ROW(%s) FROM jsonb_populate_record(NULL::spotter.%I, $2) r
                         WHERE x.studio_id = $1 AND %s', t,
                       (SELECT string_agg(format('%I', x), ', ') FROM unnest(cols) x),
                       (SELECT string_agg(format('r.%I', x), ', ') FROM unnest(cols) x),
                       t, key_where)
          USING p_studio, rowj;
    END IF;
END $$;

-- Inserts a run of new rows of one table with one statement (the initial upload is all
-- inserts). Raises when any row breaks a rule; the push then redoes them one by one.
CREATE FUNCTION spotter.apply_inserts(p_studio uuid, p_role text, t text, p_rows jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = spotter, pg_temp AS $$
DECLARE
    spec record;
    all_cols text[];
    cols text[];
    rows jsonb;
    existing bigint;
BEGIN
    SELECT * INTO spec FROM spotter.synced_tables s WHERE s.name = t;
    IF spec.name IS NULL THEN
        RAISE EXCEPTION 'unknown table %', coalesce(t, '(none)') USING ERRCODE = 'undefined_table';
    END IF;
    all_cols := array(SELECT a.attname::text FROM pg_attribute a
                       WHERE a.attrelid = format('spotter.%I', t)::regclass AND a.attnum > 0
                         AND NOT a.attisdropped AND a.attname NOT IN ('server_version', 'col_versions'));
    IF EXISTS (SELECT 1 FROM jsonb_array_elements(p_rows) r WHERE jsonb_typeof(r) IS DISTINCT FROM 'object') THEN
        RAISE EXCEPTION 'a mutation has no row' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    rows := (SELECT jsonb_agg((r - 'studio_id' - 'server_version' - 'col_versions') || jsonb_build_object('studio_id', p_studio))
               FROM jsonb_array_elements(p_rows) r);
    IF EXISTS (SELECT 1 FROM jsonb_array_elements(rows) r, jsonb_object_keys(r) k WHERE NOT k = ANY (all_cols)) THEN
        RAISE EXCEPTION 'unknown column in %', t USING ERRCODE = 'undefined_column';
    END IF;
    cols := array(SELECT DISTINCT k FROM jsonb_array_elements(rows) r, jsonb_object_keys(r) k);
    IF p_role = 'front_desk' THEN
        cols := array(SELECT unnest(cols) EXCEPT SELECT unnest(spec.private_columns));
    END IF;
    -- A row that already exists is an update in disguise: the caller goes one by one.
    EXECUTE format('SELECT count(*) FROM spotter.%I x JOIN jsonb_array_elements($2) r ON %s WHERE x.studio_id = $1', t,
                   (SELECT string_agg(format('x.%I = (r.value ->> %L)::uuid', k, k), ' AND ') FROM unnest(spec.key_columns) k))
       INTO existing USING p_studio, rows;
    IF existing > 0 THEN
        RAISE EXCEPTION 'rows exist already' USING ERRCODE = 'unique_violation';
    END IF;
    EXECUTE format('INSERT INTO spotter.%I (%s) SELECT %s FROM jsonb_populate_recordset(NULL::spotter.%I, $1)',
                   t, (SELECT string_agg(format('%I', x), ', ') FROM unnest(cols) x),
                   (SELECT string_agg(format('%I', x), ', ') FROM unnest(cols) x), t)
      USING rows;
END $$;

-- Applies one device's batch in the caller's transaction, in order, exactly once:
--   * mutations up to the device's last recorded id are replays and change nothing;
--   * a gap (an id beyond last + 1) stops the batch;
--   * a mutation that breaks a rule is rejected with the reason and recorded as a conflict,
--     and the device adopts the row the server kept.
-- The batch is first tried in one savepoint (the common case: nothing breaks a rule); only if
-- something does is it redone with a savepoint per mutation, so one bad row costs one batch
-- twice, not every batch a savepoint per row.
-- Returns {"last": id, "results": [{id, status, reason?}], "touched": [{t, row}]}: the keys of
-- every row the batch named, which the device reads back (in this transaction) and adopts.
CREATE FUNCTION spotter.push(p_device uuid, p_schema bigint, p_mutations jsonb) RETURNS jsonb
LANGUAGE plpgsql SET search_path = spotter, pg_temp AS $$
DECLARE
    claim record;
    last_id bigint;
    m jsonb;
    mid bigint;
    t text;
    keys text[];
    fresh jsonb[] := '{}';
    results jsonb[] := '{}';
    touched jsonb[] := '{}';
    reason text;
    state text;
    all_applied boolean := false;
    run jsonb[] := '{}';
    run_table text;
BEGIN
    IF jsonb_typeof(p_mutations) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'a push is a JSON array of mutations' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF jsonb_array_length(p_mutations) > 5000 THEN
        RAISE EXCEPTION 'a push holds at most 5000 mutations' USING ERRCODE = 'program_limit_exceeded';
    END IF;
    SELECT * INTO claim FROM spotter.claim_device(p_device, p_schema);
    last_id := claim.last_mutation_id;

    -- Which mutations are new (in order, without a gap), and which rows the batch names.
    FOR m IN SELECT value FROM jsonb_array_elements(p_mutations) LOOP
        IF jsonb_typeof(m) IS DISTINCT FROM 'object' OR jsonb_typeof(m -> 'id') IS DISTINCT FROM 'number' THEN
            RAISE EXCEPTION 'a mutation has no id' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        mid := (m ->> 'id')::bigint;
        t := m ->> 't';
        SELECT s.key_columns INTO keys FROM spotter.synced_tables s WHERE s.name = t;
        IF keys IS NOT NULL AND jsonb_typeof(m -> 'row') = 'object' THEN
            touched := array_append(touched, jsonb_build_object('t', t, 'row',
                (SELECT jsonb_object_agg(k, m -> 'row' -> k) FROM unnest(keys) k)));
        END IF;
        IF mid <= last_id THEN
            results := array_append(results, jsonb_build_object('id', mid, 'status', 'duplicate'));
            CONTINUE;
        END IF;
        IF mid <> last_id + 1 THEN
            results := array_append(results, jsonb_build_object('id', mid, 'status', 'gap', 'expected', last_id + 1));
            EXIT;
        END IF;
        last_id := mid;
        fresh := array_append(fresh, m);
    END LOOP;

    BEGIN
        -- Consecutive inserts into one table go in together; anything else one by one.
        FOREACH m IN ARRAY fresh LOOP
            IF m ->> 'op' = 'insert' AND (run_table IS NULL OR run_table = m ->> 't') THEN
                run_table := m ->> 't';
                run := array_append(run, m -> 'row');
                CONTINUE;
            END IF;
            IF run_table IS NOT NULL THEN
                PERFORM spotter.apply_inserts(claim.studio_id, claim.role, run_table, to_jsonb(run));
                run_table := NULL;
                run := '{}';
            END IF;
            IF m ->> 'op' = 'insert' THEN
                run_table := m ->> 't';
                run := ARRAY[m -> 'row'];
            ELSE
                PERFORM spotter.apply_mutation(claim.studio_id, claim.role, p_device, m);
            END IF;
        END LOOP;
        IF run_table IS NOT NULL THEN
            PERFORM spotter.apply_inserts(claim.studio_id, claim.role, run_table, to_jsonb(run));
        END IF;
        all_applied := true;
    EXCEPTION
        WHEN integrity_constraint_violation OR data_exception OR insufficient_privilege
             OR undefined_column OR undefined_table OR invalid_parameter_value
             OR datatype_mismatch OR invalid_text_representation THEN
            all_applied := false;
    END;

    FOREACH m IN ARRAY fresh LOOP
        mid := (m ->> 'id')::bigint;
        IF all_applied THEN
            results := array_append(results, jsonb_build_object('id', mid, 'status', 'applied'));
            CONTINUE;
        END IF;
        BEGIN
            PERFORM spotter.apply_mutation(claim.studio_id, claim.role, p_device, m);
            results := array_append(results, jsonb_build_object('id', mid, 'status', 'applied'));
        EXCEPTION
            WHEN integrity_constraint_violation OR data_exception OR insufficient_privilege
                 OR undefined_column OR undefined_table OR invalid_parameter_value
                 OR datatype_mismatch OR invalid_text_representation THEN
                GET STACKED DIAGNOSTICS reason = MESSAGE_TEXT, state = RETURNED_SQLSTATE;
                results := array_append(results, jsonb_build_object('id', mid, 'status', 'rejected',
                                                                    'reason', reason, 'code', state));
                SELECT s.key_columns INTO keys FROM spotter.synced_tables s WHERE s.name = m ->> 't';
                PERFORM spotter.record_conflict('rejected', coalesce(m ->> 't', '?'),
                    coalesce((SELECT string_agg(m -> 'row' ->> k, '/') FROM unnest(keys) k), '?'),
                    NULL, m -> 'row', NULL, p_device::text, NULL, reason);
        END;
    END LOOP;
    PERFORM spotter.finish_push(p_device, last_id);
    RETURN jsonb_build_object('last', last_id, 'results', to_jsonb(results), 'touched', to_jsonb(touched));
END $$;
GRANT EXECUTE ON FUNCTION spotter.push(uuid, bigint, jsonb), spotter.apply_mutation(uuid, text, uuid, jsonb),
    spotter.apply_inserts(uuid, text, text, jsonb)
    TO spotter_member, spotter_front_desk;

-- Studio administration, by the studio's owner only.
CREATE FUNCTION spotter.require_owner() RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = spotter, pg_temp AS $$
DECLARE
    v uuid;
BEGIN
    SELECT studio_id INTO v FROM spotter.members
     WHERE login = session_user AND removed_at IS NULL AND role = 'owner';
    IF v IS NULL THEN
        RAISE EXCEPTION 'only the studio''s owner can do this' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN v;
END $$;

-- A login for a new member, in the caller's studio. The password is set here and shown once
-- to the owner by the CLI; Postgres keeps only its SCRAM hash.
CREATE FUNCTION spotter.invite(p_login name, p_display_name text, p_role text, p_password text,
                               p_trainer_id uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = spotter, pg_temp AS $$
DECLARE
    v_studio uuid := spotter.require_owner();
BEGIN
    IF p_role NOT IN ('trainer', 'front_desk') THEN
        RAISE EXCEPTION 'a member is invited as trainer or front desk' USING ERRCODE = 'check_violation';
    END IF;
    IF p_login !~ '^[a-z][a-z0-9_]{2,62}$' THEN
        RAISE EXCEPTION 'a login is 3–63 lower-case letters, digits or _' USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        RAISE EXCEPTION 'the login % is taken', p_login USING ERRCODE = 'unique_violation';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_password);
    EXECUTE format('GRANT %I TO %I', CASE p_role WHEN 'front_desk' THEN 'spotter_front_desk' ELSE 'spotter_member' END, p_login);
    INSERT INTO spotter.members (login, studio_id, display_name, role, trainer_id)
    VALUES (p_login, v_studio, p_display_name, p_role, p_trainer_id);
END $$;

-- Access ends at once: every policy and the push ask members.removed_at on each request;
-- the login can no longer connect either.
CREATE FUNCTION spotter.remove_member(p_login name) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = spotter, pg_temp AS $$
DECLARE
    v_studio uuid := spotter.require_owner();
BEGIN
    IF p_login = session_user THEN
        RAISE EXCEPTION 'the owner cannot remove themselves' USING ERRCODE = 'check_violation';
    END IF;
    UPDATE spotter.members SET removed_at = now()
     WHERE login = p_login AND studio_id = v_studio AND removed_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no member % in this studio', p_login USING ERRCODE = 'no_data_found';
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
END $$;

CREATE FUNCTION spotter.members_of_studio()
RETURNS TABLE (login name, display_name text, role text, trainer_id uuid, removed_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = spotter, pg_temp AS $$
    SELECT login, display_name, role, trainer_id, removed_at FROM spotter.members
     WHERE studio_id = spotter.my_studio() ORDER BY created_at
$$;

REVOKE ALL ON FUNCTION spotter.claim_device(uuid, bigint), spotter.finish_push(uuid, bigint),
    spotter.record_conflict(text, text, text, text, jsonb, jsonb, text, text, text),
    spotter.invite(name, text, text, text, uuid), spotter.remove_member(name),
    spotter.register_device(uuid, bigint), spotter.require_owner() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION spotter.claim_device(uuid, bigint), spotter.finish_push(uuid, bigint),
    spotter.record_conflict(text, text, text, text, jsonb, jsonb, text, text, text),
    spotter.register_device(uuid, bigint), spotter.whoami(), spotter.members_of_studio(),
    spotter.my_studio(), spotter.my_role(), spotter.server_schema_version()
    TO spotter_member, spotter_front_desk;
GRANT EXECUTE ON FUNCTION spotter.invite(name, text, text, text, uuid), spotter.remove_member(name),
    spotter.require_owner() TO spotter_member;
