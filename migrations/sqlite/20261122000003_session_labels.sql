-- The participants' names on each session, and whether any of them still needs medical
-- clearance, kept up to date by the core when participants change, a client is renamed or their
-- PAR-Q+/clearance changes, so the calendar reads one table (a month of a studio is tens of
-- thousands of sessions; a lookup per session made that view slow).
ALTER TABLE sessions ADD COLUMN participant_names TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN needs_clearance INTEGER NOT NULL DEFAULT 0;

UPDATE sessions SET
    participant_names = coalesce((
        SELECT group_concat(c.name, ', ' ORDER BY c.name)
        FROM session_participants p JOIN clients c ON c.id = p.client_id
        WHERE p.session_id = sessions.id AND p.deleted_at IS NULL), ''),
    needs_clearance = EXISTS (
        SELECT 1 FROM session_participants p JOIN clients c ON c.id = p.client_id
        WHERE p.session_id = sessions.id AND p.deleted_at IS NULL AND c.needs_clearance = 1 AND c.clearance_on IS NULL);

-- Each booking carries its session's start, so "is this client free then?" is one range read on
-- (client_id, session_start_utc) instead of a lookup per session the client ever had.
ALTER TABLE session_participants ADD COLUMN session_start_utc TEXT NOT NULL DEFAULT '';

UPDATE session_participants SET session_start_utc = coalesce(
    (SELECT s.start_utc FROM sessions s WHERE s.id = session_participants.session_id), '');

CREATE INDEX session_participants_client_start_idx
    ON session_participants (client_id, session_start_utc) WHERE deleted_at IS NULL;
