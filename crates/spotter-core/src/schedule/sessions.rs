//! Sessions and series: create, move, edit one/following/all, status, attendance,
//! cancel, delete (tombstones) and the calendar's range query.
//!
//! Every write checks conflicts first (unless the trainer overrode them) and then runs
//! in one transaction, so a series is saved whole or not at all.

use std::collections::{BTreeSet, HashSet};

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use sqlx::{FromRow, Sqlite, Transaction};

use super::conflicts::{self, Candidate, Planned};
use super::recurrence::{self, expand, truncate_before, weekly_rule};
use super::zoned::{
    fmt_local, fmt_utc, local_of, parse_local, parse_utc, parse_zone, to_utc, to_utc_lenient,
};
use super::{
    trainers, Attendance, CalendarEntry, CalendarQuery, EditScope, Participant, Room, SaveOutcome,
    Session, SessionInput, SessionKind, SessionStatus, Trainer, LABEL_SQL, MAX_SESSION_MINUTES,
};
use crate::ids::{new_id, parse_id};
use crate::time::now_utc;
use crate::{AppError, Database, Result};

pub const TITLE_MAX: usize = 200;
pub const NOTES_MAX: usize = 20_000;
pub const CAPACITY_MAX: u32 = 500;
/// The calendar never returns more than this many sessions for one range.
pub const RANGE_LIMIT: i64 = 50_000;

/// A session input that passed validation, with everything looked up.
pub struct ValidSession {
    pub trainer: Trainer,
    pub trainer_tz: Tz,
    pub tz: Tz,
    pub room: Option<Room>,
    pub clients: Vec<(String, String)>,
    pub kind: SessionKind,
    pub title: String,
    pub notes: String,
    pub capacity: Option<u32>,
    pub local_start: NaiveDateTime,
    pub minutes: i64,
    pub rule: Option<String>,
}

impl ValidSession {
    fn candidate(&self) -> Candidate<'_> {
        Candidate {
            trainer: &self.trainer,
            trainer_tz: self.trainer_tz,
            session_tz: self.tz,
            room: self.room.as_ref(),
            clients: &self.clients,
            capacity: self.capacity,
            is_group: self.kind.is_group(),
        }
    }

    /// The occurrence starting at local `start`: a session keeps its wall-clock length.
    fn planned_at(&self, start: NaiveDateTime) -> Planned {
        Planned {
            start: to_utc_lenient(start, self.tz),
            end: to_utc_lenient(start + Duration::minutes(self.minutes), self.tz),
        }
    }
}

pub async fn validate(db: &Database, input: &SessionInput) -> Result<ValidSession> {
    if input.trainer_id.trim().is_empty() {
        return Err(AppError::validation("trainerId", "Choose a trainer"));
    }
    let trainer = trainers::get(db, &input.trainer_id).await?;
    let trainer_tz = parse_zone("timeZone", &trainer.time_zone)?;
    let tz = parse_zone("timeZone", &input.time_zone)?;
    let local_start = parse_local("start", &input.start)?;
    let local_end = parse_local("end", &input.end)?;
    let start = to_utc("start", local_start, tz)?;
    let end = to_utc("end", local_end, tz)?;
    if end <= start {
        return Err(AppError::validation(
            "end",
            "The session must end after it starts",
        ));
    }
    let minutes = (local_end - local_start).num_minutes();
    if minutes > MAX_SESSION_MINUTES || (end - start).num_minutes() > MAX_SESSION_MINUTES {
        return Err(AppError::validation(
            "end",
            "A session lasts at most 12 hours; plan longer events as several sessions",
        ));
    }
    if minutes < 5 {
        return Err(AppError::validation(
            "end",
            "A session lasts at least 5 minutes",
        ));
    }

    let title = input.title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.chars().count() > TITLE_MAX {
        return Err(AppError::validation(
            "title",
            format!("Title is at most {TITLE_MAX} characters"),
        ));
    }
    let notes = input.notes.trim().to_owned();
    if notes.chars().count() > NOTES_MAX {
        return Err(AppError::validation(
            "notes",
            format!(
                "Notes are at most {NOTES_MAX} characters (these have {})",
                notes.chars().count()
            ),
        ));
    }

    let mut ids: Vec<String> = Vec::new();
    for (i, raw) in input.client_ids.iter().enumerate() {
        let id = parse_id(&format!("clientIds.{i}"), raw)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let clients = client_names(db, &ids).await?;
    let kind = input.kind;
    let capacity = if kind.is_group() {
        let cap = input
            .capacity
            .unwrap_or(if kind == SessionKind::Class { 20 } else { 6 });
        if cap == 0 || cap > CAPACITY_MAX {
            return Err(AppError::validation(
                "capacity",
                format!("Capacity is 1 to {CAPACITY_MAX} people"),
            ));
        }
        Some(cap)
    } else if kind == SessionKind::Other {
        None
    } else {
        match clients.len() {
            0 => return Err(AppError::validation("clientIds", "Choose the client")),
            1 => {}
            _ => {
                return Err(AppError::validation(
                    "clientIds",
                    format!(
                        "{} is for one client; choose Small group or Class for several",
                        kind.label()
                    ),
                ))
            }
        }
        None
    };
    let room = match input
        .room_id
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        Some(id) => Some(trainers::room(db, id).await?),
        None => None,
    };
    let rule = match &input.recurrence {
        Some(rec) => Some(weekly_rule(rec, local_start, tz)?),
        None => None,
    };
    Ok(ValidSession {
        trainer,
        trainer_tz,
        tz,
        room,
        clients,
        kind,
        title,
        notes,
        capacity,
        local_start,
        minutes,
        rule,
    })
}

