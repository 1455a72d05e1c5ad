-- AI agents: providers (never their keys: those live in the OS keychain), the agent
-- registry, the execution log, and the review queue of insights and suggestions.
-- Only additions.

-- An OpenAI or OpenAI-compatible server. `position` orders the fallback chain.
-- The API key is in the OS keychain under the provider's id; nothing here holds it.
CREATE TABLE ai_providers (
    local_key       INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,              -- openai, compatible
    base_url        TEXT NOT NULL,
    model           TEXT NOT NULL,
    position        INTEGER NOT NULL,
    timeout_seconds INTEGER NOT NULL DEFAULT 60,
    enabled         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
) STRICT;

-- One row per task type. provider_id NULL means "the fallback chain"; model NULL means the
-- provider's own model.
CREATE TABLE ai_agents (
    local_key      INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    task_type      TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    enabled        INTEGER NOT NULL DEFAULT 1,
    provider_id    TEXT,
    model          TEXT,
    temperature    REAL NOT NULL DEFAULT 0.2,
    prompt_version INTEGER NOT NULL DEFAULT 1,
    settings       TEXT NOT NULL DEFAULT '{}',  -- JSON, per agent (e.g. the health check interval)
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

-- Every run, refused ones included. `sent` is exactly what left the machine (pseudonymised);
-- `output` is the validated result. Kept for the trainer to audit.
CREATE TABLE ai_agent_executions (
    local_key         INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    task_type         TEXT NOT NULL,
    agent_id          TEXT,
    client_id         TEXT,
    status            TEXT NOT NULL,            -- running, done, failed, cancelled
    error             TEXT,
    input_fingerprint TEXT NOT NULL,
    facts             TEXT,                     -- JSON: what Rust computed
    sent              TEXT,                     -- JSON: the messages as sent
    output            TEXT,                     -- JSON
    provider_id       TEXT,
    provider_name     TEXT,
    model             TEXT,
    prompt_tokens     INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    cost_estimate_usd REAL NOT NULL DEFAULT 0,
    attempts          INTEGER NOT NULL DEFAULT 0,
    from_cache        INTEGER NOT NULL DEFAULT 0,
    started_at        TEXT NOT NULL,
    finished_at       TEXT,
    latency_ms        INTEGER
) STRICT;
CREATE INDEX ai_executions_started_idx ON ai_agent_executions (started_at);
CREATE INDEX ai_executions_cache_idx ON ai_agent_executions (task_type, input_fingerprint, status);

-- The review queue: nothing an agent proposes changes anything before the trainer accepts it.
CREATE TABLE ai_review_items (
    local_key      INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    execution_id   TEXT NOT NULL,
    task_type      TEXT NOT NULL,
    client_id      TEXT,
    kind           TEXT NOT NULL,               -- insight, suggestion
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,
    evidence       TEXT NOT NULL DEFAULT '[]',  -- JSON: the facts the text rests on
    action         TEXT,                        -- JSON: what accepting does (plan diff, new session …)
    status         TEXT NOT NULL DEFAULT 'open', -- open, accepted, dismissed
    edited_body    TEXT,
    dismiss_reason TEXT,
    decided_at     TEXT,
    result_ref     TEXT,                        -- what accepting created (plan version, session id)
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
) STRICT;
CREATE INDEX ai_review_status_idx ON ai_review_items (status, created_at);
CREATE INDEX ai_review_client_idx ON ai_review_items (client_id);
