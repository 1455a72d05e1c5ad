//! Reading sessions whole (with participants), a series' recurrence, a client's sessions
//! and the conflict check the dialogs ask for.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sqlx::FromRow;

use crate::schedule::conflicts::{self, Planned};
use crate::schedule::recurrence::{self, expand};
use crate::schedule::zoned::{fmt_local, local_of, parse_local, parse_utc, parse_zone};
use crate::schedule::{
    Attendance, CalendarEntry, CalendarQuery, Participant, Session, SessionInput, SessionKind,
    SessionStatus, LABEL_SQL,
};
use spotter_store::ids::parse_id;
use spotter_store::{AppError, Database, Result};

use super::*;

#[derive(FromRow)]
pub(crate) struct SessionRow {
    pub id: String,
    pub trainer_id: String,
    pub room_id: Option<String>,
    pub kind: String,
    pub label: String,
    pub title: String,
    pub start_utc: String,
    pub end_utc: String,
    pub time_zone: String,
    pub capacity: Option<i64>,
    pub status: String,
    pub late_cancel: i64,
    pub notes: String,
    pub series_id: Option<String>,
    pub recurrence_id: Option<String>,
    pub detached: i64,
    pub created_at: String,
    pub updated_at: String,
}

pub(crate) const SESSION_COLUMNS: &str = "s.id, s.trainer_id, s.room_id, s.kind, s.title, s.start_utc, s.end_utc, s.time_zone, s.capacity,
     s.status, s.late_cancel, s.notes, s.series_id, s.recurrence_id, s.detached, s.created_at, s.updated_at";

/// What an edit needs to know about the session it changes.
pub(super) struct Current {
    pub(super) id: String,
    pub(super) start: DateTime<Utc>,
    pub(super) series_id: Option<String>,
    pub(super) recurrence_id: Option<String>,
}

pub(super) async fn load(db: &Database, id: &str) -> Result<Current> {
    let id = parse_id("id", id)?;
    let row: Option<(String, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT id, start_utc, series_id, recurrence_id FROM sessions WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&id)
    .fetch_optional(db.pool())
    .await?;
    let (id, start, series_id, recurrence_id) =
        row.ok_or_else(|| AppError::not_found("session"))?;
    Ok(Current {
        id,
        start: parse_utc("start", &start)?,
        series_id,
        recurrence_id,
    })
}

#[derive(FromRow)]
pub(crate) struct SeriesRow {
    pub id: String,
    pub time_zone: String,
    pub first_start: String,
    pub rrule: String,
}

pub(super) async fn load_series(db: &Database, id: &str) -> Result<SeriesRow> {
    let row: Option<SeriesRow> = sqlx::query_as(
        "SELECT id, time_zone, first_start, rrule FROM series WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    row.ok_or_else(|| AppError::not_found("series"))
}

pub async fn get(db: &Database, id: &str) -> Result<Session> {
    let id = parse_id("id", id)?;
    let mut found = get_many(db, std::slice::from_ref(&id)).await?;
    found.pop().ok_or_else(|| AppError::not_found("session"))
}

/// Sessions by id, in the order given (missing or deleted ones are left out).
pub async fn get_many(db: &Database, ids: &[String]) -> Result<Vec<Session>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let row: Option<SessionRow> = sqlx::query_as(&format!(
            "SELECT {SESSION_COLUMNS}, {LABEL_SQL} AS label FROM sessions s WHERE s.id = ? AND s.deleted_at IS NULL"
        ))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
        if let Some(row) = row {
            let participants = participants(db, &row.id).await?;
            out.push(to_session(row, participants));
        }
    }
    Ok(out)
}

/// Sessions with their participants in a UTC range (the dashboard's day), at most 500.
pub async fn detailed(db: &Database, query: &CalendarQuery) -> Result<Vec<Session>> {
    let entries = range(db, query).await?;
    let ids: Vec<String> = entries.into_iter().take(500).map(|e| e.id).collect();
    get_many(db, &ids).await
}

#[derive(FromRow)]
pub(super) struct ParticipantRow {
    client_id: String,
    name: String,
    attendance: String,
    needs_clearance: i64,
}

