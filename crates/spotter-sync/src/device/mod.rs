//! The device's side of sync, all in its SQLite file: the studio it belongs to, the outbox,
//! and applying what the server sends. Every apply is one transaction with `applying = 1`,
//! so the capture triggers stay quiet (no echoes) and a crash leaves the file as it was.
//!
//! The parts: `joining.rs` makes a data folder part of a studio, `push.rs` applies a push's
//! answer, `pull.rs` applies a pull page (and a role change), `rows.rs` the set-based upsert of
//! server rows both use. This file holds the device's sync state, its outbox and its conflicts.

mod joining;
mod pull;
mod push;
mod rows;

use serde::Serialize;
use serde_json::Value;
use spotter_store::{AppError, Database, ErrorCode, Result};
use sqlx::{FromRow, Row};

use crate::server::push::Mutation;
use crate::server::ServerAddress;

pub use joining::{drop_unshared_trainers, join, mark_me, own_data, Joining};
pub use pull::{apply_page, apply_page_then_crash};
pub use push::{apply_push, PushApplied};

#[derive(Debug, Clone, FromRow, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalState {
    pub capture: i64,
    pub server_url: Option<String>,
    pub login: Option<String>,
    pub device_id: Option<String>,
    pub studio_id: Option<String>,
    pub studio_name: Option<String>,
    pub role: Option<String>,
    pub trainer_id: Option<String>,
    pub pull_cursor: i64,
    pub last_push_at: Option<String>,
    pub last_pull_at: Option<String>,
    pub last_error: Option<String>,
    pub joined_at: Option<String>,
}

impl LocalState {
    pub fn in_studio(&self) -> bool {
        self.capture == 1 && self.device_id.is_some()
    }

    pub fn device_uuid(&self) -> Result<uuid::Uuid> {
        self.device_id
            .as_deref()
            .and_then(|d| uuid::Uuid::try_parse(d).ok())
            .ok_or_else(not_in_studio)
    }

    pub fn address(&self) -> Result<ServerAddress> {
        let url = self.server_url.as_deref().ok_or_else(not_in_studio)?;
        Ok(ServerAddress::parse(url, None)?.0)
    }
}

pub fn not_in_studio() -> AppError {
    AppError::new(
        ErrorCode::Studio,
        "this data folder is not part of a studio: create one with 'studio init' or join with 'studio join'",
    )
}

pub async fn state(db: &Database) -> Result<LocalState> {
    Ok(sqlx::query_as(
        "SELECT capture, server_url, login, device_id, studio_id, studio_name, role, trainer_id,
                pull_cursor, last_push_at, last_pull_at, last_error, joined_at
           FROM sync_state WHERE singleton = 1",
    )
    .fetch_one(db.pool())
    .await?)
}

pub async fn pending_count(db: &Database) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM sync_outbox")
        .fetch_one(db.pool())
        .await?)
}

/// The highest mutation id ever handed out on this device (0 before the first).
pub async fn last_mutation_id(db: &Database) -> Result<i64> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'), 0)",
    )
    .fetch_one(db.pool())
    .await?)
}

/// The oldest `limit` pending mutations, in order.
pub async fn pending_batch(db: &Database, limit: i64) -> Result<Vec<Mutation>> {
    let rows = sqlx::query(
        "SELECT mutation_id, table_name, op, changed, row_data, base_version
           FROM sync_outbox ORDER BY mutation_id LIMIT ?",
    )
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|r| {
            let parse = |s: String| {
                serde_json::from_str::<Value>(&s)
                    .map_err(|e| AppError::internal(format!("outbox entry is not JSON: {e}")))
            };
            let changed: Vec<String> = serde_json::from_value(parse(r.get("changed"))?)
                .map_err(|e| AppError::internal(format!("outbox columns: {e}")))?;
            Ok(Mutation {
                id: r.get("mutation_id"),
                t: r.get("table_name"),
                op: r.get("op"),
                changed,
                row: parse(r.get("row_data"))?,
                base: r.get("base_version"),
            })
        })
        .collect()
}

pub async fn record_error(db: &Database, message: &str) -> Result<()> {
    sqlx::query("UPDATE sync_state SET last_error = ?")
        .bind(message)
        .execute(db.pool())
        .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalConflict {
    pub id: String,
    pub kind: String,
    pub table_name: String,
    pub row_id: String,
    pub reason: String,
    pub local_values: String,
    pub server_values: Option<String>,
    pub created_at: String,
}

/// Conflicts the server reported about this device's writes, newest first.
pub async fn conflicts(db: &Database) -> Result<Vec<LocalConflict>> {
    Ok(sqlx::query_as(
        "SELECT id, kind, table_name, row_id, reason, local_values, server_values, created_at
           FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY created_at DESC",
    )
    .fetch_all(db.pool())
    .await?)
}
