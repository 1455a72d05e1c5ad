//! Writing workout logs: a new log with its sets in one transaction, a log's content replaced
//! (old sets tombstoned), a log deleted; each save reports the records it set.

use sqlx::SqliteConnection;

use super::reading::get;
use super::records_set::records_set_by;
use super::validation::{check, CheckedLog};
use super::{LogSaved, WorkoutLogInput};
use crate::training::plan::Measure;
use crate::training::records::epley;
use spotter_store::ids::new_id;
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

async fn insert_sets(tx: &mut SqliteConnection, log_id: &str, c: &CheckedLog) -> Result<()> {
    let now = now_utc();
    for (pos, s) in c.sets.iter().enumerate() {
        // An estimated 1RM is for repetitions, not seconds or metres.
        let e1rm = (s.measure == Measure::Reps)
            .then(|| epley(s.load_kg, s.reps))
            .flatten();
        sqlx::query(
            "INSERT INTO workout_sets (id, log_id, client_id, performed_on, exercise_id, item_index, position, reps, load_kg, rpe, e1rm_kg, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(new_id())
        .bind(log_id)
        .bind(&c.client_id)
        .bind(&c.performed_on)
        .bind(&s.exercise_id)
        .bind(s.item_index)
        .bind(pos as i64)
        .bind(s.reps)
        .bind(s.load_kg)
        .bind(s.rpe)
        .bind(e1rm)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// Saves a new workout log with its sets in one transaction and reports the records it set.
pub async fn create(db: &Database, input: &WorkoutLogInput) -> Result<LogSaved> {
    let c = check(db, input).await?;
    let id = new_id();
    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO workout_logs (id, client_id, performed_on, plan_id, plan_version, week, day_index, session_id, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&c.client_id)
    .bind(&c.performed_on)
    .bind(c.plan.as_ref().map(|p| &p.0))
    .bind(c.plan.as_ref().map(|p| p.1))
    .bind(c.week)
    .bind(c.day_index)
    .bind(&c.session_id)
    .bind(&c.notes)
    .bind(&now)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    insert_sets(&mut tx, &id, &c).await?;
    let records = records_set_by(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(LogSaved {
        log: get(db, &id).await?,
        records,
    })
}

/// Replaces a log's content: its old sets are tombstoned and the new ones written.
pub async fn update(db: &Database, id: &str, input: &WorkoutLogInput) -> Result<LogSaved> {
    let current = get(db, id).await?;
    let c = check(db, input).await?;
    if c.client_id != current.client_id {
        return Err(AppError::validation(
            "clientId",
            "A workout cannot move to another client",
        ));
    }
    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "UPDATE workout_logs SET performed_on = ?, plan_id = ?, plan_version = ?, week = ?, day_index = ?, session_id = ?, notes = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(&c.performed_on)
    .bind(c.plan.as_ref().map(|p| &p.0))
    .bind(c.plan.as_ref().map(|p| p.1))
    .bind(c.week)
    .bind(c.day_index)
    .bind(&c.session_id)
    .bind(&c.notes)
    .bind(&now)
    .bind(&current.id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE workout_sets SET deleted_at = ? WHERE log_id = ? AND deleted_at IS NULL")
        .bind(&now)
        .bind(&current.id)
        .execute(&mut *tx)
        .await?;
    insert_sets(&mut tx, &current.id, &c).await?;
    let records = records_set_by(&mut tx, &current.id).await?;
    tx.commit().await?;
    Ok(LogSaved {
        log: get(db, &current.id).await?,
        records,
    })
}

pub async fn delete(db: &Database, id: &str) -> Result<()> {
    let log = get(db, id).await?;
    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE workout_logs SET deleted_at = ?, updated_at = ? WHERE id = ?")
        .bind(&now)
        .bind(&now)
        .bind(&log.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE workout_sets SET deleted_at = ? WHERE log_id = ? AND deleted_at IS NULL")
        .bind(&now)
        .bind(&log.id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
