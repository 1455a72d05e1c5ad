//! Writing sessions: create one or a series (conflicts checked first), and the row-level
//! helpers every write shares (rows, tombstones, participants and their name labels).

use std::collections::HashSet;

use sqlx::{Sqlite, Transaction};

use crate::schedule::conflicts::{self, Planned};
use crate::schedule::recurrence::expand;
use crate::schedule::zoned::{fmt_local, fmt_utc};
use crate::schedule::{SaveOutcome, SessionInput};
use spotter_store::ids::new_id;
use spotter_store::time::now_utc;
use spotter_store::{AppError, Database, Result};

use super::*;

/// Creates one session, or a whole series when the input has a recurrence.
pub async fn create(db: &Database, input: &SessionInput) -> Result<SaveOutcome> {
    let mut tx = db.pool().begin().await?;
    let created = create_in(db, &mut tx, input).await?;
    match created {
        Created::Conflicts(conflicts) => Ok(SaveOutcome::Conflicts { conflicts }),
        Created::Saved { ids, overridden } => {
            tx.commit().await?;
            Ok(SaveOutcome::Saved {
                sessions: get_many(db, &ids).await?,
                conflicts_overridden: overridden,
            })
        }
    }
}

/// What [`create_in`] did inside the caller's transaction.
pub(crate) enum Created {
    Saved { ids: Vec<String>, overridden: u32 },
    Conflicts(Vec<crate::schedule::Conflict>),
}

/// Validates, checks conflicts and writes a session (or series) inside `tx`. When `tx` is
/// an immediate transaction (it holds the write lock), nobody can book the slot between
/// the check and the insert: the check reads the latest committed state and no other
/// writer can commit before `tx` does.
pub(crate) async fn create_in(
    db: &Database,
    tx: &mut Transaction<'_, Sqlite>,
    input: &SessionInput,
) -> Result<Created> {
    let v = validate(db, input).await?;
    let starts = match &v.rule {
        Some(rule) => expand(rule, v.local_start, v.tz, &[])?,
        None => vec![v.local_start],
    };
    let planned: Vec<Planned> = starts.iter().map(|s| v.planned_at(*s)).collect();
    let found = conflicts::check(db, &v.candidate(), &planned, &HashSet::new()).await?;
    if !found.is_empty() && !input.override_conflicts {
        return Ok(Created::Conflicts(found));
    }
    let now = now_utc();
    let series_id = match &v.rule {
        Some(rule) => Some(insert_series_row(tx, &v, rule, &now).await?),
        None => None,
    };
    let mut ids = Vec::with_capacity(planned.len());
    for p in &planned {
        let rec = series_id.as_ref().map(|_| fmt_utc(p.start));
        ids.push(
            insert_session_row(
                tx,
                &v,
                p,
                series_id.as_deref(),
                rec.as_deref(),
                false,
                None,
                &now,
            )
            .await?,
        );
    }
    Ok(Created::Saved {
        ids,
        overridden: found.len() as u32,
    })
}

