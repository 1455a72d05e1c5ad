-- The progress page's numbers, one row per client, exercise and training day, kept by
-- triggers from workout_sets (derived: never exported or synced; rebuilt from the sets).
-- Reading ~2,500 ready rows instead of reducing ~10,000 sets keeps two years of logs fast.
CREATE TABLE workout_day_stats (
    client_id      TEXT NOT NULL,
    exercise_id    TEXT NOT NULL,
    performed_on   TEXT NOT NULL,
    hard_sets      INTEGER NOT NULL,            -- sets with at least one rep
    volume_kg      REAL NOT NULL,               -- Σ reps × load
    max_reps       INTEGER NOT NULL,
    max_e1rm_kg    REAL,                        -- Epley, as stored on the sets
    max_brzycki_kg REAL,                        -- Brzycki, reps 1–12 (mirrors training::records)
    PRIMARY KEY (client_id, exercise_id, performed_on)
) STRICT, WITHOUT ROWID;

INSERT INTO workout_day_stats
SELECT client_id, exercise_id, performed_on, sum(reps > 0), total(reps * load_kg), max(reps), max(e1rm_kg),
       max(CASE WHEN reps BETWEEN 1 AND 12 AND load_kg > 0
                THEN CASE WHEN reps = 1 THEN load_kg ELSE load_kg * 36.0 / (37 - reps) END END)
FROM workout_sets WHERE deleted_at IS NULL
GROUP BY client_id, exercise_id, performed_on;

CREATE TRIGGER workout_day_stats_after_insert AFTER INSERT ON workout_sets BEGIN
    DELETE FROM workout_day_stats
     WHERE client_id = NEW.client_id AND exercise_id = NEW.exercise_id AND performed_on = NEW.performed_on;
    INSERT INTO workout_day_stats
    SELECT client_id, exercise_id, performed_on, sum(reps > 0), total(reps * load_kg), max(reps), max(e1rm_kg),
           max(CASE WHEN reps BETWEEN 1 AND 12 AND load_kg > 0
                    THEN CASE WHEN reps = 1 THEN load_kg ELSE load_kg * 36.0 / (37 - reps) END END)
    FROM workout_sets
    WHERE client_id = NEW.client_id AND exercise_id = NEW.exercise_id AND performed_on = NEW.performed_on AND deleted_at IS NULL
    GROUP BY client_id, exercise_id, performed_on;
END;

CREATE TRIGGER workout_day_stats_after_update AFTER UPDATE ON workout_sets BEGIN
    DELETE FROM workout_day_stats
     WHERE (client_id = OLD.client_id AND exercise_id = OLD.exercise_id AND performed_on = OLD.performed_on)
        OR (client_id = NEW.client_id AND exercise_id = NEW.exercise_id AND performed_on = NEW.performed_on);
    INSERT INTO workout_day_stats
    SELECT client_id, exercise_id, performed_on, sum(reps > 0), total(reps * load_kg), max(reps), max(e1rm_kg),
           max(CASE WHEN reps BETWEEN 1 AND 12 AND load_kg > 0
                    THEN CASE WHEN reps = 1 THEN load_kg ELSE load_kg * 36.0 / (37 - reps) END END)
    FROM workout_sets
    WHERE deleted_at IS NULL
      AND ((client_id = OLD.client_id AND exercise_id = OLD.exercise_id AND performed_on = OLD.performed_on)
        OR (client_id = NEW.client_id AND exercise_id = NEW.exercise_id AND performed_on = NEW.performed_on))
    GROUP BY client_id, exercise_id, performed_on;
END;

CREATE TRIGGER workout_day_stats_after_delete AFTER DELETE ON workout_sets BEGIN
    DELETE FROM workout_day_stats
     WHERE client_id = OLD.client_id AND exercise_id = OLD.exercise_id AND performed_on = OLD.performed_on;
    INSERT INTO workout_day_stats
    SELECT client_id, exercise_id, performed_on, sum(reps > 0), total(reps * load_kg), max(reps), max(e1rm_kg),
           max(CASE WHEN reps BETWEEN 1 AND 12 AND load_kg > 0
                    THEN CASE WHEN reps = 1 THEN load_kg ELSE load_kg * 36.0 / (37 - reps) END END)
    FROM workout_sets
    WHERE client_id = OLD.client_id AND exercise_id = OLD.exercise_id AND performed_on = OLD.performed_on AND deleted_at IS NULL
    GROUP BY client_id, exercise_id, performed_on;
END;
