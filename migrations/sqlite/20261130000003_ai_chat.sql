-- "Ask about a client": the conversation per client. `content` is what the trainer reads
-- (real names); `sent` is the same turn as it left the machine (pseudonymised).
CREATE TABLE ai_chat_messages (
    local_key    INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    client_id    TEXT NOT NULL,
    role         TEXT NOT NULL,                -- user, assistant
    content      TEXT NOT NULL,
    sent         TEXT NOT NULL DEFAULT '',
    unverified   TEXT NOT NULL DEFAULT '[]',   -- JSON: numbers in an answer that are not facts
    execution_id TEXT,
    created_at   TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;
CREATE INDEX ai_chat_client_idx ON ai_chat_messages (client_id, created_at);