async fn client_names(db: &Database, ids: &[String]) -> Result<Vec<(String, String)>> {
    let mut out = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let name: Option<String> =
            sqlx::query_scalar("SELECT name FROM clients WHERE id = ? AND deleted_at IS NULL")
                .bind(id)
                .fetch_optional(db.pool())
                .await?;
        let name = name.ok_or_else(|| {
            AppError::validation(
                &format!("clientIds.{i}"),
                "That client does not exist (any more)",
            )
        })?;
        out.push((id.clone(), name));
    }
    Ok(out)
}

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
    Conflicts(Vec<super::Conflict>),
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
    .bind(super::names_label(&v.clients))
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
        sqlx::query(&format!("{} WHERE id = ?", super::REFRESH_NAMES_SQL))
            .bind(&id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(id)
}

/// Edits a session; for an occurrence of a series, `scope` says whether the edit applies to
/// it alone (it becomes an exception), to it and the ones after, or to the whole series.
/// Completed, cancelled and no-show sessions are history: series edits leave them alone,
/// and so do they leave occurrences edited on their own (exceptions survive).
pub async fn update(
    db: &Database,
    id: &str,
    input: &SessionInput,
    scope: EditScope,
) -> Result<SaveOutcome> {
    let current = load(db, id).await?;
    let v = validate(db, input).await?;
    let series = match (&current.series_id, scope) {
        (Some(sid), EditScope::Following | EditScope::All) => Some(load_series(db, sid).await?),
        _ => None,
    };
    let Some(series) = series else {
        let planned = [v.planned_at(v.local_start)];
        let ignore = HashSet::from([current.id.clone()]);
        let found = conflicts::check(db, &v.candidate(), &planned, &ignore).await?;
        if !found.is_empty() && !input.override_conflicts {
            return Ok(SaveOutcome::Conflicts { conflicts: found });
        }
        let now = now_utc();
        let mut tx = db.pool().begin().await?;
        sqlx::query(
            "UPDATE sessions SET trainer_id = ?, room_id = ?, kind = ?, title = ?, start_utc = ?, end_utc = ?, time_zone = ?,
                    capacity = ?, notes = ?, detached = (series_id IS NOT NULL), updated_at = ?
             WHERE id = ?",
        )
        .bind(&v.trainer.id)
        .bind(v.room.as_ref().map(|r| &r.id))
        .bind(v.kind.as_str())
        .bind(&v.title)
        .bind(fmt_utc(planned[0].start))
        .bind(fmt_utc(planned[0].end))
        .bind(v.tz.name())
        .bind(v.capacity.map(i64::from))
        .bind(&v.notes)
        .bind(&now)
        .bind(&current.id)
        .execute(&mut *tx)
        .await?;
        replace_participants(&mut tx, &current.id, &v.clients, &now).await?;
        tx.commit().await?;
        return Ok(SaveOutcome::Saved {
            sessions: vec![get(db, &current.id).await?],
            conflicts_overridden: found.len() as u32,
        });
    };

    let rule = match (&v.rule, scope) {
        (Some(rule), _) => rule.clone(),
        // No new repeat rule given: keep the series' rule, re-anchored below.
        (None, _) => series.rrule.clone(),
    };
    let occurrence = current
        .recurrence_id
        .as_deref()
        .map(|r| parse_utc("recurrenceId", r))
        .transpose()?;
    let occurrence = occurrence.unwrap_or(current.start);
    // Occurrences that this edit replaces: scheduled, not edited on their own, and (for
    // "following") from this one on. The edited occurrence itself is always replaced.
    let from = if scope == EditScope::Following {
        fmt_utc(occurrence)
    } else {
        String::new()
    };
    let replaced: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM sessions WHERE series_id = ? AND deleted_at IS NULL AND coalesce(recurrence_id, start_utc) >= ?
           AND ((status = 'scheduled' AND detached = 0) OR id = ?)",
    )
    .bind(&series.id)
    .bind(&from)
    .bind(&current.id)
    .fetch_all(db.pool())
    .await?;
    let kept: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT id, recurrence_id FROM sessions WHERE series_id = ? AND deleted_at IS NULL AND coalesce(recurrence_id, start_utc) >= ?",
    )
    .bind(&series.id)
    .bind(&from)
    .fetch_all(db.pool())
    .await?;
    let replaced_set: HashSet<String> = replaced.iter().cloned().collect();
    let kept: Vec<(String, Option<String>)> = kept
        .into_iter()
        .filter(|(id, _)| !replaced_set.contains(id))
        .collect();
    let kept_days: BTreeSet<NaiveDate> = kept
        .iter()
        .filter_map(|(_, r)| r.as_deref().and_then(|r| parse_utc("r", r).ok()))
        .map(|t| local_of(t, v.tz).date())
        .collect();

    // The new anchor: for "following", the edited occurrence's new time; for "all", the
    // series' first start moved by the same amount the trainer moved this occurrence.
    let series_tz = parse_zone("timeZone", &series.time_zone)?;
    let series_first = parse_local("start", &series.first_start)?;
    let new_first = match scope {
        EditScope::All => series_first + (v.local_start - local_of(occurrence, series_tz)),
        _ => v.local_start,
    };
    let rule = if v.rule.is_some() || new_first == series_first {
        rule
    } else {
        rebase_rule(&rule, series_first, new_first, series_tz, v.tz)?
    };
    let starts = expand(&rule, new_first, v.tz, &[])?;
    // Never recreate history: regenerate only from the day of the first replaced occurrence.
    let first_replaced_day = earliest_day(db, &replaced, v.tz).await?;
    let starts: Vec<NaiveDateTime> = starts
        .into_iter()
        .filter(|s| {
            first_replaced_day.is_none_or(|d| s.date() >= d) && !kept_days.contains(&s.date())
        })
        .collect();
    let planned: Vec<Planned> = starts.iter().map(|s| v.planned_at(*s)).collect();
    let ignore: HashSet<String> = replaced_set
        .iter()
        .cloned()
        .chain(kept.iter().map(|(id, _)| id.clone()))
        .collect();
    let found = conflicts::check(db, &v.candidate(), &planned, &ignore).await?;
    if !found.is_empty() && !input.override_conflicts {
        return Ok(SaveOutcome::Conflicts { conflicts: found });
    }

    let now = now_utc();
    let mut tx = db.pool().begin().await?;
    for id in &replaced {
        tombstone(&mut tx, id, &now).await?;
    }
    let target_series =
        if scope == EditScope::Following && new_first_is_later(&series, occurrence, series_tz)? {
            // Split: the old series ends before this occurrence; a new series carries on.
            let short = truncate_before(&series.rrule, series_first, series_tz, occurrence)?;
            sqlx::query("UPDATE series SET rrule = ?, updated_at = ? WHERE id = ?")
                .bind(&short)
                .bind(&now)
                .bind(&series.id)
                .execute(&mut *tx)
                .await?;
            let mut vv = ValidSession {
                rule: Some(rule.clone()),
                ..v
            };
            vv.local_start = new_first;
            let new_id = insert_series_row(&mut tx, &vv, &rule, &now).await?;
            for (kid, _) in &kept {
                sqlx::query("UPDATE sessions SET series_id = ?, updated_at = ? WHERE id = ?")
                    .bind(&new_id)
                    .bind(&now)
                    .bind(kid)
                    .execute(&mut *tx)
                    .await?;
            }
            (new_id, vv)
        } else {
            let mut vv = ValidSession {
                rule: Some(rule.clone()),
                ..v
            };
            vv.local_start = new_first;
            update_series(&mut tx, &series.id, &vv, &rule, &now).await?;
            (series.id.clone(), vv)
        };
    let (sid, vv) = target_series;
    let mut ids = Vec::new();
    for p in &planned {
        ids.push(
            insert_session_row(
                &mut tx,
                &vv,
                p,
                Some(&sid),
                Some(&fmt_utc(p.start)),
                false,
                None,
                &now,
            )
            .await?,
        );
    }
    tx.commit().await?;
    Ok(SaveOutcome::Saved {
        sessions: get_many(db, &ids).await?,
        conflicts_overridden: found.len() as u32,
    })
}

