//! Validating a session input: every field checked, the trainer, room and clients looked up.

use chrono::{Duration, NaiveDateTime};
use chrono_tz::Tz;

use crate::schedule::conflicts::{Candidate, Planned};
use crate::schedule::recurrence::weekly_rule;
use crate::schedule::zoned::{parse_local, parse_zone, to_utc, to_utc_lenient};
use crate::schedule::{trainers, Room, SessionInput, SessionKind, Trainer, MAX_SESSION_MINUTES};
use spotter_store::ids::parse_id;
use spotter_store::{AppError, Database, Result};

use super::*;

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
    pub(super) fn candidate(&self) -> Candidate<'_> {
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
    pub(super) fn planned_at(&self, start: NaiveDateTime) -> Planned {
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

pub(super) async fn client_names(db: &Database, ids: &[String]) -> Result<Vec<(String, String)>> {
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
