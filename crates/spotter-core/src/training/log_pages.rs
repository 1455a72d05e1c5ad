//! A client's workout logs a page at a time, newest first: a client with hundreds of logs
//! opens at once, and the UI asks for more ("Load more").

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::logs::WorkoutLogSummary;
use spotter_store::ids::parse_id;
use spotter_store::{Database, Result};

/// The most logs one page may ask for.
pub const MAX_PAGE: u32 = 500;

/// One page of a client's logs and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkoutLogPage {
    pub logs: Vec<WorkoutLogSummary>,
    /// Every log of the client, not only this page.
    pub total: u32,
}

/// Logs `offset..offset + limit` in the order the Logs tab shows them (date, then entry,
/// newest first; the id settles ties so pages never overlap or skip).
pub async fn page(
    db: &Database,
    client_id: &str,
    offset: u32,
    limit: u32,
) -> Result<WorkoutLogPage> {
    let client = parse_id("clientId", client_id)?;
    type Row = (
        String,
        String,
        Option<String>,
        Option<i64>,
        Option<i64>,
        i64,
        i64,
        f64,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT l.id, l.performed_on, p.name, l.week, l.day_index,
                (SELECT count(DISTINCT exercise_id) FROM workout_sets s WHERE s.log_id = l.id AND s.deleted_at IS NULL),
                (SELECT count(*) FROM workout_sets s WHERE s.log_id = l.id AND s.deleted_at IS NULL AND s.reps > 0),
                (SELECT coalesce(sum(reps * load_kg), 0.0) FROM workout_sets s WHERE s.log_id = l.id AND s.deleted_at IS NULL)
         FROM workout_logs l LEFT JOIN plans p ON p.id = l.plan_id
         WHERE l.client_id = ? AND l.deleted_at IS NULL
         ORDER BY l.performed_on DESC, l.created_at DESC, l.id DESC LIMIT ? OFFSET ?",
    )
    .bind(&client)
    .bind(limit.clamp(1, MAX_PAGE))
    .bind(offset)
    .fetch_all(db.pool())
    .await?;
    let total: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM workout_logs WHERE client_id = ? AND deleted_at IS NULL",
    )
    .bind(&client)
    .fetch_one(db.pool())
    .await?;
    Ok(WorkoutLogPage {
        logs: rows
            .into_iter()
            .map(|r| WorkoutLogSummary {
                id: r.0,
                performed_on: r.1,
                plan_name: r.2,
                week: r.3.map(|v| v as u32),
                day_index: r.4.map(|v| v as u32),
                exercises: r.5 as u32,
                sets: r.6 as u32,
                volume_kg: r.7,
            })
            .collect(),
        total: total as u32,
    })
}