/// "This and following" on the first occurrence is the whole series, not a split.
fn new_first_is_later(series: &SeriesRow, occurrence: DateTime<Utc>, tz: Tz) -> Result<bool> {
    let first = to_utc_lenient(parse_local("start", &series.first_start)?, tz);
    Ok(occurrence > first)
}

/// Moves a rule's weekdays along with its anchor when the trainer moved the series to other days.
fn rebase_rule(
    rule: &str,
    old_first: NaiveDateTime,
    new_first: NaiveDateTime,
    old_tz: Tz,
    tz: Tz,
) -> Result<String> {
    let shift = (new_first.date() - old_first.date())
        .num_days()
        .rem_euclid(7) as u8;
    match recurrence::describe(rule, old_first, old_tz) {
        Some(mut rec) if shift != 0 => {
            rec.weekdays = rec
                .weekdays
                .iter()
                .map(|d| (d - 1 + shift) % 7 + 1)
                .collect();
            weekly_rule(&rec, new_first, tz)
        }
        _ => Ok(rule.to_owned()),
    }
}

async fn earliest_day(db: &Database, ids: &[String], tz: Tz) -> Result<Option<NaiveDate>> {
    let mut earliest: Option<DateTime<Utc>> = None;
    for id in ids {
        let r: Option<String> = sqlx::query_scalar(
            "SELECT coalesce(recurrence_id, start_utc) FROM sessions WHERE id = ?",
        )
        .bind(id)
        .fetch_one(db.pool())
        .await?;
        if let Some(t) = r.and_then(|r| parse_utc("r", &r).ok()) {
            earliest = Some(earliest.map_or(t, |e| e.min(t)));
        }
    }
    Ok(earliest.map(|t| local_of(t, tz).date()))
}

