//! Push: one batch of the outbox to `spotter.push` in one Postgres transaction, then the
//! server's state of every row the batch named, read back in that same transaction, so the
//! device adopts exactly what was committed (merged columns, a rejected booking reverted).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use spotter_store::{AppError, ErrorCode, Result};
use sqlx::Row;
use uuid::Uuid;

use super::{Server, WHOAMI_SQL};
use crate::server::Membership;
use crate::tables::{self, Table};

/// One captured write, as the server receives it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Mutation {
    pub id: i64,
    /// The table.
    pub t: String,
    pub op: String,
    pub changed: Vec<String>,
    pub row: Value,
    pub base: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MutationResult {
    pub id: i64,
    /// applied, duplicate, rejected, gap
    pub status: String,
    pub reason: Option<String>,
    pub expected: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct PushResponse {
    last: i64,
    results: Vec<MutationResult>,
    touched: Vec<Touched>,
}

#[derive(Debug, Deserialize)]
struct Touched {
    t: String,
    row: Value,
}

/// The server's row (None: the server has no such row) for a key the batch named.
#[derive(Debug)]
pub struct AdoptedRow {
    pub table: &'static Table,
    pub key: Value,
    pub row: Option<(i64, Value)>,
}

#[derive(Debug)]
pub struct PushOutcome {
    /// The device's last mutation the server has recorded.
    pub last: i64,
    pub results: Vec<MutationResult>,
    pub rows: Vec<AdoptedRow>,
}

/// Sends one batch and reads back the rows it named, in one transaction.
pub async fn push_batch(
    server: &Server,
    device: Uuid,
    schema: i64,
    batch: &[Mutation],
) -> Result<PushOutcome> {
    let err = |e| server.error(e);
    let mut tx = server.pool().begin().await.map_err(err)?;
    let payload = serde_json::to_value(batch).map_err(|e| AppError::internal(e.to_string()))?;
    let raw: Value = sqlx::query_scalar("SELECT spotter.push($1, $2, $3)")
        .bind(device)
        .bind(schema)
        .bind(&payload)
        .fetch_one(&mut *tx)
        .await
        .map_err(err)?;
    let response: PushResponse = serde_json::from_value(raw).map_err(|e| {
        AppError::new(
            ErrorCode::Studio,
            format!(
                "the studio server answered a push in a shape this Spotter does not know ({e})"
            ),
        )
    })?;
    if let Some(gap) = response.results.iter().find(|r| r.status == "gap") {
        return Err(AppError::new(
            ErrorCode::Studio,
            format!(
                "the studio server expected change {} from this device but got {}: this device's outbox no longer matches the server (was a backup restored?). Nothing was applied; join the studio again from a fresh data folder",
                gap.expected.unwrap_or(0),
                gap.id
            ),
        ));
    }
    let me: Membership = sqlx::query_as(WHOAMI_SQL)
        .fetch_one(&mut *tx)
        .await
        .map_err(err)?;
    let rows = read_back(&mut tx, &me, &response.touched)
        .await
        .map_err(err)?;
    tx.commit().await.map_err(err)?;
    Ok(PushOutcome {
        last: response.last,
        results: response.results,
        rows,
    })
}

async fn read_back(
    tx: &mut sqlx::PgConnection,
    me: &Membership,
    touched: &[Touched],
) -> std::result::Result<Vec<AdoptedRow>, sqlx::Error> {
    let front_desk = me.role == "front_desk";
    let mut out = Vec::new();
    for table in tables::TABLES {
        let keys: Vec<&Value> = touched
            .iter()
            .filter(|t| t.t == table.name)
            .map(|t| &t.row)
            .filter(|k| {
                table.key.iter().all(|c| {
                    k.get(c)
                        .and_then(Value::as_str)
                        .is_some_and(|s| Uuid::try_parse(s).is_ok())
                })
            })
            .collect();
        if keys.is_empty() {
            continue;
        }
        let mut found: Vec<(i64, Value)> = Vec::new();
        if table.readable_by(front_desk) {
            let rows = sqlx::query(&super::rows::by_keys_sql(table, front_desk))
                .bind(me.studio_id)
                .bind(Value::Array(keys.iter().map(|k| (*k).clone()).collect()))
                .fetch_all(&mut *tx)
                .await?;
            found = rows
                .into_iter()
                .map(|r| (r.get::<i64, _>(0), r.get::<Value, _>(1)))
                .collect();
        }
        let mut seen = std::collections::HashSet::new();
        for key in keys {
            let key_text = key_text(table, key);
            if !seen.insert(key_text.clone()) {
                continue;
            }
            let row = found
                .iter()
                .find(|(_, r)| key_text == key_text_of(table, r))
                .cloned();
            out.push(AdoptedRow {
                table,
                key: key.clone(),
                row,
            });
        }
    }
    Ok(out)
}

/// A row's key as the outbox spells it (`id`, or `session_id/client_id`).
pub fn key_text(table: &Table, key: &Value) -> String {
    key_text_of(table, key)
}

fn key_text_of(table: &Table, row: &Value) -> String {
    table
        .key
        .iter()
        .map(|k| {
            row.get(k)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_ascii_lowercase()
        })
        .collect::<Vec<_>>()
        .join("/")
}