pub(super) async fn participants(db: &Database, session_id: &str) -> Result<Vec<Participant>> {
    let rows: Vec<ParticipantRow> = sqlx::query_as(
        "SELECT p.client_id, c.name, p.attendance, (c.needs_clearance AND c.clearance_on IS NULL) AS needs_clearance
         FROM session_participants p JOIN clients c ON c.id = p.client_id
         WHERE p.session_id = ? AND p.deleted_at IS NULL
         ORDER BY c.name COLLATE NOCASE",
    )
    .bind(session_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Participant {
            client_id: r.client_id,
            name: r.name,
            attendance: Attendance::parse(&r.attendance).unwrap_or_default(),
            needs_clearance: r.needs_clearance != 0,
        })
        .collect())
}

pub(crate) fn to_session(r: SessionRow, participants: Vec<Participant>) -> Session {
    let tz: Tz = r.time_zone.parse().unwrap_or(Tz::UTC);
    let local = |s: &str| {
        parse_utc("t", s)
            .map(|t| fmt_local(local_of(t, tz)))
            .unwrap_or_default()
    };
    Session {
        local_start: local(&r.start_utc),
        local_end: local(&r.end_utc),
        id: r.id,
        trainer_id: r.trainer_id,
        room_id: r.room_id,
        kind: SessionKind::parse(&r.kind).unwrap_or_default(),
        label: if r.label.is_empty() {
            SessionKind::parse(&r.kind)
                .unwrap_or_default()
                .label()
                .to_owned()
        } else {
            r.label
        },
        title: r.title,
        start: r.start_utc,
        end: r.end_utc,
        time_zone: r.time_zone,
        capacity: r.capacity.and_then(|c| u32::try_from(c).ok()),
        status: SessionStatus::parse(&r.status).unwrap_or_default(),
        late_cancel: r.late_cancel != 0,
        notes: r.notes,
        series_id: r.series_id,
        recurrence_id: r.recurrence_id,
        detached: r.detached != 0,
        participants,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

/// The recurrence of a session's series in the form the edit dialog shows, if it has one.
pub async fn series_recurrence(
    db: &Database,
    series_id: &str,
) -> Result<Option<crate::schedule::Recurrence>> {
    let s = load_series(db, series_id).await?;
    let tz = parse_zone("timeZone", &s.time_zone)?;
    Ok(recurrence::describe(
        &s.rrule,
        parse_local("start", &s.first_start)?,
        tz,
    ))
}

/// A client's sessions, newest first (the client page's Sessions tab), at most `limit`.
pub async fn for_client(db: &Database, client_id: &str, limit: u32) -> Result<Vec<CalendarEntry>> {
    let client_id = parse_id("clientId", client_id)?;
    let fill = fill_sql();
    let rows: Vec<EntryRow> = sqlx::query_as(&format!(
        "SELECT s.id, s.trainer_id, s.room_id, s.kind, {LABEL_SQL} AS label, s.start_utc, s.end_utc, s.time_zone, s.status, s.series_id,
                s.needs_clearance, {fill}
         FROM session_participants p JOIN sessions s ON s.id = p.session_id
         WHERE p.client_id = ? AND p.deleted_at IS NULL AND s.deleted_at IS NULL
         ORDER BY s.start_utc DESC LIMIT ?"
    ))
    .bind(&client_id)
    .bind(i64::from(limit.clamp(1, 2_000)))
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(entry).collect())
}

/// The conflicts a session (or each occurrence of a series) would have, without saving it.
pub async fn check_conflicts(
    db: &Database,
    input: &SessionInput,
    ignore: Option<&str>,
) -> Result<Vec<crate::schedule::Conflict>> {
    let v = validate(db, input).await?;
    let starts = match &v.rule {
        Some(rule) => expand(rule, v.local_start, v.tz, &[])?,
        None => vec![v.local_start],
    };
    let planned: Vec<Planned> = starts.iter().map(|s| v.planned_at(*s)).collect();
    let ignore: HashSet<String> = ignore.map(str::to_owned).into_iter().collect();
    conflicts::check(db, &v.candidate(), &planned, &ignore).await
}