async fn update_series(
    tx: &mut Transaction<'_, Sqlite>,
    id: &str,
    v: &ValidSession,
    rule: &str,
    now: &str,
) -> Result<()> {
    let client_ids: Vec<&String> = v.clients.iter().map(|(id, _)| id).collect();
    sqlx::query(
        "UPDATE series SET trainer_id = ?, room_id = ?, kind = ?, title = ?, time_zone = ?, first_start = ?, duration_minutes = ?,
                rrule = ?, capacity = ?, client_ids = ?, notes = ?, updated_at = ?
         WHERE id = ?",
    )
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
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn tombstone(tx: &mut Transaction<'_, Sqlite>, id: &str, now: &str) -> Result<()> {
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

async fn replace_participants(
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
    sqlx::query(&format!("{} WHERE id = ?", super::REFRESH_NAMES_SQL))
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
        super::REFRESH_NAMES_SQL
    ))
    .bind(client_id)
    .execute(exec)
    .await?;
    Ok(())
}

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

// ---- reading ----

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
struct Current {
    id: String,
    start: DateTime<Utc>,
    series_id: Option<String>,
    recurrence_id: Option<String>,
}

async fn load(db: &Database, id: &str) -> Result<Current> {
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

async fn load_series(db: &Database, id: &str) -> Result<SeriesRow> {
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
struct ParticipantRow {
    client_id: String,
    name: String,
    attendance: String,
    needs_clearance: i64,
}

async fn participants(db: &Database, session_id: &str) -> Result<Vec<Participant>> {
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

#[derive(FromRow)]
struct EntryRow {
    id: String,
    trainer_id: String,
    room_id: Option<String>,
    kind: String,
    label: String,
    start_utc: String,
    end_utc: String,
    time_zone: String,
    status: String,
    series_id: Option<String>,
    needs_clearance: i64,
    capacity: Option<i64>,
    booked: Option<i64>,
}

/// A group session's capacity and how many are booked on it (not counting cancellations),
/// NULL for the other kinds. Correlated subqueries on purpose: the calendar's scan stays
/// answered from `sessions_calendar_idx` alone (every index entry carries `local_key`, the
/// rowid), and only group rows pay one rowid lookup and one count over the participants'
/// primary key. On the benchmark's mix (one session in ten a group) that is roughly +12–16 ms
/// on a studio's 20,000-session month; storing both on the row and in the index would make
/// it free, at the cost of a migration.
fn fill_sql() -> String {
    let groups: Vec<String> = SessionKind::ALL
        .iter()
        .filter(|k| k.is_group())
        .map(|k| format!("'{}'", k.as_str()))
        .collect();
    let groups = groups.join(", ");
    format!(
        "CASE WHEN s.kind IN ({groups}) THEN (SELECT c.capacity FROM sessions c WHERE c.local_key = s.local_key) END AS capacity,
         CASE WHEN s.kind IN ({groups}) THEN (SELECT count(*) FROM session_participants p WHERE p.session_id = s.id
             AND p.deleted_at IS NULL AND p.attendance NOT IN ('cancelled', 'late_cancelled')) END AS booked"
    )
}

/// The calendar's query: binds are the lower bound, `to`, `from`, the trainer ids, the room
/// ids and the row limit. Public so the benchmark can run the very same SQL directly.
pub fn range_sql(trainers: usize, rooms: usize, include_cancelled: bool) -> String {
    let fill = fill_sql();
    let mut sql = format!(
        "SELECT s.id, s.trainer_id, s.room_id, s.kind, {LABEL_SQL} AS label, s.start_utc, s.end_utc, s.time_zone, s.status, s.series_id,
                s.needs_clearance, {fill}
         FROM sessions s
         WHERE s.deleted_at IS NULL AND s.start_utc >= ? AND s.start_utc < ? AND s.end_utc > ?"
    );
    if trainers > 0 {
        sql.push_str(&format!(
            " AND s.trainer_id IN ({})",
            vec!["?"; trainers].join(", ")
        ));
    }
    if rooms > 0 {
        sql.push_str(&format!(
            " AND s.room_id IN ({})",
            vec!["?"; rooms].join(", ")
        ));
    }
    if !include_cancelled {
        sql.push_str(" AND s.status <> 'cancelled'");
    }
    sql.push_str(" ORDER BY s.start_utc LIMIT ?");
    sql
}

/// Sessions last at most 12 hours, so one overlapping `from` starts after `from − 12 h`:
/// that bound lets the (trainer_id, start_utc) and calendar (start_utc, …) indexes do the work.
pub fn range_lower_bound(from: &str) -> Result<String> {
    Ok(fmt_utc(
        parse_utc("from", from)? - Duration::minutes(MAX_SESSION_MINUTES),
    ))
}

/// The calendar: sessions overlapping [from, to), optionally for some trainers or rooms.
pub async fn range_json(db: &Database, q: &CalendarQuery) -> Result<String> {
    let from = parse_utc("from", &q.from)?;
    let to = parse_utc("to", &q.to)?;
    if to <= from {
        return Err(AppError::validation(
            "to",
            "The range must end after it starts",
        ));
    }
    if to - from > Duration::days(366) {
        return Err(AppError::validation(
            "to",
            "Ask for at most a year at a time",
        ));
    }
    let mut binds: Vec<String> = vec![range_lower_bound(&q.from)?, fmt_utc(to), fmt_utc(from)];
    let mut trainer_ids = Vec::new();
    for (i, t) in q.trainer_ids.iter().enumerate() {
        trainer_ids.push(parse_id(&format!("trainerIds.{i}"), t)?);
    }
    let mut room_ids = Vec::new();
    for (i, r) in q.room_ids.iter().enumerate() {
        room_ids.push(parse_id(&format!("roomIds.{i}"), r)?);
    }
    let sql = range_json_sql(trainer_ids.len(), room_ids.len(), q.include_cancelled);
    binds.extend(trainer_ids);
    binds.extend(room_ids);
    let mut query = sqlx::query_scalar::<_, String>(&sql);
    for b in &binds {
        query = query.bind(b);
    }
    Ok(query.bind(RANGE_LIMIT).fetch_one(db.pool()).await?)
}

/// The calendar as typed entries (the CLI, the dashboard, tests): [`range_json`], decoded.
pub async fn range(db: &Database, q: &CalendarQuery) -> Result<Vec<CalendarEntry>> {
    let json = range_json(db, q).await?;
    serde_json::from_str(&json)
        .map_err(|e| AppError::internal(format!("cannot read the calendar rows: {e}")))
}

/// [`range_sql`] with the rows built by SQLite as one JSON array of [`CalendarEntry`] objects: a
/// studio's month is ~20,000 rows, and one string (passed to the webview as it is) is far faster
/// than decoding and re-encoding each row. `tests/schedule.rs` checks it decodes as the type.
/// The flag's two JSON values are constants SQLite computes once, not a parse per row (a fifth
/// of the month query when it was `json(CASE … END)`).
pub fn range_json_sql(trainers: usize, rooms: usize, include_cancelled: bool) -> String {
    let kind_labels: String = SessionKind::ALL
        .iter()
        .map(|k| format!(" WHEN '{}' THEN '{}'", k.as_str(), k.label()))
        .collect();
    format!(
        "SELECT coalesce(json_group_array(json_object(
             'id', id, 'trainerId', trainer_id, 'roomId', room_id, 'kind', kind,
             'label', CASE WHEN label <> '' THEN label ELSE CASE kind{kind_labels} ELSE kind END END,
             'start', start_utc, 'end', end_utc, 'timeZone', time_zone, 'status', status, 'seriesId', series_id,
             'needsClearance', CASE WHEN needs_clearance THEN json('true') ELSE json('false') END,
             'capacity', capacity, 'booked', booked)), '[]')
         FROM ({})",
        range_sql(trainers, rooms, include_cancelled)
    )
}

fn entry(r: EntryRow) -> CalendarEntry {
    CalendarEntry {
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
        start: r.start_utc,
        end: r.end_utc,
        time_zone: r.time_zone,
        status: SessionStatus::parse(&r.status).unwrap_or_default(),
        series_id: r.series_id,
        needs_clearance: r.needs_clearance != 0,
        capacity: r.capacity.and_then(|c| u32::try_from(c).ok()),
        booked: r.booked.and_then(|c| u32::try_from(c).ok()),
    }
}

/// The recurrence of a session's series in the form the edit dialog shows, if it has one.
pub async fn series_recurrence(
    db: &Database,
    series_id: &str,
) -> Result<Option<super::Recurrence>> {
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
) -> Result<Vec<super::Conflict>> {
    let v = validate(db, input).await?;
    let starts = match &v.rule {
        Some(rule) => expand(rule, v.local_start, v.tz, &[])?,
        None => vec![v.local_start],
    };
    let planned: Vec<Planned> = starts.iter().map(|s| v.planned_at(*s)).collect();
    let ignore: HashSet<String> = ignore.map(str::to_owned).into_iter().collect();
    conflicts::check(db, &v.candidate(), &planned, &ignore).await
}
