//! Reading workout logs back: one log whole (its sets with the measure of the plan day they
//! were for), a client's log of a session, and a client's newest logs.

use super::{WorkoutLog, WorkoutLogSummary, WorkoutSet};
use crate::training::plan::Measure;
use spotter_store::ids::parse_id;
use spotter_store::{AppError, Database, Result};

pub async fn get(db: &Database, id: &str) -> Result<WorkoutLog> {
    let id = parse_id("logId", id)?;
    type Row = (
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<String>,
        String,
    );
    let r: Row = sqlx::query_as(
        "SELECT l.id, l.client_id, l.performed_on, l.plan_id, p.name, l.plan_version, l.week, l.day_index, l.session_id, l.notes
         FROM workout_logs l LEFT JOIN plans p ON p.id = l.plan_id WHERE l.id = ? AND l.deleted_at IS NULL",
    )
    .bind(&id)
    .fetch_optional(db.pool())
    .await?
    .ok_or_else(|| AppError::not_found("workout"))?;
    type SetRow = (
        String,
        String,
        String,
        Option<i64>,
        i64,
        f64,
        Option<f64>,
        Option<f64>,
    );
    let sets: Vec<SetRow> = sqlx::query_as(
        "SELECT s.id, s.exercise_id, coalesce(e.name, '?'), s.item_index, s.reps, s.load_kg, s.rpe, s.e1rm_kg
         FROM workout_sets s LEFT JOIN exercises e ON e.id = s.exercise_id
         WHERE s.log_id = ? AND s.deleted_at IS NULL ORDER BY s.position",
    )
    .bind(&id)
    .fetch_all(db.pool())
    .await?;
    let measures = match (&r.3, r.5, r.6, r.7) {
        (Some(plan), Some(version), Some(week), Some(day)) => {
            day_measures(db, plan, version as u32, week as u32, day as u32).await?
        }
        _ => Vec::new(),
    };
    let measure_of = |item: Option<i64>| {
        item.and_then(|k| measures.get(k as usize).copied())
            .unwrap_or_default()
    };
    Ok(WorkoutLog {
        id: r.0,
        client_id: r.1,
        performed_on: r.2,
        plan_id: r.3,
        plan_name: r.4,
        plan_version: r.5.map(|v| v as u32),
        week: r.6.map(|v| v as u32),
        day_index: r.7.map(|v| v as u32),
        session_id: r.8,
        notes: r.9,
        sets: sets
            .into_iter()
            .map(|s| WorkoutSet {
                id: s.0,
                exercise_id: s.1,
                exercise_name: s.2,
                item_index: s.3.map(|v| v as u32),
                measure: measure_of(s.3),
                reps: s.4 as u32,
                load_kg: s.5,
                rpe: s.6,
                e1rm_kg: s.7,
            })
            .collect(),
    })
}

/// The measure of each prescription of one day of one plan version (empty when the version
/// or day is gone: its sets then read as reps).
pub(super) async fn day_measures(
    db: &Database,
    plan_id: &str,
    version: u32,
    week: u32,
    day_index: u32,
) -> Result<Vec<Measure>> {
    let body = match crate::training::plans::version(db, plan_id, version).await {
        Ok(v) => v.body,
        Err(_) => return Ok(Vec::new()),
    };
    Ok(body
        .weeks
        .get(week.saturating_sub(1) as usize)
        .filter(|_| week >= 1)
        .and_then(|w| w.days.get(day_index as usize))
        .map(|d| d.items.iter().map(|p| p.measure).collect())
        .unwrap_or_default())
}

/// The client's log of a booked session, if one was written (the newest, should there be two).
pub async fn for_session(
    db: &Database,
    client_id: &str,
    session_id: &str,
) -> Result<Option<String>> {
    let client = parse_id("clientId", client_id)?;
    let session = parse_id("sessionId", session_id)?;
    Ok(sqlx::query_scalar(
        "SELECT id FROM workout_logs WHERE client_id = ? AND session_id = ? AND deleted_at IS NULL
         ORDER BY updated_at DESC LIMIT 1",
    )
    .bind(&client)
    .bind(&session)
    .fetch_optional(db.pool())
    .await?)
}

/// A client's workouts, newest first (the first `limit`; see `log_pages` for paging).
pub async fn list(db: &Database, client_id: &str, limit: u32) -> Result<Vec<WorkoutLogSummary>> {
    Ok(crate::training::log_pages::page(db, client_id, 0, limit)
        .await?
        .logs)
}