pub(crate) async fn insert_series_row(
    tx: &mut Transaction<'_, Sqlite>,
    v: &ValidSession,
    rule: &str,
    now: &str,
) -> Result<String> {
    let id = new_id();
    let client_ids: Vec<&String> = v.clients.iter().map(|(id, _)| id).collect();
    sqlx::query(
        "INSERT INTO series (id, trainer_id, room_id, kind, title, time_zone, first_start, duration_minutes, rrule,
                             capacity, client_ids, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&v.trainer.id)
    .bind(v.room.as_ref().map(|r| &r.id))
    .bind(v.kind.as_str())
    .bind(&v.title)
    .bind(v.tz.name())
    .bind(fmt_local(v.local_start))
    .bind(v.minutes)
    .bind(rule)
    .bind(v.capacity.map(i64::from))
    .bind(serde_json::to_string(&client_ids).map_err(|e| AppError::internal(e.to_string()))?)
    .bind(&v.notes)
    .bind(now)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn insert_session_row(
    tx: &mut Transaction<'_, Sqlite>,
    v: &ValidSession,
    p: &Planned,
    series_id: Option<&str>,
    recurrence_id: Option<&str>,
    detached: bool,
    ics_uid: Option<&str>,
    now: &str,
) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO sessions (id, trainer_id, room_id, kind, title, start_utc, end_utc, time_zone, capacity, status,
                               notes, series_id, recurrence_id, detached, ics_uid, participant_names, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&v.trainer.id)
    .bind(v.room.as_ref().map(|r| &r.id))
    .bind(v.kind.as_str())
    .bind(&v.title)
    .bind(fmt_utc(p.start))
    .bind(fmt_utc(p.end))
    .bind(v.tz.name())
    .bind(v.capacity.map(i64::from))
    .bind(&v.notes)
    .bind(series_id)
    .bind(recurrence_id)
    .bind(detached)
    .bind(ics_uid)
    .bind(crate::schedule::names_label(&v.clients))
    .bind(now)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    for (client_id, _) in &v.clients {
        sqlx::query(
            "INSERT INTO session_participants (session_id, client_id, attendance, session_start_utc, updated_at)
             VALUES (?, ?, 'expected', ?, ?)",
        )
        .bind(&id)
        .bind(client_id)
        .bind(fmt_utc(p.start))
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    if !v.clients.is_empty() {
        // The clearance flag depends on the clients' intakes: let SQLite work it out.
        sqlx::query(&format!(
            "{} WHERE id = ?",
            crate::schedule::REFRESH_NAMES_SQL
        ))
        .bind(&id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}

pub(super) async fn tombstone(tx: &mut Transaction<'_, Sqlite>, id: &str, now: &str) -> Result<()> {
    sqlx::query(
        "UPDATE sessions SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(now)
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) async fn replace_participants(
    tx: &mut Transaction<'_, Sqlite>,
    session_id: &str,
    clients: &[(String, String)],
    now: &str,
) -> Result<()> {
    // Keep attendance of clients who stay; tombstone those removed; add the new ones.
    let ids: Vec<&str> = clients.iter().map(|(id, _)| id.as_str()).collect();
    let ids_json = serde_json::to_string(&ids).map_err(|e| AppError::internal(e.to_string()))?;
    sqlx::query(
        "UPDATE session_participants SET deleted_at = ?, updated_at = ?
         WHERE session_id = ? AND deleted_at IS NULL AND client_id NOT IN (SELECT value FROM json_each(?))",
    )
    .bind(now)
    .bind(now)
    .bind(session_id)
    .bind(&ids_json)
    .execute(&mut **tx)
    .await?;
    for id in ids {
        sqlx::query(
            "INSERT INTO session_participants (session_id, client_id, attendance, session_start_utc, updated_at)
             VALUES (?1, ?2, 'expected', (SELECT start_utc FROM sessions WHERE id = ?1), ?3)
             ON CONFLICT (session_id, client_id) DO UPDATE SET
               deleted_at = NULL,
               attendance = CASE WHEN session_participants.deleted_at IS NULL THEN session_participants.attendance ELSE 'expected' END,
               updated_at = excluded.updated_at",
        )
        .bind(session_id)
        .bind(id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    // The session may have moved: every booking carries its start (the client-conflict index).
    sqlx::query(
        "UPDATE session_participants SET session_start_utc = (SELECT start_utc FROM sessions WHERE id = ?1) WHERE session_id = ?1",
    )
    .bind(session_id)
    .execute(&mut **tx)
    .await?;
    sqlx::query(&format!(
        "{} WHERE id = ?",
        crate::schedule::REFRESH_NAMES_SQL
    ))
    .bind(session_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// After a client is renamed: the names shown on their sessions follow.
pub(crate) async fn refresh_names_for_client<'e, E: sqlx::Executor<'e, Database = Sqlite>>(
    exec: E,
    client_id: &str,
) -> Result<()> {
    sqlx::query(&format!(
        "{} WHERE id IN (SELECT session_id FROM session_participants WHERE client_id = ?)",
        crate::schedule::REFRESH_NAMES_SQL
    ))
    .bind(client_id)
    .execute(exec)
    .await?;
    Ok(())
}
