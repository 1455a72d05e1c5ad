-- The calendar's range query (every trainer's month: ~20,000 rows) read each row from the table
-- through sessions_start_idx. This index holds every column that query reads, in start order, so
-- it is answered from the index alone. It starts with start_utc under the same condition, so it
-- also serves every query sessions_start_idx served, which goes. (deleted_at is listed, always
-- NULL here, because SQLite counts an index as covering only if it names every column used.)
CREATE INDEX sessions_calendar_idx ON sessions (
    start_utc, end_utc, status, trainer_id, room_id, kind, id, title, participant_names,
    time_zone, series_id, needs_clearance, deleted_at
) WHERE deleted_at IS NULL;

DROP INDEX sessions_start_idx;
