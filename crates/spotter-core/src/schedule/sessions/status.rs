//! A session's life after booking: status, attendance, cancel, delete and restore.

use chrono::Utc;

use crate::schedule::recurrence::truncate_before;
use crate::schedule::zoned::{fmt_utc, parse_local, parse_utc, parse_zone, to_utc_lenient};
use crate::schedule::{Attendance, EditScope, Session, SessionStatus};
use spotter_store::ids::parse_id;
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

use super::*;

/// Marks a session completed, no-show, cancelled (optionally late) or back to scheduled;
/// participants still "expected" follow along.
pub async fn set_status(
    db: &Database,
    id: &str,
    status: SessionStatus,
    late_cancel: bool,
) -> Result<Session> {
    let current = load(db, id).await?;
    let late = status == SessionStatus::Cancelled && late_cancel;
    let follow = match status {
        SessionStatus::Scheduled => None,
        SessionStatus::Completed => Some(Attendance::Attended),
        SessionStatus::NoShow => Some(Attendance::NoShow),
        SessionStatus::Cancelled if late => Some(Attendance::LateCancelled),
        SessionStatus::Cancelled => Some(Attendance::Cancelled),
    };
    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE sessions SET status = ?, late_cancel = ?, updated_at = ? WHERE id = ?")
        .bind(status.as_str())
        .bind(late)
        .bind(&now)
        .bind(&current.id)
        .execute(&mut *tx)
        .await?;
    match follow {
        Some(a) => {
            sqlx::query(
                "UPDATE session_participants SET attendance = ?, updated_at = ?
                 WHERE session_id = ? AND deleted_at IS NULL AND attendance = 'expected'",
            )
            .bind(a.as_str())
            .bind(&now)
            .bind(&current.id)
            .execute(&mut *tx)
            .await?;
        }
        None => {
            // Back to scheduled (an undo): everyone is expected again.
            sqlx::query("UPDATE session_participants SET attendance = 'expected', updated_at = ? WHERE session_id = ? AND deleted_at IS NULL")
                .bind(&now)
                .bind(&current.id)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    get(db, &current.id).await
}

pub async fn set_attendance(
    db: &Database,
    id: &str,
    client_id: &str,
    attendance: Attendance,
) -> Result<Session> {
    let current = load(db, id).await?;
    let client_id = parse_id("clientId", client_id)?;
    let done = sqlx::query(
        "UPDATE session_participants SET attendance = ?, updated_at = ? WHERE session_id = ? AND client_id = ? AND deleted_at IS NULL",
    )
    .bind(attendance.as_str())
    .bind(now_utc())
    .bind(&current.id)
    .bind(&client_id)
    .execute(db.pool())
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::validation(
            "clientId",
            "That client is not booked into this session",
        ));
    }
    get(db, &current.id).await
}

/// Cancels one occurrence (kept, marked cancelled), or removes this and the following
/// scheduled occurrences, or every scheduled occurrence from now on; past and completed
/// sessions stay. Returns how many sessions changed.
pub async fn cancel(db: &Database, id: &str, scope: EditScope, late_cancel: bool) -> Result<u32> {
    let current = load(db, id).await?;
    let Some(series_id) = current
        .series_id
        .clone()
        .filter(|_| scope != EditScope::One)
    else {
        set_status(db, id, SessionStatus::Cancelled, late_cancel).await?;
        return Ok(1);
    };
    let series = load_series(db, &series_id).await?;
    let tz = parse_zone("timeZone", &series.time_zone)?;
    let first = parse_local("start", &series.first_start)?;
    let cut = match scope {
        EditScope::Following => current
            .recurrence_id
            .as_deref()
            .map(|r| parse_utc("r", r))
            .transpose()?
            .unwrap_or(current.start),
        _ => Utc::now().max(to_utc_lenient(first, tz)),
    };
    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE sessions SET deleted_at = ?, updated_at = ?
         WHERE series_id = ? AND deleted_at IS NULL AND status = 'scheduled' AND (coalesce(recurrence_id, start_utc) >= ? OR id = ?)",
    )
    .bind(&now)
    .bind(&now)
    .bind(&series_id)
    .bind(fmt_utc(cut))
    .bind(&current.id)
    .execute(&mut *tx)
    .await?;
    if cut <= to_utc_lenient(first, tz) {
        sqlx::query("UPDATE series SET deleted_at = ?, updated_at = ? WHERE id = ?")
            .bind(&now)
            .bind(&now)
            .bind(&series_id)
            .execute(&mut *tx)
            .await?;
    } else {
        let short = truncate_before(&series.rrule, first, tz, cut)?;
        sqlx::query("UPDATE series SET rrule = ?, updated_at = ? WHERE id = ?")
            .bind(&short)
            .bind(&now)
            .bind(&series_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(done.rows_affected() as u32)
}

/// Deletes one session (a tombstone); returns it as it was, for undo.
pub async fn delete(db: &Database, id: &str) -> Result<Session> {
    let before = get(db, id).await?;
    let now = now_utc();
    sqlx::query("UPDATE sessions SET deleted_at = ?, updated_at = ? WHERE id = ?")
        .bind(&now)
        .bind(&now)
        .bind(&before.id)
        .execute(db.pool())
        .await?;
    Ok(before)
}

pub async fn restore(db: &Database, id: &str) -> Result<Session> {
    let id = parse_id("id", id)?;
    sqlx::query("UPDATE sessions SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL")
        .bind(now_utc())
        .bind(&id)
        .execute(db.pool())
        .await?;
    get(db, &id).await
}
